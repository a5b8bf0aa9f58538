// SPDX-License-Identifier: ISC
/*
 * Files of a transfer; see file.h.  A file is opened first and judged on
 * what was opened (fstat of the descriptor, dnsmasq's
 * check_tftp_fileperm() order), never stat-then-open.  openat2() with
 * RESOLVE_BENEATH keeps every path component, symlinks included, inside
 * the served directory; a link that points out fails with EXDEV.
 */
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/syscall.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "in.tftpd/file.h"
#include "in.tftpd/tftp_path.h"

static int
open_beneath(int dirfd, const char *path, int flags, mode_t mode)
{
	struct open_how how = {
		.flags = (uint64_t)(flags | O_CLOEXEC | O_NOCTTY),
		.mode = (flags & O_CREAT) ? mode : 0,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};

	return (int)syscall(SYS_openat2, dirfd, path, &how, sizeof(how));
}

static int
open_error(int err, uint16_t *code, const char **errstr)
{
	switch (err) {
	case ENOENT:
	case ENOTDIR:
		*code = TFTP_ENOTFOUND;
		*errstr = "File not found";
		break;
	case ENOSPC:
	case EDQUOT:
		*code = TFTP_ENOSPACE;
		*errstr = "Disk full or allocation exceeded";
		break;
	case EEXIST:
		*code = TFTP_EEXISTS;
		*errstr = "File already exists";
		break;
	default:	/* EACCES, EPERM, EXDEV (out of the root), ELOOP... */
		*code = TFTP_EACCESS;
		*errstr = "Access violation";
		break;
	}
	return -1;
}

static int
open_wrq(const struct tftpd *d, int dirfd, const char *path, bool *created)
{
	int fd;

	*created = false;
	if ((fd = open_beneath(dirfd, path, O_WRONLY | O_NONBLOCK, 0)) == -1 &&
	    errno == ENOENT && d->create) {
		fd = open_beneath(dirfd, path,
		    O_WRONLY | O_NONBLOCK | O_CREAT | O_EXCL, 0666);
		*created = fd != -1;
	}
	return fd;
}

static int
file_open(const struct tftpd *d, int dirfd, const char *path, uint16_t op,
    off_t *size, uint16_t *code, const char **errstr)
{
	struct stat st;
	bool created = false;
	int fd, e;

	if (op == TFTP_RRQ)
		fd = open_beneath(dirfd, path, O_RDONLY | O_NONBLOCK, 0);
	else
		fd = open_wrq(d, dirfd, path, &created);
	if (fd == -1)
		return open_error(errno, code, errstr);
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		e = EACCES;
		goto fail;
	}
	/* tftp-hpa: only public files, unless -p. */
	if (!d->permissive && !created && !(st.st_mode &
	    (op == TFTP_RRQ ? S_IROTH : S_IWOTH))) {
		e = EACCES;
		goto fail;
	}
	if (op == TFTP_WRQ && ftruncate(fd, 0) == -1) {
		e = errno;
		goto fail;
	}
	if (fcntl(fd, F_SETFL, 0) == -1) {
		e = errno;
		goto fail;
	}
	*size = st.st_size;
	return fd;
fail:
	close(fd);
	return open_error(e, code, errstr);
}

int
blksrc_init(struct blksrc *b, int fd, bool ascii, uint16_t blksize,
    unsigned window)
{
	memset(b, 0, sizeof(*b));
	b->fd = fd;
	b->ascii = ascii;
	b->blksize = blksize;
	b->ra = ascii || blksize > BLKSRC_RA_BYTES ? 1 :
	    BLKSRC_RA_BYTES / blksize;
	if (b->ra > BLKSRC_RA_MAX)
		b->ra = BLKSRC_RA_MAX;
	/*
	 * The window sent (it may be resent), the next one read ahead while
	 * the client takes this one, and the rest of a read-ahead chunk.
	 */
	b->slots = 2 * (size_t)window + b->ra - 1;
	tftp_ascii_init(&b->st);
	b->ring = calloc(b->slots, (size_t)blksize + TFTP_HDRLEN);
	b->lens = calloc(b->slots, sizeof(*b->lens));
	return b->ring == NULL || b->lens == NULL ? -1 : 0;
}

void
blksrc_free(struct blksrc *b)
{
	free(b->ring);
	free(b->lens);
}

/* Block k's ring slot: 4 bytes of header room, then the data. */
static uint8_t *
slot(const struct blksrc *b, uint64_t k)
{
	return b->ring + (size_t)(k % b->slots) *
	    ((size_t)b->blksize + TFTP_HDRLEN);
}

/*
 * Octet: blocks k..k+ra-1 straight into their slots, with one readv() in
 * the usual case; fewer blocks, the last one short, at the end of the file.
 */
static int
load_octet(struct blksrc *b, uint64_t k)
{
	struct iovec iov[BLKSRC_RA_MAX];
	size_t bs = b->blksize, want = b->ra * bs, got = 0, i, n, off;
	ssize_t r;

	while (got < want) {
		for (i = got / bs, n = 0; i < b->ra; i++, n++) {
			off = i == got / bs ? got % bs : 0;
			iov[n].iov_base = slot(b, k + i) + TFTP_HDRLEN + off;
			iov[n].iov_len = bs - off;
		}
		if ((r = readv(b->fd, iov, (int)n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	for (i = 0; i < b->ra && i * bs <= got; i++)
		b->lens[(k + i) % b->slots] = (uint16_t)(got - i * bs < bs ?
		    got - i * bs : bs);
	b->loaded = k + i - 1;
	b->eof = got < want;
	return 0;
}

/* read() until n bytes or the end of the file. */
static ssize_t
read_full(int fd, uint8_t *p, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		if ((r = read(fd, p + got, n - got)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* One block of netascii: encode until full or the input is exhausted. */
static ssize_t
load_ascii(struct blksrc *b, uint8_t *out)
{
	size_t o = 0, used;
	ssize_t r;

	while (o < b->blksize) {
		if (b->inoff == b->inlen && !b->ineof) {
			if ((r = read_full(b->fd, b->in, sizeof(b->in))) == -1)
				return -1;
			b->inoff = 0;
			b->inlen = (size_t)r;
			b->ineof = r == 0;
		}
		if (b->inoff == b->inlen && !tftp_ascii_pending(&b->st))
			break;
		o += tftp_ascii_enc(&b->st, b->in + b->inoff,
		    b->inlen - b->inoff, &used, out + o, b->blksize - o);
		b->inoff += used;
	}
	return (ssize_t)o;
}

/* Netascii: block k, encoded into its slot. */
static int
load_ascii_block(struct blksrc *b, uint64_t k)
{
	ssize_t r;

	if ((r = load_ascii(b, slot(b, k) + TFTP_HDRLEN)) == -1)
		return -1;
	b->lens[k % b->slots] = (uint16_t)r;
	b->loaded = k;
	b->eof = r < b->blksize;
	return 0;
}

int
blksrc_get(struct blksrc *b, uint64_t k, uint8_t **pkt, uint16_t *len)
{
	if (k == b->loaded + 1 && !b->eof && (b->ascii ?
	    load_ascii_block(b, k) : load_octet(b, k)) == -1)
		return -1;
	if (k > b->loaded || b->loaded - k >= b->slots) {
		errno = ERANGE;		/* not in the ring: a bug, not the file */
		return -1;
	}
	*pkt = slot(b, k);
	*len = b->lens[k % b->slots];
	return 0;
}

int
blksrc_prefetch(struct blksrc *b, uint64_t first)
{
	/* Blocks loaded+1..loaded+ra may not reuse the slot of first. */
	while (!b->eof && b->loaded + b->ra < first + b->slots)
		if ((b->ascii ? load_ascii_block(b, b->loaded + 1) :
		    load_octet(b, b->loaded + 1)) == -1)
			return -1;
	return 0;
}

void
blksink_init(struct blksink *s, int fd, bool ascii)
{
	s->fd = fd;
	s->ascii = ascii;
	tftp_ascii_init(&s->st);
}

int
blksink_write(struct blksink *s, const uint8_t *p, size_t n)
{
	uint8_t out[TFTP_BLKSIZE_MAX + 1];

	if (!s->ascii)
		return write_all(s->fd, p, n);
	n = tftp_ascii_dec(&s->st, p, n, out);
	return write_all(s->fd, out, n);
}

int
blksink_close(struct blksink *s)
{
	uint8_t cr;
	int r = 0;

	if (s->ascii && tftp_ascii_dec_end(&s->st, &cr) == 1)
		r = write_all(s->fd, &cr, 1);
	if (close(s->fd) == -1)
		r = -1;
	return r;
}

int
file_lookup(const struct tftpd *d, const struct tftp_req *req, uint32_t ip,
    const char *mac, char name[TFTP_FILE_MAX + 1], off_t *size,
    uint16_t *code, const char **msg, const char **errstr)
{
	struct tftp_remap_ctx ctx = { req->op == TFTP_WRQ, ip, mac };
	char path[TFTP_FILE_MAX + 1];
	size_t which;
	int r, fd = -1;

	*code = TFTP_EACCESS;
	if ((r = tftp_remap_apply(&d->remap, req->file, &ctx, name,
	    TFTP_FILE_MAX + 1, errstr)) != 0)
		*errstr = r == 1 ? "refused by the remap file" : *errstr;
	else if (tftp_path_resolve(name, d->secure, d->dirs, d->ndirs, path,
	    sizeof(path), &which, errstr) == -1)
		r = -1;
	else if ((fd = file_open(d, d->dirfds[which], path, req->op, size,
	    code, errstr)) == -1)
		r = -1;
	if (r == 0)
		return fd;
	/* a refusing rule's text, if it has one, is the ERROR's */
	*msg = r == 1 && name[0] != '\0' ? name : r == 1 ?
	    "Access violation" : *errstr;
	return -1;
}

void
file_xferlog(const struct tftpd *d, const struct tftp_xferlog_rec *rec)
{
	char line[TFTP_XFERLOG_MAX];
	size_t n;

	if (d->logfd == -1 || (n = tftp_xferlog_format(rec, line,
	    sizeof(line))) == 0)
		return;
	/* One write(2) on an O_APPEND descriptor: lines never interleave. */
	if (write(d->logfd, line, n) != (ssize_t)n)
		log_warn("%s", d->xferlog);
}
