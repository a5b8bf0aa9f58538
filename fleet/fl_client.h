/* SPDX-License-Identifier: ISC */
/*
 * One simulated PXE client, from power-on to the last boot file: the
 * firmware's DHCP (fl_dhcp.h, timed by fl_sched.h), an ARP for the boot
 * server, iPXE's TFTP read of the boot file the ACK names, then what
 * pxelinux does: ldlinux.c32 (.e64), the pxelinux.cfg/ names in its order
 * (pxeconf/pxename.h; a UUID only when its version nibble is valid, as
 * syslinux's is_valid_uuid() wants), the entry pxelinux runs unattended
 * (pxeconf/pxeconf.h, INCLUDEd files fetched as pxelinux fetches them), then
 * its kernel and initrds.  File names are relative to the boot file's
 * directory, as pxelinux's path prefix makes them.
 *
 * The core is driven by the caller: a frame for this client, or its
 * deadline passed.  Each call puts what to send (whole Ethernet frames)
 * and what to record (fl_rec: one per DHCP exchange or transfer, one for
 * the boot as a whole) in a struct fl_out, and leaves the next deadline in
 * fl_client_deadline().  Times are microseconds on any monotonic clock.
 * Pure: no I/O, no clock, no allocation (pxeconf's parser allocates).
 */
#ifndef FL_CLIENT_H
#define FL_CLIENT_H

#include "fleet/fl_cbase.h"

/* A client that is off; seed makes its random choices repeatable. */
void	fl_client_init(struct fl_client *, const struct fl_conf *,
	    size_t index, const uint8_t mac[MAC_LEN],
	    const uint8_t uuid[FL_UUID_LEN], uint64_t seed);
/* Power on at `at' (>= now): the first DISCOVER goes out then. */
void	fl_client_power(struct fl_client *, int64_t now, int64_t at);
/* A frame addressed to this client (by MAC, chaddr or address). */
void	fl_client_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
/* Called once now >= fl_client_deadline(). */
void	fl_client_timer(struct fl_client *, int64_t now, struct fl_out *);
/* Gives up now, e.g. at the end of the run: why goes in the record. */
void	fl_client_stop(struct fl_client *, int64_t now, const char *why,
	    struct fl_out *);
/* The next time fl_client_timer() is due, or FL_NO_DEADLINE. */
int64_t	fl_client_deadline(const struct fl_client *);
bool	fl_client_ended(const struct fl_client *);
bool	fl_client_powered(const struct fl_client *);

#endif
