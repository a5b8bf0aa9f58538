/* SPDX-License-Identifier: ISC */
/* The starter root's scripts (initsh.c), written by starter.c. */
#ifndef MKROOTFS_STARTER_H
#define MKROOTFS_STARTER_H

extern const char	starter_init[];		/* /init */
extern const char	starter_udhcpc[];	/* /etc/udhcpc.script */

#endif
