// SPDX-License-Identifier: ISC
/*
 * BMC inventory and credentials parsers (see bmc_inv.h).  Each field is
 * checked so that nothing that reaches a BMC client's argv can be read as
 * an option: an address is a host name or IPv4 address (redfish: with an
 * optional :port), a user name letters, digits and "._@-", never starting
 * with '-'.  The credentials parser only checks the shape of a line.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/array.h"
#include "bmc_inv.h"

#define IPMI_USERMAX	16	/* IPMI v2.0, 22.28: 16-byte user names */

static const char *const kinds[] = { "wol", "ipmi", "redfish" };

const char *
bmc_kind_name(enum bmc_kind k)
{
	return kinds[k];
}

static bool
eq_name(const void *ctx, size_t i, const void *key)
{
	const struct bmc_inv *inv = ctx;

	return strcasecmp(inv->v[i].name, key) == 0;
}

static bool
user_ok(const char *s, size_t max)
{
	size_t len = strlen(s);

	return len > 0 && len <= max && s[0] != '-' &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789._@-") == len;
}

/* host, or for redfish host:port; the host never starts with '-'. */
static bool
addr_ok(const char *s, enum bmc_kind k)
{
	char host[BMC_ADDRMAX + 1];
	const char *colon, *errstr;

	if (strlcpy(host, s, sizeof(host)) >= sizeof(host))
		return false;
	if (k == BMC_REDFISH && (colon = strrchr(s, ':')) != NULL) {
		host[colon - s] = '\0';
		strtonum(colon + 1, 1, 65535, &errstr);
		if (errstr != NULL)
			return false;
	}
	return isalnum((unsigned char)host[0]) && text_hostname_ok(host);
}

static int
kind_parse(const char *s, enum bmc_kind *k)
{
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(s, kinds[i]) == 0) {
			*k = (enum bmc_kind)i;
			return 0;
		}
	return -1;
}

/* One inventory line: "node kind [address user]", or nothing. */
static int
inv_line(void *ctx, char *s, const char *file, unsigned line,
    struct perr *err)
{
	struct bmc_inv *inv = ctx;
	struct bmc_ent e;
	const struct bmc_ent *dup;
	char *name, *kind, *addr, *user;

	if ((name = text_field(&s)) == NULL)
		return 0;
	memset(&e, 0, sizeof(e));
	e.line = line;
	if (!text_hostname_ok(name)) {
		perr_set(err, file, line, "bad node name '%s'", name);
		return -1;
	}
	if ((dup = bmc_inv_find(inv, name)) != NULL) {
		perr_set(err, file, line, "%s: already at line %u", name,
		    dup->line);
		return -1;
	}
	strlcpy(e.name, name, sizeof(e.name));
	if ((kind = text_field(&s)) == NULL || kind_parse(kind, &e.kind)) {
		perr_set(err, file, line, "%s: power back end must be wol, "
		    "ipmi or redfish", name);
		return -1;
	}
	addr = text_field(&s);
	user = addr != NULL ? text_field(&s) : NULL;
	if (e.kind == BMC_WOL && addr != NULL) {
		perr_set(err, file, line, "%s: wol takes no address", name);
		return -1;
	}
	if (e.kind != BMC_WOL && (addr == NULL || user == NULL)) {
		perr_set(err, file, line, "%s: %s needs a BMC address and a "
		    "user", name, kind);
		return -1;
	}
	if (addr != NULL && !addr_ok(addr, e.kind)) {
		perr_set(err, file, line, "%s: bad BMC address '%s'", name,
		    addr);
		return -1;
	}
	if (user != NULL && !user_ok(user, e.kind == BMC_IPMI ?
	    IPMI_USERMAX : BMC_USERMAX)) {
		perr_set(err, file, line, "%s: bad BMC user '%s'", name, user);
		return -1;
	}
	if (text_field(&s) != NULL) {
		perr_set(err, file, line, "%s: extra field after the user",
		    name);
		return -1;
	}
	if (addr != NULL) {
		strlcpy(e.addr, addr, sizeof(e.addr));
		strlcpy(e.user, user, sizeof(e.user));
	}
	if (array_grow(&inv->v, &inv->cap, inv->n, sizeof(*inv->v)) == -1 ||
	    hidx_add(&inv->by_name, hidx_hash_name(e.name), inv->n, eq_name,
	    inv, e.name) == -1) {
		perr_set(err, file, line, "%s", strerror(errno));
		return -1;
	}
	inv->v[inv->n++] = e;
	return 0;
}

int
bmc_inv_parse(struct bmc_inv *inv, const char *text, size_t len,
    const char *file, struct perr *err)
{
	return text_parse(text, len, file, err, inv_line, inv);
}

const struct bmc_ent *
bmc_inv_find(const struct bmc_inv *inv, const char *name)
{
	size_t i = hidx_find(&inv->by_name, hidx_hash_name(name), eq_name,
	    inv, name);

	return i == HIDX_NONE ? NULL : &inv->v[i];
}

void
bmc_inv_free(struct bmc_inv *inv)
{
	free(inv->v);
	hidx_free(&inv->by_name);
	memset(inv, 0, sizeof(*inv));
}

/* One credentials line: "key password", or nothing. */
static int
cred_line(void *ctx, char *s, const char *file, unsigned line,
    struct perr *err)
{
	struct bmc_creds *c = ctx;
	struct bmc_cred *cr;
	char *key, *pass;
	int r = -1;

	if ((key = text_field(&s)) == NULL)
		return 0;
	if ((pass = text_field(&s)) == NULL)
		perr_set(err, file, line, "%s: no password", key);
	else if (strlen(key) > BMC_ADDRMAX)
		perr_set(err, file, line, "key too long");
	else if (strlen(pass) > BMC_PASSMAX)
		perr_set(err, file, line, "%s: password longer than %d", key,
		    BMC_PASSMAX);
	else if (text_field(&s) != NULL)
		perr_set(err, file, line, "%s: extra field after the password "
		    "(a password has no blank)", key);
	else if (array_grow(&c->v, &c->cap, c->n, sizeof(*c->v)) == -1)
		perr_set(err, file, line, "%s", strerror(errno));
	else {
		cr = &c->v[c->n++];
		strlcpy(cr->key, key, sizeof(cr->key));
		strlcpy(cr->pass, pass, sizeof(cr->pass));
		r = 0;
	}
	/* The caller's line buffer held the password: leave none of it. */
	explicit_bzero(s, strlen(s));
	if (pass != NULL)
		explicit_bzero(pass, strlen(pass));
	return r;
}

int
bmc_creds_parse(struct bmc_creds *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	return text_parse(text, len, file, err, cred_line, c);
}

static const char *
cred_by(const struct bmc_creds *c, const char *key)
{
	size_t i;

	for (i = 0; key[0] != '\0' && i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return c->v[i].pass;
	return NULL;
}

const char *
bmc_creds_find(const struct bmc_creds *c, const struct bmc_ent *e)
{
	const char *p;

	if ((p = cred_by(c, e->name)) == NULL &&
	    (p = cred_by(c, e->addr)) == NULL)
		p = cred_by(c, e->user);
	return p;
}

void
bmc_creds_free(struct bmc_creds *c)
{
	if (c->v != NULL)
		explicit_bzero(c->v, c->cap * sizeof(*c->v));
	free(c->v);
	memset(c, 0, sizeof(*c));
}
