// SPDX-License-Identifier: ISC
/*
 * dhcpd.conf, its includes, ethers(5) and hosts(5) read through directory
 * fds held from startup, so that a SIGHUP reload works after chroot.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/fileio.h"
#include "dhcpd-pxe/conf.h"

static void
conf_err(struct perr *err, const char *path, const char *msg)
{
	perr_set(err, path, 0, "%s", msg);
}

/* The held descriptor of path's directory, opening it if still allowed. */
static int
conf_dirfd(struct confdirs *d, const char *path, const char **base,
    struct perr *err)
{
	static char b[DC_PATH_MAX];
	char dir[DC_PATH_MAX];
	size_t i;

	strlcpy(dir, path, sizeof(dir));
	strlcpy(b, path, sizeof(b));
	*base = basename(b);
	strlcpy(dir, dirname(dir), sizeof(dir));
	for (i = 0; i < d->n; i++)
		if (strcmp(d->path[i], dir) == 0)
			return d->fd[i];
	if (d->sealed || d->n == CONF_DIRS) {
		conf_err(err, path, "directory not opened at startup, "
		    "unreadable after chroot");
		return -1;
	}
	if ((d->fd[d->n] = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1) {
		conf_err(err, path, strerror(errno));
		return -1;
	}
	strlcpy(d->path[d->n], dir, sizeof(d->path[0]));
	return d->fd[d->n++];
}

static int
conf_read(struct confdirs *d, const char *path, char **buf, size_t *len,
    struct perr *err)
{
	const char *base;
	int dfd;

	if ((dfd = conf_dirfd(d, path, &base, err)) == -1)
		return -1;
	if (file_read_at(dfd, base, FILE_READ_MAX, buf, len) == -1) {
		conf_err(err, path, file_strerror(errno));
		return -1;
	}
	return 0;
}

/* dc_io read: through the held directory of path. */
static int
conf_io_read(void *arg, const char *path, char **buf, size_t *len,
    struct perr *err)
{
	return conf_read(arg, path, buf, len, err);
}

/* dc_io resolve: /etc/hosts (through the held /etc), then DNS. */
static int
conf_io_resolve(void *arg, const char *name, uint32_t *ip)
{
	struct hosts h = { 0 };
	const struct hosts_ent *e;
	struct perr err;
	char *buf;
	size_t len;
	int r = -1;

	if (conf_read(arg, "/etc/hosts", &buf, &len, &err) == 0) {
		if (hosts_parse(&h, buf, len, "/etc/hosts", &err) == 0 &&
		    (e = hosts_by_name(&h, name)) != NULL) {
			*ip = e->ip;
			r = 0;
		}
		free(buf);
		hosts_free(&h);
	}
	return r == 0 ? 0 : dhcpconf_resolve_dns(name, ip);
}

int
conf_load(struct confdirs *d, const char *cf, bool extra, struct dhcpconf *c,
    struct perr *err)
{
	const struct dc_io io = { conf_io_read, conf_io_resolve, d };

	return dhcpconf_load(c, cf, extra ? DC_LOAD_ETHERS : 0, &io, err);
}
