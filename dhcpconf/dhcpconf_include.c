// SPDX-License-Identifier: ISC
/*
 * include "FILE"; reads FILE's statements in place, as ISC does, at most
 * DC_INCLUDE_MAX deep, through the loader's io (dhcpconf_load()); the
 * pure dhcpconf_parse() has none and refuses it.
 */
#include <stdlib.h>
#include <string.h>

#include "dhcpconf_int.h"

#define DC_INCLUDE_MAX	8

int
dc_stmt_include(struct dc_parser *p, int scope, const struct conftok_tok *kw)
{
	struct conftok saved;
	struct conftok_tok t;
	const char *file = p->file;
	char *buf, path[DC_PATH_MAX];
	size_t len;
	int r, incblock = p->incblock;

	if (dc_next(p, &t) == -1)
		return -1;
	if (t.type != CT_STRING || t.len == 0 || t.len >= sizeof(path))
		return dc_fail(p, t.line, "include needs a \"file name\"");
	memcpy(path, t.text, t.len + 1);
	if (dc_semi(p) == -1)
		return -1;
	if (p->io == NULL || p->io->read == NULL)
		return dc_fail(p, kw->line, "include \"%s\": no files are read "
		    "here", path);
	if (p->incdepth == DC_INCLUDE_MAX)
		return dc_fail(p, kw->line, "includes nested too deeply");
	if (p->io->read(p->io->arg, path, &buf, &len, p->err) == -1)
		return -1;
	saved = p->tok;		/* after the `;': where to go on */
	conftok_init(&p->tok, buf, len, path);
	p->file = path;
	p->incdepth++;
	p->incblock = p->depth;
	r = p->block(p, scope);
	p->incdepth--;
	p->incblock = incblock;
	p->file = file;
	p->tok = saved;
	free(buf);
	return r;
}
