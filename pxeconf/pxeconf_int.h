/* SPDX-License-Identifier: ISC */
/*
 * What the pxeconf*.c files share and nobody else sees: syslinux's
 * keyword matching and white space, the parser's MENU lines and label
 * recording, and the command lines the picker builds and takes apart.
 */
#ifndef NB_PXECONF_INT_H
#define NB_PXECONF_INT_H

#include "pxeconf/pxeconf.h"

/* A command line being built (syslinux's cmdline strings). */
struct pxeconf_line {
	char	buf[PXECONF_CMDLINEMAX];
	size_t	len;
	bool	overflow;
};

/* pxeconf.c */
bool	pxeconf_space(char);
bool	pxeconf_kw(const char *, size_t, const char *kw, size_t *vp);
struct pxeconf_span pxeconf_trim(const char *, size_t);
size_t	pxeconf_word(const char *, size_t);
long	pxeconf_num(struct pxeconf_span, int base);
/* A keyword line (not MENU, TEXT, INCLUDE): 0 or -1 with err. */
int	pxeconf_keyword(struct pxeconf *, const char *, size_t,
	    const char *file, unsigned line, struct perr *);

/* pxeconf_file.c */
/* The file of set called name (n bytes), or NULL. */
const struct pxeconf_src *pxeconf_find_src(const struct pxeconf_src *,
	    size_t, const char *name, size_t n);
/* pxeconf_parse_set(); skip: a name not in set is skipped, not needed. */
int	pxeconf_load(struct pxeconf *, const struct pxeconf_src *, size_t,
	    const char *const *names, size_t n, bool skip, struct perr *);
/* INCLUDE value (file [tag]): 0, 1 for PXECONF_NEED, -1 with err. */
int	pxeconf_include(struct pxeconf *, const char *, size_t,
	    const char *file, unsigned line, unsigned depth, struct perr *);

/* pxeconf_menu.c */
/* The pending label into the current menu (syslinux's record()). */
void	pxeconf_record(struct pxeconf *);
/* A new (sub)menu under c->cur, made current; 0 or -1 (ENOMEM). */
int	pxeconf_menu_new(struct pxeconf *);
/* A MENU line's rest: 0, 1 for PXECONF_NEED, -1 with err. */
int	pxeconf_menu_line(struct pxeconf *, const char *, size_t,
	    const char *file, unsigned line, unsigned depth, struct perr *);

/* pxeconf_entry.c */
void	pxeconf_add(struct pxeconf_line *, const char *, size_t);
void	pxeconf_glue(struct pxeconf_line *, const char *, size_t);
/* A label's command line as record() makes it (".type image ..."). */
void	pxeconf_label_cmd(const struct pxeconf_label *,
	    const char *const sys[PXECONF_SYSAPPEND], struct pxeconf_line *);
const char *pxeconf_type_name(enum pxeconf_type);
bool	pxeconf_type_lookup(const char *, size_t, enum pxeconf_type *);
/* The type syslinux gives an image by its extension. */
enum pxeconf_type pxeconf_image_type(const char *, size_t);
/* Kernel and arguments into e (initrd= split out); NULL or why not. */
const char *pxeconf_entry_make(struct pxeconf_entry *, const char *kernel,
	    size_t klen, const struct pxeconf_line *args);

/* pxeconf_pick.c: one run of pxelinux over a set of files. */
#define PXECONF_FAIL	(-1)

struct pxeconf_run {
	const struct pxeconf_src *set;
	size_t			 nset;
	bool			 skip;		/* files not in set: skipped */
	const char *const	*sys;
	const struct pxeconf	*main;		/* what ldlinux read */
	const char		*root;		/* its file: menu.c32's "~" */
	struct pxeconf_span	 label;		/* the label being run */
	unsigned		 hops;
	struct pxeconf_pick	*out;
	struct perr		*err;
};

/* Ends the run with how (PXECONF_FAIL: -1, an error), err = file:line. */
int	pxeconf_stop(struct pxeconf_run *, int how, const char *file,
	    unsigned line, const char *fmt, ...)
	    __attribute__((__format__(printf, 5, 6)));
/* syslinux's find_label(): by first word (ldlinux) or whole name (menu). */
const struct pxeconf_label *pxeconf_find_label(const struct pxeconf *,
	    const char *, size_t, bool whole);
/* Runs a label's command line and the words after its name. */
int	pxeconf_run_label(struct pxeconf_run *, const struct pxeconf *,
	    const struct pxeconf_label *, bool whole, const char *, size_t);
/* Back at the boot: prompt: ONTIMEOUT after a timeout, else WAIT why. */
int	pxeconf_prompt(struct pxeconf_run *, const char *file, unsigned line,
	    const char *why);
/* execute(): a command line (implicit: the global APPEND applies). */
int	pxeconf_execute(struct pxeconf_run *, const struct pxeconf *,
	    const char *, size_t, bool implicit, const char *file,
	    unsigned line);

/* pxeconf_menusel.c: menu.c32 ARGS ("~": the configuration). */
int	pxeconf_run_menu(struct pxeconf_run *, const char *, size_t,
	    const char *file, unsigned line);

#endif
