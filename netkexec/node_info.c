// SPDX-License-Identifier: ISC
/*
 * Parsers for what the node knows about its network boot (node_info.h).
 * Each takes the bytes of one file and fills what it finds, leaving the
 * rest alone, so the shell can layer sources: a value from a stronger
 * source is never overwritten by a weaker one the shell reads later.
 */
#include <arpa/inet.h>

#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "netkexec/node_info.h"

#define WORDMAX		512

/* Copies the next white-space-separated word at *p (*n bytes) to buf. */
static bool
next_word(const char **p, size_t *n, char *buf, size_t bufsz)
{
	const char *s = *p;
	size_t rem = *n, w;

	while (rem > 0 && (unsigned char)*s <= ' ') {
		s++;
		rem--;
	}
	for (w = 0; w < rem && (unsigned char)s[w] > ' '; w++)
		;
	*p = s + w;
	*n = rem - w;
	if (w == 0)
		return false;
	if (w >= bufsz)
		w = 0;		/* too long to be anything we read */
	memcpy(buf, s, w);
	buf[w] = '\0';
	return true;
}

/* Sets *dst from a dotted quad; 0.0.0.0 and garbage mean "not given". */
static void
set_ip(uint32_t *dst, const char *s)
{
	uint32_t v;

	if (ip4_parse(s, &v) == 0 && v != 0)
		*dst = v;
}

/* ip=client:server:gw:netmask:host:device:autoconf... (nfsroot.txt) */
static void
ip_option(struct nkinfo *ni, char *s, uint32_t *server)
{
	char *f;
	int i;

	for (i = 0; (f = strsep(&s, ":")) != NULL; i++) {
		if (i == 0)
			set_ip(&ni->ip, f);
		else if (i == 1)
			set_ip(server, f);
		else if (i == 2)
			set_ip(&ni->gateway, f);
		else if (i == 3)
			set_ip(&ni->netmask, f);
		else if (i == 5 && f[0] != '\0')
			strlcpy(ni->ifname, f, sizeof(ni->ifname));
	}
}

void
nkinfo_cmdline(struct nkinfo *ni, const char *text, size_t len)
{
	char w[WORDMAX];
	uint32_t explicit = 0, from_ip = 0;

	while (next_word(&text, &len, w, sizeof(w))) {
		if (strncmp(w, "netkexec.server=", 16) == 0)
			set_ip(&explicit, w + 16);
		else if (strncmp(w, "ip=", 3) == 0)
			ip_option(ni, w + 3, &from_ip);
		else if (strncmp(w, "BOOTIF=01-", 10) == 0 &&
		    mac_parse(w + 10, ni->mac) == 0)
			ni->have_mac = true;
	}
	if (explicit != 0)
		ni->server = explicit;
	else if (from_ip != 0)
		ni->server = from_ip;
}

void
nkinfo_pnp(struct nkinfo *ni, const char *text, size_t len)
{
	char w[WORDMAX];

	while (next_word(&text, &len, w, sizeof(w)))
		if (strcmp(w, "bootserver") == 0 &&
		    next_word(&text, &len, w, sizeof(w)))
			set_ip(&ni->server, w);
}

/* KEY=VALUE or export KEY='VALUE': the value, unquoted, or NULL. */
static char *
lease_value(char *w, const char *key)
{
	size_t k = strlen(key), n;
	char *v;

	if (strncmp(w, key, k) != 0 || w[k] != '=')
		return NULL;
	v = w + k + 1;
	n = strlen(v);
	if (n >= 2 && (v[0] == '\'' || v[0] == '"') && v[n - 1] == v[0]) {
		v[n - 1] = '\0';
		v++;
	}
	return v;
}

void
nkinfo_lease(struct nkinfo *ni, const char *text, size_t len)
{
	char w[WORDMAX], *v;
	uint32_t siaddr = 0, serverid = 0;

	while (next_word(&text, &len, w, sizeof(w))) {
		if ((v = lease_value(w, "siaddr")) != NULL)
			set_ip(&siaddr, v);
		else if ((v = lease_value(w, "serverid")) != NULL)
			set_ip(&serverid, v);
		else if ((v = lease_value(w, "ip")) != NULL)
			set_ip(&ni->ip, v);
		else if ((v = lease_value(w, "subnet")) != NULL)
			set_ip(&ni->netmask, v);
		else if ((v = lease_value(w, "router")) != NULL)
			set_ip(&ni->gateway, v);
	}
	/* pxelinux too takes next-server, or else the DHCP server. */
	if (siaddr != 0)
		ni->server = siaddr;
	else if (serverid != 0)
		ni->server = serverid;
}

uint32_t
nkinfo_gateway(const char *text, size_t len, const char *ifname)
{
	char w[WORDMAX], dev[WORDMAX], dst[WORDMAX];
	const char *nl, *p;
	size_t n, rem;
	unsigned long gw;
	char *end;

	for (; len > 0; text += n, len -= n) {
		nl = memchr(text, '\n', len);
		n = nl != NULL ? (size_t)(nl - text) + 1 : len;
		p = text;
		rem = n;
		if (!next_word(&p, &rem, dev, sizeof(dev)) ||
		    !next_word(&p, &rem, dst, sizeof(dst)) ||
		    !next_word(&p, &rem, w, sizeof(w)))
			continue;
		if (strcmp(dst, "00000000") != 0 ||
		    (ifname != NULL && ifname[0] != '\0' &&
		    strcmp(dev, ifname) != 0))
			continue;
		gw = strtoul(w, &end, 16);
		if (*end == '\0' && strlen(w) == 8 && gw != 0)
			/* printed from the in_addr as a native integer */
			return ntohl((uint32_t)gw);
	}
	return 0;
}

/*
 * Each SMBIOS structure: type, length of the formatted part (at least the
 * 4-byte header), then strings ending in a double NUL (SMBIOS 3.x, 6.1).
 * Type 1 holds the UUID at offset 8 (version 2.1 and later).
 */
/* SMBIOS 7.2.1: all 00h, no UUID; all FFh, none set yet. */
static bool
uuid_unset(const uint8_t uuid[16])
{
	size_t i;

	for (i = 1; i < 16; i++)
		if (uuid[i] != uuid[0])
			return false;
	return uuid[0] == 0x00 || uuid[0] == 0xff;
}

int
nkinfo_dmi_uuid(const uint8_t *tbl, size_t len, uint8_t uuid[16])
{
	struct rbuf r, s;
	uint8_t type, hlen;
	const uint8_t *h, *nul;

	rbuf_init(&r, tbl, len);
	while (rbuf_get8(&r, &type) == 0 && rbuf_get8(&r, &hlen) == 0) {
		if (hlen < 4 || rbuf_sub(&r, hlen - 2u, &s) == -1)
			return -1;
		if (type == 1 && hlen >= 0x18 &&
		    rbuf_ptr(&s, 6, &h) == 0 && rbuf_getbytes(&s, uuid, 16) == 0)
			return uuid_unset(uuid) ? -1 : 0;
		if (type == 127)	/* end of table */
			return -1;
		/* The string set ends with two NULs. */
		for (;;) {
			if (r.rem < 2)
				return -1;
			if ((nul = memchr(r.p, '\0', r.rem - 1)) == NULL)
				return -1;
			if (nul[1] == '\0') {
				rbuf_skip(&r, (size_t)(nul - r.p) + 2);
				break;
			}
			rbuf_skip(&r, (size_t)(nul - r.p) + 1);
		}
	}
	return -1;
}
