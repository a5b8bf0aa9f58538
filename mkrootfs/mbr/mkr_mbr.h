/* SPDX-License-Identifier: ISC */
/*
 * The reboot boot sector (seed 000): a master boot record whose code resets
 * the machine, so a node whose network boot failed and that falls through
 * to its local disk starts over.  The builder keeps the partition table
 * (bytes 446-509)
 * and the disk signature (440-445), sets the 0x55AA signature, and refuses to replace
 * another boot loader's code.  Pure: 512-byte buffers in and out.
 */
#ifndef MKROOTFS_MKR_MBR_H
#define MKROOTFS_MKR_MBR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MBR_SIZE	512
/*
 * Code area: bytes 0-439.  Bytes 440-445 hold the disk signature (Linux
 * PARTUUID, Windows) and are kept with the partition table (446-509).
 */
#define MBR_CODE_LEN	440
#define MBR_SIG_OFF	510

/* What the code area of an existing sector holds. */
enum mbr_kind {
	MBR_EMPTY,	/* all zero: nothing to lose */
	MBR_OURS,	/* this stub already */
	MBR_SEED,	/* the seed's "lidt [0]; int 3" */
	MBR_OTHER	/* another boot loader, or unknown bytes */
};

/* The stub, and where its two fallback resets sit (tests NOP them out). */
extern const uint8_t	mbr_stub[];
extern const size_t	mbr_stub_len;
extern const uint8_t	mbr_seed[];
extern const size_t	mbr_seed_len;
#define MBR_STUB_FALLBACK_OFF	0x0f
#define MBR_STUB_FALLBACK_LEN	10

enum mbr_kind	mbr_classify(const uint8_t old[MBR_SIZE]);
const char	*mbr_kind_name(enum mbr_kind);
/*
 * Writes into out the old sector with the stub as code (the rest of the
 * code area zeroed), its partition table and 0x55AA.  Refuses MBR_OTHER
 * unless force: -1 with *errstr.
 */
int	mbr_build(const uint8_t old[MBR_SIZE], uint8_t out[MBR_SIZE],
	    bool force, const char **errstr);
/* The same with a given code (the tests put the seed's bytes in). */
void	mbr_build_code(const uint8_t old[MBR_SIZE], const uint8_t *code,
	    size_t len, uint8_t out[MBR_SIZE]);

#endif
