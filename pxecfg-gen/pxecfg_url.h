/* SPDX-License-Identifier: ISC */
/*
 * The base URL of boot files in iPXE scripts (`http URL;', --http): an
 * http:// or https:// URL (RFC 3986 section 3) that the scripts' kernel
 * and initrd names are appended to.  It is written into scripts as is, so
 * anything iPXE's script parser would split or unquote is refused.  Pure:
 * no I/O, no allocation.
 */
#ifndef PXECFG_URL_H
#define PXECFG_URL_H

#include <stddef.h>

/*
 * Checks url and copies it into out[outsz] with exactly one '/' at the
 * end (http://192.0.2.1 -> http://192.0.2.1/, .../boot// -> .../boot/).
 * Returns 0, or -1 with *errstr: "the URL must begin with http:// or
 * https://", "no host", "bad port", "a blank ...", "a quote ...", "a
 * backslash ...", "a control or non-ASCII byte ...", "a query or fragment
 * ...", "too long".
 */
int	pxecfg_url_base(const char *url, char *out, size_t outsz,
	    const char **errstr);

#endif
