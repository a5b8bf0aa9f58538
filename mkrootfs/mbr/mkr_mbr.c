// SPDX-License-Identifier: ISC
/*
 * The reboot stub, hand-assembled (16-bit real mode; no nasm needed).
 *
 * Why not the seed's bytes: `lidt [0]; int 3' reads the IDT descriptor at
 * DS:0.  SeaBIOS enters the MBR with DS = 0, so that is the real-mode IVT
 * itself: the limit is vector 0's offset (large), `int 3' finds a valid
 * vector and nothing faults.  The stub loads its own six zero bytes
 * instead, addressed at 0000:7Cxx after setting DS and normalising CS:IP
 * (some BIOSes jump to 07C0:0000).  With a zero limit, int 3 raises #GP,
 * which cannot be delivered either: double fault, triple fault, the CPU
 * shuts down and the chipset resets it.  Before that it tries the two
 * ordinary resets, which are quicker on real hardware.
 */
#include <string.h>

#include "mkrootfs/mbr/mkr_mbr.h"

const uint8_t mbr_stub[] = {
	0xea, 0x05, 0x7c, 0x00, 0x00,	/* 00 jmp 0000:7c05  CS:IP = 0:7c05 */
	0xfa,				/* 05 cli */
	0x31, 0xc0,			/* 06 xor ax, ax */
	0x8e, 0xd8,			/* 08 mov ds, ax     DS = 0, ours */
	0x8e, 0xd0,			/* 0a mov ss, ax */
	0xbc, 0x00, 0x7c,		/* 0c mov sp, 0x7c00 */
	0xb0, 0xfe,			/* 0f mov al, 0xfe   8042: pulse */
	0xe6, 0x64,			/* 11 out 0x64, al   the reset line */
	0xba, 0xf9, 0x0c,		/* 13 mov dx, 0x0cf9 PCI reset */
	0xb0, 0x06,			/* 16 mov al, 0x06   control: hard */
	0xee,				/* 18 out dx, al     reset + CPU */
	0x0f, 0x01, 0x1e, 0x23, 0x7c,	/* 19 lidt [0x7c23]  limit 0 */
	0xcd, 0x03,			/* 1e int 3          #GP, #DF, reset */
	0xf4,				/* 20 hlt */
	0xeb, 0xfd,			/* 21 jmp 0x20 */
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00,	/* 23 IDT: limit 0, base 0 */
};
const size_t mbr_stub_len = sizeof(mbr_stub);

/* Seed 000, as nasm assembled it: lidt [0]; int 3. */
const uint8_t mbr_seed[] = { 0x0f, 0x01, 0x1e, 0x00, 0x00, 0xcd, 0x03 };
const size_t mbr_seed_len = sizeof(mbr_seed);

static int
code_is(const uint8_t *sec, const uint8_t *code, size_t len)
{
	size_t i;

	if (memcmp(sec, code, len) != 0)
		return 0;
	for (i = len; i < MBR_CODE_LEN; i++)
		if (sec[i] != 0)
			return 0;
	return 1;
}

enum mbr_kind
mbr_classify(const uint8_t old[MBR_SIZE])
{
	if (code_is(old, mbr_stub, 0))
		return MBR_EMPTY;
	if (code_is(old, mbr_stub, mbr_stub_len))
		return MBR_OURS;
	if (code_is(old, mbr_seed, mbr_seed_len))
		return MBR_SEED;
	return MBR_OTHER;
}

const char *
mbr_kind_name(enum mbr_kind k)
{
	switch (k) {
	case MBR_EMPTY:
		return "no boot code";
	case MBR_OURS:
		return "the nodeboot reboot stub";
	case MBR_SEED:
		return "the lidt [0]; int 3 reboot code";
	default:
		return "another boot loader";
	}
}

void
mbr_build_code(const uint8_t old[MBR_SIZE], const uint8_t *code, size_t len,
    uint8_t out[MBR_SIZE])
{
	memcpy(out, old, MBR_SIZE);
	memset(out, 0, MBR_CODE_LEN);
	memcpy(out, code, len);
	out[MBR_SIG_OFF] = 0x55;
	out[MBR_SIG_OFF + 1] = 0xaa;
}

int
mbr_build(const uint8_t old[MBR_SIZE], uint8_t out[MBR_SIZE], bool force,
    const char **errstr)
{
	if (mbr_classify(old) == MBR_OTHER && !force) {
		*errstr = "boot code of another boot loader (use --force)";
		return -1;
	}
	mbr_build_code(old, mbr_stub, mbr_stub_len, out);
	return 0;
}
