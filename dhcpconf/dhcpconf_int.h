/* SPDX-License-Identifier: ISC */
/*
 * Internals shared by the dhcpconf*.c files (not for programs): the parser
 * state, table growth, scope creation, option value reading.
 */
#ifndef NB_DHCPCONF_INT_H
#define NB_DHCPCONF_INT_H

#include "common/conftok.h"
#include "dhcpconf.h"

#define DC_DEPTH_MAX	8	/* nested blocks */

struct dc_parser {
	struct conftok	 tok;
	struct dhcpconf	*c;
	struct perr	*err;
	const char	*file;
	int		 depth;
	uint8_t		 used[32];	/* DHCP-space codes given a value */
};

/* Grows the array *vp (*n elements of sz bytes) by one zeroed element. */
int	dc_grow(void *vp, size_t *n, size_t sz);
/* A new scope under parent, zeroed with every parameter unset; or -1. */
int	dc_scope_new(struct dhcpconf *, enum dc_kind, int parent,
	    unsigned line);
void	dc_params_init(struct dc_params *);
int	dc_space_add(struct dhcpconf *, const char *name);

/* Token helpers: each fills p->err and returns -1 on failure. */
int	dc_next(struct dc_parser *, struct conftok_tok *);
int	dc_expect(struct dc_parser *, char punct);
int	dc_word(struct dc_parser *, struct conftok_tok *, const char *what);
int	dc_ip(struct dc_parser *, uint32_t *ip, unsigned *line);
int	dc_semi(struct dc_parser *);
int	dc_fail(struct dc_parser *, unsigned line, const char *fmt, ...)
	    __attribute__((__format__(printf, 3, 4)));

/* Reads an option value up to ';' into *o per the definition. */
int	dc_optval_read(struct dc_parser *, const struct dc_optdef *,
	    struct dc_opt *);
/* Notes that a DHCP-space option code was used by a value or a match. */
void	dc_code_used(struct dc_parser *, int space, uint8_t code);
/* `option ...' statements: a value, a definition or a space. */
int	dc_stmt_option(struct dc_parser *, int scope, unsigned line);
/* Parses a value "string" or hex a:b:c into buf; returns length or -1. */
int	dc_bytes_read(struct dc_parser *, uint8_t *buf, size_t bufsz,
	    bool *text);

/* Statements that set a scope's parameters (dhcpconf_stmt.c). */
typedef int (*dc_stmt_fn)(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
dc_stmt_fn dc_param_stmt(const char *kw, unsigned *where);
/* Blocks (dhcpconf_parse.c): a new scope; its '{' statements '}'. */
int	dc_new(struct dc_parser *, enum dc_kind, int parent, unsigned line);
int	dc_subblock(struct dc_parser *, int scope);
/* Host and class declarations (dhcpconf_decl.c). */
int	dc_stmt_host(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_class(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_hardware(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_fixed(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* `match if ...' in a class. */
int	dc_stmt_match(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);

#define DC_IN(k)	(1u << (k))
#define DC_IN_ANY	0x3fu

/* Appends v as a "quoted string" (\" \\ and \ooo escapes); false if
 * it does not fit. */
bool	dc_fmt_text(char *buf, size_t bufsz, const uint8_t *v, size_t n);
/* Appends v as colon-separated hex bytes ("00:07"). */
bool	dc_fmt_hex(char *buf, size_t bufsz, const uint8_t *v, size_t n);

/* Post-parse checks (dhcpconf_check.c). */
int	dc_check(struct dhcpconf *, const char *file, struct perr *);

#endif
