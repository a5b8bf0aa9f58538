/* SPDX-License-Identifier: ISC */
/*
 * modules.dep (depmod(8)) reading for the starter root: which module files
 * a NIC driver needs and in which order to insmod them, so busybox's
 * insmod (no modprobe, no depmod data on the node) can load virtio_net or
 * e1000 from the stock Debian kernel.  Pure: parses the caller's buffer in
 * place into caller storage; no I/O, no allocation.
 */
#ifndef MKROOTFS_MKR_MODDEP_H
#define MKROOTFS_MKR_MODDEP_H

#include <stddef.h>
#include <stdint.h>

#include "common/perr.h"

#define MODDEP_NAMEMAX	64	/* kernel MODULE_NAME_LEN is 56 */
#define MODDEP_DEPTH	32	/* longest dependency chain followed */

struct moddep_ent {
	const char	*path;		/* "kernel/drivers/net/virtio_net.ko" */
	char		 name[MODDEP_NAMEMAX];	/* "virtio_net" */
	char		*deps;		/* its dependencies: paths, spaces */
	uint8_t		 mark;		/* 0 new, 1 visiting, 2 ordered */
};

struct moddep {
	struct moddep_ent	*ents;	/* caller storage */
	size_t			 n, cap;
};

/*
 * Splits text (modified in place: NULs replace ':' and newlines) into up
 * to md->cap entries.  0, or -1 with err ("file:line: reason").
 */
int	moddep_parse(struct moddep *md, char *text, size_t len,
	    const char *file, struct perr *err);
/*
 * Appends to order[] (capacity cap, *norder used) the entries module
 * `name' needs, dependencies first, then the module itself, skipping any
 * already ordered by an earlier call.  Names compare with '-' and '_'
 * equal, as modprobe does.  0, or -1 with *errstr ("no such module",
 * "dependency cycle", "dependency missing", "too many modules", ...);
 * after an error the marks are stale and md must be parsed again.
 */
int	moddep_order(struct moddep *md, const char *name, size_t *order,
	    size_t *norder, size_t cap, const char **errstr);
/* The module name of a path: basename up to ".ko", '-' made '_'. */
int	moddep_name(const char *path, char *name, size_t size);

#endif
