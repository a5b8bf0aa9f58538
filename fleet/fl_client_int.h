/* SPDX-License-Identifier: ISC */
/*
 * Between the parts of the client core: fl_client.c (dispatch, ARP,
 * records, the end), fl_dhcpc.c (the firmware's DHCP) and fl_boot.c (the
 * TFTP phases and pxelinux.cfg).  Not for the shell.
 */
#ifndef FL_CLIENT_INT_H
#define FL_CLIENT_INT_H

#include "fleet/fl_client.h"

/* A UDP frame from the client to dst (MAC, address, port). */
void	fl_c_udp(struct fl_client *, struct fl_out *, const uint8_t *dmac,
	    uint32_t sip, uint32_t dip, uint16_t sport, uint16_t dport,
	    const void *data, size_t len);
struct fl_rec *fl_c_rec(struct fl_client *, struct fl_out *,
	    const char *phase, const char *name, int64_t t0, int64_t t1);
/* The boot's own record; the client is done. */
void	fl_c_end(struct fl_client *, int64_t now, const char *result,
	    struct fl_out *);
/* fl_c_end() with a formatted result. */
void	fl_c_endf(struct fl_client *, int64_t now, struct fl_out *,
	    const char *fmt, ...) __attribute__((__format__(printf, 4, 5)));
/* The lease is ours: resolve the boot server, then fl_c_boot_start(). */
void	fl_c_arp_start(struct fl_client *, int64_t now, struct fl_out *);

void	fl_c_dhcp_start(struct fl_client *, int64_t now, struct fl_out *);
void	fl_c_dhcp_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
void	fl_c_dhcp_timer(struct fl_client *, int64_t now, struct fl_out *);

void	fl_c_boot_start(struct fl_client *, int64_t now, struct fl_out *);
void	fl_c_boot_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
void	fl_c_boot_timer(struct fl_client *, int64_t now, struct fl_out *);
/* Records the transfer under way as ended by `why'. */
void	fl_c_boot_abort(struct fl_client *, int64_t now, const char *why,
	    struct fl_out *);

#endif
