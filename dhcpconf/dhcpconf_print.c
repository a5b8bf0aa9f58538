// SPDX-License-Identifier: ISC
/*
 * dhcpconf printer: the parsed configuration back in dhcpd.conf syntax,
 * one canonical form (tabs, one statement per line, parameters before
 * nested blocks, declaration order kept), so `dhcpd-pxe -T' output can be
 * diffed by golden tests and parsed again.  Hosts merged from ethers(5)
 * are printed with a comment naming their line.
 */
#include <stdio.h>
#include <string.h>

#include "dhcpconf_int.h"

static const char *const dc_tnames[] = {
	"ip-address", "unsigned integer 8", "unsigned integer 16",
	"unsigned integer 32", "text", "string", "boolean", "encapsulate",
	"signed integer 8", "signed integer 16", "signed integer 32",
	"domain-list"
};

static void
dc_ind(FILE *f, int depth)
{
	while (depth-- > 0)
		fputc('\t', f);
}

static const char *
dc_quote(char *buf, size_t sz, const char *s)
{
	buf[0] = '\0';
	dc_fmt_text(buf, sz, (const uint8_t *)s, strlen(s));
	return buf;
}

static void
dc_print_opt(FILE *f, const struct dhcpconf *c, const struct dc_opt *o,
    int depth)
{
	const struct dc_optdef *d;
	char v[DC_OPT_MAX * 4 + 8];

	d = dhcpconf_optdef_bycode(c, o->space, o->code);
	dc_ind(f, depth);
	if (o->space != DC_SPACE_DHCP)
		fprintf(f, "option %s.%s ", c->spaces[o->space], d->name);
	else
		fprintf(f, "option %s ", d->name);
	if (o->expr != -1) {
		fputs("= ", f);
		dhcpconf_expr_print(f, c, o->expr);
		fputs(";\n", f);
		return;
	}
	dhcpconf_optval_format(d, o, v, sizeof(v));
	fprintf(f, "%s;\n", v);
}

/* The `set' statements made in scope. */
static void
dc_print_vars(FILE *f, const struct dhcpconf *c, int scope, int depth)
{
	size_t i;

	for (i = 0; i < c->nvars; i++)
		if (c->vars[i].scope == scope) {
			dc_ind(f, depth);
			fprintf(f, "set %s = ", c->vars[i].name);
			dhcpconf_expr_print(f, c, c->vars[i].expr);
			fputs(";\n", f);
		}
}

static void
dc_print_params(FILE *f, const struct dhcpconf *c, const struct dc_params *pa,
    int d)
{
	static const char *const permit[] = { "", "allow", "deny" };
	char a[IP4_STRLEN], q[DC_FILE_MAX * 4 + 3];
	size_t i;

	if (pa->authoritative != -1) {
		dc_ind(f, d);
		fprintf(f, "%sauthoritative;\n", pa->authoritative ? "" :
		    "not ");
	}
	if (pa->ping_check != -1) {
		dc_ind(f, d);
		fprintf(f, "ping-check %s;\n", pa->ping_check ? "true" :
		    "false");
	}
	if (pa->ping_timeout != -1) {
		dc_ind(f, d);
		fprintf(f, "ping-timeout %lld;\n", (long long)pa->ping_timeout);
	}
	if (pa->default_lease != -1) {
		dc_ind(f, d);
		fprintf(f, "default-lease-time %lld;\n",
		    (long long)pa->default_lease);
	}
	if (pa->max_lease != -1) {
		dc_ind(f, d);
		fprintf(f, "max-lease-time %lld;\n", (long long)pa->max_lease);
	}
	if (pa->has_next_server) {
		dc_ind(f, d);
		fprintf(f, "next-server %s;\n", ip4_ntoa(pa->next_server, a));
	}
	if (pa->has_server_name) {
		dc_ind(f, d);
		fprintf(f, "server-name %s;\n",
		    dc_quote(q, sizeof(q), pa->server_name));
	}
	if (pa->has_filename) {
		dc_ind(f, d);
		if (pa->filename_expr != -1) {
			fputs("filename = ", f);
			dhcpconf_expr_print(f, c, pa->filename_expr);
			fputs(";\n", f);
		} else
			fprintf(f, "filename %s;\n",
			    dc_quote(q, sizeof(q), pa->filename));
	}
	if (pa->vendor_space != -1) {
		dc_ind(f, d);
		fprintf(f, "vendor-option-space %s;\n",
		    c->spaces[pa->vendor_space]);
	}
	if (pa->site_space != -1) {
		dc_ind(f, d);
		fprintf(f, "site-option-space \"%s\";\n",
		    c->spaces[pa->site_space]);
	}
	if (pa->unknown_clients != DC_PERMIT_UNSET) {
		dc_ind(f, d);
		fprintf(f, "%s unknown-clients;\n",
		    permit[pa->unknown_clients]);
	}
	if (pa->known_clients != DC_PERMIT_UNSET) {
		dc_ind(f, d);
		fprintf(f, "%s known-clients;\n", permit[pa->known_clients]);
	}
	if (pa->use_host_names != -1) {
		dc_ind(f, d);
		fprintf(f, "use-host-decl-names %s;\n", pa->use_host_names ?
		    "on" : "off");
	}
	if (pa->always_broadcast != -1) {
		dc_ind(f, d);
		fprintf(f, "always-broadcast %s;\n", pa->always_broadcast ?
		    "on" : "off");
	}
	if (pa->min_lease != -1) {
		dc_ind(f, d);
		fprintf(f, "min-lease-time %lld;\n", (long long)pa->min_lease);
	}
	if (pa->has_server_id) {
		dc_ind(f, d);
		fprintf(f, "server-identifier %s;\n", ip4_ntoa(pa->server_id,
		    a));
	}
	if (pa->booting != DC_PERMIT_UNSET) {
		dc_ind(f, d);
		fprintf(f, "%s booting;\n", permit[pa->booting]);
	}
	for (i = 0; i < pa->nopt; i++)
		dc_print_opt(f, c, &pa->opt[i], d);
}

static void
dc_print_match(FILE *f, const struct dhcpconf *c, const struct dc_class *cl,
    int d)
{
	if (cl->match != -1) {
		dc_ind(f, d);
		fputs("match if ", f);
		dhcpconf_expr_print(f, c, cl->match);
		fputs(";\n", f);
	}
	if (cl->submatch != -1) {
		dc_ind(f, d);
		fputs(cl->spawn ? "spawn with " : "match ", f);
		dhcpconf_expr_print(f, c, cl->submatch);
		fputs(";\n", f);
	}
}

static void dc_print_scope(FILE *, const struct dhcpconf *, int, int);

static bool
dc_is_subclass(const struct dhcpconf *c, int scope)
{
	return c->scopes[scope].kind == DC_K_CLASS &&
	    c->classes[c->scopes[scope].index].parent != -1;
}

/* The declarations in scope (a class's subclasses follow it). */
static void
dc_print_children(FILE *f, const struct dhcpconf *c, int scope, int d)
{
	size_t i, k;

	for (i = (size_t)scope + 1; i < c->nscopes; i++) {
		if (c->scopes[i].parent != scope ||
		    c->scopes[i].kind == DC_K_COND || dc_is_subclass(c, (int)i))
			continue;
		dc_print_scope(f, c, (int)i, d);
		if (c->scopes[i].kind != DC_K_CLASS)
			continue;
		for (k = i + 1; k < c->nscopes; k++)
			if (c->scopes[k].parent == (int)i &&
			    dc_is_subclass(c, (int)k))
				dc_print_scope(f, c, (int)k, d);
	}
}

/* scope's statements: parameters, `set's, then its if/elsif/else. */
static void
dc_print_body(FILE *f, const struct dhcpconf *c, int scope, int d)
{
	const struct dc_scope *k;
	int s;

	dc_print_params(f, c, &c->scopes[scope].p, d);
	dc_print_vars(f, c, scope, d);
	for (s = c->scopes[scope].first_cond; s != -1; s = k->next_cond) {
		k = &c->scopes[s];
		if (k->prev == -1 && k->cond == -1) {	/* continuation */
			dc_print_body(f, c, s, d);
			continue;
		}
		dc_ind(f, d);
		fputs(k->prev == -1 ? "if " : k->cond != -1 ? "} elsif " :
		    "} else", f);
		if (k->cond != -1)
			dhcpconf_expr_print(f, c, k->cond);
		fputs(" {\n", f);
		dc_print_body(f, c, s, d + 1);
		if (k->next_cond == -1 || c->scopes[k->next_cond].prev != s) {
			dc_ind(f, d);
			fputs("}\n", f);
		}
	}
}

static void
dc_print_ranges(FILE *f, const struct dhcpconf *c, int pool, int d)
{
	char a[IP4_STRLEN], b[IP4_STRLEN];
	size_t i;

	for (i = 0; i < c->nranges; i++)
		if (c->ranges[i].pool == pool) {
			dc_ind(f, d);
			fprintf(f, "range %s %s;\n",
			    ip4_ntoa(c->ranges[i].lo, a),
			    ip4_ntoa(c->ranges[i].hi, b));
		}
}

static void
dc_print_head(FILE *f, const struct dhcpconf *c, const struct dc_scope *s,
    int d)
{
	const struct dc_host *h;
	const struct dc_class *cl;
	char a[IP4_STRLEN], b[IP4_STRLEN], q[DC_NAME_MAX * 4 + 3];
	char v[DC_OPT_MAX * 4 + 3];

	dc_ind(f, d);
	switch (s->kind) {
	case DC_K_GROUP:
		fprintf(f, "group {\n");
		break;
	case DC_K_SUBNET:
		fprintf(f, "subnet %s netmask %s {\n",
		    ip4_ntoa(c->subnets[s->index].net, a),
		    ip4_ntoa(c->subnets[s->index].mask, b));
		break;
	case DC_K_POOL:
		fprintf(f, "pool {\n");
		break;
	case DC_K_SHARED:
		fprintf(f, "shared-network %s {\n",
		    dc_quote(q, sizeof(q), c->nets[s->index]));
		break;
	case DC_K_CLASS:
		cl = &c->classes[s->index];
		fprintf(f, "%s %s ", cl->parent == -1 ? "class" : "subclass",
		    dc_quote(q, sizeof(q), cl->name));
		if (cl->parent != -1) {
			v[0] = '\0';
			if (!dc_printable(c->blob + cl->off, cl->len) ||
			    cl->len == 0)
				dc_fmt_hex(v, sizeof(v), c->blob + cl->off,
				    cl->len);
			else
				dc_fmt_text(v, sizeof(v), c->blob + cl->off,
				    cl->len);
			fprintf(f, "%s ", v);
		}
		fputs("{\n", f);
		break;
	default:
		h = &c->hosts[s->index];
		if (strcmp(h->file, c->file) != 0)
			fprintf(f, "# from %s:%u\n%.*s", h->file, h->line, d,
			    "\t\t\t\t\t\t\t\t");
		fprintf(f, "host %s {\n", text_hostname_ok(h->name) ?
		    h->name : dc_quote(q, sizeof(q), h->name));
		break;
	}
}

static void
dc_print_scope(FILE *f, const struct dhcpconf *c, int scope, int d)
{
	const struct dc_scope *s = &c->scopes[scope];
	const struct dc_pool *pl;
	const struct dc_host *h;
	char a[IP4_STRLEN], m[MAC_STRLEN], q[DC_NAME_MAX * 4 + 3];
	size_t i;

	if (s->kind == DC_K_POOL && c->pools[s->index].implicit) {
		dc_print_ranges(f, c, s->index, d);
		return;
	}
	dc_print_head(f, c, s, d);
	if (s->kind == DC_K_HOST) {
		h = &c->hosts[s->index];
		if (h->has_mac) {
			dc_ind(f, d + 1);
			fprintf(f, "hardware ethernet %s;\n",
			    mac_ntoa(h->mac, m));
		}
		if (h->has_fixed) {
			dc_ind(f, d + 1);
			fprintf(f, "fixed-address %s;\n",
			    ip4_ntoa(h->fixed, a));
		}
	} else if (s->kind == DC_K_CLASS)
		dc_print_match(f, c, &c->classes[s->index], d + 1);
	dc_print_body(f, c, scope, d + 1);
	if (s->kind == DC_K_POOL) {
		pl = &c->pools[s->index];
		for (i = 0; i < pl->nmembers; i++) {
			dc_ind(f, d + 1);
			fprintf(f, "%s members of %s;\n",
			    pl->members[i].allow ? "allow" : "deny",
			    dc_quote(q, sizeof(q),
			    c->classes[pl->members[i].class].name));
		}
		dc_print_ranges(f, c, s->index, d + 1);
	}
	dc_print_children(f, c, scope, d + 1);
	dc_ind(f, d);
	fprintf(f, "}\n");
}

void
dhcpconf_print(FILE *f, const struct dhcpconf *c)
{
	const struct dc_optdef *d;
	char q[DC_PATH_MAX * 4 + 3], r[DC_PATH_MAX * 4 + 3];
	size_t i;

	for (i = 0; i < c->nignored; i++)
		fprintf(f, "# ignored (line %u): %s: %s\n", c->ignored[i].line,
		    c->ignored[i].text, c->ignored[i].why);
	if (c->ddns_none)
		fprintf(f, "ddns-update-style none;\n");
	if (c->log_facility[0] != '\0')
		fprintf(f, "log-facility %s;\n", c->log_facility);
	if (c->proxy != DC_PROXY_OFF)
		fprintf(f, "proxy-dhcp %s;\n", c->proxy == DC_PROXY_ALL ?
		    "all" : "on");
	if (c->ethers_hosts)
		fprintf(f, "ethers-hosts %s %s;\n",
		    dc_quote(q, sizeof(q), c->ethers_path),
		    dc_quote(r, sizeof(r), c->hosts_path));
	for (i = 1; i < c->nspaces; i++)
		fprintf(f, "option space %s;\n", c->spaces[i]);
	for (i = 0; i < c->ndefs; i++) {
		d = &c->defs[i];
		fprintf(f, "option %s%s%s code %u = %s%s%s%s;\n",
		    d->space ? c->spaces[d->space] : "", d->space ? "." : "",
		    d->name, d->code, d->array ? "array of " : "",
		    dc_tnames[d->type], d->type == DC_OT_ENCAP ? " " : "",
		    d->type == DC_OT_ENCAP ? c->spaces[d->encap] : "");
	}
	dc_print_body(f, c, DC_GLOBAL, 0);
	dc_print_children(f, c, DC_GLOBAL, 0);
}
