// SPDX-License-Identifier: ISC
/* hosts(5) parser: IPv4 entries kept, IPv6 lines skipped, errors located. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "addr.h"
#include "hosts.h"

static int
hosts_add(struct hosts *h, uint32_t ip, const char *name, bool canon,
    unsigned line)
{
	struct hosts_ent *v;
	size_t cap;

	if (h->n == h->cap) {
		cap = h->cap == 0 ? 16 : h->cap * 2;
		if ((v = reallocarray(h->v, cap, sizeof(*v))) == NULL)
			return -1;
		h->v = v;
		h->cap = cap;
	}
	v = &h->v[h->n++];
	memset(v, 0, sizeof(*v));
	v->ip = ip;
	strlcpy(v->name, name, sizeof(v->name));
	v->canonical = canon;
	v->line = line;
	return 0;
}

static int
hosts_line(struct hosts *h, char *s, const char *file, unsigned line,
    struct perr *err)
{
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
	struct text t;
	char buf[TEXT_LINEMAX];
	const char *errstr;
	int r;

	text_init(&t, data, len);
	while ((r = text_next(&t, buf, sizeof(buf), &errstr)) == 1)
		if (hosts_line(h, buf, file, t.lineno, err) == -1)
			return -1;
	if (r == -1) {
		perr_set(err, file, t.lineno, "%s", errstr);
		return -1;
	}
	return 0;
}

void
hosts_free(struct hosts *h)
{
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

const struct hosts_ent *
hosts_by_name(const struct hosts *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcasecmp(h->v[i].name, name) == 0)
			return &h->v[i];
	return NULL;
}

const struct hosts_ent *
hosts_by_ip(const struct hosts *h, uint32_t ip)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (h->v[i].ip == ip && h->v[i].canonical)
			return &h->v[i];
	return NULL;
}
