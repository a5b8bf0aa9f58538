// SPDX-License-Identifier: ISC
/*
 * The plain I/O for dhcpconf_load(): files read by path, host names
 * looked up in /etc/hosts, then in DNS (getaddrinfo), as ISC dhcpd does.
 * pxecfg-gen and the tools use it; dhcpd-pxe brings its own (its reads go
 * through directories held across chroot).
 */
#include <sys/socket.h>

#include <netinet/in.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

#include "common/fileio.h"
#include "dhcpconf/dhcpconf.h"

static int
dc_files_read(void *arg, const char *path, char **buf, size_t *len,
    struct perr *err)
{
	int saved;

	(void)arg;
	if (file_read(path, FILE_READ_MAX, buf, len) == 0)
		return 0;
	saved = errno;
	perr_set(err, path, 0, "%s", file_strerror(saved));
	errno = saved;		/* pxecfg-gen's exit status tells ENOENT */
	return -1;
}

int
dhcpconf_resolve_dns(const char *name, uint32_t *ip)
{
	struct addrinfo hints, *res;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_DGRAM;
	if (getaddrinfo(name, NULL, &hints, &res) != 0)
		return -1;
	*ip = ntohl(((struct sockaddr_in *)(void *)res->ai_addr)->
	    sin_addr.s_addr);
	freeaddrinfo(res);
	return 0;
}

static int
dc_files_resolve(void *arg, const char *name, uint32_t *ip)
{
	struct hosts h = { 0 };
	const struct hosts_ent *e;
	struct perr err;
	int r = -1;

	(void)arg;
	if (hosts_load(&h, "/etc/hosts", &err) == 0 &&
	    (e = hosts_by_name(&h, name)) != NULL) {
		*ip = e->ip;
		r = 0;
	}
	hosts_free(&h);
	return r == 0 ? 0 : dhcpconf_resolve_dns(name, ip);
}

const struct dc_io dhcpconf_files = { dc_files_read, dc_files_resolve, NULL };
