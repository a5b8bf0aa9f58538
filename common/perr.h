/* SPDX-License-Identifier: ISC */
/*
 * A parse error with its place: "file:line: message".  Config and /etc
 * parsers fill one in instead of logging, so the shell decides where it
 * goes.  Pure: snprintf into the caller's struct.
 */
#ifndef NB_PERR_H
#define NB_PERR_H

#define PERR_MSGLEN	512

struct perr {
	char		msg[PERR_MSGLEN];
	unsigned	line;
};

void	perr_set(struct perr *, const char *file, unsigned line,
	    const char *fmt, ...) __attribute__((__format__(printf, 4, 5)));

#endif
