/* SPDX-License-Identifier: ISC */
/* The TFTP phases of one client (fl_boot.c), for the dispatch. */
#ifndef FL_BOOT_H
#define FL_BOOT_H

#include "fleet/fl_cbase.h"

void	fl_c_boot_start(struct fl_client *, int64_t now, struct fl_out *);
void	fl_c_boot_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
void	fl_c_boot_timer(struct fl_client *, int64_t now, struct fl_out *);
/* Records the transfer under way as ended by `why'. */
void	fl_c_boot_abort(struct fl_client *, int64_t now, const char *why,
	    struct fl_out *);

#endif
