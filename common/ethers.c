// SPDX-License-Identifier: ISC
/*
 * ethers(5) parser.  Accepts what glibc's ether_line() accepts (MACs with
 * one- or two-digit groups) and refuses, with file:line, what it would skip
 * silently: a bad MAC, a missing or bad name, a third field.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ethers.h"

static int
ethers_add(struct ethers *e, const struct ethers_ent *ent)
{
	struct ethers_ent *v;
	size_t cap;

	if (e->n == e->cap) {
		cap = e->cap == 0 ? 16 : e->cap * 2;
		if ((v = reallocarray(e->v, cap, sizeof(*v))) == NULL)
			return -1;
		e->v = v;
		e->cap = cap;
	}
	e->v[e->n++] = *ent;
	return 0;
}

int
ethers_parse(struct ethers *e, const char *data, size_t len,
    const char *file, struct perr *err)
{
	struct ethers_ent ent;
	struct text t;
	char buf[TEXT_LINEMAX], *s, *mac, *name;
	const char *errstr;
	int r;

	text_init(&t, data, len);
	while ((r = text_next(&t, buf, sizeof(buf), &errstr)) == 1) {
		s = buf;
		if ((mac = text_field(&s)) == NULL)
			continue;
		memset(&ent, 0, sizeof(ent));
		ent.line = t.lineno;
		if (mac_parse(mac, ent.mac) == -1) {
			perr_set(err, file, t.lineno, "bad MAC address '%s'",
			    mac);
			return -1;
		}
		if ((name = text_field(&s)) == NULL) {
			perr_set(err, file, t.lineno, "missing host name");
			return -1;
		}
		if (!text_hostname_ok(name)) {
			perr_set(err, file, t.lineno, "bad host name '%s'",
			    name);
			return -1;
		}
		if (text_field(&s) != NULL) {
			perr_set(err, file, t.lineno,
			    "extra field after host name");
			return -1;
		}
		strlcpy(ent.name, name, sizeof(ent.name));
		if (ethers_add(e, &ent) == -1) {
			perr_set(err, file, t.lineno, "%s", strerror(errno));
			return -1;
		}
	}
	if (r == -1) {
		perr_set(err, file, t.lineno, "%s", errstr);
		return -1;
	}
	return 0;
}

void
ethers_free(struct ethers *e)
{
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

const struct ethers_ent *
ethers_by_mac(const struct ethers *e, const uint8_t mac[MAC_LEN])
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (memcmp(e->v[i].mac, mac, MAC_LEN) == 0)
			return &e->v[i];
	return NULL;
}

const struct ethers_ent *
ethers_by_name(const struct ethers *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strcasecmp(e->v[i].name, name) == 0)
			return &e->v[i];
	return NULL;
}
