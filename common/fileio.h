/* SPDX-License-Identifier: ISC */
/*
 * File I/O shared by the programs: bounded whole-file reads (config and
 * /etc files) and full writes.  Functions return -1 with errno set.
 * Atomic replacement of a file is in atomic.h.
 */
#ifndef NB_FILEIO_H
#define NB_FILEIO_H

#include <stddef.h>

#define FILE_READ_MAX	(16u << 20)	/* what a config may weigh */

/*
 * Opens path (relative to dirfd unless absolute; AT_FDCWD or a directory
 * held across a chroot) for reading, if it is a regular file.  The open
 * itself is O_NONBLOCK, so a FIFO or a device cannot block it; fstat() of
 * what was opened decides, and the flag is cleared before any read.
 * Every config and /etc file of the suite is opened here.  The descriptor
 * (O_CLOEXEC), or -1 with errno; EINVAL: not a regular file.
 */
int	file_open_regular(int dirfd, const char *path);
/* Reads a regular file of at most max bytes; *bufp is NUL-terminated. */
int	file_read(const char *path, size_t max, char **bufp, size_t *lenp);
int	file_read_at(int dirfd, const char *path, size_t max, char **bufp,
	    size_t *lenp);
/* strerror() for the functions above: EINVAL is "not a regular file". */
const char *file_strerror(int);
int	write_all(int fd, const void *buf, size_t len);
/*
 * Reads path and hands it to parse(arg, text, len, path, err); a read
 * error is "path: reason" in err.  parse's return, or -1.
 */
struct perr;
int	file_parse(const char *path, int (*parse)(void *, const char *,
	    size_t, const char *, struct perr *), void *arg, struct perr *err);

#endif
