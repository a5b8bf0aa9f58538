// SPDX-License-Identifier: ISC
/*
 * ISC dhcpd.leases(5) records: formatting, and line-based parsing (ISC
 * writes one statement per line, and its uid strings hold \000 escapes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "dhcpd-pxe/lease_file.h"

static const char *const lease_states[] = { "free", NULL, "active",
    "abandoned" };

static void
lease_fmt_time(int64_t t, char *buf, size_t sz)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, sz, "%w %Y/%m/%d %H:%M:%S", &tm) == 0)
		strlcpy(buf, "never", sz);
}

int
lease_file_format(const struct lease *l, char *buf, size_t sz)
{
	char ip[IP4_STRLEN], mac[MAC_STRLEN], s[32], e[32], h[96] = "";
	int n;

	if (l->state == LEASE_OFFERED)
		return -1;
	lease_fmt_time(l->starts, s, sizeof(s));
	lease_fmt_time(l->ends, e, sizeof(e));
	if (l->hostname[0] != '\0')
		snprintf(h, sizeof(h), "  client-hostname \"%s\";\n",
		    l->hostname);
	n = snprintf(buf, sz, "lease %s {\n  starts %s;\n  ends %s;\n"
	    "  binding state %s;\n  hardware ethernet %s;\n%s}\n",
	    ip4_ntoa(l->ip, ip), s, e, lease_states[l->state],
	    mac_ntoa(l->mac, mac), h);
	return n < 0 || (size_t)n >= sz ? -1 : n;
}

/* Field k (0-based) of a line, copied into buf; NULL if absent. */
static const char *
lease_field(const char *line, int k, char *buf, size_t sz)
{
	const char *p = line, *q;

	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			return NULL;
		q = p + strcspn(p, " \t;");
		if (k-- == 0) {
			if ((size_t)(q - p) >= sz)
				return NULL;
			memcpy(buf, p, (size_t)(q - p));
			buf[q - p] = '\0';
			return buf;
		}
		p = *q == ';' ? q + 1 : q;
	}
}

/* "starts W YYYY/MM/DD HH:MM:SS;" or "ends never;" */
static int
lease_time(const char *line, int64_t *v)
{
	struct tm tm;
	char f[32];

	if (lease_field(line, 1, f, sizeof(f)) == NULL)
		return -1;
	if (strcmp(f, "never") == 0) {
		*v = INT64_MAX;
		return 0;
	}
	memset(&tm, 0, sizeof(tm));
	if (lease_field(line, 2, f, sizeof(f)) == NULL || sscanf(f,
	    "%d/%d/%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3 ||
	    lease_field(line, 3, f, sizeof(f)) == NULL || sscanf(f,
	    "%d:%d:%d", &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 3)
		return -1;
	/* What ISC writes; anything else is a damaged record. */
	if (tm.tm_year < 1970 || tm.tm_year > 9999 || tm.tm_mon < 1 ||
	    tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
	    tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 ||
	    tm.tm_min > 59 || tm.tm_sec < 0 || tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*v = (int64_t)timegm(&tm);
	return 0;
}

/* One statement line inside a lease block. */
static int
lease_stmt(const char *line, struct lease *l)
{
	char kw[32], f[64];
	const char *q;
	size_t i, n;

	if (lease_field(line, 0, kw, sizeof(kw)) == NULL)
		return 0;
	if (strcmp(kw, "starts") == 0)
		return lease_time(line, &l->starts);
	if (strcmp(kw, "ends") == 0)
		return lease_time(line, &l->ends);
	if (strcmp(kw, "hardware") == 0)
		return lease_field(line, 2, f, sizeof(f)) == NULL ||
		    mac_parse(f, l->mac) == -1 ? -1 : 0;
	if (strcmp(kw, "binding") == 0) {
		if (lease_field(line, 2, f, sizeof(f)) == NULL)
			return -1;
		l->state = LEASE_FREE;	/* expired, released, backup... */
		for (i = 0; i < sizeof(lease_states) / sizeof(*lease_states);
		    i++)
			if (lease_states[i] != NULL &&
			    strcmp(f, lease_states[i]) == 0)
				l->state = (enum lease_state)i;
	}
	if (strcmp(kw, "client-hostname") == 0 &&
	    (q = strchr(line, '"')) != NULL) {
		n = strcspn(q + 1, "\"");
		if (n >= sizeof(l->hostname))
			n = sizeof(l->hostname) - 1;
		memcpy(l->hostname, q + 1, n);
	}
	return 0;	/* cltt, uid, next binding state...: not ours */
}

int
lease_file_parse(struct lease_table *tab, const char *text, size_t len,
    const char *file, size_t *valid, struct perr *err)
{
	char line[LEASE_RECORD_MAX], ip[IP4_STRLEN + 2];
	struct lease l;
	const char *nl;
	size_t off = 0, n;
	unsigned lineno = 0, start = 0;
	bool in = false, bad = false;

	*valid = 0;
	while (off < len && (nl = memchr(text + off, '\n', len - off)) != NULL) {
		n = (size_t)(nl - text) - off;
		lineno++;
		if (n >= sizeof(line) || memchr(text + off, '\0', n) != NULL)
			bad = true;
		else {
			memcpy(line, text + off, n);
			line[n] = '\0';
		}
		off += n + 1;
		if (bad)
			break;
		if (!in && lease_field(line, 0, ip, sizeof(ip)) != NULL &&
		    strcmp(ip, "lease") == 0) {
			memset(&l, 0, sizeof(l));
			start = lineno;
			if (lease_field(line, 1, ip, sizeof(ip)) == NULL ||
			    ip4_parse(ip, &l.ip) == -1) {
				bad = true;
				break;
			}
			in = true;
		} else if (in && lease_field(line, 0, ip, sizeof(ip)) != NULL &&
		    strcmp(ip, "lease") == 0) {
			/*
			 * A record with no `}' before the next: ISC refuses
			 * the file, and so do we (merging the two would give
			 * the first record's address to the second's MAC).
			 */
			perr_set(err, file, start, "lease record has no `}' "
			    "before the next record");
			return -1;
		} else if (in && line[strspn(line, " \t")] == '}') {
			if (lease_put(tab, &l) == NULL) {
				perr_set(err, file, start, "out of memory");
				return -1;
			}
			in = false;
		} else if (in && lease_stmt(line, &l) == -1) {
			bad = true;
			break;
		}
		if (!in)
			*valid = off;
	}
	/* A torn tail (a crash mid-append) has no complete record after it. */
	if (!bad || memmem(text + off, len - off, "\n}", 2) == NULL)
		return 0;
	perr_set(err, file, in ? start : lineno, "bad lease record");
	return -1;
}
