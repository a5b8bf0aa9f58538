// SPDX-License-Identifier: ISC
/*
 * allow / deny / ignore (ISC's permit statements): unknown-clients and
 * known-clients (also written `unknown clients'), members of "CLASS" (in
 * a pool), booting (deny or ignore: the client gets no answer at all);
 * bootp and client-updates are accepted and ignored (dhcpconf_inert.c's
 * rule: dhcpd-pxe serves no BOOTP client and makes no DNS updates).
 * `ignore' is ISC's silent deny.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

static int
dc_members(struct dc_parser *p, int scope, bool allow, unsigned line)
{
	struct dc_scope *s = &p->c->scopes[dc_real_scope(p->c, scope)];
	struct dc_pool *pool;
	struct conftok_tok t;
	size_t i;

	if (dc_word(p, &t, "'of'") == -1)
		return -1;
	if (strcasecmp(t.text, "of") != 0)
		return dc_fail(p, t.line, "expected 'of'");
	if (dc_next(p, &t) == -1)
		return -1;
	if (s->kind != DC_K_POOL)
		return dc_fail(p, line, "'members of' is allowed only in a "
		    "pool");
	pool = &p->c->pools[s->index];
	for (i = 0; i < p->c->nclasses; i++)
		if (strcmp(p->c->classes[i].name, t.text) == 0)
			break;
	if (i == p->c->nclasses)
		return dc_fail(p, t.line, "unknown class '%s'", t.text);
	if (pool->nmembers == DC_POOL_MEMBERS)
		return dc_fail(p, line, "too many 'members of' in one pool");
	pool->members[pool->nmembers].class = (int)i;
	pool->members[pool->nmembers++].allow = allow;
	return dc_semi(p);
}

int
dc_stmt_permit(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	struct conftok_tok t, t2;
	bool allow = strcasecmp(kw->text, "allow") == 0;
	enum dc_permit v = allow ? DC_PERMIT_ALLOW : DC_PERMIT_DENY;
	char text[sizeof(((struct dc_ignored *)0)->text)];

	if (dc_word(p, &t, "what to allow or deny") == -1)
		return -1;
	if (strcasecmp(t.text, "members") == 0 && kw->text[0] != 'i')
		return dc_members(p, scope, allow, kw->line);
	if (strcasecmp(t.text, "booting") == 0) {
		pa->booting = v;
		return dc_semi(p);
	}
	if (strcasecmp(t.text, "bootp") == 0 ||
	    strcasecmp(t.text, "client-updates") == 0) {
		strlcpy(text, kw->text, sizeof(text));
		strlcat(text, " ", sizeof(text));
		strlcat(text, t.text, sizeof(text));
		if (dc_ignore(p, text, kw->line, t.text[0] == 'b' ?
		    "dhcpd-pxe answers DHCP, not BOOTP" :
		    "dhcpd-pxe makes no dynamic DNS updates") == -1)
			return -1;
		return dc_semi(p);
	}
	if (strcasecmp(t.text, "unknown") == 0 ||
	    strcasecmp(t.text, "known") == 0) {
		/* The seed writes "deny unknown clients"; ISC takes both. */
		if (dc_word(p, &t2, "'clients'") == -1)
			return -1;
		if (strcasecmp(t2.text, "clients") != 0)
			return dc_fail(p, t2.line, "unsupported statement "
			    "'%s %s %s'", kw->text, t.text, t2.text);
	} else if (strcasecmp(t.text, "unknown-clients") != 0 &&
	    strcasecmp(t.text, "known-clients") != 0)
		return dc_fail(p, t.line, "unsupported statement '%s %s'",
		    kw->text, t.text);
	if (strncasecmp(t.text, "unknown", 7) == 0)
		pa->unknown_clients = v;
	else
		pa->known_clients = v;
	return dc_semi(p);
}
