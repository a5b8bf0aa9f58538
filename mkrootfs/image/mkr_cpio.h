/* SPDX-License-Identifier: ISC */
/*
 * cpio "newc" (SVR4, magic 070701) archive writer: the format the Linux
 * kernel unpacks as an initramfs (Documentation/driver-api/early-userspace/
 * buffer-format.rst).  The shell walks the tree and describes each entry;
 * this core plans the archive (name order, inode numbers, hard link counts,
 * which link carries the data) and encodes headers, padding and the
 * trailer.  Pure: no I/O, no allocation, no clock.
 */
#ifndef MKROOTFS_MKR_CPIO_H
#define MKROOTFS_MKR_CPIO_H

#include <stddef.h>
#include <stdint.h>

#include "common/buf.h"

#define CPIO_NEWC_HDRLEN	110
#define CPIO_NEWC_NAMEMAX	4096	/* PATH_MAX, with the NUL */
#define CPIO_NEWC_TRAILER	"TRAILER!!!"

/* One archive member, as the shell's tree walk saw it. */
struct cpio_ent {
	const char	*name;		/* relative: "." or "bin/sh" */
	uint32_t	 mode;		/* st_mode: type and permissions */
	uint32_t	 uid, gid;
	uint32_t	 nlink;		/* planned (hard links in the tree) */
	uint64_t	 mtime;
	uint64_t	 size;		/* bytes of data after the header */
	uint32_t	 rmajor, rminor; /* device nodes */
	uint32_t	 ino;		/* planned: 1..n, stable per tree */
	uint64_t	 src_dev, src_ino;	/* identity in the source */
	int		 data;		/* planned: this member carries data */
	size_t		 src;		/* the caller's index, carried along */
};

/*
 * Plans an archive of n entries in place: sorts them by name (parents
 * before children, the same bytes for the same tree), numbers inodes, and
 * groups non-directories that share src_dev/src_ino into one hard-linked
 * file: every member gets the group's inode and link count, the first (in
 * name order) carries the data and the others have size 0, which both the
 * kernel and GNU cpio link back to the first.  scratch holds n indexes.
 */
void	cpio_newc_plan(struct cpio_ent *ents, size_t n, size_t *scratch);

/*
 * Appends the header and padded name of e to w.  Returns 0, or -1 with
 * *errstr ("name too long", "file too large for newc", ...); w may have
 * overflowed (wbuf_len() == -1) if it was too small: 110 + 4096 + 3 bytes
 * always suffice.
 */
int	cpio_newc_header(struct wbuf *w, const struct cpio_ent *e,
	    const char **errstr);
/* Zero bytes needed after `off' bytes of archive to reach a 4-byte edge. */
size_t	cpio_newc_pad(uint64_t off);
/* Appends the TRAILER!!! member. */
void	cpio_newc_trailer(struct wbuf *w);

#endif
