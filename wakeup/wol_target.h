/* SPDX-License-Identifier: ISC */
/*
 * Targets as ether-wake takes them: a MAC address (any form mac_parse()
 * reads) or a host name from ethers(5).  The sequencer also needs each
 * node's IPv4 address, found in hosts(5) by the ethers name (or the name
 * itself when ethers gives an address).  Pure: works on loaded tables.
 */
#ifndef WOL_TARGET_H
#define WOL_TARGET_H

#include <stdbool.h>
#include <stdint.h>

#include "common/addr.h"
#include "common/ethers.h"
#include "common/hosts.h"

struct wol_target {
	uint8_t		mac[MAC_LEN];
	char		name[HOSTNAME_MAX + 1];	/* "" when ethers has none */
	uint32_t	ip;
	bool		has_ip;
};

/*
 * Resolves arg against the ethers table e (may be empty).  Returns 0, or
 * -1 with *errstr: "malformed MAC address" for something that is neither
 * a MAC nor a host name, "unknown host" for a name ethers lacks.
 */
int	wol_target_resolve(const char *arg, const struct ethers *e,
	    struct wol_target *t, const char **errstr);

/*
 * Fills t->ip from h by t->name.  Returns 0, or -1 with *errstr ("no host
 * name for this MAC", "not in hosts").
 */
int	wol_target_ip(struct wol_target *t, const struct hosts *h,
	    const char **errstr);

#endif
