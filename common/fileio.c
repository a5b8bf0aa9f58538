// SPDX-License-Identifier: ISC
/*
 * Bounded reads of regular files (opened O_NONBLOCK and checked before
 * anything can block on a FIFO) and full writes.  Atomic replacement is in
 * atomic.c; ethers(5) and hosts(5) are loaded beside their parsers.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "perr.h"

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
file_parse(const char *path, int (*parse)(void *, const char *, size_t,
    const char *, struct perr *), void *arg, struct perr *err)
{
	char *buf;
	size_t len;
	int r;

	if (file_read(path, FILE_READ_MAX, &buf, &len) == -1) {
		perr_set(err, path, 0, "%s", file_strerror(errno));
		return -1;
	}
	r = parse(arg, buf, len, path, err);
	free(buf);
	return r;
}
