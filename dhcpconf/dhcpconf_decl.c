// SPDX-License-Identifier: ISC
/*
 * dhcpconf host and class declarations: `host NAME { hardware ethernet
 * MAC; fixed-address IP; ... }' and `class "NAME" { match if ...; ... }'
 * with the two match forms diskless clusters use (RFC 4578 PXE clients by
 * vendor class, BIOS or UEFI by client architecture, option 93):
 *	match if substring (option NAME, OFFSET, LENGTH) = VALUE;
 *	match if option NAME = VALUE;
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/* A declaration's name: a word or a "string". */
static int
dc_name(struct dc_parser *p, char *dst, size_t sz, const char *what)
{
	struct conftok_tok t;

	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type != CT_WORD && t.type != CT_STRING)
		return dc_fail(p, t.line, "expected a %s name", what);
	if (t.len == 0 || strlcpy(dst, t.text, sz) >= sz)
		return dc_fail(p, t.line, "bad %s name", what);
	return 0;
}

int
dc_stmt_host(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct dc_host h;
	int s;

	memset(&h, 0, sizeof(h));
	h.line = kw->line;
	h.subnet = -1;
	strlcpy(h.file, p->file, sizeof(h.file));
	if (dc_name(p, h.name, sizeof(h.name), "host") == -1)
		return -1;
	if ((s = dc_new(p, DC_K_HOST, scope, kw->line)) == -1)
		return -1;
	h.scope = s;
	if (dc_grow(&c->hosts, &c->nhosts, sizeof(h)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->hosts[c->nhosts - 1] = h;
	c->scopes[s].index = (int)c->nhosts - 1;
	if (dc_subblock(p, s) == -1)
		return -1;
	if (!c->hosts[c->scopes[s].index].has_mac)
		return dc_fail(p, kw->line, "host %s has no 'hardware "
		    "ethernet'", h.name);
	return 0;
}

int
dc_stmt_hardware(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_host *h = &p->c->hosts[p->c->scopes[scope].index];
	struct conftok_tok t;

	if (dc_word(p, &t, "'ethernet'") == -1)
		return -1;
	if (strcasecmp(t.text, "ethernet") != 0)
		return dc_fail(p, t.line, "unsupported hardware type '%s'",
		    t.text);
	if (dc_word(p, &t, "a MAC address") == -1)
		return -1;
	if (h->has_mac)
		return dc_fail(p, t.line, "second 'hardware' in host %s",
		    h->name);
	if (mac_parse(t.text, h->mac) == -1)
		return dc_fail(p, t.line, "bad MAC address '%s'", t.text);
	h->has_mac = true;
	return dc_semi(p);
}

int
dc_stmt_fixed(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_host *h = &p->c->hosts[p->c->scopes[scope].index];
	struct conftok_tok t;

	if (h->has_fixed)
		return dc_fail(p, kw->line, "second 'fixed-address' in "
		    "host %s", h->name);
	if (dc_ip(p, &h->fixed, NULL) == -1 || dc_next(p, &t) == -1)
		return -1;
	if (conftok_is(&t, ','))
		return dc_fail(p, t.line, "only one fixed-address per host "
		    "is supported");
	if (!conftok_is(&t, ';'))
		return dc_fail(p, t.line, "expected ';', not '%s'", t.text);
	h->has_fixed = true;
	return 0;
}

int
dc_stmt_class(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct dc_class cl;
	size_t i;
	int s;

	memset(&cl, 0, sizeof(cl));
	cl.line = kw->line;
	if (dc_name(p, cl.name, sizeof(cl.name), "class") == -1)
		return -1;
	for (i = 0; i < c->nclasses; i++)
		if (strcmp(c->classes[i].name, cl.name) == 0)
			return dc_fail(p, kw->line, "class \"%s\" already "
			    "declared at line %u", cl.name,
			    c->classes[i].line);
	if ((s = dc_new(p, DC_K_CLASS, scope, kw->line)) == -1)
		return -1;
	cl.scope = s;
	if (dc_grow(&c->classes, &c->nclasses, sizeof(cl)) == -1)
		return dc_fail(p, kw->line, "out of memory");
	c->classes[c->nclasses - 1] = cl;
	c->scopes[s].index = (int)c->nclasses - 1;
	if (dc_subblock(p, s) == -1)
		return -1;
	if (c->classes[c->scopes[s].index].vlen == 0)
		return dc_fail(p, kw->line, "class \"%s\" has no 'match if'",
		    cl.name);
	return 0;
}

/* "option NAME" inside a match: a DHCP-space option's code. */
static int
dc_match_option(struct dc_parser *p, struct dc_class *cl)
{
	const struct dc_optdef *d;
	struct conftok_tok t;

	if (dc_word(p, &t, "'option'") == -1)
		return -1;
	if (strcasecmp(t.text, "option") != 0)
		return dc_fail(p, t.line, "unsupported match expression "
		    "'%s'", t.text);
	if (dc_word(p, &t, "an option name") == -1)
		return -1;
	if ((d = dhcpconf_optdef_byname(p->c, t.text)) == NULL ||
	    d->space != DC_SPACE_DHCP)
		return dc_fail(p, t.line, "unsupported option '%s'", t.text);
	cl->code = d->code;
	dc_code_used(p, d->space, d->code);
	return 0;
}

static int
dc_match_num(struct dc_parser *p, uint32_t *v)
{
	struct conftok_tok t;
	const char *e;

	if (dc_word(p, &t, "a number") == -1)
		return -1;
	*v = (uint32_t)strtonum(t.text, 0, DC_OPT_MAX, &e);
	if (e != NULL)
		return dc_fail(p, t.line, "substring bound '%s' %s", t.text,
		    e);
	return 0;
}

int
dc_stmt_match(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_class *cl = &p->c->classes[p->c->scopes[scope].index];
	struct conftok_tok t;
	int n;

	if (dc_word(p, &t, "'if'") == -1)
		return -1;
	if (strcasecmp(t.text, "if") != 0)
		return dc_fail(p, t.line, "unsupported statement 'match %s' "
		    "(only 'match if')", t.text);
	if (cl->vlen != 0)
		return dc_fail(p, kw->line, "second 'match' in class \"%s\"",
		    cl->name);
	if (conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (t.type == CT_WORD && strcasecmp(t.text, "substring") == 0) {
		(void)dc_next(p, &t);
		cl->substr = true;
		if (dc_expect(p, '(') == -1 || dc_match_option(p, cl) == -1 ||
		    dc_expect(p, ',') == -1 || dc_match_num(p, &cl->off) ||
		    dc_expect(p, ',') == -1 || dc_match_num(p, &cl->len) ||
		    dc_expect(p, ')') == -1)
			return -1;
	} else if (dc_match_option(p, cl) == -1)
		return -1;
	if (dc_expect(p, '=') == -1)
		return -1;
	if ((n = dc_bytes_read(p, cl->val, sizeof(cl->val), &cl->val_text))
	    == -1)
		return -1;
	if (n == 0)
		return dc_fail(p, kw->line, "empty match value");
	cl->vlen = (size_t)n;
	return dc_semi(p);
}
