/* SPDX-License-Identifier: ISC */
/*
 * A parse error with its place: "file:line: message", or "file: message"
 * for line 0 (the file as a whole: it cannot be read).  Config and /etc
 * parsers fill one in instead of logging, so the shell decides where it
 * goes.  Everything but printable ASCII in the file name and the message
 * is escaped (vis(3): \n, \t, \033, a backslash doubled), since both may
 * come from a file: the message is always one line of plain text.  Pure:
 * snprintf and vis into the caller's struct.
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
