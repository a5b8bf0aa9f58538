// SPDX-License-Identifier: ISC
/*
 * dhcpd-pxe sockets.  Replies to a client without an address go through
 * an AF_PACKET socket as a whole IPv4/UDP datagram addressed to chaddr
 * (or ff:ff:ff:ff:ff:ff): the alternative, SIOCSARP before a UDP send,
 * would need CAP_NET_ADMIN for the daemon's whole life.  A packet socket
 * opened with protocol 0 receives nothing, and sending on it needs no
 * capability once it exists.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <netinet/in.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "common/pktinfo.h"
#include "dhcpd-pxe/dhcp_frame.h"
#include "dhcpd-pxe/netio.h"

static bool
netio_wanted(const struct netio *io, const char *name)
{
	size_t i;

	if (io->nnames == 0)
		return strcmp(name, "lo") != 0;
	for (i = 0; i < io->nnames; i++)
		if (strcmp(io->names[i], name) == 0)
			return true;
	return false;
}

int
netio_refresh(struct netio *io)
{
	struct ifaddrs *ifa, *a;
	struct netif *nf;
	size_t i;

	if (getifaddrs(&ifa) == -1) {
		log_warn("getifaddrs");
		return -1;
	}
	io->nifs = 0;
	for (a = ifa; a != NULL; a = a->ifa_next) {
		if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET ||
		    !netio_wanted(io, a->ifa_name))
			continue;
		for (i = 0; i < io->nifs; i++)
			if (strcmp(io->ifs[i].name, a->ifa_name) == 0)
				break;
		if (i < io->nifs || io->nifs == NETIO_IFMAX)
			continue;	/* first address only */
		nf = &io->ifs[io->nifs++];
		strlcpy(nf->name, a->ifa_name, sizeof(nf->name));
		nf->index = (int)if_nametoindex(a->ifa_name);
		nf->addr = ntohl(((struct sockaddr_in *)(void *)
		    a->ifa_addr)->sin_addr.s_addr);
	}
	freeifaddrs(ifa);
	for (i = 0; i < io->nnames; i++)
		if (netio_if_byname(io, io->names[i]) == NULL)
			log_warnx("%s: no IPv4 address, not served",
			    io->names[i]);
	return 0;
}

const struct netif *
netio_if(const struct netio *io, int index)
{
	size_t i;

	for (i = 0; i < io->nifs; i++)
		if (io->ifs[i].index == index)
			return &io->ifs[i];
	return NULL;
}

const struct netif *
netio_if_byname(const struct netio *io, const char *name)
{
	size_t i;

	for (i = 0; i < io->nifs; i++)
		if (strcmp(io->ifs[i].name, name) == 0)
			return &io->ifs[i];
	return NULL;
}

/* A UDP socket on port, for the interfaces asked for; -1 (logged). */
static int
netio_udp(const struct netio *io, uint16_t port)
{
	struct sockaddr_in sin;
	int s, on = 1, rcvbuf = NETIO_RCVBUF;

	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
	    0)) == -1 ||
	    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == -1 ||
	    setsockopt(s, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) == -1 ||
	    setsockopt(s, IPPROTO_IP, IP_PKTINFO, &on, sizeof(on)) == -1) {
		log_warn("UDP socket");
		return -1;
	}
	/*
	 * A rack powered on at once sends its DISCOVERs in one burst: room
	 * for about 2000 of them, so few are lost and retried seconds later.
	 * Past net.core.rmem_max only as root (SO_RCVBUFFORCE); else the
	 * kernel's cap, which is no reason to fail.
	 */
	if (setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
	    sizeof(rcvbuf)) == -1)
		(void)setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
		    sizeof(rcvbuf));
	/* One interface: let the kernel filter (the option needs root). */
	if (io->nnames == 1 && setsockopt(s, SOL_SOCKET, SO_BINDTODEVICE,
	    io->names[0], (socklen_t)strlen(io->names[0])) == -1) {
		log_warn("SO_BINDTODEVICE %s", io->names[0]);
		close(s);
		return -1;
	}
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
		log_warn("bind to port %d", port);
		close(s);
		return -1;
	}
	return s;
}

int
netio_open_bs(struct netio *io)
{
	return (io->bs = netio_udp(io, DHCP_PXE_BS_PORT)) == -1 ? -1 : 0;
}

int
netio_open(struct netio *io, char *const *names, size_t nnames)
{
	io->names = names;
	io->nnames = nnames;
	io->bs = -1;
	if ((io->udp = netio_udp(io, DHCP_SERVER_PORT)) == -1)
		return -1;
	if ((io->pkt = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1) {
		log_warn("packet socket");
		return -1;
	}
	return 0;
}

ssize_t
netio_recv(struct netio *io, int fd, uint8_t *buf, size_t cap,
    const struct netif **ifp, uint32_t *src, uint16_t *sport)
{
	struct sockaddr_in sin;
	struct in_pktinfo pi;
	ssize_t n;

	for (;;) {
		if ((n = pktinfo_recv(fd, buf, cap, 0, &sin, &pi,
		    NULL)) == -1)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		/* No IP_PKTINFO (ifindex 0): no interface. */
		*ifp = pi.ipi_ifindex != 0 ? netio_if(io, pi.ipi_ifindex) :
		    NULL;
		if (*ifp == NULL || (*ifp)->addr == 0)
			continue;	/* not an interface we serve */
		*src = ntohl(sin.sin_addr.s_addr);
		*sport = ntohs(sin.sin_port);
		return n;
	}
}

/* Broadcast or unicast-to-chaddr: a whole datagram on the packet socket. */
static int
netio_send_raw(struct netio *io, const struct netif *nf,
    const struct dhcp_result *r, const uint8_t chaddr[6])
{
	uint8_t frame[DHCP_FRAME_HDR + DHCP_MAX_LEN];
	struct sockaddr_ll sll;
	ssize_t n;

	n = dhcp_frame(frame, sizeof(frame), nf->addr, r->dst_ip,
	    DHCP_SERVER_PORT, r->dst_port, r->pkt, r->len);
	if (n < 0)
		return -1;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_IP);
	sll.sll_ifindex = nf->index;
	sll.sll_halen = 6;
	if (r->dest == DHCP_DST_CHADDR)
		memcpy(sll.sll_addr, chaddr, 6);
	else
		memset(sll.sll_addr, 0xff, 6);
	return sendto(io->pkt, frame, (size_t)n, 0, (struct sockaddr *)&sll,
	    sizeof(sll)) == n ? 0 : -1;
}

int
netio_send(struct netio *io, const struct netif *nf,
    const struct dhcp_result *r, const uint8_t chaddr[6])
{
	union {
		struct cmsghdr	hdr;
		uint8_t		buf[CMSG_SPACE(sizeof(struct in_pktinfo))];
	} cbuf;
	struct sockaddr_in sin;
	struct iovec iov;
	struct msghdr msg;
	struct in_pktinfo pi;
	struct cmsghdr *cm;

	if (r->dest == DHCP_DST_BROADCAST || r->dest == DHCP_DST_CHADDR)
		return netio_send_raw(io, nf, r, chaddr);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(r->dst_port);
	sin.sin_addr.s_addr = htonl(r->dst_ip);
	iov.iov_base = (void *)(uintptr_t)r->pkt;
	iov.iov_len = r->len;
	memset(&msg, 0, sizeof(msg));
	msg.msg_name = &sin;
	msg.msg_namelen = sizeof(sin);
	msg.msg_iov = &iov;
	msg.msg_iovlen = 1;
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	/* Source: the address of the interface the request came in on. */
	memset(&pi, 0, sizeof(pi));
	pi.ipi_spec_dst.s_addr = htonl(nf->addr);
	cm = CMSG_FIRSTHDR(&msg);
	cm->cmsg_level = IPPROTO_IP;
	cm->cmsg_type = IP_PKTINFO;
	cm->cmsg_len = CMSG_LEN(sizeof(pi));
	memcpy(CMSG_DATA(cm), &pi, sizeof(pi));
	return sendmsg(r->dest == DHCP_DST_PEER ? io->bs : io->udp, &msg, 0) ==
	    (ssize_t)r->len ? 0 : -1;
}
