// SPDX-License-Identifier: ISC
/*
 * dhcpconf statements that set a scope's parameters: lease times,
 * next-server, filename, server-name, vendor-option-space, authoritative,
 * ping-check and ping-timeout, and the global log-facility, ethers-hosts
 * and proxy-dhcp (nodeboot's own); the table of every parameter statement (allow/deny are
 * dhcpconf_permit.c, the ignored ones dhcpconf_inert.c).  Each reads its
 * arguments up to ';'.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

/*
 * default-lease-time, max-lease-time and ping-timeout: seconds.  A ping
 * wait is bounded well under the 60 s an offer reserves its address.
 */
static int
st_seconds(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	struct conftok_tok t;
	bool ping = kw->text[0] == 'p' || kw->text[0] == 'P';
	const char *e;
	long long v;

	if (dc_word(p, &t, "number of seconds") == -1)
		return -1;
	/* ISC: a lease time of -1 is infinite (RFC 2131 0xffffffff). */
	if (!ping && strcmp(t.text, "-1") == 0)
		strlcpy(t.text, "4294967295", sizeof(t.text));
	v = strtonum(t.text, ping ? 1 : 0, ping ? 30 : 0xffffffffLL, &e);
	if (e != NULL)
		return dc_fail(p, t.line, "%s '%s' %s", ping ? "ping timeout" :
		    "lease time", t.text, e);
	if (ping)
		pa->ping_timeout = v;
	else if (kw->text[0] == 'd' || kw->text[0] == 'D')
		pa->default_lease = v;
	else if (kw->text[1] == 'i' || kw->text[1] == 'I')
		pa->min_lease = v;
	else
		pa->max_lease = v;
	return dc_semi(p);
}

/* next-server ADDR; server-identifier ADDR; (a host name resolves) */
static int
st_next_server(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	struct conftok_tok t;
	uint32_t ip;
	int ok;

	if (dc_next(p, &t) == -1 || (ok = dc_addr(p, &t, &ip)) == -1)
		return -1;
	pa = &p->c->scopes[scope].p;
	if (ok == 1 && (kw->text[0] == 's' || kw->text[0] == 'S')) {
		pa->server_id = ip;
		pa->has_server_id = true;
	} else if (ok == 1) {
		pa->next_server = ip;
		pa->has_next_server = true;
	}
	return dc_semi(p);
}

/*
 * filename "x"; server-name "x": BOOTP fields, so bounded by them.
 * `filename = EXPR;' is computed for each client.
 */
static int
st_bootstr(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	struct conftok_tok t;
	bool file = kw->text[0] == 'f' || kw->text[0] == 'F';
	char *dst = file ? pa->filename : pa->server_name;
	size_t sz = file ? sizeof(pa->filename) : sizeof(pa->server_name);
	int e;

	if (dc_next(p, &t) == -1)
		return -1;
	if (file && conftok_is(&t, '=')) {
		if (dc_expr_read(p, DX_DATA, &e) == -1)
			return -1;
		pa = &p->c->scopes[scope].p;
		pa->filename_expr = e;
		pa->has_filename = true;
		return dc_semi(p);
	}
	if (t.type != CT_STRING && t.type != CT_WORD)	/* ISC: text */
		return dc_fail(p, t.line, "%s needs a \"string\"", kw->text);
	if (t.len >= sz)
		return dc_fail(p, t.line, "%s must have at most %zu characters",
		    kw->text, sz - 1);
	memcpy(dst, t.text, t.len + 1);
	if (file) {
		pa->has_filename = true;
		pa->filename_expr = -1;
	} else
		pa->has_server_name = true;
	return dc_semi(p);
}

/* vendor-option-space NAME; site-option-space "NAME"; */
static int
st_vspace(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct conftok_tok t;
	int sp;

	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type != CT_WORD && t.type != CT_STRING)
		return dc_fail(p, t.line, "expected an option space name");
	if ((sp = dhcpconf_space_find(p->c, t.text)) <= DC_SPACE_DHCP)
		return dc_fail(p, t.line, "unknown option space '%s'",
		    t.text);
	if (kw->text[0] == 's' || kw->text[0] == 'S')
		p->c->scopes[scope].p.site_space = sp;
	else
		p->c->scopes[scope].p.vendor_space = sp;
	return dc_semi(p);
}

static int
st_flag(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dc_params *pa = &p->c->scopes[scope].p;
	struct conftok_tok t;
	int v;

	if (strcasecmp(kw->text, "authoritative") == 0) {
		pa->authoritative = 1;
		return dc_semi(p);
	}
	if (dc_word(p, &t, "a value") == -1)
		return -1;
	if (strcasecmp(kw->text, "not") == 0) {
		if (strcasecmp(t.text, "authoritative") != 0)
			return dc_fail(p, t.line, "unsupported statement "
			    "'not %s'", t.text);
		pa->authoritative = 0;
		return dc_semi(p);
	}
	if (strcasecmp(t.text, "true") == 0 || strcasecmp(t.text, "on") == 0)
		v = 1;
	else if (strcasecmp(t.text, "false") == 0 ||
	    strcasecmp(t.text, "off") == 0)
		v = 0;
	else
		return dc_fail(p, t.line, "bad boolean '%s'", t.text);
	if (kw->text[0] == 'u' || kw->text[0] == 'U')
		pa->use_host_names = v;
	else if (kw->text[0] == 'a' || kw->text[0] == 'A')
		pa->always_broadcast = v;
	else
		pa->ping_check = v;
	return dc_semi(p);
}

static int
st_global(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	static const char *const fac[] = { "kern", "user", "mail", "daemon",
	    "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
	    "local0", "local1", "local2", "local3", "local4", "local5",
	    "local6", "local7" };
	struct dhcpconf *c = p->c;
	struct conftok_tok t;
	size_t i;

	if (dc_word(p, &t, "a value") == -1)
		return -1;
	for (i = 0; i < sizeof(fac) / sizeof(fac[0]); i++)
		if (strcasecmp(t.text, fac[i]) == 0)
			break;
	if (i == sizeof(fac) / sizeof(fac[0]))
		return dc_fail(p, t.line, "unknown log facility '%s'", t.text);
	strlcpy(c->log_facility, fac[i], sizeof(c->log_facility));
	return dc_semi(p);
}

/* proxy-dhcp off | on | all; */
static int
st_proxy(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	static const char *const v[] = { "off", "on", "all" };
	struct conftok_tok t;
	size_t i;

	if (dc_word(p, &t, "off, on or all") == -1)
		return -1;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (strcasecmp(t.text, v[i]) == 0)
			break;
	if (i == sizeof(v) / sizeof(v[0]))
		return dc_fail(p, t.line, "proxy-dhcp: '%s': expected off, on "
		    "or all", t.text);
	p->c->proxy = (enum dc_proxy)i;
	return dc_semi(p);
}

/* ethers-hosts [ "ETHERS" "HOSTS" ]; */
static int
st_ethers(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct dhcpconf *c = p->c;
	struct conftok_tok t;

	strlcpy(c->ethers_path, "/etc/ethers", sizeof(c->ethers_path));
	strlcpy(c->hosts_path, "/etc/hosts", sizeof(c->hosts_path));
	c->ethers_hosts = true;
	c->ethers_line = kw->line;
	if (dc_next(p, &t) == -1)
		return -1;
	if (conftok_is(&t, ';'))
		return 0;
	if (t.type != CT_STRING || t.len >= sizeof(c->ethers_path))
		return dc_fail(p, t.line, "ethers-hosts needs two file names "
		    "or none");
	memcpy(c->ethers_path, t.text, t.len + 1);
	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type != CT_STRING || t.len >= sizeof(c->hosts_path))
		return dc_fail(p, t.line, "ethers-hosts needs two file names "
		    "or none");
	memcpy(c->hosts_path, t.text, t.len + 1);
	return dc_semi(p);
}

static int
st_option(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	return dc_stmt_option(p, scope, kw->line);
}

static const struct {
	const char	*kw;
	dc_stmt_fn	 fn;
	unsigned	 where;
} dc_params_tab[] = {
	{ "option", st_option, DC_IN_ANY | DC_EXEC },
	{ "default-lease-time", st_seconds, DC_IN_ANY | DC_EXEC },
	{ "max-lease-time", st_seconds, DC_IN_ANY | DC_EXEC },
	{ "next-server", st_next_server, DC_IN_ANY | DC_EXEC },
	{ "filename", st_bootstr, DC_IN_ANY | DC_EXEC },
	{ "server-name", st_bootstr, DC_IN_ANY | DC_EXEC },
	{ "vendor-option-space", st_vspace, DC_IN_ANY | DC_EXEC },
	{ "site-option-space", st_vspace, DC_IN_ANY | DC_EXEC },
	{ "authoritative", st_flag, DC_IN_ANY },
	{ "not", st_flag, DC_IN_ANY },
	{ "ping-check", st_flag, DC_IN_ANY | DC_EXEC },
	{ "use-host-decl-names", st_flag, DC_IN_ANY | DC_EXEC },
	{ "always-broadcast", st_flag, DC_IN_ANY | DC_EXEC },
	{ "min-lease-time", st_seconds, DC_IN_ANY | DC_EXEC },
	{ "server-identifier", st_next_server, DC_IN_ANY | DC_EXEC },
	{ "ping-timeout", st_seconds, DC_IN_ANY | DC_EXEC },
	{ "allow", dc_stmt_permit, DC_IN_ANY | DC_EXEC },
	{ "deny", dc_stmt_permit, DC_IN_ANY | DC_EXEC },
	{ "ignore", dc_stmt_permit, DC_IN_ANY | DC_EXEC },
	{ "log-facility", st_global, DC_IN(DC_K_GLOBAL) },
	{ "ethers-hosts", st_ethers, DC_IN(DC_K_GLOBAL) },
	{ "proxy-dhcp", st_proxy, DC_IN(DC_K_GLOBAL) },
	{ "match", dc_stmt_match, DC_IN(DC_K_CLASS) },
	{ "spawn", dc_stmt_match, DC_IN(DC_K_CLASS) },
	{ "if", dc_stmt_if, DC_IN_ANY | DC_EXEC },
	{ "set", dc_stmt_set, DC_IN_ANY | DC_EXEC },
	{ "include", dc_stmt_include, DC_IN_ANY },
};

dc_stmt_fn
dc_param_stmt(const char *kw, unsigned *where)
{
	size_t i;

	for (i = 0; i < sizeof(dc_params_tab) / sizeof(dc_params_tab[0]); i++)
		if (strcasecmp(kw, dc_params_tab[i].kw) == 0) {
			*where = dc_params_tab[i].where;
			return dc_params_tab[i].fn;
		}
	return dc_inert_stmt(kw, where);
}
