/* SPDX-License-Identifier: ISC */
/*
 * hosts(5): "address canonical-name [aliases...]" per line.  IPv4 lines
 * become one entry per name (the first marked canonical); IPv6 lines are
 * skipped, since a normal /etc/hosts has them and the suite is IPv4 only.
 * A bad IPv4 address, a missing or bad name stops the parse with
 * "file:line: reason".  hosts_load() reads a file and parses it.  The
 * lookups go through hash indexes the parse keeps, in constant time.
 */
#ifndef NB_HOSTS_H
#define NB_HOSTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hidx.h"
#include "perr.h"
#include "text.h"

struct hosts_ent {
	uint32_t	ip;
	char		name[HOSTNAME_MAX + 1];
	bool		canonical;
	unsigned	line;
};

struct hosts {
	struct hosts_ent	*v;
	size_t			 n;
	size_t			 cap;
	struct hidx		 by_name;	/* first entry of each name */
	struct hidx		 by_ip;		/* first canonical entry */
};

int	hosts_parse(struct hosts *, const char *text, size_t len,
	    const char *file, struct perr *);
int	hosts_load(struct hosts *, const char *path, struct perr *);
void	hosts_free(struct hosts *);
/* First entry carrying the name (case-insensitive), canonical or alias. */
const struct hosts_ent *hosts_by_name(const struct hosts *, const char *);
/* The canonical entry of the first line with that address. */
const struct hosts_ent *hosts_by_ip(const struct hosts *, uint32_t ip);

#endif
