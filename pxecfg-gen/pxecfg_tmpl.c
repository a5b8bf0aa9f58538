// SPDX-License-Identifier: ISC
/*
 * ${variable} substitution for pxelinux and iPXE templates.  Deliberately
 * tiny: no conditionals, no defaults, no nesting.  Whatever a profile needs
 * beyond that is a different template.
 */
#include <stdio.h>
#include <string.h>

#include "pxecfg_tmpl.h"

#define TMPL_NAMEMAX	32

static bool
tmpl_namechar(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* Drops blanks written since the start of the current line's tail. */
static void
tmpl_trim(struct wbuf *w, size_t line_start)
{
	while (!w->overflow && w->len > line_start &&
	    (w->buf[w->len - 1] == ' ' || w->buf[w->len - 1] == '\t'))
		w->len--;
}

static const struct tmpl_var *
tmpl_lookup(const struct tmpl_var *vars, size_t nvars, const char *name,
    size_t len)
{
	size_t i;

	for (i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len &&
		    memcmp(vars[i].name, name, len) == 0)
			return &vars[i];
	return NULL;
}

/* Expands the variable at p ("${...}"); returns the bytes consumed or 0. */
static size_t
tmpl_var(const char *p, const struct tmpl_var *vars, size_t nvars,
    struct wbuf *w, char err[TMPL_ERRLEN])
{
	const struct tmpl_var *v;
	size_t len;

	for (len = 0; tmpl_namechar(p[2 + len]); len++)
		;
	if (p[2 + len] != '}') {
		snprintf(err, TMPL_ERRLEN, "unterminated ${ or bad variable "
		    "name near \"%.*s\"", (int)(len + 3 > 40 ? 40 : len + 3),
		    p);
		return 0;
	}
	if (len == 0 || len > TMPL_NAMEMAX) {
		snprintf(err, TMPL_ERRLEN, "bad variable name ${%.*s}",
		    (int)(len > 40 ? 40 : len), p + 2);
		return 0;
	}
	if ((v = tmpl_lookup(vars, nvars, p + 2, len)) == NULL) {
		snprintf(err, TMPL_ERRLEN, "unknown variable ${%.*s}",
		    (int)len, p + 2);
		return 0;
	}
	if (v->value == NULL) {
		snprintf(err, TMPL_ERRLEN, "${%s} has no value in this file",
		    v->name);
		return 0;
	}
	wbuf_putbytes(w, v->value, strlen(v->value));
	return len + 3;
}

int
tmpl_render(const char *tmpl, const struct tmpl_var *vars, size_t nvars,
    struct wbuf *w, char err[TMPL_ERRLEN])
{
	const char *p = tmpl;
	size_t line_start = w->len, n;

	while (*p != '\0') {
		if (p[0] == '$' && p[1] == '$') {
			wbuf_put8(w, '$');
			p += 2;
		} else if (p[0] == '$' && p[1] == '{') {
			if ((n = tmpl_var(p, vars, nvars, w, err)) == 0)
				return -1;
			p += n;
		} else if (*p == '\n') {
			tmpl_trim(w, line_start);
			wbuf_put8(w, '\n');
			line_start = w->len;
			p++;
		} else
			wbuf_put8(w, (uint8_t)*p++);
	}
	tmpl_trim(w, line_start);
	if (wbuf_len(w) == -1) {
		snprintf(err, TMPL_ERRLEN, "file too large");
		return -1;
	}
	return 0;
}
