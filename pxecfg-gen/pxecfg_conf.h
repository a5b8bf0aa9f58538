/* SPDX-License-Identifier: ISC */
/*
 * pxecfg-gen's settings: the global kernel, initrd and extra kernel
 * arguments, the base URL of boot files in iPXE scripts, which names to
 * write, the profiles (built-in ones, possibly
 * changed, and new ones), and which profile each node uses.  They come from
 * built-in defaults, then pxecfg-gen.conf(5) (ISC-like syntax, read with
 * common/conftok), then command-line flags.  Pure: the parser works on a
 * buffer and fills caller-owned structs; errors are "file:line: reason".
 */
#ifndef PXECFG_CONF_H
#define PXECFG_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "common/perr.h"
#include "common/text.h"

#define PXECFG_NAMELEN	64		/* profile names */
#define PXECFG_VALLEN	256		/* kernel, initrd, device */
#define PXECFG_ARGSLEN	1024		/* extra kernel arguments */
#define PXECFG_TMPLLEN	2048		/* one template */
#define PXECFG_PROFMAX	16

/* Which per-node file names to write (both may be set). */
#define PXECFG_NAMES_IP		0x1	/* pxelinux.cfg/C0A80102 */
#define PXECFG_NAMES_MAC	0x2	/* pxelinux.cfg/01-aa-bb-... */

struct pxecfg_profile {
	char		name[PXECFG_NAMELEN];
	char		kernel[PXECFG_VALLEN];	/* "" = the global one */
	char		initrd[PXECFG_VALLEN];	/* "" = the global one */
	char		append[PXECFG_ARGSLEN];	/* after the global append */
	char		http[PXECFG_VALLEN];	/* "" = the global one */
	char		pxelinux[PXECFG_TMPLLEN];
	char		ipxe[PXECFG_TMPLLEN];
	char		grub[PXECFG_TMPLLEN];
	unsigned	line;			/* 0: built in */
};

struct pxecfg_nodeset {
	char		name[HOSTNAME_MAX + 1];
	char		profile[PXECFG_NAMELEN];
	unsigned	line;
};

struct pxecfg_conf {
	char			 kernel[PXECFG_VALLEN];
	char			 initrd[PXECFG_VALLEN];
	char			 append[PXECFG_ARGSLEN];
	char			 device[PXECFG_VALLEN];
	char			 http[PXECFG_VALLEN];	    /* "" = "/" */
	char			 profile[PXECFG_NAMELEN];   /* nodes' default */
	char			 group[PXECFG_NAMELEN];	    /* "" = none */
	char			 dflt[PXECFG_NAMELEN];	    /* "" = none */
	unsigned		 profile_line, group_line, dflt_line;
	unsigned		 names;
	bool			 ipxe;
	bool			 grub;
	struct pxecfg_profile	 prof[PXECFG_PROFMAX];
	size_t			 nprof;
	struct pxecfg_nodeset	*node;		/* grows; pxecfg_conf_free */
	size_t			 nnode, nodecap;
	const char		*file;		/* the config's name */
};

/*
 * Built-in defaults: kernel "linux", initrd "rootfs.gz" (the seed's), no
 * extra arguments, device eth0, profile "ramdisk" for nodes, group files and
 * the default file, names PXECFG_NAMES_IP, no iPXE scripts (which would
 * fetch boot files from "/" of their own server), no GRUB files, and the
 * four built-in
 * profiles ramdisk, initramfs, nfs and local.
 */
void	pxecfg_conf_init(struct pxecfg_conf *);
void	pxecfg_conf_free(struct pxecfg_conf *);
/* Parses a pxecfg-gen.conf buffer over the current settings. */
int	pxecfg_conf_parse(struct pxecfg_conf *, const char *text, size_t len,
	    const char *file, struct perr *);
const struct pxecfg_profile *pxecfg_conf_profile(const struct pxecfg_conf *,
	    const char *name);
/* The profile a node uses: its own setting, or the default. */
const char *pxecfg_conf_node_profile(const struct pxecfg_conf *,
	    const char *node);
/*
 * Checks what the parser cannot check alone: that every profile named in
 * a setting exists and every template uses only known variables.  file is
 * named in errors about settings made on the command line (line 0).
 */
int	pxecfg_conf_check(const struct pxecfg_conf *, struct perr *);

#endif
