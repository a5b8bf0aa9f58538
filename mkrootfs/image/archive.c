// SPDX-License-Identifier: ISC
/*
 * Writes a tree as a cpio newc archive into a compressing sink: walks it
 * (walk.c), then for each planned entry the header from the core
 * (mkr_cpio.c), the data (file contents, or a symlink's target), and the
 * padding; then the trailer.  Needs no privileges beyond reading the tree.
 * A file whose size changed since the walk is an error, not a corrupt
 * archive.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

#define CHUNK	(256 * 1024)

/*
 * Exactly `size' bytes of the file at path (its size at the walk): a file
 * that shrank or grew since would make the archive lie, so both are
 * errors.  O_NOFOLLOW: a file replaced by a symlink is not followed.
 */
static int
put_file(const char *path, uint64_t size, struct zsink *z,
    struct progress *pg, uint8_t *buf)
{
	uint64_t left = size;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		log_warn("%s", path);
		return -1;
	}
	while (left > 0) {
		if (mkr_interrupted())
			goto bad;
		n = read(fd, buf, left < CHUNK ? (size_t)left : CHUNK);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			log_warn("%s", path);
			goto bad;
		}
		if (n == 0) {
			log_warnx("%s: shrank while archived", path);
			goto bad;
		}
		if (zsink_write(z, buf, (size_t)n) == -1)
			goto bad;
		left -= (uint64_t)n;
		progress_add(pg, (uint64_t)n);
	}
	if (read(fd, buf, 1) != 0) {
		log_warnx("%s: grew while archived", path);
		goto bad;
	}
	close(fd);
	return 0;
bad:
	close(fd);
	return -1;
}

static int
put_link(const char *path, uint64_t size, struct zsink *z, uint8_t *buf)
{
	ssize_t n;

	if ((n = readlink(path, (char *)buf, CHUNK)) == -1) {
		log_warn("%s", path);
		return -1;
	}
	if ((uint64_t)n != size) {
		log_warnx("%s: changed while archived", path);
		return -1;
	}
	return zsink_write(z, buf, (size_t)n);
}

/* Header (from the core), then data and padding if the member has any. */
static int
put_entry(const struct walk *w, const struct cpio_ent *e, struct zsink *z,
    struct progress *pg, uint8_t *buf)
{
	uint8_t hdr[CPIO_NEWC_HDRLEN + CPIO_NEWC_NAMEMAX + 4];
	static const uint8_t zero[4];
	const char *errstr;
	struct wbuf wb;

	wbuf_init(&wb, hdr, sizeof(hdr));
	if (cpio_newc_header(&wb, e, &errstr) == -1) {
		log_warnx("%s: %s", w->path[e->src], errstr);
		return -1;
	}
	if (zsink_write(z, hdr, (size_t)wbuf_len(&wb)) == -1)
		return -1;
	if (e->size == 0)
		return 0;
	if (S_ISLNK(e->mode)) {
		if (put_link(w->path[e->src], e->size, z, buf) == -1)
			return -1;
	} else if (put_file(w->path[e->src], e->size, z, pg, buf) == -1)
		return -1;
	return zsink_write(z, zero, cpio_newc_pad(e->size));
}

/*
 * The whole archive of root into z: walk and plan, every member, the
 * trailer.  The sink's caller commits or aborts it.
 */
int
cpio_write(const struct mkr *m, const char *root, struct zsink *z)
{
	uint8_t trailer[CPIO_NEWC_HDRLEN + 16], *buf;
	struct progress pg;
	struct walk w;
	struct wbuf wb;
	size_t i;
	int r = -1;

	if (walk_tree(&w, root) == -1)
		return -1;
	if ((buf = malloc(CHUNK)) == NULL) {
		log_warn("cpio");
		walk_free(&w);
		return -1;
	}
	progress_start(&pg, m->progress, "cpio", w.bytes);
	for (i = 0; i < w.n; i++)
		if (put_entry(&w, &w.ents[i], z, &pg, buf) == -1)
			goto out;
	wbuf_init(&wb, trailer, sizeof(trailer));
	cpio_newc_trailer(&wb);
	if (zsink_write(z, trailer, (size_t)wbuf_len(&wb)) == -1)
		goto out;
	log_debug("%s: %zu entries, %llu bytes of data", root, w.n,
	    (unsigned long long)w.bytes);
	r = 0;
out:
	progress_end(&pg);
	free(buf);
	walk_free(&w);
	return r;
}
