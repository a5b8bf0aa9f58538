// SPDX-License-Identifier: ISC
/* ISC dhcpd.leases(5) records: formatting and parsing (with conftok). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/conftok.h"
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

/* Skips to the ';' ending the current statement. */
static int
lease_skip(struct conftok *c, struct perr *err)
{
	struct conftok_tok t;

	do {
		if (conftok_next(c, &t, err) == -1)
			return -1;
		if (t.type == CT_EOF || conftok_is(&t, '{') ||
		    conftok_is(&t, '}'))
			return -1;
	} while (!conftok_is(&t, ';'));
	return 0;
}

/* "W YYYY/MM/DD HH:MM:SS;" or "never;" */
static int
lease_time(struct conftok *c, int64_t *v, struct perr *err)
{
	struct conftok_tok t;
	struct tm tm;

	if (conftok_next(c, &t, err) == -1 || t.type != CT_WORD)
		return -1;
	if (strcasecmp(t.text, "never") == 0) {
		*v = INT64_MAX;
		return lease_skip(c, err);
	}
	memset(&tm, 0, sizeof(tm));
	if (conftok_next(c, &t, err) == -1 || sscanf(t.text, "%d/%d/%d",
	    &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3 ||
	    conftok_next(c, &t, err) == -1 || sscanf(t.text, "%d:%d:%d",
	    &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 3)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	*v = (int64_t)timegm(&tm);
	return lease_skip(c, err);
}

static int
lease_stmt(struct conftok *c, const struct conftok_tok *kw, struct lease *l,
    struct perr *err)
{
	struct conftok_tok t;
	size_t i;

	if (strcasecmp(kw->text, "starts") == 0)
		return lease_time(c, &l->starts, err);
	if (strcasecmp(kw->text, "ends") == 0)
		return lease_time(c, &l->ends, err);
	if (strcasecmp(kw->text, "hardware") == 0) {
		if (conftok_next(c, &t, err) == -1 ||
		    conftok_next(c, &t, err) == -1 ||
		    mac_parse(t.text, l->mac) == -1)
			return -1;
		return lease_skip(c, err);
	}
	if (strcasecmp(kw->text, "client-hostname") == 0) {
		if (conftok_next(c, &t, err) == -1 || t.type != CT_STRING)
			return -1;
		strlcpy(l->hostname, t.text, sizeof(l->hostname));
		return lease_skip(c, err);
	}
	if (strcasecmp(kw->text, "binding") == 0) {
		if (conftok_next(c, &t, err) == -1 ||
		    conftok_next(c, &t, err) == -1)
			return -1;
		l->state = LEASE_FREE;	/* expired, released, backup... */
		for (i = 0; i < sizeof(lease_states) / sizeof(*lease_states);
		    i++)
			if (lease_states[i] != NULL &&
			    strcasecmp(t.text, lease_states[i]) == 0)
				l->state = (enum lease_state)i;
	}
	return lease_skip(c, err);	/* next binding state, uid, cltt... */
}

/* One "lease IP { ... }" after its keyword; 0, or -1 if malformed. */
static int
lease_record(struct conftok *c, struct lease *l, struct perr *err)
{
	struct conftok_tok t;

	memset(l, 0, sizeof(*l));
	l->state = LEASE_FREE;
	if (conftok_next(c, &t, err) == -1 || ip4_parse(t.text, &l->ip) == -1 ||
	    conftok_next(c, &t, err) == -1 || !conftok_is(&t, '{'))
		return -1;
	for (;;) {
		if (conftok_next(c, &t, err) == -1 || t.type == CT_EOF)
			return -1;
		if (conftok_is(&t, '}'))
			return 0;
		if (t.type != CT_WORD || lease_stmt(c, &t, l, err) == -1)
			return -1;
	}
}

int
lease_file_parse(struct lease_table *tab, const char *text, size_t len,
    const char *file, size_t *valid, struct perr *err)
{
	struct conftok c;
	struct conftok_tok t;
	struct lease l;
	unsigned line;

	conftok_init(&c, text, len, file);
	*valid = 0;
	for (;;) {
		line = c.line;
		if (conftok_next(&c, &t, err) == -1)
			break;
		if (t.type == CT_EOF) {
			*valid = len;
			return 0;
		}
		if (t.type == CT_WORD && strcasecmp(t.text, "lease") == 0) {
			if (lease_record(&c, &l, err) == -1)
				break;
			if (lease_put(tab, &l) == NULL) {
				perr_set(err, file, line, "out of memory");
				return -1;
			}
		} else if (t.type != CT_WORD || lease_skip(&c, err) == -1)
			break;	/* server-duid, authoring-byte-order... */
		*valid = (size_t)(c.p - text);
	}
	/* A torn tail has no complete record after it. */
	if (memmem(text + *valid, len - *valid, "\n}", 2) == NULL)
		return 0;
	perr_set(err, file, line, "bad lease record");
	return -1;
}
