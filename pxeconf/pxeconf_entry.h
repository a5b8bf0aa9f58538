/* SPDX-License-Identifier: ISC */
/*
 * Command lines as pxelinux builds and runs them (syslinux's cmdline
 * strings): a label's line as record() makes it, and a Linux kernel's line
 * taken apart into a struct pxeconf_entry.  Internal to pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_ENTRY_H
#define NB_PXECONF_ENTRY_H

#include "pxeconf/pxeconf.h"

/* A command line being built; overflow: it did not fit. */
struct pxeconf_line {
	char	buf[PXECONF_CMDLINEMAX];
	size_t	len;
	bool	overflow;
};

/* Appends a chunk after a space (trimmed; nothing if empty). */
void	pxeconf_add(struct pxeconf_line *, const char *, size_t);
/* Appends bytes right after the last ones. */
void	pxeconf_glue(struct pxeconf_line *, const char *, size_t);
/* A label's command line as record() makes it (".type image ..."). */
void	pxeconf_label_cmd(const struct pxeconf_label *,
	    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_line *);
/* Kernel and arguments into e (initrd= split out); NULL or why not. */
const char *pxeconf_entry_make(struct pxeconf_entry *e, const char *kernel,
	    size_t klen, const struct pxeconf_line *args);

#endif
