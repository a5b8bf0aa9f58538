/* SPDX-License-Identifier: ISC */
/*
 * pxelinux configuration files, the suite's one reader of them: netkexec
 * boots the entry and wakeup waits for its last file, both as pxelinux
 * (syslinux 4-6) would pick it unattended.  The parser (pxeconf_file.c,
 * pxeconf_keyword.c, pxeconf_menu.c, over the words of pxeconf_lex.c)
 * reads a file and what it INCLUDEs as ldlinux.c32 and menu.c32 both read
 * it (syslinux's two readconfig.c): labels, DEFAULT, UI, PROMPT, TIMEOUT,
 * TOTALTIMEOUT, ONTIMEOUT, IMPLICIT, APPEND, IPAPPEND, and the MENU lines
 * that choose (DEFAULT, BEGIN/END, HIDE, DISABLE, SEPARATOR, START,
 * SHIFTKEY, INCLUDE); display keywords are skipped.  The picker
 * (pxeconf_pick.c, pxeconf_ldlinux.c, pxeconf_menusel.c) then runs what
 * pxelinux runs: DEFAULT or UI, a menu.c32 or vesamenu.c32 menu with its
 * timeout, ONTIMEOUT, labels, CONFIG.  This header holds the types every
 * one of those files shares, and the library's functions.  Values point
 * into the caller's texts, which must outlive the struct.  Pure: no I/O;
 * a file it needs is asked of the caller (PXECONF_NEED).
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
#define PXECONF_DEPTHMAX	16	/* INCLUDE nesting */
#define PXECONF_HOPSMAX		8	/* menus, labels, CONFIG in a chain */
#define PXECONF_FILESMAX	32	/* files one pick may read */
#define PXECONF_HIDDEN		((size_t)-1)	/* the menu of MENU HIDE */

/* A value: bytes of the caller's text, not NUL-terminated. */
struct pxeconf_span {
	const char	*p;
	size_t		 len;
	bool		 set;
};

/* A value and where it was written, for messages. */
struct pxeconf_val {
	struct pxeconf_span	 v;
	const char		*file;
	unsigned		 line;
};

/* One file of a configuration, named as a configuration names it. */
struct pxeconf_src {
	const char	*name;
	const char	*text;		/* NULL: not available (skipped) */
	size_t		 len;
};

/* syslinux's kernel types (KERNEL guesses from the extension). */
enum pxeconf_type {
	PXECONF_T_KERNEL, PXECONF_T_LINUX, PXECONF_T_LOCALBOOT, PXECONF_T_BOOT,
	PXECONF_T_BSS, PXECONF_T_PXE, PXECONF_T_FDIMAGE, PXECONF_T_COMBOOT,
	PXECONF_T_COM32, PXECONF_T_CONFIG
};

#define PXECONF_L_DEFAULT	0x01	/* MENU DEFAULT */
#define PXECONF_L_HIDE		0x02	/* MENU HIDE */
#define PXECONF_L_DISABLED	0x04	/* MENU DISABLE: no label, no command */
#define PXECONF_L_NOCMD		0x08	/* MENU GOTO, EXIT, QUIT */

struct pxeconf_label {
	struct pxeconf_span	 name;	/* LABEL's whole value: menu.c32's */
	size_t			 word;	/* its first word's length: ldlinux's */
	struct pxeconf_val	 kernel; /* image and its own options */
	enum pxeconf_type	 type;
	struct pxeconf_span	 append;
	struct pxeconf_span	 gappend; /* global APPEND at the LABEL */
	struct pxeconf_span	 initrd;
	unsigned long		 ipappend; /* global IPAPPEND at the LABEL */
	unsigned		 flags;
	size_t			 menu;	/* or PXECONF_HIDDEN */
	size_t			 index;	/* entry number in its menu */
	const char		*file;
	unsigned		 line;
};

/* A (sub)menu as menu.c32 sees it; menu 0 is the top one. */
struct pxeconf_menu {
	size_t			 parent;
	size_t			 entry;	/* its entry in the parent */
	size_t			 nentries;
	size_t			 defentry;
	long			 timeout;	/* 1/10 s; <= 0: none */
	struct pxeconf_val	 tmo;		/* where it was set */
	struct pxeconf_val	 ontimeout;
};

struct pxeconf {
	const char		*file;		/* the first file read */
	const struct pxeconf_src *set;		/* files INCLUDE may name */
	size_t			 nset;
	struct pxeconf_src	 own;		/* pxeconf_parse()'s file */
	bool			 skip_unknown;	/* a name not in set: skip */
	char			 need[PXECONF_NAMEMAX + 1];
	/* What ldlinux.c32 (the pxelinux core) reads. */
	struct pxeconf_val	 deflt;		/* the last DEFAULT */
	struct pxeconf_val	 cmd;		/* UI, else DEFAULT: it runs */
	bool			 ui;
	long			 implicit;	/* IMPLICIT, 1 unless set */
	struct pxeconf_val	 prompt;	/* PROMPT (value > 0: asks) */
	struct pxeconf_val	 tmo;		/* the last TIMEOUT */
	long			 timeout, totaltimeout;
	struct pxeconf_val	 ontimeout;
	struct pxeconf_span	 append;	/* global */
	unsigned long		 ipappend;	/* global */
	/* What menu.c32 reads besides. */
	bool			 shiftkey;
	bool			 has_start;
	size_t			 start;		/* MENU START */
	struct pxeconf_menu	*menus;
	size_t			 nmenus, mcap, cur;
	struct pxeconf_label	*labels;
	size_t			 nlabels, cap;
	bool			 pending;	/* last label not recorded */
};

/* What to boot. */
struct pxeconf_entry {
	char	label[PXECONF_NAMEMAX + 1];	/* "": not from a LABEL */
	char	kernel[PXECONF_NAMEMAX + 1];
	char	initrd[PXECONF_INITRDMAX][PXECONF_NAMEMAX + 1];
	size_t	ninitrd;
	char	cmdline[PXECONF_CMDLINEMAX];	/* without initrd= */
};

enum pxeconf_how {
	PXECONF_BOOT,		/* a Linux kernel: the entry */
	PXECONF_LOCAL,		/* LOCALBOOT, chain.c32: the local disk */
	PXECONF_WAIT,		/* a menu or boot: prompt waits for a key */
	PXECONF_NEED		/* read the file `need' first */
};

struct pxeconf_pick {
	enum pxeconf_how	how;
	struct pxeconf_entry	e;
	char			need[PXECONF_NAMEMAX + 1];
};

/*
 * Parses len bytes of text (file names it in errors) as the one file of a
 * configuration: an INCLUDE is skipped as pxelinux skips a file it cannot
 * open.  Returns 0, or -1 with err = "file:line: reason" for a line over
 * PXECONF_LINEMAX, a NUL byte, LABEL or DEFAULT without a value, INCLUDE
 * nested too deep, or ENOMEM.  Free with pxeconf_free() either way.
 */
int	pxeconf_parse(struct pxeconf *, const char *text, size_t len,
	    const char *file, struct perr *err);
/*
 * The same for the files names[0..n) of set, one after the other (menu.c32
 * given several), INCLUDE reading set's files by name; a name missing from
 * set returns PXECONF_NEED (1) with it in c->need.
 */
int	pxeconf_parse_set(struct pxeconf *, const struct pxeconf_src *set,
	    size_t nset, const char *const *names, size_t n, struct perr *err);
void	pxeconf_free(struct pxeconf *);

/*
 * What pxelinux runs unattended from set[0] (the node's file), set[1..]
 * holding the files it named so far.  Returns 0 with pick->how:
 *   PXECONF_BOOT   pick->e: kernel, initrds (initrd= removed, first list
 *                  wins), command line with sysappend[i] for IPAPPEND bit
 *                  i ("ip=...", "BOOTIF=..."; NULL: none);
 *   PXECONF_LOCAL  the local disk (LOCALBOOT, chain.c32), err says which
 *                  line; PXECONF_WAIT  a key is needed (no DEFAULT, a menu
 *                  without TIMEOUT, ...), err says why;
 *   PXECONF_NEED   add pick->need to set (text, or NULL when there is no
 *                  such file) and call again.
 * Or -1 with err: a bad file, an image that is no Linux kernel (COM32
 * module, boot sector, ...), names or command line too long, a chain of
 * menus over PXECONF_HOPSMAX.
 */
int	pxeconf_pick(const struct pxeconf_src *set, size_t nset,
	    const char *const sysappend[PXECONF_SYSAPPEND],
	    struct pxeconf_pick *, struct perr *err);

/*
 * pxeconf_pick() on a parsed file whose INCLUDEs were all read: 0 with e,
 * or -1 with err for what does not boot a kernel (LOCAL, WAIT, a file not
 * read, errors).
 */
int	pxeconf_resolve(const struct pxeconf *,
	    const char *const sysappend[PXECONF_SYSAPPEND],
	    struct pxeconf_entry *, struct perr *err);

/*
 * The file pxelinux fetches last for entry e: the last initrd of the first
 * initrd= list, else the kernel, without leading "::" or slashes (as a
 * transfer log names it), into name.
 */
void	pxeconf_entry_last(const struct pxeconf_entry *,
	    char name[PXECONF_NAMEMAX + 1]);
/*
 * pxeconf_resolve()'s entry's last file: 1, 0 when it boots the local
 * disk (err says how), or -1 with its errors (waiting for a key too).
 */
int	pxeconf_lastfile(const struct pxeconf *,
	    char name[PXECONF_NAMEMAX + 1], struct perr *err);

#endif
