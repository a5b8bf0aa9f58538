/* SPDX-License-Identifier: ISC */
/*
 * mkrootfs's optional configuration file (-c): the settings the command
 * line takes, one statement each, in the suite's ISC-like syntax
 * (common/conftok.h):
 *	root "/srv/nodes/root";		format cpio;	compress gzip;
 *	workdir "/srv/nodes";		level 6;	size 64;
 *	output "/tftpboot/rootfs.gz";	mountpoint "/loop";
 * Each setting at most once; unknown words are errors ("file:line:
 * reason").  Pure: parses a caller's buffer into a caller's struct.
 */
#ifndef MKROOTFS_MKR_CONF_H
#define MKROOTFS_MKR_CONF_H

#include <limits.h>

#include "common/perr.h"

struct mkconf {
	char	root[PATH_MAX];		/* "" when not set */
	char	workdir[PATH_MAX];
	char	output[PATH_MAX];
	char	mountpoint[PATH_MAX];
	char	format[8];		/* "cpio", "ext2" or "" */
	char	compress[8];		/* "gzip", "zstd", "none" or "" */
	int	level;			/* 1-22, or -1 */
	long	size_mib;		/* 1-1048576, or -1 */
};

/* 0 with *cf filled, or -1 with err. */
int	mkconf_parse(struct mkconf *cf, const char *text, size_t len,
	    const char *file, struct perr *err);

#endif
