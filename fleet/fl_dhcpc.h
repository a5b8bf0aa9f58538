/* SPDX-License-Identifier: ISC */
/* The firmware's DHCP of one client (fl_dhcpc.c), for the dispatch. */
#ifndef FL_DHCPC_H
#define FL_DHCPC_H

#include "fleet/fl_cbase.h"

void	fl_c_dhcp_start(struct fl_client *, int64_t now, struct fl_out *);
void	fl_c_dhcp_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
void	fl_c_dhcp_timer(struct fl_client *, int64_t now, struct fl_out *);

#endif
