// SPDX-License-Identifier: ISC
/* perr_set(): format "file:line: message" into a struct perr. */
#include <stdarg.h>
#include <stdio.h>

#include "perr.h"

void
perr_set(struct perr *e, const char *file, unsigned line, const char *fmt,
    ...)
{
	va_list ap;
	int n;

	if (e == NULL)
		return;
	e->line = line;
	n = snprintf(e->msg, sizeof(e->msg), "%s:%u: ", file, line);
	if (n < 0 || (size_t)n >= sizeof(e->msg))
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof(e->msg) - (size_t)n, fmt, ap);
	va_end(ap);
}
