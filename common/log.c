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
#include <unistd.h>

#include "log.h"

#define LOG_LINE_MAX	4096	/* PIPE_BUF on Linux */

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

/* What snprintf() stored in room bytes, without the NUL. */
static size_t
stored(int k, size_t room)
{
	if (k < 0 || room == 0)
		return 0;
	return (size_t)k < room ? (size_t)k : room - 1;
}

/*
 * The stderr line: prefix, message and newline formatted into one buffer
 * and written with one write(2), so the lines of concurrent children (-L)
 * or threads never interleave; stdio made three writes of each.  A write
 * of up to PIPE_BUF bytes to a pipe is atomic; a longer line is cut short
 * and still ends in a newline.
 */
static void
vlog_stderr(const char *fmt, va_list ap)
{
	char line[LOG_LINE_MAX];
	size_t n;

	if (log_procname != NULL)
		n = stored(snprintf(line, sizeof(line), "%s[%s]: ",
		    getprogname(), log_procname), sizeof(line));
	else
		n = stored(snprintf(line, sizeof(line), "%s: ", getprogname()),
		    sizeof(line));
	n += stored(vsnprintf(line + n, sizeof(line) - n, fmt, ap),
	    sizeof(line) - n);
	line[n++] = '\n';	/* over the NUL: n < sizeof(line) before */
	/* A failed write of the log has nowhere to be reported. */
	if (write(STDERR_FILENO, line, n) == -1)
		return;
}

void
vlog(int pri, const char *fmt, va_list ap)
{
	int saved_errno = errno;
	va_list ap2;

	if (log_dest & LOG_TO_STDERR) {
		va_copy(ap2, ap);
		vlog_stderr(fmt, ap2);
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
