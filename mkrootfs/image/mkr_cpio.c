// SPDX-License-Identifier: ISC
/*
 * cpio newc encoding and planning.  A header is "070701" and thirteen
 * 8-digit hex fields (ino, mode, uid, gid, nlink, mtime, filesize, dev
 * major/minor, rdev major/minor, namesize with the NUL, check = 0); the name
 * follows and header plus name are padded to 4 bytes, as is the data.  The
 * archive ends with a member named TRAILER!!!.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mkrootfs/image/mkr_cpio.h"

static int
cmp_name(const void *a, const void *b)
{
	const struct cpio_ent *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* Hard link groups: same source inode; name order breaks ties. */
static int
cmp_src(const void *a, const void *b, void *arg)
{
	const struct cpio_ent *ents = arg;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct cpio_ent *x = &ents[i], *y = &ents[j];

	if (x->src_dev != y->src_dev)
		return x->src_dev < y->src_dev ? -1 : 1;
	if (x->src_ino != y->src_ino)
		return x->src_ino < y->src_ino ? -1 : 1;
	if ((x->mode & S_IFMT) != (y->mode & S_IFMT))
		return (x->mode & S_IFMT) < (y->mode & S_IFMT) ? -1 : 1;
	return i < j ? -1 : i > j;
}

/*
 * Hard links the kernel restores (init/initramfs.c maybe_link): regular
 * files and special files.  A hard-linked symlink becomes two symlinks.
 */
static int
linkable(const struct cpio_ent *e)
{
	return !S_ISDIR(e->mode) && !S_ISLNK(e->mode);
}

static int
same_file(const struct cpio_ent *a, const struct cpio_ent *b)
{
	return a->src_dev == b->src_dev && a->src_ino == b->src_ino &&
	    (a->mode & S_IFMT) == (b->mode & S_IFMT);
}

void
cpio_newc_plan(struct cpio_ent *ents, size_t n, size_t *scratch)
{
	size_t i, j, k, m = 0;

	qsort(ents, n, sizeof(*ents), cmp_name);
	for (i = 0; i < n; i++) {
		ents[i].ino = (uint32_t)(i + 1);
		ents[i].data = 1;
		if (linkable(&ents[i])) {
			ents[i].nlink = 1;
			scratch[m++] = i;
		}
	}
	/* Runs of equal source inodes, each in name order: one file. */
	qsort_r(scratch, m, sizeof(*scratch), cmp_src, ents);
	for (i = 0; i < m; i = j) {
		for (j = i + 1; j < m &&
		    same_file(&ents[scratch[i]], &ents[scratch[j]]); j++)
			continue;
		for (k = i; k < j; k++) {
			ents[scratch[k]].ino = ents[scratch[i]].ino;
			ents[scratch[k]].nlink = (uint32_t)(j - i);
			if (k > i) {
				ents[scratch[k]].data = 0;
				ents[scratch[k]].size = 0;
			}
		}
	}
}

static void
put_hex8(struct wbuf *w, uint32_t v)
{
	static const char hex[] = "0123456789ABCDEF";
	char s[8];
	int i;

	for (i = 7; i >= 0; i--, v >>= 4)
		s[i] = hex[v & 0xf];
	wbuf_putbytes(w, s, sizeof(s));
}

size_t
cpio_newc_pad(uint64_t off)
{
	return (size_t)((4 - off % 4) % 4);
}

static void
put_member(struct wbuf *w, const uint32_t f[13], const char *name,
    size_t namelen)
{
	static const uint8_t zero[4];
	int i;

	wbuf_putbytes(w, "070701", 6);
	for (i = 0; i < 13; i++)
		put_hex8(w, f[i]);
	wbuf_putbytes(w, name, namelen);
	wbuf_put8(w, 0);
	wbuf_putbytes(w, zero, cpio_newc_pad(CPIO_NEWC_HDRLEN + namelen + 1));
}

int
cpio_newc_header(struct wbuf *w, const struct cpio_ent *e,
    const char **errstr)
{
	size_t namelen = strlen(e->name);
	uint32_t f[13];

	if (namelen == 0 || e->name[0] == '/') {
		*errstr = "name empty or absolute";
		return -1;
	}
	if (namelen + 1 > CPIO_NEWC_NAMEMAX) {
		*errstr = "name too long";
		return -1;
	}
	if (e->size > UINT32_MAX) {
		*errstr = "file too large for newc (4 GiB)";
		return -1;
	}
	if (e->mtime > UINT32_MAX) {
		*errstr = "mtime beyond 2106";
		return -1;
	}
	f[0] = e->ino;
	f[1] = e->mode;
	f[2] = e->uid;
	f[3] = e->gid;
	f[4] = e->nlink;
	f[5] = (uint32_t)e->mtime;
	f[6] = (uint32_t)e->size;
	f[7] = f[8] = 0;	/* st_dev of the archive: one device */
	f[9] = e->rmajor;
	f[10] = e->rminor;
	f[11] = (uint32_t)(namelen + 1);
	f[12] = 0;
	put_member(w, f, e->name, namelen);
	return 0;
}

void
cpio_newc_trailer(struct wbuf *w)
{
	uint32_t f[13] = { 0 };

	f[4] = 1;
	f[11] = sizeof(CPIO_NEWC_TRAILER);
	put_member(w, f, CPIO_NEWC_TRAILER, sizeof(CPIO_NEWC_TRAILER) - 1);
}
