/* SPDX-License-Identifier: ISC */
/*
 * Atomic replacement of a file: the new content is written to a temporary
 * file in the target's directory, fsync()ed, renamed over the target, and
 * the directory fsync()ed, so a reader (a node booting, a crash, a power
 * cut) sees the whole old file or the whole new one, never a part; a
 * reader that opened the old file keeps reading it.
 *
 * The temporary has no name while it is written (O_TMPFILE): a process
 * killed meanwhile, even by SIGKILL, leaves nothing behind.  It gets a
 * name, ".<target>.XXXXXX", only for the instant between linkat() and
 * rename() at the commit.  Where the file system has no O_TMPFILE (or
 * /proc is not mounted, which linkat() of an unnamed file needs), the
 * temporary is created under that name from the start instead.
 * Functions return -1 with errno set.
 */
#ifndef NB_ATOMIC_H
#define NB_ATOMIC_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct atomic_file {
	int	fd;
	bool	named;		/* the fallback: tmp is in the directory */
	char	path[PATH_MAX];
	/*
	 * A path to the temporary while it is open, for another program
	 * (mke2fs): the named temporary, or /proc/PID/fd/FD.  Not for
	 * messages: they should name path.
	 */
	char	tmp[PATH_MAX];
};

int	atomic_open(struct atomic_file *, const char *path, mode_t mode);
/* What atomic_open() falls back to: a named temporary from the start. */
int	atomic_open_named(struct atomic_file *, const char *path, mode_t mode);
int	atomic_commit(struct atomic_file *);
void	atomic_abort(struct atomic_file *);
int	atomic_write(const char *path, const void *buf, size_t len,
	    mode_t mode);
/* fsync() of the directory holding path, so a rename is durable. */
int	fsync_dir_of(const char *path);

#endif
