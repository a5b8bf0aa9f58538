/* SPDX-License-Identifier: ISC */
/*
 * When a simulated PXE client retransmits, and when it gives up: the wait
 * after each transmission of a DHCP message, an ARP request or a TFTP
 * request/ACK, as the firmware and pxelinux do it.  Waits are in
 * microseconds.  A sequence is a table of waits: after transmission k
 * (0-based) the client waits fl_sched_wait(..., k, ...); when that wait
 * expires it sends transmission k + 1 if fl_sched_wait(..., k + 1, ...)
 * is not -1, and otherwise gives up.  Where the real client's timer has
 * jitter, `rnd' (any 64 random bits) draws it.
 *
 * DHCP, three schedules (-S):
 *   FL_S_PXE   the PXE 2.1 specification: DISCOVER 4, 8, 16, 32 s; REQUEST
 *              1, 2, 3, 4 s; each randomised as RFC 2131 4.1 asks (a
 *              uniform -1..+1 s; +-1/4 of the wait for the shorter REQUEST
 *              waits), so that a fleet that lost its first DISCOVER does
 *              not retransmit in step.
 *   FL_S_IPXE  iPXE (src/config/dhcp.h, src/net/retry.c): DISCOVER 1, 2,
 *              4, 8 s, then gives up (15 s); REQUEST 0.25 s doubling to 8 s
 *              (15.75 s); no jitter.
 *   FL_S_EDK2  EDK2/OVMF PxeBcDxe (mPxeDhcpTimeout) and Dhcp4Dxe
 *              (mDhcp4DefaultTimeout): 4, 8, 16, 32 s for both; no jitter.
 * Which offer ends the discovery is part of the schedule: see
 * fl_sched_take_offer().
 *
 * Fixed by what the client is:
 *   FL_W_ARP       iPXE's neighbour timer: 0.125 s doubling, over 3 s fails.
 *   FL_W_IPXE_TFTP iPXE's TFTP (it fetches pxelinux.0): 0.25 s doubling,
 *                  over 10 s fails (6 transmissions, 15.75 s).  iPXE also
 *                  smooths the wait by the round trip it measures; on a LAN
 *                  that stays at the 0.25 s floor, which is what this uses.
 *   FL_W_PXELINUX  pxelinux's TimeoutTable (core/fs/pxe/tftp.c): 31 waits
 *                  of 2, 2, 3, ... 255 BIOS ticks (54.925 ms), about 131 s in
 *                  all; restarted for every DATA block.  pxelinux compares
 *                  tick counts, so a wait of t ticks lasts between t - 1 and
 *                  t ticks: the phase of the tick is the jitter.
 * Pure.
 */
#ifndef FL_SCHED_H
#define FL_SCHED_H

#include <stdbool.h>
#include <stdint.h>

enum fl_sched {
	FL_S_PXE,
	FL_S_IPXE,
	FL_S_EDK2
};

enum fl_wait {
	FL_W_DISCOVER,
	FL_W_REQUEST,
	FL_W_ARP,
	FL_W_IPXE_TFTP,
	FL_W_PXELINUX
};

#define FL_TICK_US		54925	/* one 18.2 Hz BIOS tick */
#define FL_IPXE_PROXY_US	2000000	/* DHCP_DISC_PROXY_TIMEOUT_SEC */

/* "pxe", "ipxe", "edk2": 0, or -1. */
int	fl_sched_parse(const char *, enum fl_sched *);
const char *fl_sched_name(enum fl_sched);

/* The wait after transmission k, or -1: transmission k is never made. */
int64_t	fl_sched_wait(enum fl_sched, enum fl_wait, unsigned k, uint64_t rnd);

/*
 * Whether a client that holds an offer sends its REQUEST now.  pxeclient:
 * the offer carries option 60 "PXEClient" (the DHCP server is also the PXE
 * server); elapsed: since the first DISCOVER; expired: asked when a
 * DISCOVER wait ran out (else when the offer arrived).  iPXE takes a
 * PXEClient offer at once, another after 2 s spent waiting for ProxyDHCP
 * (at its next timer expiry: 3 s); EDK2 collects offers until the first
 * wait runs out (PxeBcDhcp4CallBack answers EFI_NOT_READY to each); under
 * the PXE schedule a PXEClient offer is taken at once and another at the
 * end of the wait it came in, as EDK2 does.  (iPXE's config/dhcp.h reads
 * the specification as waiting through the 4 and 8 s timeouts, 11 s, for
 * ProxyDHCP; no firmware source here does that, so neither does this.)
 */
bool	fl_sched_take_offer(enum fl_sched, bool pxeclient, int64_t elapsed,
	    bool expired);

/* The next 64 random bits of a splitmix64 sequence. */
uint64_t fl_rand(uint64_t *state);

#endif
