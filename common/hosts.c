// SPDX-License-Identifier: ISC
/*
 * hosts(5) parser: IPv4 entries kept, IPv6 lines skipped, errors located;
 * and hosts_load(), which reads the file for it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "addr.h"
#include "array.h"
#include "fileio.h"
#include "hosts.h"

static bool
eq_name(const void *ctx, size_t i, const void *key)
{
	const struct hosts *h = ctx;

	return strcasecmp(h->v[i].name, key) == 0;
}

/* Only canonical entries are in by_ip. */
static bool
eq_ip(const void *ctx, size_t i, const void *key)
{
	const struct hosts *h = ctx;

	return h->v[i].ip == *(const uint32_t *)key;
}

static int
hosts_add(struct hosts *h, uint32_t ip, const char *name, bool canon,
    unsigned line)
{
	struct hosts_ent *v;

	if (array_grow(&h->v, &h->cap, h->n, sizeof(*h->v)) == -1)
		return -1;
	v = &h->v[h->n];
	memset(v, 0, sizeof(*v));
	v->ip = ip;
	strlcpy(v->name, name, sizeof(v->name));
	v->canonical = canon;
	v->line = line;
	if (hidx_add(&h->by_name, hidx_hash_name(v->name), h->n, eq_name, h,
	    v->name) == -1 || (canon && hidx_add(&h->by_ip, hidx_hash(&ip,
	    sizeof(ip)), h->n, eq_ip, h, &ip) == -1))
		return -1;
	h->n++;
	return 0;
}

/* One line: "address name [aliases...]", or nothing, or IPv6 (skipped). */
static int
hosts_line(void *ctx, char *s, const char *file, unsigned line,
    struct perr *err)
{
	struct hosts *h = ctx;
	char *addr, *name;
	uint32_t ip;
	bool canon = true;

	if ((addr = text_field(&s)) == NULL)
		return 0;
	if (strchr(addr, ':') != NULL)
		return 0;	/* IPv6: not ours */
	if (ip4_parse(addr, &ip) == -1) {
		perr_set(err, file, line, "bad address '%s'", addr);
		return -1;
	}
	if ((name = text_field(&s)) == NULL) {
		perr_set(err, file, line, "missing host name");
		return -1;
	}
	do {
		if (!text_hostname_ok(name)) {
			perr_set(err, file, line, "bad host name '%s'", name);
			return -1;
		}
		if (hosts_add(h, ip, name, canon, line) == -1) {
			perr_set(err, file, line, "%s", strerror(errno));
			return -1;
		}
		canon = false;
	} while ((name = text_field(&s)) != NULL);
	return 0;
}

int
hosts_parse(struct hosts *h, const char *data, size_t len, const char *file,
    struct perr *err)
{
	return text_parse(data, len, file, err, hosts_line, h);
}

void
hosts_free(struct hosts *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
	hidx_free(&h->by_name);
	hidx_free(&h->by_ip);
}

const struct hosts_ent *
hosts_by_name(const struct hosts *h, const char *name)
{
	size_t i = hidx_find(&h->by_name, hidx_hash_name(name), eq_name, h,
	    name);

	return i == HIDX_NONE ? NULL : &h->v[i];
}

const struct hosts_ent *
hosts_by_ip(const struct hosts *h, uint32_t ip)
{
	size_t i = hidx_find(&h->by_ip, hidx_hash(&ip, sizeof(ip)), eq_ip, h,
	    &ip);

	return i == HIDX_NONE ? NULL : &h->v[i];
}

static int
hosts_parse_cb(void *t, const char *text, size_t len, const char *file,
    struct perr *err)
{
	return hosts_parse(t, text, len, file, err);
}

int
hosts_load(struct hosts *t, const char *path, struct perr *err)
{
	return file_parse(path, hosts_parse_cb, t, err);
}
