/* SPDX-License-Identifier: ISC */
/*
 * The image job: the seed's Makefile targets (steps.c) and what its shell
 * files offer one another: the progress line, the tree walk, the
 * compressing sink, the cpio archive and the tree copy, the ext2 image,
 * loop and mount steps.  The pure cpio newc encoder is mkr_cpio.h.
 */
#ifndef MKROOTFS_IMAGE_H
#define MKROOTFS_IMAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "mkrootfs/image/mkr_cpio.h"
#include "mkrootfs/mkrootfs.h"

/* steps.c: the seed's Makefile targets, by name (what main.c runs). */
int	step_run(struct mkr *, const char *name, int argc, char **argv);

/* progress.c: "what: 12.0 MiB of 64.0 MiB (18%), 35.2 MiB/s" */
struct progress {
	bool		 on;
	const char	*what;
	uint64_t	 done, total;
	double		 start, last;
};
void	progress_start(struct progress *, bool on, const char *what,
	    uint64_t total);
void	progress_add(struct progress *, uint64_t n);
void	progress_end(struct progress *);

/* walk.c: a tree as planned cpio entries, with their stat and path. */
struct walk {
	struct cpio_ent	*ents;
	struct stat	*st;		/* indexed by ents[].src */
	char		**path;		/* full paths, by src */
	size_t		 n, cap;
	uint64_t	 bytes;		/* data of regular files */
};
int	walk_tree(struct walk *, const char *root);
void	walk_free(struct walk *);

/* zsink.c: compressed output into an atomically replaced file. */
struct zsink;
struct zsink	*zsink_open(const struct mkr *, const char *path);
int	zsink_write(struct zsink *, const void *, size_t);
int	zsink_commit(struct zsink *);		/* frees */
void	zsink_abort(struct zsink *);		/* frees, removes the temp */

/* archive.c: the tree as a cpio newc archive into the sink. */
int	cpio_write(const struct mkr *, const char *root, struct zsink *);
/* copy.c: the tree copied into a fresh file system. */
int	copy_tree(const struct mkr *, const char *from, const char *to);

/* ext2.c: images, loop devices, mounts, e2fsck. */
int	ns_enter(struct mkr *);
int	ext2_newfs(const struct mkr *, const char *path);
int	ext2_mount(const char *image, const char *dir, bool rdonly);
int	ext2_umount(const char *dir);
int	ext2_check(const char *image);

#endif
