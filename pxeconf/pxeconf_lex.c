// SPDX-License-Identifier: ISC
/*
 * pxelinux.cfg words: a line is a keyword (case-insensitive, ended by
 * white space or the end of the line) and a value running to the end of
 * the line; white space is anything up to ' ', as in syslinux.  The image
 * types are named once, in enum pxeconf_type's order: as keywords of a
 * LABEL, and as the ".type" prefixes of record() and execute().
 */
#include <stdlib.h>
#include <string.h>

#include "pxeconf/pxeconf_lex.h"

/* In enum pxeconf_type's order. */
static const char *const type_names[] = {
	"kernel", "linux", "localboot", "boot", "bss", "pxe", "fdimage",
	"comboot", "com32", "config"
};
#define NTYPES	(sizeof(type_names) / sizeof(type_names[0]))

/* parse_image_type()'s table: the first extension that ends the name. */
static const struct {
	const char		*ext;
	enum pxeconf_type	 type;
} exts[] = {
	{ ".c32", PXECONF_T_COM32 }, { ".img", PXECONF_T_FDIMAGE },
	{ ".bss", PXECONF_T_BSS }, { ".bin", PXECONF_T_BOOT },
	{ ".bs", PXECONF_T_BOOT }, { ".0", PXECONF_T_PXE }
};

bool
pxeconf_space(char c)
{
	return (unsigned char)c <= ' ';
}

bool
pxeconf_kw(const char *s, size_t len, const char *kw, size_t *vp)
{
	size_t i, n = strlen(kw);

	if (len < n)
		return false;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != kw[i])
			return false;
	if (len > n && !pxeconf_space(s[n]))
		return false;
	for (i = n; i < len && pxeconf_space(s[i]); i++)
		;
	*vp = i;
	return true;
}

struct pxeconf_span
pxeconf_trim(const char *s, size_t len)
{
	struct pxeconf_span sp = { s, len, true };

	while (sp.len > 0 && pxeconf_space(sp.p[sp.len - 1]))
		sp.len--;
	return sp;
}

size_t
pxeconf_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && !pxeconf_space(s[i]); i++)
		;
	return i;
}

/* On a bounded copy: the value is not NUL-terminated. */
long
pxeconf_num(struct pxeconf_span v, int base)
{
	char buf[32];

	if (!v.set)
		return 0;
	if (v.len >= sizeof(buf))
		v.len = sizeof(buf) - 1;
	memcpy(buf, v.p, v.len);
	buf[v.len] = '\0';
	return base == 0 ? (long)strtoul(buf, NULL, 0) : strtol(buf, NULL, 10);
}

const char *
pxeconf_type_name(enum pxeconf_type t)
{
	return type_names[t];
}

bool
pxeconf_type_kw(const char *s, size_t len, enum pxeconf_type *t, size_t *vp)
{
	size_t i;

	for (i = 0; i < NTYPES; i++)
		if (pxeconf_kw(s, len, type_names[i], vp)) {
			*t = (enum pxeconf_type)i;
			return true;
		}
	return false;
}

bool
pxeconf_type_lookup(const char *s, size_t n, enum pxeconf_type *t)
{
	size_t i;

	for (i = 0; i < NTYPES; i++)
		if (strlen(type_names[i]) == n &&
		    memcmp(type_names[i], s, n) == 0) {
			*t = (enum pxeconf_type)i;
			return true;
		}
	return false;
}

enum pxeconf_type
pxeconf_image_type(const char *s, size_t n)
{
	size_t i, el;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		el = strlen(exts[i].ext);
		if (n >= el && memcmp(s + n - el, exts[i].ext, el) == 0)
			return exts[i].type;
	}
	return PXECONF_T_KERNEL;
}
