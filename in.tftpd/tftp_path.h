/* SPDX-License-Identifier: ISC */
/*
 * Path policy: reduces the file name a client asked for (after remapping)
 * to a clean path relative to one of the served directories, or refuses
 * it.  Refused: control characters (below 0x20 and DEL), ".." components,
 * absolute names outside every served directory, names that end in '/' or
 * name no file.  Symlinks are the shell's business: it opens the result
 * with openat2(RESOLVE_BENEATH) under the directory, so a link that leads
 * out of it fails there.  Pure.
 */
#ifndef TFTP_PATH_H
#define TFTP_PATH_H

#include <stdbool.h>
#include <stddef.h>

/*
 * name: NUL-terminated.  secure (-s, chrooted): the root is "/", leading
 * slashes are dropped.  Otherwise an absolute name must start with one of
 * dirs[0..ndirs) followed by '/' (*which says which) and a relative name
 * is taken under dirs[0].  Writes the relative path ("a/b", no "." or
 * empty components) into out.  Returns 0, or -1 with *errstr.
 */
int	tftp_path_resolve(const char *name, bool secure,
	    const char *const *dirs, size_t ndirs, char *out, size_t outsz,
	    size_t *which, const char **errstr);

#endif
