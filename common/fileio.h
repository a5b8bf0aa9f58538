/* SPDX-License-Identifier: ISC */
/*
 * File I/O shared by the programs: bounded whole-file reads (config and
 * /etc files), full writes, and atomic replacement.  An atomic file is
 * written under a temporary name in the same directory, fsync()ed, renamed
 * over the target, and the directory fsync()ed, so a reader (a node booting,
 * a crash, a power cut) sees the whole old file or the whole new one, never
 * a part.  Functions return -1 with errno set.
 */
#ifndef NB_FILEIO_H
#define NB_FILEIO_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#define FILE_READ_MAX	(16u << 20)	/* what a config may weigh */

struct atomic_file {
	int	fd;
	char	path[PATH_MAX];
	char	tmp[PATH_MAX];
};

/* Reads a regular file of at most max bytes; *bufp is NUL-terminated. */
int	file_read(const char *path, size_t max, char **bufp, size_t *lenp);
int	write_all(int fd, const void *buf, size_t len);

int	atomic_open(struct atomic_file *, const char *path, mode_t mode);
int	atomic_commit(struct atomic_file *);
void	atomic_abort(struct atomic_file *);
int	atomic_write(const char *path, const void *buf, size_t len,
	    mode_t mode);
/* fsync() of the directory holding path, so a rename is durable. */
int	fsync_dir_of(const char *path);

#endif
