// SPDX-License-Identifier: ISC
/*
 * Atomic replacement (see atomic.h): an unnamed O_TMPFILE temporary,
 * linked under a fresh ".<target>.XXXXXX" name and renamed over the
 * target at the commit; or, where O_TMPFILE or /proc is missing, a
 * temporary with that name from the start (mkostemp).  linkat() goes
 * through /proc/PID/fd/FD with AT_SYMLINK_FOLLOW, the way open(2)
 * documents, since linking the descriptor itself (AT_EMPTY_PATH) needs
 * CAP_DAC_READ_SEARCH.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "fileio.h"

#define ATOMIC_TRIES	100	/* fresh names tried at a commit */

int
fsync_dir_of(const char *path)
{
	char copy[PATH_MAX];
	int fd, r, saved;

	if (strlcpy(copy, path, sizeof(copy)) >= sizeof(copy)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1)
		return -1;
	r = fsync(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return r;
}

/* dir/.base.XXXXXX into buf: the temporary's name. */
static int
atomic_tmpname(const char *path, char *buf, size_t bufsz)
{
	char dcopy[PATH_MAX], bcopy[PATH_MAX];
	int n;

	if (strlcpy(dcopy, path, sizeof(dcopy)) >= sizeof(dcopy) ||
	    strlcpy(bcopy, path, sizeof(bcopy)) >= sizeof(bcopy))
		goto toolong;
	n = snprintf(buf, bufsz, "%s/.%s.XXXXXX", dirname(dcopy),
	    basename(bcopy));
	if (n < 0 || (size_t)n >= bufsz)
		goto toolong;
	return 0;
toolong:
	errno = ENAMETOOLONG;
	return -1;
}

int
atomic_open_named(struct atomic_file *af, const char *path, mode_t mode)
{
	af->fd = -1;
	af->named = true;
	if (strlcpy(af->path, path, sizeof(af->path)) >= sizeof(af->path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (atomic_tmpname(path, af->tmp, sizeof(af->tmp)) == -1)
		return -1;
	if ((af->fd = mkostemp(af->tmp, O_CLOEXEC)) == -1)
		return -1;
	if (fchmod(af->fd, mode) == -1) {
		atomic_abort(af);
		return -1;
	}
	return 0;
}

int
atomic_open(struct atomic_file *af, const char *path, mode_t mode)
{
	char dcopy[PATH_MAX];

	af->fd = -1;
	af->named = false;
	if (strlcpy(af->path, path, sizeof(af->path)) >= sizeof(af->path) ||
	    strlcpy(dcopy, path, sizeof(dcopy)) >= sizeof(dcopy)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((af->fd = open(dirname(dcopy), O_TMPFILE | O_RDWR | O_CLOEXEC,
	    mode & 0777)) == -1) {
		/* no O_TMPFILE here (EISDIR: a kernel without it) */
		if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
			return atomic_open_named(af, path, mode);
		return -1;
	}
	snprintf(af->tmp, sizeof(af->tmp), "/proc/%ld/fd/%d", (long)getpid(),
	    af->fd);
	if (access(af->tmp, F_OK) == -1) {	/* no /proc: cannot link it */
		close(af->fd);
		return atomic_open_named(af, path, mode);
	}
	if (fchmod(af->fd, mode) == -1) {
		atomic_abort(af);
		return -1;
	}
	return 0;
}

/* Gives the unnamed temporary a fresh name beside the target, in name. */
static int
atomic_link(struct atomic_file *af, char *name, size_t namesz)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t len, i;
	int try;

	if (atomic_tmpname(af->path, name, namesz) == -1)
		return -1;
	len = strlen(name);
	for (try = 0; try < ATOMIC_TRIES; try++) {
		for (i = len - 6; i < len; i++)
			name[i] = abc[arc4random_uniform(sizeof(abc) - 1)];
		if (linkat(AT_FDCWD, af->tmp, AT_FDCWD, name,
		    AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int
atomic_commit(struct atomic_file *af)
{
	char name[PATH_MAX];
	int saved;

	if (fsync(af->fd) == -1 || (!af->named &&
	    atomic_link(af, name, sizeof(name)) == -1)) {
		atomic_abort(af);
		return -1;
	}
	if (!af->named)
		strlcpy(af->tmp, name, sizeof(af->tmp));
	af->named = true;	/* from here on, tmp is a name to unlink */
	if (close(af->fd) == -1) {
		af->fd = -1;
		atomic_abort(af);
		return -1;
	}
	af->fd = -1;
	if (rename(af->tmp, af->path) == -1) {
		saved = errno;
		unlink(af->tmp);
		errno = saved;
		return -1;
	}
	return fsync_dir_of(af->path);
}

void
atomic_abort(struct atomic_file *af)
{
	int saved = errno;

	if (af->fd != -1)
		close(af->fd);
	af->fd = -1;
	if (af->named)
		unlink(af->tmp);	/* an unnamed one went with close() */
	errno = saved;
}

int
atomic_write(const char *path, const void *buf, size_t len, mode_t mode)
{
	struct atomic_file af;

	if (atomic_open(&af, path, mode) == -1)
		return -1;
	if (write_all(af.fd, buf, len) == -1) {
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af);
}
