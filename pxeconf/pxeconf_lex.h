/* SPDX-License-Identifier: ISC */
/*
 * The words of pxelinux.cfg as syslinux reads them, the parser's and the
 * picker's lowest layer: white space (every control character), keywords
 * (any case, ended by white space or the end of the line), trimmed values,
 * numbers, and the image types' names (KERNEL ... CONFIG lines, ".type"
 * prefixes) and extensions.  Internal to pxeconf/.  Pure.
 */
#ifndef NB_PXECONF_LEX_H
#define NB_PXECONF_LEX_H

#include "pxeconf/pxeconf.h"

/* syslinux's my_isspace(). */
bool	pxeconf_space(char);
/* The keyword kw at s (any case), then space or the end: *vp = value. */
bool	pxeconf_kw(const char *, size_t, const char *kw, size_t *vp);
/* A value without its trailing white space. */
struct pxeconf_span pxeconf_trim(const char *, size_t);
/* The length of the first word. */
size_t	pxeconf_word(const char *, size_t);
/* atoi() (base 10) or strtoul(, 0) as syslinux uses them; 0 if unset. */
long	pxeconf_num(struct pxeconf_span, int base);

const char *pxeconf_type_name(enum pxeconf_type);
/* An image keyword line (KERNEL, LINUX, ... CONFIG): its type and *vp. */
bool	pxeconf_type_kw(const char *, size_t, enum pxeconf_type *,
	    size_t *vp);
/* A ".type" prefix's name, n bytes exactly (execute()). */
bool	pxeconf_type_lookup(const char *, size_t, enum pxeconf_type *);
/* The type syslinux gives an image by its extension (KERNEL if none). */
enum pxeconf_type pxeconf_image_type(const char *, size_t);

#endif
