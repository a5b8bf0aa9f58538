// SPDX-License-Identifier: ISC
/*
 * The config bundle, the one loader dhcpd-pxe, pxecfg-gen and the tools
 * share: dhcpd.conf with the files it includes (`include "FILE";' reads
 * FILE's statements in place, as ISC does, at most DC_INCLUDE_MAX deep),
 * host names resolved where an address goes, and ethers(5) + hosts(5)
 * merged when the config says `ethers-hosts' or the caller asks.  Every
 * file is read and every name looked up through the caller's dc_io.
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
	r = dc_block(p, scope);
	p->incdepth--;
	p->incblock = incblock;
	p->file = file;
	p->tok = saved;
	free(buf);
	return r;
}

static int
dc_load_ethers(struct dhcpconf *c, const struct dc_io *io, struct perr *err)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	char *eb = NULL, *hb = NULL;
	size_t el, hl;
	int r = -1;

	if (io->read(io->arg, c->ethers_path, &eb, &el, err) == 0 &&
	    io->read(io->arg, c->hosts_path, &hb, &hl, err) == 0 &&
	    ethers_parse(&e, eb, el, c->ethers_path, err) == 0 &&
	    hosts_parse(&h, hb, hl, c->hosts_path, err) == 0)
		r = dhcpconf_add_ethers(c, &e, c->ethers_path, &h, err);
	free(eb);
	free(hb);
	ethers_free(&e);
	hosts_free(&h);
	return r;
}

int
dhcpconf_load(struct dhcpconf *c, const char *path, unsigned flags,
    const struct dc_io *io, struct perr *err)
{
	char *buf;
	size_t len;
	int r;

	memset(c, 0, sizeof(*c));
	if (io->read(io->arg, path, &buf, &len, err) == -1)
		return -1;
	r = dc_parse(c, buf, len, path, io, err);
	free(buf);
	if (r == -1 || (flags & DC_LOAD_NOETHERS))
		return r;
	if ((flags & DC_LOAD_ETHERS) && !c->ethers_hosts) {
		c->ethers_hosts = true;
		strlcpy(c->ethers_path, "/etc/ethers", sizeof(c->ethers_path));
		strlcpy(c->hosts_path, "/etc/hosts", sizeof(c->hosts_path));
	}
	if (c->ethers_hosts && dc_load_ethers(c, io, err) == -1) {
		dhcpconf_free(c);
		return -1;
	}
	return 0;
}
