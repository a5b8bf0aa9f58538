// SPDX-License-Identifier: ISC
/*
 * The value readers of the pxecfg-gen.conf(5) parser: one value, a list of
 * arguments or template lines, yes/no, the names list, a base URL, a
 * profile name.
 * Those that read a whole statement's value take its ';' too; a bad token
 * is reported as "file:line: reason".  They know nothing of the statements
 * that use them (pxecfg_conf.c).
 */
#include <string.h>

#include "pxecfg_conf_int.h"
#include "pxecfg_url.h"

int
cp_fail(struct cp *cp, unsigned line, const char *what)
{
	perr_set(cp->err, cp->file, line, "%s", what);
	return -1;
}

int
cp_value(struct cp *cp, struct conftok_tok *t)
{
	if (conftok_next(&cp->ct, t, cp->err) == -1)
		return -1;
	if (t->type != CT_WORD && t->type != CT_STRING)
		return cp_fail(cp, t->line, "expected a value");
	return 0;
}

int
cp_semi(struct cp *cp)
{
	struct conftok_tok t;

	if (conftok_next(&cp->ct, &t, cp->err) == -1)
		return -1;
	if (!conftok_is(&t, ';'))
		return cp_fail(cp, t.line, "expected ';'");
	return 0;
}

/* One value, then ';', into dst. */
int
cp_one(struct cp *cp, char *dst, size_t dstsz)
{
	struct conftok_tok t;

	if (cp_value(cp, &t) == -1)
		return -1;
	if (strlcpy(dst, t.text, dstsz) >= dstsz)
		return cp_fail(cp, t.line, "value too long");
	return cp_semi(cp);
}

/*
 * Values up to ';': kernel arguments joined by spaces, or template lines
 * each ending in a newline.  Among arguments a bare '=' glues its
 * neighbours, so `append console=ttyS0;' needs no quotes although '=' is
 * punctuation to the tokenizer.  An empty list is allowed: `append;'
 * clears.
 */
int
cp_list(struct cp *cp, char *dst, size_t dstsz, bool lines)
{
	struct conftok_tok t;
	size_t len = 0;
	bool glue = true;

	dst[0] = '\0';
	for (;;) {
		if (conftok_next(&cp->ct, &t, cp->err) == -1)
			return -1;
		if (conftok_is(&t, ';'))
			return 0;
		if (!lines && conftok_is(&t, '=') && len > 0) {
			len = strlcat(dst, "=", dstsz);
			glue = true;
			continue;
		}
		if (t.type != CT_WORD && t.type != CT_STRING)
			return cp_fail(cp, t.line, "expected a value or ';'");
		if (!lines && !glue)
			len = strlcat(dst, " ", dstsz);
		glue = false;
		len = strlcat(dst, t.text, dstsz);
		if (lines)
			len = strlcat(dst, "\n", dstsz);
		if (len >= dstsz)
			return cp_fail(cp, t.line, "value too long");
	}
}

int
cp_names(struct cp *cp)
{
	struct conftok_tok t;
	unsigned names = 0;

	for (;;) {
		if (conftok_next(&cp->ct, &t, cp->err) == -1)
			return -1;
		if (conftok_is(&t, ';'))
			break;
		if (strcmp(t.text, "ip") == 0)
			names |= PXECFG_NAMES_IP;
		else if (strcmp(t.text, "mac") == 0)
			names |= PXECFG_NAMES_MAC;
		else
			return cp_fail(cp, t.line, "names: expected ip or mac");
	}
	if (names == 0)
		return cp_fail(cp, t.line, "names: expected ip or mac");
	cp->c->names = names;
	return 0;
}

int
cp_bool(struct cp *cp, bool *b)
{
	struct conftok_tok t;

	if (cp_value(cp, &t) == -1)
		return -1;
	if (strcmp(t.text, "yes") == 0)
		*b = true;
	else if (strcmp(t.text, "no") == 0)
		*b = false;
	else
		return cp_fail(cp, t.line, "expected yes or no");
	return cp_semi(cp);
}

int
cp_http(struct cp *cp, char *dst)
{
	struct conftok_tok t;
	const char *why;

	if (cp_value(cp, &t) == -1)
		return -1;
	if (pxecfg_url_base(t.text, dst, PXECFG_VALLEN, &why) == -1) {
		perr_set(cp->err, cp->file, t.line, "http: %s", why);
		return -1;
	}
	return cp_semi(cp);
}

/* A profile name, or "none" (stored as "") where allowed. */
int
cp_pname(struct cp *cp, char *dst, unsigned *linep, bool none_ok)
{
	struct conftok_tok t;

	if (conftok_peek(&cp->ct, &t, cp->err) == -1)
		return -1;
	*linep = t.line;
	if (cp_one(cp, dst, PXECFG_NAMELEN) == -1)
		return -1;
	if (strcmp(dst, "none") == 0) {
		if (!none_ok)
			return cp_fail(cp, t.line, "a profile is required");
		dst[0] = '\0';
	}
	return 0;
}
