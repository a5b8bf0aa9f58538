// SPDX-License-Identifier: ISC
/*
 * Formats one transfer-log line; see tftp_xferlog.h for the format, which
 * other programs parse.  The shell writes the line with a single write(2)
 * on an O_APPEND descriptor, so lines from concurrent children never
 * interleave.
 */
#include <stdio.h>
#include <string.h>
#define LIBBSD_OPENBSD_VIS	/* OpenBSD strnvis() argument order */
#include <vis.h>

#include "common/addr.h"
#include "in.tftpd/tftp_xferlog.h"

/* Milliseconds from a to b, never negative. */
static uint64_t
elapsed_ms(const struct timespec *a, const struct timespec *b)
{
	int64_t ns;

	ns = ((int64_t)b->tv_sec - (int64_t)a->tv_sec) * 1000000000 +
	    ((int64_t)b->tv_nsec - (int64_t)a->tv_nsec);
	return ns < 0 ? 0 : (uint64_t)ns / 1000000;
}

size_t
tftp_xferlog_format(const struct tftp_xferlog_rec *r, char *buf, size_t cap)
{
	char name[4 * TFTP_FILE_MAX + 1], ip[IP4_STRLEN], when[32];
	struct tm tm;
	time_t t = r->end.tv_sec;
	uint64_t ms = elapsed_ms(&r->start, &r->end);
	bool ok = strcmp(r->result, "ok") == 0;
	int n;

	if (strlen(r->file) > TFTP_FILE_MAX || gmtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return 0;
	strvis(name, r->file, VIS_WHITE | VIS_CSTYLE | VIS_OCTAL);
	n = snprintf(buf, cap, "%s.%03ldZ %s %s %s %llu %llu.%03llu %s%s\n",
	    when, r->end.tv_nsec / 1000000, ip4_ntoa(r->ip, ip),
	    r->op == TFTP_WRQ ? "WRQ" : "RRQ", name,
	    (unsigned long long)r->bytes, (unsigned long long)(ms / 1000),
	    (unsigned long long)(ms % 1000), ok ? "" : "fail:", r->result);
	if (n < 0 || (size_t)n >= cap)
		return 0;
	return (size_t)n;
}
