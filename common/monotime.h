/* SPDX-License-Identifier: ISC */
/*
 * The monotonic clock in milliseconds, for the shells' timers and
 * deadlines (poll timeouts, retransmissions, idle exits, progress rates):
 * a step of the wall clock must neither fire nor stall a timer.  Shell
 * code; the cores are given `now' by their callers.
 */
#ifndef NB_MONOTIME_H
#define NB_MONOTIME_H

#include <stdint.h>

/* CLOCK_MONOTONIC in milliseconds (from an unspecified start). */
int64_t	mono_ms(void);
int64_t	mono_us(void);

#endif
