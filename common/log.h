/* SPDX-License-Identifier: ISC */
/*
 * Logging, in the shape of OpenBSD ntpd's log.h: one log_init() that picks
 * syslog or stderr, log_procinit() so forked children name themselves, and
 * printf-like functions that preserve errno.  log_debug() prints only at
 * verbosity 2 or more (-vv); programs test log_getverbose() for what -v
 * adds.  fatal() and fatalx() log and exit(1), or the exit status set by
 * log_setfatalstatus() (a sysexits.h code).
 */
#ifndef NB_LOG_H
#define NB_LOG_H

#include <stdarg.h>

#define LOG_TO_STDERR	0x1
#define LOG_TO_SYSLOG	0x2

#define LOG_PRINTF(f, a)	__attribute__((__format__(printf, f, a)))
#define LOG_DEAD		__attribute__((__noreturn__))

void	log_init(int dest, int verbose, int facility);
void	log_procinit(const char *name);
void	log_setverbose(int verbose);
int	log_getverbose(void);
void	log_setfatalstatus(int status);
void	logit(int pri, const char *fmt, ...) LOG_PRINTF(2, 3);
void	vlog(int pri, const char *fmt, va_list ap) LOG_PRINTF(2, 0);
void	log_warn(const char *fmt, ...) LOG_PRINTF(1, 2);
void	log_warnx(const char *fmt, ...) LOG_PRINTF(1, 2);
void	log_info(const char *fmt, ...) LOG_PRINTF(1, 2);
void	log_debug(const char *fmt, ...) LOG_PRINTF(1, 2);
void	fatal(const char *fmt, ...) LOG_PRINTF(1, 2) LOG_DEAD;
void	fatalx(const char *fmt, ...) LOG_PRINTF(1, 2) LOG_DEAD;

#endif
