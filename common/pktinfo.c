// SPDX-License-Identifier: ISC
/* recvmsg(2) with the IP_PKTINFO and SO_TIMESTAMPNS messages read out. */
#include <sys/socket.h>

#include <string.h>

#include "common/pktinfo.h"

ssize_t
pktinfo_recv(int s, void *buf, size_t cap, int flags,
    struct sockaddr_in *from, struct in_pktinfo *pi, bool *truncated)
{
	return pktinfo_recv_ts(s, buf, cap, flags, from, pi, truncated, NULL);
}

ssize_t
pktinfo_recv_ts(int s, void *buf, size_t cap, int flags,
    struct sockaddr_in *from, struct in_pktinfo *pi, bool *truncated,
    struct timespec *ts)
{
	union {
		struct cmsghdr	hdr;
		uint8_t		buf[CMSG_SPACE(sizeof(struct in_pktinfo)) +
				    CMSG_SPACE(sizeof(struct timespec))];
	} cbuf;
	struct iovec iov = { buf, cap };
	struct msghdr msg = {
		.msg_name = from, .msg_namelen = sizeof(*from),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf.buf, .msg_controllen = sizeof(cbuf.buf),
	};
	struct cmsghdr *c;
	ssize_t n;

	memset(pi, 0, sizeof(*pi));
	if (ts != NULL)
		memset(ts, 0, sizeof(*ts));
	if ((n = recvmsg(s, &msg, flags)) == -1)
		return -1;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO)
			memcpy(pi, CMSG_DATA(c), sizeof(*pi));
		else if (ts != NULL && c->cmsg_level == SOL_SOCKET &&
		    c->cmsg_type == SCM_TIMESTAMPNS)
			memcpy(ts, CMSG_DATA(c), sizeof(*ts));
	if (truncated != NULL)
		*truncated = (msg.msg_flags & MSG_TRUNC) != 0;
	return n;
}
