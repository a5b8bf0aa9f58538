/* SPDX-License-Identifier: ISC */
/*
 * Unified diff (diff -u format, 3 lines of context) between two small
 * texts, for --dry-run.  Lines are compared exactly; a last line without a
 * newline is marked "\ No newline at end of file" as diff(1) does.  Pure:
 * writes into the caller's wbuf; allocates only the LCS table.
 */
#ifndef PXECFG_DIFF_H
#define PXECFG_DIFF_H

#include <stddef.h>

#include "common/buf.h"

#define DIFF_LINEMAX	2048	/* lines per side */

/*
 * Writes the diff of a (alen bytes, labelled `alabel') against b into w;
 * either text may be empty (creation, removal).  Returns 0, or -1 if a
 * text has more than DIFF_LINEMAX lines or memory runs out.  A wbuf
 * overflow shows in wbuf_len().
 */
int	diff_unified(const char *a, size_t alen, const char *alabel,
	    const char *b, size_t blen, const char *blabel, struct wbuf *w);

#endif
