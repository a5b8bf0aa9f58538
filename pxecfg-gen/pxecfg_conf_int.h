/* SPDX-License-Identifier: ISC */
/*
 * Internals shared by pxecfg_conf.c (statements and blocks) and
 * pxecfg_conf_val.c (the value readers below them), not for programs.
 * Every reader fills cp->err and returns -1 on failure, 0 otherwise.
 */
#ifndef PXECFG_CONF_INT_H
#define PXECFG_CONF_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "common/conftok.h"
#include "pxecfg_conf.h"

struct cp {
	struct conftok		 ct;
	struct pxecfg_conf	*c;
	struct perr		*err;
	const char		*file;
};

/* Sets "file:line: what"; returns -1. */
int	cp_fail(struct cp *, unsigned line, const char *what);
/* The next token, which must be a word or a string. */
int	cp_value(struct cp *, struct conftok_tok *);
/* The next token, which must be ';'. */
int	cp_semi(struct cp *);
/* One value, then ';', into dst[dstsz]. */
int	cp_one(struct cp *, char *dst, size_t dstsz);
/* Values up to ';': kernel arguments, or template lines (lines). */
int	cp_list(struct cp *, char *dst, size_t dstsz, bool lines);
/* `names ip | mac | ip mac;' into cp->c->names. */
int	cp_names(struct cp *);
int	cp_bool(struct cp *, bool *);
/* `http URL;' (pxecfg_url_base) into dst[PXECFG_VALLEN]. */
int	cp_http(struct cp *, char *dst);
/* A profile name into dst[PXECFG_NAMELEN], or "none" as "" if none_ok. */
int	cp_pname(struct cp *, char *dst, unsigned *linep, bool none_ok);

#endif
