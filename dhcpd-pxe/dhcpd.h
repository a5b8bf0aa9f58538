/* SPDX-License-Identifier: ISC */
/*
 * dhcpd-pxe's runtime state, one struct created in main() and passed
 * down (no globals but the signal flags), and the serving loop.
 */
#ifndef DHCPD_H
#define DHCPD_H

#include <signal.h>
#include <stdbool.h>
#include <time.h>

#include "common/dhcpconf.h"
#include "dhcpd-pxe/conf.h"
#include "dhcpd-pxe/lease.h"
#include "dhcpd-pxe/leasedb.h"
#include "dhcpd-pxe/netio.h"

#define DHCPD_CONF	"/etc/dhcpd.conf"
#define DHCPD_LEASES	"/var/lib/dhcpd-pxe/dhcpd.leases"
#define DHCPD_PID	"/run/dhcpd-pxe.pid"
#define DHCPD_USER	"nobody"
#define DHCPD_BATCH	64	/* requests per group commit */

struct dhcpd {
	const char		*cf, *lf, *pf, *user;
	bool			 debug, foreground, ethers;
	int			 test;		/* 1: -t, 2: -T */
	int			 verbose;
	char			*const *ifnames;
	size_t			 nifnames;
	struct confdirs		 dirs;
	struct dhcpconf		 conf;
	struct lease_table	 leases;
	struct leasedb		 db;
	struct netio		 io;
	time_t			 warn_minute;	/* bad-packet log limit */
	unsigned		 warns;
};

void	dhcpd_loop(struct dhcpd *, volatile sig_atomic_t *hup,
	    volatile sig_atomic_t *term, void (*reload)(struct dhcpd *));
/* syslog facility of a log-facility name, LOG_DAEMON if unset. */
int	dhcpd_facility(const char *name);

#endif
