// SPDX-License-Identifier: ISC
/* dhcpd.conf, ethers(5) and hosts(5) read through held directory fds. */
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

static int
conf_ethers(struct confdirs *d, struct dhcpconf *c, struct perr *err)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	char *eb = NULL, *hb = NULL;
	size_t el, hl;
	int r = -1;

	if (conf_read(d, c->ethers_path, &eb, &el, err) == 0 &&
	    conf_read(d, c->hosts_path, &hb, &hl, err) == 0 &&
	    ethers_parse(&e, eb, el, c->ethers_path, err) == 0 &&
	    hosts_parse(&h, hb, hl, c->hosts_path, err) == 0)
		r = dhcpconf_add_ethers(c, &e, c->ethers_path, &h, err);
	free(eb);
	free(hb);
	ethers_free(&e);
	hosts_free(&h);
	return r;
}

int
conf_load(struct confdirs *d, const char *cf, bool extra, struct dhcpconf *c,
    struct perr *err)
{
	struct dhcpconf n;
	char *buf;
	size_t len;
	int r;

	if (conf_read(d, cf, &buf, &len, err) == -1)
		return -1;
	r = dhcpconf_parse(&n, buf, len, cf, err);
	free(buf);
	if (r == -1)
		return -1;
	if (extra && !n.ethers_hosts) {
		n.ethers_hosts = true;
		strlcpy(n.ethers_path, "/etc/ethers", sizeof(n.ethers_path));
		strlcpy(n.hosts_path, "/etc/hosts", sizeof(n.hosts_path));
	}
	if (n.ethers_hosts && conf_ethers(d, &n, err) == -1) {
		dhcpconf_free(&n);
		return -1;
	}
	*c = n;
	return 0;
}
