// SPDX-License-Identifier: ISC
/*
 * Bounded reads of regular files (opened O_NONBLOCK and checked before
 * anything can block on a FIFO), full writes and atomic replacement (temp +
 * fsync + rename + fsync of the directory).  The temporary name starts with
 * a dot and the target's name, so a crash leaves an obviously stale
 * ".name.XXXXXX" next to an intact target, never a truncated target.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ethers.h"
#include "fileio.h"
#include "hosts.h"

int
file_open_regular(int dirfd, const char *path)
{
	struct stat st;
	int fd, fl, saved;

	if ((fd = openat(dirfd, path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || (fl = fcntl(fd, F_GETFL)) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto fail;
	}
	if (fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1)
		goto fail;
	return fd;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

const char *
file_strerror(int e)
{
	return e == EINVAL ? "not a regular file" : strerror(e);
}

/* Room for what fstat() says (a /proc file says 0), never over max + 1. */
static size_t
file_room(int fd, size_t max)
{
	struct stat st;

	if (fstat(fd, &st) == -1 || st.st_size <= 0)
		return max < 4096 ? max + 1 : 4096;
	return (uintmax_t)st.st_size < max ? (size_t)st.st_size + 1 : max + 1;
}

int
file_read_at(int dirfd, const char *path, size_t max, char **bufp,
    size_t *lenp)
{
	char *buf = NULL, *nbuf;
	size_t len = 0, cap;
	ssize_t n;
	int fd, saved;

	if ((fd = file_open_regular(dirfd, path)) == -1)
		return -1;
	cap = file_room(fd, max);
	if ((buf = malloc(cap)) == NULL)
		goto fail;
	for (;;) {
		if (len == cap) {	/* it grew, or fstat could not say */
			cap = cap > max / 2 ? max + 1 : cap * 2;
			if ((nbuf = realloc(buf, cap)) == NULL)
				goto fail;
			buf = nbuf;
		}
		n = read(fd, buf + len, cap - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto fail;
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max) {
			errno = EFBIG;
			goto fail;
		}
	}
	close(fd);
	buf[len] = '\0';
	*bufp = buf;
	*lenp = len;
	return 0;
fail:
	saved = errno;
	free(buf);
	close(fd);
	errno = saved;
	return -1;
}

int
file_read(const char *path, size_t max, char **bufp, size_t *lenp)
{
	return file_read_at(AT_FDCWD, path, max, bufp, lenp);
}

int
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

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

int
atomic_open(struct atomic_file *af, const char *path, mode_t mode)
{
	char dcopy[PATH_MAX], bcopy[PATH_MAX];
	int n;

	af->fd = -1;
	if (strlcpy(af->path, path, sizeof(af->path)) >= sizeof(af->path) ||
	    strlcpy(dcopy, path, sizeof(dcopy)) >= sizeof(dcopy) ||
	    strlcpy(bcopy, path, sizeof(bcopy)) >= sizeof(bcopy)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	n = snprintf(af->tmp, sizeof(af->tmp), "%s/.%s.XXXXXX",
	    dirname(dcopy), basename(bcopy));
	if (n < 0 || (size_t)n >= sizeof(af->tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((af->fd = mkostemp(af->tmp, O_CLOEXEC)) == -1)
		return -1;
	if (fchmod(af->fd, mode) == -1) {
		atomic_abort(af);
		return -1;
	}
	return 0;
}

int
atomic_commit(struct atomic_file *af)
{
	int saved;

	if (fsync(af->fd) == -1 || close(af->fd) == -1) {
		saved = errno;
		af->fd = -1;
		unlink(af->tmp);
		errno = saved;
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
	unlink(af->tmp);
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

/* Reads path and hands it to a parser; read errors become "path: why". */
static int
load_with(const char *path, struct perr *err,
    int (*parse)(void *, const char *, size_t, const char *, struct perr *),
    void *tbl)
{
	char *buf;
	size_t len;
	int r;

	if (file_read(path, FILE_READ_MAX, &buf, &len) == -1) {
		perr_set(err, path, 0, "%s", file_strerror(errno));
		return -1;
	}
	r = parse(tbl, buf, len, path, err);
	free(buf);
	return r;
}

static int
parse_ethers(void *t, const char *b, size_t l, const char *f, struct perr *e)
{
	return ethers_parse(t, b, l, f, e);
}

static int
parse_hosts(void *t, const char *b, size_t l, const char *f, struct perr *e)
{
	return hosts_parse(t, b, l, f, e);
}

int
ethers_load(struct ethers *e, const char *path, struct perr *err)
{
	return load_with(path, err, parse_ethers, e);
}

int
hosts_load(struct hosts *h, const char *path, struct perr *err)
{
	return load_with(path, err, parse_hosts, h);
}
