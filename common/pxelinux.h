/* SPDX-License-Identifier: ISC */
/*
 * What pxelinux does with its configuration, for the programs that must
 * agree with it (wakeup waits for a node's last boot file; netkexec boots a
 * node's entry): the file names it tries, in order (UUID, "01-" + MAC,
 * the hex IP shortened one digit at a time, "default"), and the entry a
 * config file boots unattended (with a UI menu, MENU DEFAULT; else DEFAULT,
 * naming a LABEL or a command line; a menu without either, its first
 * LABEL) with its KERNEL/LINUX, INITRD and APPEND (the last initrd= inside
 * APPEND wins over INITRD; a global APPEND serves labels
 * without their own; "APPEND -" clears it).  INCLUDE and menus' nesting are
 * not followed.  Pure: no I/O, no allocation.
 */
#ifndef NB_PXELINUX_H
#define NB_PXELINUX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "perr.h"

#define PXELINUX_NAMES_MAX	11	/* UUID, MAC, 8 hex IP, default */
#define PXELINUX_NAMELEN	40
#define PXELINUX_LABELMAX	128
#define PXELINUX_FILEMAX	256
#define PXELINUX_INITRDMAX	1024
#define PXELINUX_APPENDMAX	2048

struct pxelinux_names {
	char	v[PXELINUX_NAMES_MAX][PXELINUX_NAMELEN];
	size_t	n;
};

/*
 * The names pxelinux asks for under pxelinux.cfg/, in its order.  uuid
 * (already formatted, lower case), mac and ip may each be NULL to leave
 * their names out.
 */
void	pxelinux_names(const char *uuid, const uint8_t *mac, const uint32_t *ip,
	    struct pxelinux_names *);

struct pxelinux_entry {
	char		label[PXELINUX_LABELMAX];	/* "" from a DEFAULT line */
	char		kernel[PXELINUX_FILEMAX];
	char		initrd[PXELINUX_INITRDMAX];	/* comma list, or "" */
	char		append[PXELINUX_APPENDMAX];	/* as written */
	bool		localboot;			/* LOCALBOOT entry */
	unsigned	line;			/* where the entry starts */
};

/*
 * Finds the entry pxelinux boots from the config text and fills *e.
 * Returns 0, or -1 with "file:line: reason" in *err (no DEFAULT and no
 * menu, a label without a kernel, a value too long, a NUL byte).
 */
int	pxelinux_parse(const char *text, size_t len, const char *file,
	    struct pxelinux_entry *e, struct perr *err);

/*
 * The file pxelinux fetches last for entry e: the last initrd of the list,
 * or the kernel when there is none; leading slashes removed.  NULL for a
 * LOCALBOOT entry.
 */
const char *pxelinux_lastfile(const struct pxelinux_entry *e);

#endif
