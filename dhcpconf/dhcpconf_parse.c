// SPDX-License-Identifier: ISC
/*
 * dhcpconf parser: the block structure of dhcpd.conf (global scope,
 * subnet, pool, group, host, class) and the statements that only make
 * sense in one kind of block (range, hardware, fixed-address).  Parameter
 * statements are in dhcpconf_stmt.c, options in dhcpconf_opt.c.  Every
 * error is "file:line: reason"; the first one stops the parse.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/text.h"

#include "dhcpconf_int.h"

static const char *const dc_kind_name[] = {
	"top level", "group", "subnet", "pool", "host", "class", "if",
	"shared-network"
};

int
dc_block(struct dc_parser *p, int scope);

static int
st_group(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	int s;

	if ((s = dc_new(p, DC_K_GROUP, scope, kw->line)) == -1)
		return -1;
	return dc_subblock(p, s);
}

static const struct {
	const char	*kw;
	dc_stmt_fn	 fn;
	unsigned	 where;
} dc_blocks[] = {
	{ "subnet", dc_stmt_subnet, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SHARED) },
	{ "shared-network", dc_stmt_shared, DC_IN(DC_K_GLOBAL) |
	    DC_IN(DC_K_GROUP) },
	{ "group", st_group, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "host", dc_stmt_host, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "class", dc_stmt_class, DC_IN(DC_K_GLOBAL) | DC_IN(DC_K_GROUP) |
	    DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "subclass", dc_stmt_subclass, DC_IN(DC_K_GLOBAL) |
	    DC_IN(DC_K_GROUP) | DC_IN(DC_K_SUBNET) },
	{ "pool", dc_stmt_pool, DC_IN(DC_K_SUBNET) | DC_IN(DC_K_SHARED) },
	{ "range", dc_stmt_range, DC_IN(DC_K_SUBNET) | DC_IN(DC_K_POOL) },
	{ "hardware", dc_stmt_hardware, DC_IN(DC_K_HOST) },
	{ "fixed-address", dc_stmt_fixed, DC_IN(DC_K_HOST) },
};

static dc_stmt_fn
dc_stmt_find(const char *kw, unsigned *where)
{
	size_t i;

	for (i = 0; i < sizeof(dc_blocks) / sizeof(dc_blocks[0]); i++)
		if (strcasecmp(kw, dc_blocks[i].kw) == 0) {
			*where = dc_blocks[i].where;
			return dc_blocks[i].fn;
		}
	return dc_param_stmt(kw, where);
}

/* May statement kw (allowed `where') stand in a block of kind k? */
static int
dc_allowed(struct dc_parser *p, const struct conftok_tok *t, unsigned where,
    enum dc_kind k)
{
	if (k == DC_K_COND && (where & DC_EXEC) == 0)
		return dc_fail(p, t->line, "'%s' is not allowed in an if",
		    t->text);
	if (k != DC_K_COND && (where & DC_IN(k)) == 0)
		return dc_fail(p, t->line, "'%s' is not allowed %s%s", t->text,
		    k == DC_K_GLOBAL ? "at the " : "in a ", dc_kind_name[k]);
	return 0;
}

/*
 * Statements up to the '}' closing scope (or the end, at top level).
 * Executable statements after an `if' go to a continuation scope (ps),
 * declarations to the block itself.
 */
int
dc_block(struct dc_parser *p, int scope)
{
	struct conftok_tok t;
	dc_stmt_fn fn;
	unsigned where;
	int ps = scope;
	bool after_if = false;

	for (;;) {
		if (conftok_next(&p->tok, &t, p->err) == -1)
			return -1;
		if (t.type == CT_EOF && (scope == DC_GLOBAL ||
		    (p->incdepth > 0 && p->depth == p->incblock)))
			return 0;	/* the end of the file, or of an include */
		if (t.type == CT_EOF)
			return dc_fail(p, t.line, "missing '}' of the %s "
			    "declared at line %u",
			    dc_kind_name[p->c->scopes[scope].kind],
			    p->c->scopes[scope].line);
		if (conftok_is(&t, '}') && scope != DC_GLOBAL)
			return 0;
		if (t.type != CT_WORD)
			return dc_fail(p, t.line, "unexpected '%s'", t.text);
		if ((fn = dc_stmt_find(t.text, &where)) == NULL)
			return dc_fail(p, t.line, "unsupported statement '%s'",
			    t.text);
		if (dc_allowed(p, &t, where, p->c->scopes[scope].kind) == -1)
			return -1;
		if (fn == dc_stmt_if) {
			if (dc_stmt_if(p, scope, &t) == -1)
				return -1;
			after_if = true;
			continue;
		}
		if ((where & DC_EXEC) != 0 && after_if) {
			if ((ps = dc_cont(p, scope, t.line)) == -1)
				return -1;
			after_if = false;
		}
		if (fn(p, (where & DC_EXEC) != 0 ? ps : scope, &t) == -1)
			return -1;
	}
}

int
dc_parse(struct dhcpconf *c, const char *text, size_t len, const char *file,
    const struct dc_io *io, struct perr *err)
{
	struct dc_parser p;

	memset(c, 0, sizeof(*c));
	memset(&p, 0, sizeof(p));
	strlcpy(c->file, file, sizeof(c->file));
	conftok_init(&p.tok, text, len, file);
	p.c = c;
	p.err = err;
	p.file = file;
	p.io = io;
	p.block = dc_block;
	p.operand = dc_e_operand;
	if (dc_space_add(c, "dhcp") == -1 ||
	    dc_scope_new(c, DC_K_GLOBAL, -1, 0) == -1) {
		perr_set(err, file, 0, "out of memory");
		goto fail;
	}
	if (dc_block(&p, DC_GLOBAL) == -1 || dc_check(c, file, err) == -1)
		goto fail;
	return 0;
fail:
	dhcpconf_free(c);
	return -1;
}

int
dhcpconf_parse(struct dhcpconf *c, const char *text, size_t len,
    const char *file, struct perr *err)
{
	return dc_parse(c, text, len, file, NULL, err);
}
