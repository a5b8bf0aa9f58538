// SPDX-License-Identifier: ISC
/*
 * Checking the base URL of iPXE boot files.  Only the scheme, the host and
 * port, and the bytes are checked; the path is the server's business.
 * iPXE splits a script line at blanks and treats quotes and backslashes
 * specially, so those, control bytes and non-ASCII (which a URL carries
 * %-encoded, RFC 3986 section 2.1) cannot be written into a script.  A
 * query or fragment cannot be followed by a path, so neither is allowed.
 */
#include <string.h>

#include "pxecfg_url.h"

static const char *
url_bytes(const char *s)
{
	unsigned char ch;

	for (; *s != '\0'; s++) {
		ch = (unsigned char)*s;
		if (ch == ' ' || ch == '\t')
			return "a blank in the URL";
		if (ch == '"' || ch == '\'')
			return "a quote in the URL";
		if (ch == '\\')
			return "a backslash in the URL";
		if (ch < 0x20 || ch >= 0x7f)
			return "a control or non-ASCII byte in the URL";
		if (ch == '?' || ch == '#')
			return "a query or fragment in a base URL";
	}
	return NULL;
}

/*
 * The authority [userinfo@]host[:port] from a to end: a host (a name, an
 * IPv4 address or a [bracketed] IPv6 one) is required, and a port given
 * must be 1 to 65535.
 */
static const char *
url_authority(const char *a, const char *end)
{
	const char *h = a, *p;
	long port = 0;

	for (p = a; p < end; p++)
		if (*p == '@')
			h = p + 1;
	if (h < end && *h == '[') {
		if ((p = memchr(h, ']', (size_t)(end - h))) == NULL)
			return "no ']' after an IPv6 address";
		if (p == h + 1)
			return "no host";
		p++;
	} else
		for (p = h; p < end && *p != ':'; p++)
			;
	if (p == h)
		return "no host";
	if (p == end)
		return NULL;
	if (*p != ':' || ++p == end || end - p > 5)
		return "bad port";
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return "bad port";
		port = port * 10 + (*p - '0');
	}
	return port >= 1 && port <= 65535 ? NULL : "bad port";
}

int
pxecfg_url_base(const char *url, char *out, size_t outsz,
    const char **errstr)
{
	const char *a, *end;
	size_t len;

	if ((*errstr = url_bytes(url)) != NULL)
		return -1;
	if (strncmp(url, "http://", 7) == 0)
		a = url + 7;
	else if (strncmp(url, "https://", 8) == 0)
		a = url + 8;
	else {
		*errstr = "the URL must begin with http:// or https://";
		return -1;
	}
	end = a + strcspn(a, "/");
	if ((*errstr = url_authority(a, end)) != NULL)
		return -1;
	/* The host is there, so this stops before the "//". */
	for (len = strlen(url); url[len - 1] == '/'; len--)
		;
	if (len + 2 > outsz) {
		*errstr = "too long";
		return -1;
	}
	memcpy(out, url, len);
	out[len] = '/';
	out[len + 1] = '\0';
	return 0;
}
