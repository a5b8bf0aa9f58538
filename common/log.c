// SPDX-License-Identifier: ISC
/*
 * Logging to syslog or stderr (OpenBSD ntpd log.c, in Linux terms).  The
 * only file-scope state of the suite outside signal flags lives here, as in
 * ntpd: the destination, verbosity and process name, set once at startup.
 * Every function preserves errno; log_warn() and fatal() append
 * strerror(errno) as "fmt: strerror".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "log.h"

static int log_dest = LOG_TO_STDERR;
static int log_verbose;
static int log_fatalstatus = 1;
static const char *log_procname;

void
log_init(int dest, int verbose, int facility)
{
	log_dest = dest;
	log_verbose = verbose;
	if (dest & LOG_TO_SYSLOG)
		openlog(getprogname(), LOG_PID | LOG_NDELAY, facility);
	tzset();
}

void
log_procinit(const char *name)
{
	log_procname = name;
}

void
log_setverbose(int verbose)
{
	log_verbose = verbose;
}

int
log_getverbose(void)
{
	return log_verbose;
}

void
log_setfatalstatus(int status)
{
	log_fatalstatus = status;
}

void
vlog(int pri, const char *fmt, va_list ap)
{
	int saved_errno = errno;
	va_list ap2;

	if (log_dest & LOG_TO_STDERR) {
		va_copy(ap2, ap);
		if (log_procname != NULL)
			fprintf(stderr, "%s[%s]: ", getprogname(),
			    log_procname);
		else
			fprintf(stderr, "%s: ", getprogname());
		vfprintf(stderr, fmt, ap2);
		fputc('\n', stderr);
		fflush(stderr);
		va_end(ap2);
	}
	if (log_dest & LOG_TO_SYSLOG)
		vsyslog(pri, fmt, ap);
	errno = saved_errno;
}

void
logit(int pri, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(pri, fmt, ap);
	va_end(ap);
}

/* "fmt: strerror(errno)", or fmt alone when errno is 0. */
static void
vlog_errno(int pri, const char *fmt, va_list ap)
{
	char buf[1024];
	int saved_errno = errno;

	if (saved_errno == 0) {
		vlog(pri, fmt, ap);
		return;
	}
	vsnprintf(buf, sizeof(buf), fmt, ap);
	logit(pri, "%s: %s", buf, strerror(saved_errno));
	errno = saved_errno;
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog_errno(LOG_ERR, fmt, ap);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_ERR, fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_INFO, fmt, ap);
	va_end(ap);
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;

	if (log_verbose < 2)
		return;
	va_start(ap, fmt);
	vlog(LOG_DEBUG, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog_errno(LOG_CRIT, fmt, ap);
	va_end(ap);
	exit(log_fatalstatus);
}

void
fatalx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(LOG_CRIT, fmt, ap);
	va_end(ap);
	exit(log_fatalstatus);
}
