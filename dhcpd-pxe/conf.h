/* SPDX-License-Identifier: ISC */
/*
 * Loading dhcpd.conf (and the ethers(5)/hosts(5) files it names) through
 * directory descriptors opened before chroot, so SIGHUP can reload the
 * configuration from inside the chroot.  A file in a directory that was
 * not open at startup cannot be read after it; the error says so.
 */
#ifndef CONF_H
#define CONF_H

#include "dhcpconf/dhcpconf.h"

#define CONF_DIRS	4

struct confdirs {
	char	path[CONF_DIRS][DC_PATH_MAX];
	int	fd[CONF_DIRS];
	size_t	n;
	bool	sealed;		/* no new directories (after chroot) */
};

/*
 * Parses `cf' into *c (zeroed or freed before), with its ethers-hosts
 * files; `extra' forces ethers-hosts with the default files (-E).  -1 with
 * err on failure (*c untouched).
 */
int	conf_load(struct confdirs *, const char *cf, bool extra,
	    struct dhcpconf *c, struct perr *err);

#endif
