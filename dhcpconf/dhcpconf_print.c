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
	"unsigned integer 32", "text", "string", "boolean"
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
	dhcpconf_optval_format(d, o, v, sizeof(v));
	dc_ind(f, depth);
	if (o->space != DC_SPACE_DHCP)
		fprintf(f, "option %s.%s %s;\n", c->spaces[o->space], d->name,
		    v);
	else
		fprintf(f, "option %s %s;\n", d->name, v);
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
		fprintf(f, "filename %s;\n",
		    dc_quote(q, sizeof(q), pa->filename));
	}
	if (pa->vendor_space != -1) {
		dc_ind(f, d);
		fprintf(f, "vendor-option-space %s;\n",
		    c->spaces[pa->vendor_space]);
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
	for (i = 0; i < pa->nopt; i++)
		dc_print_opt(f, c, &pa->opt[i], d);
}

static void
dc_print_match(FILE *f, const struct dhcpconf *c, const struct dc_class *cl,
    int d)
{
	const struct dc_optdef *def;
	char v[DC_OPT_MAX * 4 + 8];

	def = dhcpconf_optdef_bycode(c, DC_SPACE_DHCP, cl->code);
	v[0] = '\0';
	if (cl->val_text)
		dc_fmt_text(v, sizeof(v), cl->val, cl->vlen);
	else
		dc_fmt_hex(v, sizeof(v), cl->val, cl->vlen);
	dc_ind(f, d);
	if (cl->substr)
		fprintf(f, "match if substring (option %s, %u, %u) = %s;\n",
		    def->name, cl->off, cl->len, v);
	else
		fprintf(f, "match if option %s = %s;\n", def->name, v);
}

static void dc_print_scope(FILE *, const struct dhcpconf *, int, int);

static void
dc_print_children(FILE *f, const struct dhcpconf *c, int scope, int d)
{
	size_t i;

	for (i = (size_t)scope + 1; i < c->nscopes; i++)
		if (c->scopes[i].parent == scope)
			dc_print_scope(f, c, (int)i, d);
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
	char a[IP4_STRLEN], b[IP4_STRLEN], q[DC_NAME_MAX * 4 + 3];

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
	case DC_K_CLASS:
		fprintf(f, "class %s {\n",
		    dc_quote(q, sizeof(q), c->classes[s->index].name));
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
		dc_ind(f, d + 1);
		fprintf(f, "hardware ethernet %s;\n", mac_ntoa(h->mac, m));
		if (h->has_fixed) {
			dc_ind(f, d + 1);
			fprintf(f, "fixed-address %s;\n",
			    ip4_ntoa(h->fixed, a));
		}
	} else if (s->kind == DC_K_CLASS)
		dc_print_match(f, c, &c->classes[s->index], d + 1);
	dc_print_params(f, c, &s->p, d + 1);
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

	if (c->ddns_none)
		fprintf(f, "ddns-update-style none;\n");
	if (c->log_facility[0] != '\0')
		fprintf(f, "log-facility %s;\n", c->log_facility);
	if (c->ethers_hosts)
		fprintf(f, "ethers-hosts %s %s;\n",
		    dc_quote(q, sizeof(q), c->ethers_path),
		    dc_quote(r, sizeof(r), c->hosts_path));
	for (i = 1; i < c->nspaces; i++)
		fprintf(f, "option space %s;\n", c->spaces[i]);
	for (i = 0; i < c->ndefs; i++) {
		d = &c->defs[i];
		fprintf(f, "option %s%s%s code %u = %s%s;\n",
		    d->space ? c->spaces[d->space] : "", d->space ? "." : "",
		    d->name, d->code, d->array ? "array of " : "",
		    dc_tnames[d->type]);
	}
	dc_print_params(f, c, &c->scopes[DC_GLOBAL].p, 0);
	dc_print_children(f, c, DC_GLOBAL, 0);
}
