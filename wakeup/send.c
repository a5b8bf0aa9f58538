// SPDX-License-Identifier: ISC
/*
 * The sockets: an AF_PACKET raw socket on -i's interface (whole frames,
 * as ether-wake writes them, source address the interface's own), or a
 * UDP socket allowed to broadcast.  Opened before the privilege drop;
 * afterwards only sendto() is used.
 */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/log.h"
#include "wakeup.h"

static void
open_raw(struct wakeup *w)
{
	struct ifreq ifr;

	if (strlen(w->iface) >= sizeof(ifr.ifr_name)) {
		log_warnx("%s: interface name too long", w->iface);
		exit(EX_USAGE);
	}
	/*
	 * Protocol 0: a send-only socket.  No frame is ever queued to it, so
	 * nothing untrusted is read after the privilege drop.
	 */
	if ((w->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0)) == -1) {
		if (errno == EPERM || errno == EACCES) {
			log_warn("raw socket (needs CAP_NET_RAW; --udp does "
			    "not)");
			exit(EX_NOPERM);
		}
		log_warn("raw socket");
		exit(EX_OSERR);
	}
	memset(&ifr, 0, sizeof(ifr));
	strlcpy(ifr.ifr_name, w->iface, sizeof(ifr.ifr_name));
	if (ioctl(w->fd, SIOCGIFINDEX, &ifr) == -1) {
		log_warn("%s", w->iface);
		exit(errno == ENODEV ? EX_USAGE : EX_OSERR);
	}
	w->ifindex = ifr.ifr_ifindex;
	if (ioctl(w->fd, SIOCGIFHWADDR, &ifr) == -1) {
		log_warn("%s: hardware address", w->iface);
		exit(EX_OSERR);
	}
	if (ifr.ifr_hwaddr.sa_family != ARPHRD_ETHER) {
		log_warnx("%s: not an Ethernet interface", w->iface);
		exit(EX_USAGE);
	}
	/* ether-wake's source address: the sending interface's own. */
	memcpy(w->src, ifr.ifr_hwaddr.sa_data, MAC_LEN);
}

void
send_open(struct wakeup *w)
{
	int on = 1;

	if (!w->udp) {
		open_raw(w);
		return;
	}
	if ((w->fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1 ||
	    setsockopt(w->fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on)) ==
	    -1) {
		log_warn("udp socket");
		exit(EX_OSERR);
	}
}

static void
hexdump(const char *what, const uint8_t *p, size_t len)
{
	size_t i;

	fprintf(stderr, "%s (%zu bytes):", what, len);
	for (i = 0; i < len; i++)
		fprintf(stderr, "%s%02x", i % 16 == 0 ? "\n  " : " ", p[i]);
	fputc('\n', stderr);
}

int
send_magic(struct wakeup *w, const uint8_t mac[MAC_LEN])
{
	uint8_t buf[WOL_FRAME_MAX];
	struct sockaddr_ll sll;
	struct sockaddr_in sin;
	struct wbuf wb;
	char ms[MAC_STRLEN], ips[IP4_STRLEN];
	ssize_t len, n;

	wbuf_init(&wb, buf, sizeof(buf));
	if (w->udp)
		wol_payload_put(&wb, mac, &w->pw);
	else
		wol_frame_put(&wb, mac, w->src, w->bcast, &w->pw);
	if ((len = wbuf_len(&wb)) == -1)
		fatalx("magic packet overflow");
	if (w->debug > 0)
		hexdump(w->udp ? "UDP payload" : "frame", buf, (size_t)len);
	if (w->udp) {
		memset(&sin, 0, sizeof(sin));
		sin.sin_family = AF_INET;
		sin.sin_port = htons(w->port);
		sin.sin_addr.s_addr = htonl(w->to);
		n = sendto(w->fd, buf, (size_t)len, 0,
		    (struct sockaddr *)&sin, sizeof(sin));
	} else {
		memset(&sll, 0, sizeof(sll));
		sll.sll_family = AF_PACKET;
		sll.sll_ifindex = w->ifindex;
		/* The frame goes out as written; sll_addr is only its
		 * destination repeated for the kernel. */
		sll.sll_halen = MAC_LEN;
		memcpy(sll.sll_addr, buf, MAC_LEN);
		n = sendto(w->fd, buf, (size_t)len, 0,
		    (struct sockaddr *)&sll, sizeof(sll));
	}
	if (n != len) {
		log_warn("%s: send to %s", mac_ntoa(mac, ms), w->udp ?
		    ip4_ntoa(w->to, ips) : w->iface);
		return -1;
	}
	if (log_getverbose() > 0)
		log_info("%s: magic packet sent %s %s", mac_ntoa(mac, ms),
		    w->udp ? "to" : "on", w->udp ? ip4_ntoa(w->to, ips) :
		    w->iface);
	return 0;
}
