/* SPDX-License-Identifier: ISC */
/*
 * pxelinux configuration files (the pxelinux.cfg/ entries pxecfg-gen
 * writes), the suite's one parser of them: netkexec boots the entry and
 * wakeup waits for its last file, both as pxelinux would pick it.  The
 * parse keeps DEFAULT, the global APPEND and IPAPPEND, and per LABEL its
 * KERNEL or LINUX (or other image type), APPEND, INITRD and IPAPPEND;
 * keywords are case-insensitive and the last one of a kind wins, as in syslinux's readconfig.c.  Display and menu keywords (MENU, SAY,
 * PROMPT, TIMEOUT, ...) are skipped; INCLUDE is refused.  pxeconf_resolve()
 * then picks what pxelinux would boot unattended.  Values point into the
 * caller's text, which must outlive the struct.  Pure: no I/O.
 */
#ifndef NB_PXECONF_H
#define NB_PXECONF_H

#include <stdbool.h>
#include <stddef.h>

#include "common/perr.h"

#define PXECONF_LINEMAX		4096	/* syslinux's MAX_LINE */
#define PXECONF_CMDLINEMAX	2048	/* x86 COMMAND_LINE_SIZE */
#define PXECONF_NAMEMAX		255	/* a file name (TFTP) */
#define PXECONF_INITRDMAX	8
#define PXECONF_SYSAPPEND	8	/* IPAPPEND/SYSAPPEND bits known */

/* A value: bytes of the caller's text, not NUL-terminated. */
struct pxeconf_span {
	const char	*p;
	size_t		 len;
	bool		 set;
};

struct pxeconf_label {
	struct pxeconf_span	 name;
	struct pxeconf_span	 kernel;	/* image and its own options */
	struct pxeconf_span	 type;		/* keyword: kernel, linux, ... */
	struct pxeconf_span	 append;
	struct pxeconf_span	 initrd;
	unsigned long		 ipappend;
	bool			 has_ipappend;
	unsigned		 line;
};

struct pxeconf {
	const char		*file;
	struct pxeconf_span	 deflt;		/* DEFAULT command line */
	unsigned		 deflt_line;
	struct pxeconf_span	 append;	/* global */
	unsigned long		 ipappend;	/* global */
	bool			 ui;		/* a UI (menu) line */
	size_t			 menu_default;	/* 1 + MENU DEFAULT label */
	struct pxeconf_label	*labels;
	size_t			 nlabels;
	size_t			 cap;
};

/* What to boot. */
struct pxeconf_entry {
	char	label[PXECONF_NAMEMAX + 1];	/* "": DEFAULT names a kernel */
	char	kernel[PXECONF_NAMEMAX + 1];
	char	initrd[PXECONF_INITRDMAX][PXECONF_NAMEMAX + 1];
	size_t	ninitrd;
	char	cmdline[PXECONF_CMDLINEMAX];	/* without initrd= */
};

/*
 * Parses len bytes of text (file names it in errors).  Returns 0, or -1
 * with err = "file:line: reason" for a line over PXECONF_LINEMAX, a NUL
 * byte, LABEL or DEFAULT or an image keyword without a value, INCLUDE, or
 * ENOMEM.  Free with pxeconf_free() either way.
 */
int	pxeconf_parse(struct pxeconf *, const char *text, size_t len,
	    const char *file, struct perr *err);
void	pxeconf_free(struct pxeconf *);

/*
 * The entry pxelinux boots unattended: with a UI menu and labels, the
 * label marked MENU DEFAULT, else the one DEFAULT names, else the first;
 * without a menu, DEFAULT, whose first word names a LABEL
 * (its image, its APPEND or else the global one, "APPEND -" for none, its
 * INITRD, then the rest of the DEFAULT line), or else is itself the kernel
 * (global APPEND, then the rest of the DEFAULT line).  sysappend[i], when
 * not NULL, is appended for IPAPPEND bit i ("ip=...", "BOOTIF=...").
 * initrd= names the initrds (comma-separated; the first initrd= counts, as
 * in pxelinux) and is removed from the command line.  Returns 0, or -1 with
 * err naming the line: no DEFAULT, not a Linux kernel (LOCALBOOT, COM32,
 * ...), names or command line too long, too many initrds.
 */
int	pxeconf_resolve(const struct pxeconf *,
	    const char *const sysappend[PXECONF_SYSAPPEND],
	    struct pxeconf_entry *, struct perr *err);

/*
 * The file pxelinux fetches last for the entry pxeconf_resolve() picks:
 * the last initrd of the first initrd= list, else the kernel, without
 * leading slashes, into name.  Returns 1, 0 for a LOCALBOOT entry (no file),
 * or -1 with pxeconf_resolve()'s errors.
 */
int	pxeconf_lastfile(const struct pxeconf *,
	    char name[PXECONF_NAMEMAX + 1], struct perr *err);

#endif
