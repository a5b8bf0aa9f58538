// SPDX-License-Identifier: ISC
/*
 * Reading the inputs.  A default path that does not exist is skipped (a
 * site may list its nodes only in dhcpd.conf, or only in ethers); a path
 * given on the command line must exist.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "load.h"
#include "pxecfg_dhcp.h"

void
load_opts_init(struct load_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->root = "/tftpboot";
	o->dhcpd = "/etc/dhcpd.conf";
	o->ethers = "/etc/ethers";
	o->hosts = "/etc/hosts";
	o->conf = "/etc/pxecfg-gen.conf";
}

/* Should path be read?  A missing default is skipped; "none" never. */
static bool
load_wanted(const char *path, bool given, bool verbose)
{
	if (strcmp(path, "none") == 0)
		return false;
	if (!given && access(path, F_OK) == -1 && errno == ENOENT) {
		if (verbose)
			fprintf(stderr, "pxecfg-gen: %s: not present, "
			    "skipped\n", path);
		return false;
	}
	if (verbose)
		fprintf(stderr, "pxecfg-gen: reading %s\n", path);
	return true;
}

static void
load_read_fail(const char *path)
{
	errx(errno == ENOENT ? EX_NOINPUT : EX_IOERR, "%s: %s", path,
	    file_strerror(errno));
}

static void
load_flags(const struct load_opts *o, struct pxecfg_conf *c)
{
	if (o->kernel[0] != '\0')
		strlcpy(c->kernel, o->kernel, sizeof(c->kernel));
	if (o->initrd[0] != '\0')
		strlcpy(c->initrd, o->initrd, sizeof(c->initrd));
	if (o->set_append)
		strlcpy(c->append, o->append, sizeof(c->append));
	if (o->profile[0] != '\0') {
		if (pxecfg_conf_profile(c, o->profile) == NULL)
			errx(EX_USAGE, "-p %s: no such profile", o->profile);
		strlcpy(c->profile, o->profile, sizeof(c->profile));
		if (c->group_line == 0 && c->group[0] != '\0')
			strlcpy(c->group, o->profile, sizeof(c->group));
		if (c->dflt_line == 0 && c->dflt[0] != '\0')
			strlcpy(c->dflt, o->profile, sizeof(c->dflt));
	}
	if (o->names != 0)
		c->names = o->names;
	if (o->ipxe)
		c->ipxe = true;
	if (o->grub)
		c->grub = true;
	if (o->http[0] != '\0')
		strlcpy(c->http, o->http, sizeof(c->http));
	if (o->no_group)
		c->group[0] = '\0';
	if (o->no_default)
		c->dflt[0] = '\0';
}

void
load_conf(const struct load_opts *o, struct pxecfg_conf *c)
{
	struct perr e;
	char *buf;
	size_t len;

	pxecfg_conf_init(c);
	c->file = o->conf;
	if (load_wanted(o->conf, o->conf_given, o->verbose)) {
		if (file_read(o->conf, FILE_READ_MAX, &buf, &len) == -1)
			load_read_fail(o->conf);
		if (pxecfg_conf_parse(c, buf, len, o->conf, &e) == -1)
			errx(EX_CONFIG, "%s", e.msg);
		free(buf);
	}
	load_flags(o, c);
	if (pxecfg_conf_check(c, &e) == -1)
		errx(EX_CONFIG, "%s", e.msg);
}

/* The subnet the command line describes, when there is no dhcpd.conf. */
static void
load_flag_subnet(const struct load_opts *o, struct pxecfg_nodes *t)
{
	struct pxecfg_subnet s;
	struct perr e;

	memset(&s, 0, sizeof(s));
	s.mask = o->netmask;
	s.net = o->server & o->netmask;
	s.server = o->server;
	s.gateway = o->gateway;
	s.file = "command line";
	if (pxecfg_subnet_add(t, &s, &e) == -1)
		errx(EX_OSERR, "%s", e.msg);
}

/* dhcpd.conf's subnets and host blocks, through dhcpd-pxe's parser. */
static void
load_dhcpd(const struct load_opts *o, struct dhcpconf *dc,
    struct pxecfg_nodes *t)
{
	struct perr e;

	if (!load_wanted(o->dhcpd, o->dhcpd_given, o->verbose))
		return;
	if (dhcpconf_load(dc, o->dhcpd, DC_LOAD_NOETHERS, &dhcpconf_files,
	    &e) == -1) {
		if (e.line == 0)
			errx(errno == ENOENT ? EX_NOINPUT : EX_IOERR, "%s",
			    e.msg);
		errx(EX_DATAERR, "%s", e.msg);
	}
	if (pxecfg_from_dhcpconf(t, dc, &e) == -1)
		errx(EX_DATAERR, "%s", e.msg);
}

/*
 * ethers + hosts; the paths of a dhcpd.conf `ethers-hosts' statement are
 * the defaults when -e and -H are not given.
 */
static void
load_ethers(const struct load_opts *o, const struct dhcpconf *dc,
    struct pxecfg_nodes *t)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	struct perr pe;
	const char *ethers = o->ethers, *hosts = o->hosts;
	bool given = o->ethers_given;

	if (dc->ethers_hosts && !o->ethers_given && dc->ethers_path[0] != '\0') {
		ethers = dc->ethers_path;
		given = true;
	}
	if (dc->ethers_hosts && !o->hosts_given && dc->hosts_path[0] != '\0')
		hosts = dc->hosts_path;
	if (!load_wanted(ethers, given, o->verbose))
		return;
	if (ethers_load(&e, ethers, &pe) == -1 ||
	    hosts_load(&h, hosts, &pe) == -1) {
		if (pe.line == 0)
			errx(errno == ENOENT ? EX_NOINPUT : EX_IOERR, "%s",
			    pe.msg);
		errx(EX_DATAERR, "%s", pe.msg);
	}
	if (pxecfg_nodes_from_ethers(t, &e, &h, ethers, &pe) == -1)
		errx(EX_DATAERR, "%s", pe.msg);
	ethers_free(&e);
	hosts_free(&h);
}

void
load_nodes(const struct load_opts *o, struct dhcpconf *dc,
    struct pxecfg_nodes *t)
{
	struct perr e;
	size_t i;

	load_dhcpd(o, dc, t);
	load_ethers(o, dc, t);
	if (o->has_netmask)
		load_flag_subnet(o, t);
	for (i = 0; i < t->nsub; i++) {
		if (t->sub[i].server == 0)
			t->sub[i].server = o->server;
		if (t->sub[i].gateway == 0)
			t->sub[i].gateway = o->gateway;
	}
	if (t->nsub == 0 && t->n > 0)
		errx(EX_USAGE, "no subnet: give a dhcpd.conf (-c), or "
		    "--server and --netmask");
	if (pxecfg_nodes_assign(t, &e) == -1)
		errx(EX_DATAERR, "%s", e.msg);
}
