/* SPDX-License-Identifier: ISC */
/*
 * The mkrootfs shell: one struct of settings and state, made in main.c and
 * passed down to the three jobs (image/, starter/, mbr/), whose own
 * headers say what each offers.  Shell functions return 0 or -1 after
 * logging why; the caller cleans up what it made and exits.
 */
#ifndef MKROOTFS_MKROOTFS_H
#define MKROOTFS_MKROOTFS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

enum mkr_format { FMT_CPIO, FMT_EXT2 };
enum mkr_comp { COMP_GZIP, COMP_ZSTD, COMP_NONE };

struct mkr {
	const char	*root;		/* -r: the root tree, or NULL */
	const char	*workdir;	/* -w: holds rootfs and newfs */
	const char	*mountpoint;	/* -m: where `mount' shows rootfs */
	const char	*output;	/* -o */
	enum mkr_format	 format;	/* -F */
	enum mkr_comp	 comp;		/* -z */
	int		 level;		/* -l, or -1 for the default */
	uint64_t	 size_mib;	/* -s: ext2 image size */
	bool		 progress;	/* stderr is a terminal, no -q */
	bool		 force;
	char		 rootfs[PATH_MAX];	/* workdir/rootfs */
	char		 newfs[PATH_MAX];	/* workdir/newfs */
	bool		 ns;		/* in our private mount namespace */
};

#endif
