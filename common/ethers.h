/* SPDX-License-Identifier: ISC */
/*
 * ethers(5): "MAC name" per line, '#' comments, blank lines.  The name is a
 * host name (or an IPv4 address, which ethers(5) also allows).  One line per
 * node serves dhcpd-pxe, pxecfg-gen and wakeup.  ethers_parse() appends the
 * entries of a text buffer to a growable table; a bad line stops it with
 * "file:line: reason" in the perr.  Duplicates are kept: policy on them
 * belongs to each program.  ethers_load() reads a file and parses it.
 * The lookups find the first line with a MAC or name, through hash
 * indexes the parse keeps, in constant time.
 */
#ifndef NB_ETHERS_H
#define NB_ETHERS_H

#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "hidx.h"
#include "perr.h"
#include "text.h"

struct ethers_ent {
	uint8_t		mac[MAC_LEN];
	char		name[HOSTNAME_MAX + 1];
	unsigned	line;
};

struct ethers {
	struct ethers_ent	*v;
	size_t			 n;
	size_t			 cap;
	struct hidx		 by_mac, by_name;	/* first line of each */
};

int	ethers_parse(struct ethers *, const char *text, size_t len,
	    const char *file, struct perr *);
int	ethers_load(struct ethers *, const char *path, struct perr *);
void	ethers_free(struct ethers *);
const struct ethers_ent *ethers_by_mac(const struct ethers *,
	    const uint8_t mac[MAC_LEN]);
const struct ethers_ent *ethers_by_name(const struct ethers *, const char *);

#endif
