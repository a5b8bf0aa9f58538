// SPDX-License-Identifier: ISC
/* recvmsg(2) with IP_PKTINFO's control message read out. */
#include <sys/socket.h>

#include <string.h>

#include "common/pktinfo.h"

ssize_t
pktinfo_recv(int s, void *buf, size_t cap, int flags,
    struct sockaddr_in *from, struct in_pktinfo *pi, bool *truncated)
{
	union {
		struct cmsghdr	hdr;
		uint8_t		buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
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
	if ((n = recvmsg(s, &msg, flags)) == -1)
		return -1;
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO)
			memcpy(pi, CMSG_DATA(c), sizeof(*pi));
	if (truncated != NULL)
		*truncated = (msg.msg_flags & MSG_TRUNC) != 0;
	return n;
}
