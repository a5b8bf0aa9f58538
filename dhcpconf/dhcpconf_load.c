// SPDX-License-Identifier: ISC
/*
 * The config bundle, the one loader dhcpd-pxe, pxecfg-gen and the tools
 * share: dhcpd.conf parsed with the files it includes
 * (dhcpconf_include.c), host names resolved where an address goes, and
 * ethers(5) + hosts(5) merged when the config says `ethers-hosts' or the
 * caller asks.  Every file is read and every name looked up through the
 * caller's dc_io.
 */
#include <stdlib.h>
#include <string.h>

#include "dhcpconf_int.h"


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
