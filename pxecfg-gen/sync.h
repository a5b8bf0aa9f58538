/* SPDX-License-Identifier: ISC */
/*
 * The file side of pxecfg-gen: reading what the TFTP root holds, writing
 * the plan (atomically, temp + rename in the same directory), removing
 * stale files of ours, and reporting or, with --dry-run, showing diffs.
 */
#ifndef PXECFG_SYNC_H
#define PXECFG_SYNC_H

#include <stdbool.h>

#include "pxecfg_plan.h"

struct sync_found {
	struct pxecfg_found	*v;
	char			**bufs;		/* owned texts */
	size_t			 n, cap;
};

/* Reads pxelinux.cfg/, ipxe/ and grub/ under root; exits on I/O errors. */
void	sync_scan(const char *root, struct sync_found *);
void	sync_found_free(struct sync_found *);
/*
 * Performs (or, if dry, describes with diffs) the plan's actions on
 * stdout; the last line says what was done or that nothing changed.
 * Returns 0, or -1 after reporting a failed write (the files written
 * before it stay; each one is whole).
 */
int	sync_apply(const char *root, const struct pxecfg_plan *, bool dry);
/* Does root/dir/name exist? */
bool	sync_exists(const char *root, enum pxecfg_dir, const char *name);

#endif
