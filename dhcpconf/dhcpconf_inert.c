// SPDX-License-Identifier: ISC
/*
 * Statements a boot server accepts and ignores.  The rule: a statement
 * is inert only if it cannot change what any client gets from dhcpd-pxe
 * (dynamic DNS, OMAPI, failover, process settings that dhcpd-pxe takes
 * from its flags, BOOTP-only settings for a server that answers DHCP
 * only).  Each is kept (keyword, line, reason) so the shell logs it once
 * at load and -T prints it back as a comment; anything else dhcpd-pxe
 * does not implement stays a file:line error.  dhcpd-pxe.conf(5) lists
 * them.  Blocks (key, zone, failover peer) are skipped to their `}'.
 */
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

static const char dc_ddns[] = "dhcpd-pxe makes no dynamic DNS updates";
static const char dc_bootp[] = "dhcpd-pxe answers DHCP, not BOOTP";
static const char dc_flags[] = "set by dhcpd-pxe's flags";

static const struct {
	const char	*kw;
	const char	*why;
	bool		 block;		/* NAME { ... } */
} dc_inert[] = {
	{ "ddns-update-style", dc_ddns, false },
	{ "ddns-updates", dc_ddns, false },
	{ "ddns-domainname", dc_ddns, false },
	{ "ddns-rev-domainname", dc_ddns, false },
	{ "ddns-hostname", dc_ddns, false },
	{ "ddns-ttl", dc_ddns, false },
	{ "update-static-leases", dc_ddns, false },
	{ "update-optimization", dc_ddns, false },
	{ "update-conflict-detection", dc_ddns, false },
	{ "do-forward-updates", dc_ddns, false },
	{ "ignore-client-updates", dc_ddns, false },
	{ "key", dc_ddns, true },
	{ "zone", dc_ddns, true },
	{ "omapi-port", "dhcpd-pxe has no OMAPI", false },
	{ "omapi-key", "dhcpd-pxe has no OMAPI", false },
	{ "failover", "dhcpd-pxe has no failover: it answers every client "
	    "of its pools", true },
	{ "ignore-client-uids", "dhcpd-pxe keys leases by hardware address",
	    false },
	{ "dynamic-bootp-lease-length", dc_bootp, false },
	{ "dynamic-bootp-lease-cutoff", dc_bootp, false },
	{ "lease-file-name", dc_flags, false },
	{ "pid-file-name", dc_flags, false },
	{ "db-time-format", "dhcpd-pxe writes UTC times", false },
};

int
dc_note_ignored(struct dhcpconf *c, const char *text, unsigned line,
    const char *why)
{
	struct dc_ignored g;
	size_t i;

	for (i = 0; i < c->nignored; i++)
		if (strcasecmp(c->ignored[i].text, text) == 0)
			return 0;	/* said once */
	memset(&g, 0, sizeof(g));
	strlcpy(g.text, text, sizeof(g.text));
	g.line = line;
	g.why = why;
	if (array_push(&c->ignored, &c->nignored, sizeof(g)) == -1)
		return -1;
	c->ignored[c->nignored - 1] = g;
	return 0;
}

int
dc_ignore(struct dc_parser *p, const char *text, unsigned line,
    const char *why)
{
	if (dc_note_ignored(p->c, text, line, why) == -1)
		return dc_fail(p, line, "out of memory");
	return 0;
}

/* Skips a statement's words to its ';', or a block to its '}'. */
static int
dc_skip(struct dc_parser *p, bool block, char *text, size_t sz)
{
	struct conftok_tok t;
	int depth = 0;

	for (;;) {
		if (dc_next(p, &t) == -1)
			return -1;
		if (conftok_is(&t, '{'))
			depth++;
		else if (conftok_is(&t, '}') && --depth <= 0)
			return 0;
		else if (depth == 0 && conftok_is(&t, ';'))
			return 0;
		if (depth == 0 && !block && t.type != CT_PUNCT &&
		    strlen(text) + t.len + 2 < sz) {
			strlcat(text, " ", sz);
			strlcat(text, t.text, sz);
		}
		if (depth > DC_DEPTH_MAX)
			return dc_fail(p, t.line, "blocks nested too deeply");
	}
}

static int
dc_stmt_inert(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	char text[sizeof(((struct dc_ignored *)0)->text)];
	struct conftok_tok t;
	size_t i;

	for (i = 0; i < sizeof(dc_inert) / sizeof(dc_inert[0]); i++)
		if (strcasecmp(kw->text, dc_inert[i].kw) == 0)
			break;
	strlcpy(text, kw->text, sizeof(text));
	if (dc_skip(p, dc_inert[i].block, text, sizeof(text)) == -1 ||
	    conftok_peek(&p->tok, &t, p->err) == -1)
		return -1;
	if (dc_inert[i].block && conftok_is(&t, ';'))
		(void)dc_next(p, &t);	/* `key x { ... };' as ISC writes */
	/* `ddns-update-style none' says what dhcpd-pxe does anyway. */
	if (strcasecmp(text, "ddns-update-style none") == 0) {
		p->c->ddns_none = true;
		return 0;
	}
	return dc_ignore(p, text, kw->line, dc_inert[i].why);
}

dc_stmt_fn
dc_inert_stmt(const char *kw, unsigned *where)
{
	size_t i;

	for (i = 0; i < sizeof(dc_inert) / sizeof(dc_inert[0]); i++)
		if (strcasecmp(kw, dc_inert[i].kw) == 0) {
			*where = DC_IN_ANY | DC_EXEC;
			return dc_stmt_inert;
		}
	return NULL;
}
