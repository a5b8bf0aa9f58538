// SPDX-License-Identifier: ISC
/*
 * perr_set(): format "file:line: message" into a struct perr, every byte
 * that is not printable ASCII escaped with vis(3), so that what a config
 * file holds (a control byte, an escape sequence, a newline in a string)
 * never reaches a terminal or syslog raw.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#define LIBBSD_OPENBSD_VIS	/* libbsd: quiet its strnvis() warning */
#include <vis.h>

#include "perr.h"

/* C-style \n \t \r ... and \ooo for the rest; a backslash is doubled. */
#define PERR_VIS	(VIS_CSTYLE | VIS_OCTAL | VIS_TAB | VIS_NL)

/* Appends src to dst[dsz], escaped; a character that does not fit, and
 * everything after it, is left out. */
static void
perr_vis(char *dst, size_t dsz, const char *src)
{
	char one[8];
	size_t n = strlen(dst), k;

	for (; *src != '\0'; src++) {
		k = (size_t)(vis(one, (unsigned char)src[0], PERR_VIS,
		    (unsigned char)src[1]) - one);
		if (n + k >= dsz)
			break;
		memcpy(dst + n, one, k);
		n += k;
	}
	dst[n] = '\0';
}

void
perr_set(struct perr *e, const char *file, unsigned line, const char *fmt,
    ...)
{
	char raw[PERR_MSGLEN];
	va_list ap;

	if (e == NULL)
		return;
	e->line = line;
	e->msg[0] = '\0';
	perr_vis(e->msg, sizeof(e->msg), file);
	if (line > 0)
		snprintf(raw, sizeof(raw), ":%u: ", line);
	else
		strlcpy(raw, ": ", sizeof(raw));
	strlcat(e->msg, raw, sizeof(e->msg));
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	perr_vis(e->msg, sizeof(e->msg), raw);
}
