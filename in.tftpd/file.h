/* SPDX-License-Identifier: ISC */
/*
 * The file side of one transfer: finding and opening the requested file
 * beneath a served directory with the tftp-hpa permission rules, the
 * block source of an RRQ (a ring holding the current window, so a
 * retransmission resends the same bytes, netascii included) and the sink
 * of a WRQ.
 */
#ifndef TFTPD_FILE_H
#define TFTPD_FILE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "in.tftpd/tftp_ascii.h"
#include "in.tftpd/tftp_xferlog.h"
#include "in.tftpd/tftpd.h"

/*
 * The file request req from ip (its MAC for the remap rules, or "") names,
 * through the remap rules (the name they give in name[]) and the path
 * policy, opened beneath its served directory with tftp-hpa's permission
 * rules for a transfer of kind req->op; its size in *size.  Returns the
 * descriptor, or -1 with *code and *msg for the ERROR packet and *errstr
 * for the log.
 */
int	file_lookup(const struct tftpd *, const struct tftp_req *req,
	    uint32_t ip, const char *mac, char name[TFTP_FILE_MAX + 1],
	    off_t *size, uint16_t *code, const char **msg,
	    const char **errstr);

/* Appends rec's line to the transfer log (--xferlog), if there is one. */
void	file_xferlog(const struct tftpd *, const struct tftp_xferlog_rec *rec);

/*
 * Octet files are read ahead BLKSRC_RA_BYTES at a time (at most
 * BLKSRC_RA_MAX blocks), one readv() for many blocks: lock-step at 1468
 * makes 11 DATA packets per read instead of one.  A ring of 12 blocks
 * (18 KiB) at 1468 keeps 64 children smaller than tftpd-hpa's.  The reads
 * happen after a window went out (blksrc_prefetch), while the client takes
 * it, so the answer to its ACK is sent without waiting for the file.
 */
#define BLKSRC_RA_BYTES	16384
#define BLKSRC_RA_MAX	64

struct blksrc {
	int		 fd;
	bool		 ascii;
	struct tftp_ascii st;
	uint16_t	 blksize;
	size_t		 ra;		/* blocks per read (1 for netascii) */
	size_t		 slots;		/* 2 x window + ra - 1 */
	uint8_t		*ring;		/* slots x (4 + blksize): header room */
	uint16_t	*lens;
	uint64_t	 loaded;	/* last block loaded */
	bool		 eof;		/* ... and it is the last one */
	uint8_t		 in[8192];	/* netascii: raw bytes not yet encoded */
	size_t		 inoff, inlen;
	bool		 ineof;
};

int	blksrc_init(struct blksrc *, int fd, bool ascii, uint16_t blksize,
	    unsigned window);
/*
 * Block k (1-based), loading it (and the blocks read ahead with it) if
 * it is the next one: *pkt points at 4 free bytes followed by the data,
 * *len is the data length.  k must lie within the window: no further back
 * than `window' blocks from the newest one sent.  -1 on a read error.
 */
int	blksrc_get(struct blksrc *, uint64_t k, uint8_t **pkt, uint16_t *len);
/*
 * After a window from block first went out: loads blocks ahead as far as
 * the ring holds them beside first and the blocks after it, at least the
 * next window.  -1 on a read error.
 */
int	blksrc_prefetch(struct blksrc *, uint64_t first);
void	blksrc_free(struct blksrc *);

struct blksink {
	int		 fd;
	bool		 ascii;
	struct tftp_ascii st;
};

void	blksink_init(struct blksink *, int fd, bool ascii);
int	blksink_write(struct blksink *, const uint8_t *, size_t);
int	blksink_close(struct blksink *);

#endif
