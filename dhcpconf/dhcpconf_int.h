/* SPDX-License-Identifier: ISC */
/*
 * Internals shared by the dhcpconf*.c files (not for programs): the parser
 * state, table growth, scope creation, option value reading.
 */
#ifndef NB_DHCPCONF_INT_H
#define NB_DHCPCONF_INT_H

#include "common/array.h"
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
	const struct dc_io *io;		/* NULL: no include, no names */
	/* The block and operand parsers, reached through these so that the
	 * files below them call nothing above (dhcpconf_parse.c sets them). */
	int		(*block)(struct dc_parser *, int scope);
	int		(*operand)(struct dc_parser *, int want, int depth,
			    int *out);
	int		 incdepth;	/* includes open */
	int		 incblock;	/* block depth of the innermost one */
};

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
int	dc_addr(struct dc_parser *, const struct conftok_tok *, uint32_t *ip);
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
/* The parse, with the loader's io (NULL for dhcpconf_parse()). */
int	dc_parse(struct dhcpconf *, const char *text, size_t len,
	    const char *file, const struct dc_io *io, struct perr *err);
/* Statements of scope up to its '}' (or the end of the file). */
int	dc_block(struct dc_parser *, int scope);
/* include "FILE"; (dhcpconf_load.c) */
int	dc_stmt_include(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* Blocks (dhcpconf_parse.c): a new scope; its '{' statements '}'. */
int	dc_new(struct dc_parser *, enum dc_kind, int parent, unsigned line);
int	dc_subblock(struct dc_parser *, int scope);
/* Networks (dhcpconf_net.c). */
int	dc_stmt_subnet(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_shared(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_pool(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_range(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* Host and class declarations (dhcpconf_decl.c). */
int	dc_stmt_host(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_class(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_subclass(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_hardware(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_fixed(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* `match if', `match', `spawn with' in a class. */
int	dc_stmt_match(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);

#define DC_IN(k)	(1u << (k))
#define DC_IN_ANY	(0x3fu | DC_IN(DC_K_SHARED))
#define DC_EXEC		(1u << 31)	/* may stand in an if, after one */

/* allow, deny, ignore (dhcpconf_permit.c). */
int	dc_stmt_permit(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* Statements accepted and ignored (dhcpconf_inert.c): the statement for
 * kw, or NULL; and noting one as ignored (once per text). */
dc_stmt_fn dc_inert_stmt(const char *kw, unsigned *where);
int	dc_ignore(struct dc_parser *, const char *text, unsigned line,
	    const char *why);
int	dc_note_ignored(struct dhcpconf *, const char *text, unsigned line,
	    const char *why);

/* Conditionals (dhcpconf_cond.c). */
int	dc_stmt_if(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
int	dc_stmt_set(struct dc_parser *, int scope,
	    const struct conftok_tok *kw);
/* A continuation of scope (statements after an `if'); or -1. */
int	dc_cont(struct dc_parser *, int scope, unsigned line);
/* s, or the block a continuation continues. */
int	dc_real_scope(const struct dhcpconf *, int s);

/* Appends v as a "quoted string" (\" \\ and \ooo escapes); false if
 * it does not fit. */
bool	dc_fmt_text(char *buf, size_t bufsz, const uint8_t *v, size_t n);
/* Is every byte of v printable ASCII? */
bool	dc_printable(const uint8_t *v, size_t n);
/* Appends v as colon-separated hex bytes ("00:07"). */
bool	dc_fmt_hex(char *buf, size_t bufsz, const uint8_t *v, size_t n);

/* Expressions (dhcpconf_expr.c): the type an expression has. */
enum dc_ectx { DX_ANY, DX_BOOL, DX_DATA, DX_NUM };
enum dc_ectx dc_expr_type(const struct dhcpconf *, int expr);
/* Appends v[0..n) to the constants; its offset, or -1. */
int	dc_blob_add(struct dc_parser *, const void *v, size_t n,
	    unsigned line);
/* A new expression node; its index, or -1. */
int	dc_enew(struct dc_parser *, enum dc_eop op, unsigned line);
/* One operand of the wanted type (enum dc_ectx; DX_ANY: any) into *out;
 * or -1.  The parser's `operand' pointer. */
int	dc_e_operand(struct dc_parser *, int want, int depth, int *out);
/* A keyword or function at t (dhcpconf_exprfn.c): its expression, -1
 * on error, -2 if t is no keyword. */
int	dc_e_keyword(struct dc_parser *, const struct conftok_tok *t,
	    int depth);
/* Reads an expression of the wanted type into *out; or -1. */
int	dc_expr_read(struct dc_parser *, enum dc_ectx want, int *out);
/* "0:7", "00:07:ff": groups of one or two hex digits; length or -1. */
int	dc_hex_parse(const char *s, uint8_t *buf, size_t bufsz);
/* An option's value at an evaluation depth (dhcpconf_eval.c). */
int	dc_optval_eval(const struct dhcpconf *, const struct dc_opt *,
	    const struct dc_env *, uint8_t *buf, size_t cap, size_t *len,
	    int depth);
/* The client's option of a space (dhcpconf_value.c); NULL: none. */
const uint8_t *dc_client_opt(const struct dhcpconf *, const struct dc_env *,
	    int space, uint8_t code, size_t *len);
/* A space's options along ch as code/length/value; the length. */
size_t	dc_encapsulate(const struct dhcpconf *, const struct dc_chain *,
	    const struct dc_env *, int space, uint8_t *buf, size_t cap,
	    int depth);

/* The standard options, by ISC's names (dhcpconf_opttab.c). */
extern const struct dc_optdef dc_builtin[];
extern const size_t dc_nbuiltin;

/* Data transforms on evaluated values (dhcpconf_evalfn.c): 0 or -1
 * (null) where they can fail. */
int	dc_b2a(int64_t base, int64_t width, const uint8_t *sep, size_t slen,
	    const uint8_t *d, size_t dlen, uint8_t *buf, size_t cap,
	    size_t *len);
void	dc_window(uint8_t *buf, size_t *len, size_t off, size_t n,
	    bool suffix);
void	dc_case(uint8_t *buf, size_t len, bool upper);
int	dc_reverse(uint8_t *buf, size_t len, size_t w);

/* The i-th scope's parameters along ch, the global scope last; NULL
 * past it (dhcpconf_param.c). */
const struct dc_params *dc_at(const struct dhcpconf *,
	    const struct dc_chain *, size_t i);

/* Post-parse checks (dhcpconf_check.c). */
int	dc_check(struct dhcpconf *, const char *file, struct perr *);

#endif
