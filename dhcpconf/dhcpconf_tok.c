// SPDX-License-Identifier: ISC
/*
 * The parser's primitives, under every statement: tokens as the grammar
 * wants them (dc_next, dc_expect, dc_word, dc_semi), errors with their
 * file:line (dc_fail), addresses that may be host names (dc_addr), new
 * scopes and blocks (dc_new, dc_subblock: the block parser is reached
 * through the parser's `block' pointer, so that statements call no file
 * above them), and what statements add to the configuration: constants,
 * expression nodes, notes of ignored statements, codes in use.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"

#include "dhcpconf_int.h"

int
dc_fail(struct dc_parser *p, unsigned line, const char *fmt, ...)
{
	char msg[PERR_MSGLEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	perr_set(p->err, p->file, line, "%s", msg);
	return -1;
}

int
dc_next(struct dc_parser *p, struct conftok_tok *t)
{
	if (conftok_next(&p->tok, t, p->err) == -1)
		return -1;
	if (t->type == CT_EOF)
		return dc_fail(p, t->line, "unexpected end of file");
	return 0;
}

int
dc_expect(struct dc_parser *p, char punct)
{
	struct conftok_tok t;

	if (dc_next(p, &t) == -1)
		return -1;
	if (!conftok_is(&t, punct))
		return dc_fail(p, t.line, "expected '%c', not '%s'", punct,
		    t.text);
	return 0;
}

int
dc_semi(struct dc_parser *p)
{
	return dc_expect(p, ';');
}

int
dc_word(struct dc_parser *p, struct conftok_tok *t, const char *what)
{
	if (dc_next(p, t) == -1)
		return -1;
	if (t->type != CT_WORD)
		return dc_fail(p, t->line, "expected %s, not '%s'", what,
		    t->text);
	return 0;
}

int
dc_ip(struct dc_parser *p, uint32_t *ip, unsigned *line)
{
	struct conftok_tok t;

	if (dc_word(p, &t, "an IPv4 address") == -1)
		return -1;
	if (ip4_parse(t.text, ip) == -1)
		return dc_fail(p, t.line, "bad IPv4 address '%s'", t.text);
	if (line != NULL)
		*line = t.line;
	return 0;
}

/*
 * An address that may be written as a host name (fixed-address,
 * next-server, ip-address option values): resolved through the loader's
 * io, as ISC does.  1 with *ip; 0 for a name with no address (noted,
 * the caller leaves the statement out, as ISC leaves it out of answers);
 * -1 on error.
 */
int
dc_addr(struct dc_parser *p, const struct conftok_tok *t, uint32_t *ip)
{
	char note[sizeof(((struct dc_ignored *)0)->text)];

	if (t->type == CT_WORD && ip4_parse(t->text, ip) == 0)
		return 1;
	if (t->type != CT_WORD || !text_hostname_ok(t->text) ||
	    t->text[strspn(t->text, "0123456789.")] == '\0')
		return dc_fail(p, t->line, "bad IPv4 address '%s'", t->text);
	if (p->io != NULL && p->io->resolve != NULL &&
	    p->io->resolve(p->io->arg, t->text, ip) == 0)
		return 1;
	snprintf(note, sizeof(note), "%.64s (line %u)", t->text, t->line);
	return dc_ignore(p, note, t->line, "a host name with no address: "
	    "the statement is left out") == -1 ? -1 : 0;
}

int
dc_subblock(struct dc_parser *p, int scope)
{
	int r;

	if (dc_expect(p, '{') == -1)
		return -1;
	if (++p->depth > DC_DEPTH_MAX)
		return dc_fail(p, p->c->scopes[scope].line, "blocks nested "
		    "too deeply");
	r = p->block(p, scope);
	p->depth--;
	return r;
}

int
dc_new(struct dc_parser *p, enum dc_kind k, int parent, unsigned line)
{
	int s;

	if ((s = dc_scope_new(p->c, k, parent, line)) == -1)
		return dc_fail(p, line, "out of memory");
	return s;
}

int
dc_ignore(struct dc_parser *p, const char *text, unsigned line,
    const char *why)
{
	if (dc_note_ignored(p->c, text, line, why) == -1)
		return dc_fail(p, line, "out of memory");
	return 0;
}

void
dc_code_used(struct dc_parser *p, int space, uint8_t code)
{
	if (space == DC_SPACE_DHCP)
		p->used[code / 8] |= (uint8_t)(1u << (code % 8));
}

int
dc_enew(struct dc_parser *p, enum dc_eop op, unsigned line)
{
	struct dc_expr *x;

	if (array_push(&p->c->exprs, &p->c->nexprs, sizeof(*x)) == -1)
		return dc_fail(p, line, "out of memory");
	x = &p->c->exprs[p->c->nexprs - 1];
	x->op = (uint8_t)op;
	x->a = x->b = x->c = x->d = -1;
	return (int)p->c->nexprs - 1;
}

int
dc_blob_add(struct dc_parser *p, const void *v, size_t n, unsigned line)
{
	struct dhcpconf *c = p->c;
	uint8_t *b;
	size_t off = c->nblob;

	if (n > 0) {
		if (c->nblob + n > INT32_MAX ||
		    (b = realloc(c->blob, c->nblob + n)) == NULL)
			return dc_fail(p, line, "out of memory");
		c->blob = b;
		memcpy(c->blob + c->nblob, v, n);
		c->nblob += n;
	}
	return (int)off;
}
