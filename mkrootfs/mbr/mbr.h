/* SPDX-License-Identifier: ISC */
/*
 * The reboot MBR job: `mkrootfs rebootmbr' (rebootmbr.c) writes the boot
 * sector that the pure builder (mkr_mbr.h) makes.
 */
#ifndef MKROOTFS_MBR_H
#define MKROOTFS_MBR_H

#include "mkrootfs/mkrootfs.h"

/* target's sector 0 replaced, the old one kept; a sysexits.h status. */
int	rebootmbr(const struct mkr *, const char *target, const char *backup);

#endif
