// SPDX-License-Identifier: ISC
/*
 * MAC and IPv4 parsing and formatting.  The parsers reject what
 * inet_aton() would quietly accept ("010.1" as octal, "1.2.3" as a short
 * form, trailing garbage), because a configuration that means something
 * else than it says is worse than one that is refused.
 */
#include <stdio.h>
#include <string.h>

#include "addr.h"

int
addr_hexdigit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
mac_parse_plain(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t m[MAC_LEN];
	int i, hi, lo;

	for (i = 0; i < MAC_LEN; i++) {
		if ((hi = addr_hexdigit(s[2 * i])) == -1 ||
		    (lo = addr_hexdigit(s[2 * i + 1])) == -1)
			return -1;
		m[i] = (uint8_t)(hi << 4 | lo);
	}
	if (s[2 * MAC_LEN] != '\0')
		return -1;
	memcpy(mac, m, MAC_LEN);
	return 0;
}

int
mac_parse(const char *s, uint8_t mac[MAC_LEN])
{
	uint8_t m[MAC_LEN];
	char sep = '\0';
	int i, v, d;

	if (strspn(s, "0123456789abcdefABCDEF") == 2 * MAC_LEN)
		return mac_parse_plain(s, mac);
	for (i = 0; i < MAC_LEN; i++) {
		if ((v = addr_hexdigit(*s)) == -1)
			return -1;
		s++;
		if ((d = addr_hexdigit(*s)) != -1) {
			v = v << 4 | d;
			s++;
		}
		m[i] = (uint8_t)v;
		if (i == MAC_LEN - 1)
			break;
		if (sep == '\0' && (*s == ':' || *s == '-'))
			sep = *s;
		if (*s != sep || sep == '\0')
			return -1;
		s++;
	}
	if (*s != '\0')
		return -1;
	memcpy(mac, m, MAC_LEN);
	return 0;
}

char *
mac_ntoa(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN])
{
	snprintf(buf, MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
	    mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

char *
mac_pxelinux(const uint8_t mac[MAC_LEN], char buf[MAC_PXESTRLEN])
{
	snprintf(buf, MAC_PXESTRLEN, "01-%02x-%02x-%02x-%02x-%02x-%02x",
	    mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

bool
mac_is_zero(const uint8_t mac[MAC_LEN])
{
	static const uint8_t zero[MAC_LEN];

	return memcmp(mac, zero, MAC_LEN) == 0;
}

int
ip4_parse(const char *s, uint32_t *ip)
{
	uint32_t v = 0;
	int i, part, ndig;

	for (i = 0; i < 4; i++) {
		part = 0;
		for (ndig = 0; *s >= '0' && *s <= '9'; ndig++, s++) {
			if (ndig == 1 && part == 0)
				return -1;	/* leading zero */
			part = part * 10 + (*s - '0');
			if (part > 255)
				return -1;
		}
		if (ndig == 0)
			return -1;
		v = v << 8 | (uint32_t)part;
		if (i < 3 && *s++ != '.')
			return -1;
	}
	if (*s != '\0')
		return -1;
	*ip = v;
	return 0;
}

char *
ip4_ntoa(uint32_t ip, char buf[IP4_STRLEN])
{
	snprintf(buf, IP4_STRLEN, "%u.%u.%u.%u", ip >> 24, (ip >> 16) & 0xff,
	    (ip >> 8) & 0xff, ip & 0xff);
	return buf;
}

char *
ip4_hex(uint32_t ip, char buf[IP4_HEXLEN])
{
	snprintf(buf, IP4_HEXLEN, "%08X", ip);
	return buf;
}

int
ip4_mask_len(uint32_t mask)
{
	uint32_t inv = ~mask;
	int len;

	if ((inv & (inv + 1)) != 0)
		return -1;	/* the host part is not 0...01...1 */
	for (len = 0; len < 32 && (mask & (0x80000000u >> len)); len++)
		;
	return len;
}

bool
ip4_mask_valid(uint32_t mask)
{
	return ip4_mask_len(mask) != -1;
}

uint32_t
ip4_len_mask(int len)
{
	if (len <= 0)
		return 0;
	if (len >= 32)
		return 0xffffffffu;
	return ~(0xffffffffu >> len);
}

bool
ip4_in_net(uint32_t ip, uint32_t net, uint32_t mask)
{
	return (ip & mask) == (net & mask);
}
