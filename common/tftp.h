/* SPDX-License-Identifier: ISC */
/*
 * TFTP's numbers, for the server (in.tftpd) and the client (netkexec):
 * the port and opcodes (RFC 1350; OACK: RFC 2347), the error codes
 * (RFC 1350; 8: RFC 2347) and the block sizes (RFC 1350, RFC 2348).
 * Constants only: each program keeps its own protocol code.
 */
#ifndef NB_TFTP_H
#define NB_TFTP_H

#define TFTP_PORT	69

#define TFTP_RRQ	1
#define TFTP_WRQ	2
#define TFTP_DATA	3
#define TFTP_ACK	4
#define TFTP_ERROR	5
#define TFTP_OACK	6

#define TFTP_EUNDEF	0	/* not defined, see message */
#define TFTP_ENOTFOUND	1
#define TFTP_EACCESS	2
#define TFTP_ENOSPACE	3
#define TFTP_EBADOP	4
#define TFTP_EBADID	5	/* unknown transfer ID */
#define TFTP_EEXISTS	6
#define TFTP_ENOUSER	7
#define TFTP_EOPTNEG	8	/* RFC 2347 option refused */

#define TFTP_SEGSIZE	512	/* RFC 1350 block size */
#define TFTP_BLKSIZE_MIN 8	/* RFC 2348 */
#define TFTP_BLKSIZE_MAX 65464	/* RFC 2348: 65535 - 20 (IP) - 8 (UDP) - 4 */
#define TFTP_HDRLEN	4	/* opcode and block number, or error code */

#endif
