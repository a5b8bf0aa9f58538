/* SPDX-License-Identifier: ISC */
/*
 * The interrupt flag: SIGINT, SIGTERM and SIGHUP only set it, and every
 * long loop (copy, walk, archive, compress, mke2fs, e2fsck) checks it, so
 * an interrupted build unwinds through its normal cleanup.
 */
#ifndef MKROOTFS_INTERRUPT_H
#define MKROOTFS_INTERRUPT_H

#include <signal.h>

/* The signal that came, or 0. */
extern volatile sig_atomic_t	mkr_signal;

/* Installs the handler for SIGINT, SIGTERM and SIGHUP. */
void	mkr_catch_signals(void);
/* Non-zero once one of them came: stop at the next check. */
int	mkr_interrupted(void);

#endif
