// SPDX-License-Identifier: ISC
/*
 * Following in.tftpd's transfer log like tail -F: only what is written
 * after wakeup starts counts, so an existing file is read from its end; a
 * file that appears later is new and read from its start; a file that is
 * replaced (rotated) is read to its end, then the new one from its start;
 * a truncated file is read again from the start.  Lines longer than the
 * log's limit are dropped whole.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "wakeup.h"

static int
lt_reopen(struct logtail *lt)
{
	struct stat st;
	int fd;

	if ((fd = open(lt->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		if (errno != ENOENT)
			log_warn("%s", lt->path);
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		log_warn("%s", lt->path);
		close(fd);
		return -1;
	}
	lt->fd = fd;
	lt->dev = st.st_dev;
	lt->ino = st.st_ino;
	lt->off = 0;
	lt->len = 0;
	lt->skipping = false;
	return 0;
}

void
logtail_open(struct logtail *lt, const char *path)
{
	memset(lt, 0, sizeof(*lt));
	lt->path = path;
	lt->fd = -1;
	if (lt_reopen(lt) == 0 &&
	    (lt->off = lseek(lt->fd, 0, SEEK_END)) == -1)
		fatal("%s: lseek", path);
}

/* Hands over the complete lines in lt->buf, keeps the partial one. */
static void
lt_lines(struct logtail *lt, void (*fn)(const char *, size_t, void *),
    void *arg)
{
	char *p = lt->buf, *nl;
	size_t rem = lt->len;

	while ((nl = memchr(p, '\n', rem)) != NULL) {
		if (!lt->skipping)
			fn(p, (size_t)(nl - p), arg);
		lt->skipping = false;
		rem -= (size_t)(nl - p) + 1;
		p = nl + 1;
	}
	if (rem == sizeof(lt->buf)) {
		log_debug("%s: overlong line dropped", lt->path);
		lt->skipping = true;
		rem = 0;
	}
	memmove(lt->buf, p, rem);
	lt->len = rem;
}

/* Reads fd to its current end. */
static void
lt_drain(struct logtail *lt, void (*fn)(const char *, size_t, void *),
    void *arg)
{
	ssize_t n;

	for (;;) {
		n = pread(lt->fd, lt->buf + lt->len, sizeof(lt->buf) - lt->len,
		    lt->off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			log_warn("%s: read", lt->path);
			return;
		}
		if (n == 0)
			return;
		lt->off += n;
		lt->len += (size_t)n;
		lt_lines(lt, fn, arg);
	}
}

void
logtail_poll(struct logtail *lt, void (*fn)(const char *, size_t, void *),
    void *arg)
{
	struct stat st, cur;

	if (lt->fd == -1 && lt_reopen(lt) == -1)
		return;
	if (fstat(lt->fd, &st) == 0 && st.st_size < lt->off) {
		log_info("%s: truncated; reading it again", lt->path);
		lt->off = 0;
		lt->len = 0;
	}
	lt_drain(lt, fn, arg);
	if (stat(lt->path, &cur) == 0 && cur.st_dev == lt->dev &&
	    cur.st_ino == lt->ino)
		return;
	/* Rotated or removed: the old file is finished, follow the new. */
	close(lt->fd);
	lt->fd = -1;
	if (lt_reopen(lt) == 0)
		lt_drain(lt, fn, arg);
}
