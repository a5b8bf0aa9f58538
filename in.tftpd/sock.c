// SPDX-License-Identifier: ISC
/* A transfer socket's system side; see sock.h. */
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <net/if.h>
#include <net/if_arp.h>
#include <stdlib.h>
#include <string.h>

#include "in.tftpd/sock.h"

int
sock_bind(const struct tftpd *d, int s, struct in_addr local)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr = local };
	unsigned n, i, first;

	if (d->port_lo == 0)
		return bind(s, (struct sockaddr *)&sin, sizeof(sin));
	n = (unsigned)(d->port_hi - d->port_lo) + 1;
	first = arc4random_uniform(n);
	for (i = 0; i < n; i++) {
		sin.sin_port = htons((uint16_t)(d->port_lo + (first + i) % n));
		if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == 0)
			return 0;
	}
	return -1;
}

uint16_t
sock_blksize_max(const struct tftpd *d, int s, int ifindex)
{
	struct ifreq ifr;
	uint16_t max = d->blksize_max;

	memset(&ifr, 0, sizeof(ifr));
	if (ifindex > 0 && if_indextoname((unsigned)ifindex,
	    ifr.ifr_name) != NULL && ioctl(s, SIOCGIFMTU, &ifr) == 0 &&
	    ifr.ifr_mtu > 32 + 8 && ifr.ifr_mtu - 32 < max)
		max = (uint16_t)(ifr.ifr_mtu - 32);
	return max;
}

void
sock_client_mac(const struct tftpd *d, int s, const struct tftpd_req *r,
    char mac[MAC_PXESTRLEN])
{
	struct arpreq ar;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ar.arp_pa;

	mac[0] = '\0';
	if (d->remap.n == 0 || r->ifindex <= 0)
		return;
	memset(&ar, 0, sizeof(ar));
	sin->sin_family = AF_INET;
	sin->sin_addr = r->peer.sin_addr;
	if (if_indextoname((unsigned)r->ifindex, ar.arp_dev) == NULL ||
	    ioctl(s, SIOCGARP, &ar) == -1 || !(ar.arp_flags & ATF_COM))
		return;
	mac_pxelinux((const uint8_t *)ar.arp_ha.sa_data, mac);
}
