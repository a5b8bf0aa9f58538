// SPDX-License-Identifier: ISC
/*
 * The retransmission tables of fl_sched.h.  Every number here comes from
 * the source named beside it; the randomisation of the PXE schedule is
 * RFC 2131's, the only one in the specifications the PXE client builds on.
 */
#include <string.h>

#include "fleet/fl_sched.h"

#define SEC	1000000LL

/* pxelinux core/fs/pxe/tftp.c TimeoutTable, in BIOS ticks. */
static const uint8_t pxelinux_ticks[] = {
	2, 2, 3, 3, 4, 5, 6, 7, 9, 10, 12, 15, 18, 21, 26, 31, 37, 44,
	53, 64, 77, 92, 110, 132, 159, 191, 229, 255, 255, 255, 255
};

static const char *const names[] = { "pxe", "ipxe", "edk2" };

int
fl_sched_parse(const char *s, enum fl_sched *sp)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*sp = (enum fl_sched)i;
			return 0;
		}
	return -1;
}

const char *
fl_sched_name(enum fl_sched s)
{
	return (size_t)s < sizeof(names) / sizeof(names[0]) ? names[s] : "?";
}

uint64_t
fl_rand(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* w plus a uniform jitter in -j..+j (microseconds). */
static int64_t
jitter(int64_t w, int64_t j, uint64_t rnd)
{
	return w - j + (int64_t)(rnd % (uint64_t)(2 * j + 1));
}

static int64_t
dhcp_wait(enum fl_sched s, enum fl_wait w, unsigned k, uint64_t rnd)
{
	int64_t t;

	switch (s) {
	case FL_S_PXE:
		if (k >= 4)
			return -1;
		if (w == FL_W_DISCOVER)
			return jitter((4 * SEC) << k, SEC, rnd);
		t = (int64_t)(k + 1) * SEC;
		return jitter(t, t / 4, rnd);
	case FL_S_IPXE:
		/*
		 * 1 s doubling: the expiry after the 8 s wait doubles to 16 s,
		 * over DHCP_DISC_END_TIMEOUT_SEC (10 s), and fails.
		 */
		if (w == FL_W_DISCOVER)
			return k >= 4 ? -1 : SEC << k;
		return k >= 6 ? -1 : (SEC / 4) << k;
	case FL_S_EDK2:
		return k >= 4 ? -1 : (4 * SEC) << k;
	}
	return -1;
}

int64_t
fl_sched_wait(enum fl_sched s, enum fl_wait w, unsigned k, uint64_t rnd)
{
	switch (w) {
	case FL_W_DISCOVER:
	case FL_W_REQUEST:
		return dhcp_wait(s, w, k, rnd);
	case FL_W_ARP:
		/* 0.125 s doubling; the expiry after 2 s doubles past 3 s */
		return k >= 5 ? -1 : (SEC / 8) << k;
	case FL_W_IPXE_TFTP:
		return k >= 6 ? -1 : (SEC / 4) << k;
	case FL_W_PXELINUX:
		if (k >= sizeof(pxelinux_ticks))
			return -1;
		return (int64_t)(pxelinux_ticks[k] - 1) * FL_TICK_US +
		    (int64_t)(rnd % FL_TICK_US) + 1;
	}
	return -1;
}

bool
fl_sched_take_offer(enum fl_sched s, bool pxeclient, int64_t elapsed,
    bool expired)
{
	switch (s) {
	case FL_S_IPXE:
		return pxeclient || elapsed > FL_IPXE_PROXY_US;
	case FL_S_EDK2:
		return expired;
	case FL_S_PXE:
		return pxeclient || expired;
	}
	return true;
}
