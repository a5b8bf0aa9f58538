/* SPDX-License-Identifier: ISC */
/*
 * Receiving a UDP datagram with where it arrived (IP_PKTINFO, ip(7)): the
 * interface, and the local address it was sent to, even for a broadcast.
 * in.tftpd answers from that address; dhcpd-pxe serves by interface.
 * Optionally when it arrived (SO_TIMESTAMPNS): in.tftpd tells a request
 * that waited in its socket from one sent after its transfer began.
 * The caller sets IP_PKTINFO on the socket.  Shell code.
 */
#ifndef NB_PKTINFO_H
#define NB_PKTINFO_H

#include <sys/types.h>

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/*
 * One datagram of at most cap bytes from s by recvmsg(2) with flags: its
 * length, or -1 with errno.  *from gets the sender; *pi what IP_PKTINFO
 * said (ipi_ifindex, ipi_spec_dst), all zero if nothing came with it;
 * *truncated (unless NULL) whether the datagram was longer than cap.
 */
ssize_t	pktinfo_recv(int s, void *buf, size_t cap, int flags,
	    struct sockaddr_in *from, struct in_pktinfo *pi, bool *truncated);
/*
 * The same, and *ts when it arrived (the kernel's SO_TIMESTAMPNS, which
 * the caller sets; CLOCK_REALTIME), all zero if no time came with it.
 */
ssize_t	pktinfo_recv_ts(int s, void *buf, size_t cap, int flags,
	    struct sockaddr_in *from, struct in_pktinfo *pi, bool *truncated,
	    struct timespec *ts);

#endif
