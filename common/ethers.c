// SPDX-License-Identifier: ISC
/*
 * ethers(5) parser.  Accepts what glibc's ether_line() accepts (MACs with
 * one- or two-digit groups) and refuses, with file:line, what it would skip
 * silently: a bad MAC, a missing or bad name, a third field; and
 * ethers_load(), which reads the file for it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "fileio.h"
#include "ethers.h"

static bool
eq_mac(const void *ctx, size_t i, const void *key)
{
	const struct ethers *e = ctx;

	return memcmp(e->v[i].mac, key, MAC_LEN) == 0;
}

static bool
eq_name(const void *ctx, size_t i, const void *key)
{
	const struct ethers *e = ctx;

	return strcasecmp(e->v[i].name, key) == 0;
}

/* One line: "MAC name", or nothing. */
static int
ethers_line(void *ctx, char *s, const char *file, unsigned line,
    struct perr *err)
{
	struct ethers *e = ctx;
	struct ethers_ent *ent;
	char *mac, *name;
	uint8_t m[MAC_LEN];

	if ((mac = text_field(&s)) == NULL)
		return 0;
	if (mac_parse(mac, m) == -1) {
		perr_set(err, file, line, "bad MAC address '%s'", mac);
		return -1;
	}
	if ((name = text_field(&s)) == NULL) {
		perr_set(err, file, line, "missing host name");
		return -1;
	}
	if (!text_hostname_ok(name)) {
		perr_set(err, file, line, "bad host name '%s'", name);
		return -1;
	}
	if (text_field(&s) != NULL) {
		perr_set(err, file, line, "extra field after host name");
		return -1;
	}
	if (array_grow(&e->v, &e->cap, e->n, sizeof(*e->v)) == -1)
		goto nomem;
	ent = &e->v[e->n];
	memset(ent, 0, sizeof(*ent));
	memcpy(ent->mac, m, MAC_LEN);
	strlcpy(ent->name, name, sizeof(ent->name));
	ent->line = line;
	if (hidx_add(&e->by_mac, hidx_hash(m, MAC_LEN), e->n, eq_mac, e,
	    m) == -1 || hidx_add(&e->by_name, hidx_hash_name(ent->name), e->n,
	    eq_name, e, ent->name) == -1)
		goto nomem;
	e->n++;
	return 0;
nomem:
	perr_set(err, file, line, "%s", strerror(errno));
	return -1;
}

int
ethers_parse(struct ethers *e, const char *data, size_t len,
    const char *file, struct perr *err)
{
	return text_parse(data, len, file, err, ethers_line, e);
}

void
ethers_free(struct ethers *e)
{
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
	hidx_free(&e->by_mac);
	hidx_free(&e->by_name);
}

const struct ethers_ent *
ethers_by_mac(const struct ethers *e, const uint8_t mac[MAC_LEN])
{
	size_t i = hidx_find(&e->by_mac, hidx_hash(mac, MAC_LEN), eq_mac, e,
	    mac);

	return i == HIDX_NONE ? NULL : &e->v[i];
}

const struct ethers_ent *
ethers_by_name(const struct ethers *e, const char *name)
{
	size_t i = hidx_find(&e->by_name, hidx_hash_name(name), eq_name, e,
	    name);

	return i == HIDX_NONE ? NULL : &e->v[i];
}

static int
ethers_parse_cb(void *t, const char *text, size_t len, const char *file,
    struct perr *err)
{
	return ethers_parse(t, text, len, file, err);
}

int
ethers_load(struct ethers *t, const char *path, struct perr *err)
{
	return file_parse(path, ethers_parse_cb, t, err);
}
