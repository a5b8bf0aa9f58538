/* SPDX-License-Identifier: ISC */
/*
 * Templates of generated files: text with ${name} variables.  A variable
 * name is letters, digits, '-' and '_'; "$$" stands for a literal '$' (so an
 * iPXE script can still say $${next-server}).  An unknown variable, or one
 * that has no value for the file being written (${hostname} in a subnet's
 * group file), is an error, never an empty string.  Pure: renders into the
 * caller's wbuf, no allocation.
 */
#ifndef PXECFG_TMPL_H
#define PXECFG_TMPL_H

#include <stddef.h>

#include "common/buf.h"

#define TMPL_ERRLEN	160

struct tmpl_var {
	const char	*name;
	const char	*value;		/* NULL: known, but no value here */
};

/*
 * Renders tmpl into w with vars[0..nvars).  Blanks at the end of each
 * output line are dropped, so an empty ${append} at the end of an APPEND
 * line leaves no trailing space.  Writes no NUL.  Returns 0, or -1 with a
 * reason in err[TMPL_ERRLEN] ("unknown variable ${foo}", "${hostname} has
 * no value in this file", "unterminated ${", "file too large").
 */
int	tmpl_render(const char *tmpl, const struct tmpl_var *vars,
	    size_t nvars, struct wbuf *w, char err[TMPL_ERRLEN]);

#endif
