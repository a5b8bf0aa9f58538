// SPDX-License-Identifier: ISC
/*
 * pxecfg-gen: writes the pxelinux.cfg/ file of every node from /etc/ethers,
 * /etc/hosts and dhcpd.conf.  This file is the shell: options, loading the
 * inputs, then handing them to the pure core (pxecfg_*.c) and the result to
 * sync.c.  Every input is checked before anything is written: an error
 * anywhere leaves the TFTP root as it was.  The inputs are root's own
 * configuration files, not untrusted bytes, so no privilege is dropped;
 * what is written stays under the TFTP root given with -d.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "pxeconf/pxename.h"
#include "load.h"
#include "pxecfg_grub.h"
#include "pxecfg_plan.h"
#include "pxecfg_url.h"
#include "sync.h"

static void __attribute__((__noreturn__))
usage(int status)
{
	FILE *f = status == 0 ? stdout : stderr;

	fprintf(f,
"usage: pxecfg-gen [-fnv] [-d tftproot] [-c dhcpd.conf] [-e ethers]\n"
"           [-H hosts] [-C pxecfg-gen.conf] [-k kernel] [-i initrd]\n"
"           [-a append] [-p profile] [--names ip|mac|ip,mac] [--ipxe]\n"
"           [--grub] [--http url] [--no-group] [--no-default] [--server ip]\n"
"           [--gateway ip] [--netmask mask]\n"
"       pxecfg-gen -L host|mac|ip [-u uuid] [input options]\n"
"\n"
"Writes pxelinux.cfg/<HEXIP> for every node of /etc/ethers + /etc/hosts and\n"
"of dhcpd.conf host blocks, a group file per subnet, and pxelinux.cfg/default,\n"
"atomically; removes the files it wrote for nodes that are gone.\n"
"\n"
"  -d, --root DIR        TFTP root (default /tftpboot)\n"
"  -c, --dhcpd FILE      dhcpd.conf for subnets and host blocks\n"
"                        (default /etc/dhcpd.conf if present; \"none\")\n"
"  -e, --ethers FILE     ethers(5) (default /etc/ethers if present)\n"
"  -H, --hosts FILE      hosts(5) (default /etc/hosts)\n"
"  -C, --config FILE     profiles and templates, pxecfg-gen.conf(5)\n"
"                        (default /etc/pxecfg-gen.conf if present)\n"
"  -k, --kernel NAME     kernel file under the TFTP root (default linux)\n"
"  -i, --initrd NAME     initrd file (default rootfs.gz)\n"
"  -a, --append ARGS     extra kernel arguments for every profile\n"
"  -p, --profile NAME    nodes' default profile: ramdisk (default),\n"
"                        initramfs, nfs, local, or one of the config\n"
"      --names LIST      per-node names: ip (default), mac, or ip,mac\n"
"      --ipxe            also write ipxe/<ip>.ipxe per node\n"
"      --grub            also write GRUB's grub/grub.cfg-01-<mac>,\n"
"                        grub.cfg-<HEXIP>, group files and grub.cfg\n"
"      --http URL        the iPXE scripts fetch boot files from URL\n"
"                        (default: / of the server they came from)\n"
"      --no-group        no group files for subnets\n"
"      --no-default      no pxelinux.cfg/default\n"
"      --server IP       next-server where dhcpd.conf gives none\n"
"      --gateway IP      gateway where dhcpd.conf gives no routers\n"
"      --netmask MASK    with --server: the subnet when there is no\n"
"                        dhcpd.conf\n"
"  -n, --dry-run         write nothing; show what would change, as diffs\n"
"  -f, --force           overwrite files pxecfg-gen did not write\n"
"  -L, --lookup CLIENT   print the names pxelinux (and GRUB, with --grub)\n"
"                        tries for a client\n"
"  -u, --uuid UUID       the client's UUID, with -L\n"
"  -v, --verbose         say which inputs were read\n"
"  -h, --help            this help\n"
"\n"
"Exit status: 0 done, 64 usage, 65 bad input data, 66 input missing,\n"
"71 system error, 73 cannot write, 74 read error, 78 bad pxecfg-gen.conf.\n");
	exit(status);
}

enum { OPT_NAMES = 256, OPT_IPXE, OPT_GRUB, OPT_HTTP, OPT_NOGROUP, OPT_NODEFAULT,
    OPT_SERVER, OPT_GATEWAY, OPT_NETMASK };

static const struct option longopts[] = {
	{ "root", required_argument, NULL, 'd' },
	{ "dhcpd", required_argument, NULL, 'c' },
	{ "ethers", required_argument, NULL, 'e' },
	{ "hosts", required_argument, NULL, 'H' },
	{ "config", required_argument, NULL, 'C' },
	{ "kernel", required_argument, NULL, 'k' },
	{ "initrd", required_argument, NULL, 'i' },
	{ "append", required_argument, NULL, 'a' },
	{ "profile", required_argument, NULL, 'p' },
	{ "names", required_argument, NULL, OPT_NAMES },
	{ "ipxe", no_argument, NULL, OPT_IPXE },
	{ "grub", no_argument, NULL, OPT_GRUB },
	{ "http", required_argument, NULL, OPT_HTTP },
	{ "no-group", no_argument, NULL, OPT_NOGROUP },
	{ "no-default", no_argument, NULL, OPT_NODEFAULT },
	{ "server", required_argument, NULL, OPT_SERVER },
	{ "gateway", required_argument, NULL, OPT_GATEWAY },
	{ "netmask", required_argument, NULL, OPT_NETMASK },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "force", no_argument, NULL, 'f' },
	{ "lookup", required_argument, NULL, 'L' },
	{ "uuid", required_argument, NULL, 'u' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static uint32_t
opt_ip(const char *s, const char *what)
{
	uint32_t ip;

	if (ip4_parse(s, &ip) == -1)
		errx(EX_USAGE, "%s: bad %s", s, what);
	return ip;
}

static void
opt_copy(char *dst, size_t dstsz, const char *s, const char *what)
{
	if (strlcpy(dst, s, dstsz) >= dstsz)
		errx(EX_USAGE, "%s too long", what);
}

static void
opt_names(struct load_opts *o, const char *s)
{
	if (strcmp(s, "ip") == 0)
		o->names = PXECFG_NAMES_IP;
	else if (strcmp(s, "mac") == 0)
		o->names = PXECFG_NAMES_MAC;
	else if (strcmp(s, "ip,mac") == 0 || strcmp(s, "mac,ip") == 0)
		o->names = PXECFG_NAMES_IP | PXECFG_NAMES_MAC;
	else
		errx(EX_USAGE, "--names %s: expected ip, mac or ip,mac", s);
}

static void
opt_long(struct load_opts *o, int ch)
{
	const char *why;

	switch (ch) {
	case OPT_NAMES:
		opt_names(o, optarg);
		break;
	case OPT_IPXE:
		o->ipxe = true;
		break;
	case OPT_GRUB:
		o->grub = true;
		break;
	case OPT_HTTP:
		if (pxecfg_url_base(optarg, o->http, sizeof(o->http), &why) ==
		    -1)
			errx(EX_USAGE, "--http: %s", why);
		break;
	case OPT_NOGROUP:
		o->no_group = true;
		break;
	case OPT_NODEFAULT:
		o->no_default = true;
		break;
	case OPT_SERVER:
		o->server = opt_ip(optarg, "--server address");
		break;
	case OPT_GATEWAY:
		o->gateway = opt_ip(optarg, "--gateway address");
		break;
	case OPT_NETMASK:
		o->netmask = opt_ip(optarg, "--netmask");
		if (!ip4_mask_valid(o->netmask))
			errx(EX_USAGE, "%s: not a netmask", optarg);
		o->has_netmask = true;
		break;
	default:
		usage(EX_USAGE);
	}
}

static void
opt_parse(struct load_opts *o, int argc, char *argv[])
{
	int ch;

	while ((ch = getopt_long(argc, argv, "a:C:c:d:e:fH:hi:k:L:np:u:v",
	    longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			opt_copy(o->append, sizeof(o->append), optarg, "-a");
			o->set_append = true;
			break;
		case 'C':
			o->conf = optarg;
			o->conf_given = true;
			break;
		case 'c':
			o->dhcpd = optarg;
			o->dhcpd_given = true;
			break;
		case 'd':
			o->root = optarg;
			break;
		case 'e':
			o->ethers = optarg;
			o->ethers_given = true;
			break;
		case 'f':
			o->force = true;
			break;
		case 'H':
			o->hosts = optarg;
			o->hosts_given = true;
			break;
		case 'h':
			usage(0);
		case 'i':
			opt_copy(o->initrd, sizeof(o->initrd), optarg, "-i");
			break;
		case 'k':
			opt_copy(o->kernel, sizeof(o->kernel), optarg, "-k");
			break;
		case 'L':
			o->lookup = optarg;
			break;
		case 'n':
			o->dry = true;
			break;
		case 'p':
			opt_copy(o->profile, sizeof(o->profile), optarg, "-p");
			break;
		case 'u':
			o->uuid = optarg;
			break;
		case 'v':
			o->verbose = true;
			break;
		default:
			opt_long(o, ch);
			break;
		}
	}
	if (optind != argc)
		usage(EX_USAGE);
	if (o->uuid != NULL && o->lookup == NULL)
		errx(EX_USAGE, "-u goes with -L");
	if (o->has_netmask && o->server == 0)
		errx(EX_USAGE, "--netmask needs --server");
}

/* Prints dir/name, marked "(used)" if it is the first that exists. */
static void
lookup_print(const char *root, enum pxecfg_dir dir, const char *name,
    bool *used)
{
	bool have = sync_exists(root, dir, name);

	printf("%s/%s%s\n", pxecfg_plan_dirname(dir), name, !have ? "" :
	    *used ? " (exists)" : " (used)");
	*used = *used || have;
}

/*
 * -L: the names pxelinux tries for a client, and which file answers; with
 * --grub, then GRUB's.
 */
static int
lookup(const struct load_opts *o, const struct pxecfg_conf *c,
    const struct pxecfg_nodes *t)
{
	char names[PXENAME_NMAX][PXENAME_LEN];
	char gnames[PXECFG_GRUB_NMAX][PXECFG_GRUB_NAMELEN];
	uint8_t uuid[PXENAME_UUIDLEN], mac[MAC_LEN];
	const struct pxecfg_node *nd = NULL;
	uint32_t ip = 0;
	size_t i, n;
	bool have_mac = false, used = false;

	if (o->uuid != NULL && pxename_uuid_parse(o->uuid, uuid) == -1)
		errx(EX_USAGE, "%s: bad UUID", o->uuid);
	if (mac_parse(o->lookup, mac) == 0) {
		have_mac = true;
		for (i = 0; i < t->n && nd == NULL; i++)
			if (memcmp(t->v[i].mac, mac, MAC_LEN) == 0)
				nd = &t->v[i];
	} else if (ip4_parse(o->lookup, &ip) == 0) {
		for (i = 0; i < t->n && nd == NULL; i++)
			if (t->v[i].ip == ip)
				nd = &t->v[i];
	} else if ((nd = pxecfg_nodes_by_name(t, o->lookup)) == NULL)
		errx(EX_DATAERR, "%s: no such node, MAC or address", o->lookup);
	if (nd != NULL) {
		memcpy(mac, nd->mac, MAC_LEN);
		have_mac = true;
		ip = nd->ip;
	}
	n = pxename_list(o->uuid != NULL ? uuid : NULL, have_mac ? mac : NULL,
	    ip, names);
	for (i = 0; i < n; i++)
		lookup_print(o->root, PXECFG_DIR_PXELINUX, names[i], &used);
	if (!c->grub)
		return 0;
	n = pxecfg_grub_list(o->uuid != NULL ? uuid : NULL, have_mac ? mac :
	    NULL, ip, gnames);
	for (used = false, i = 0; i < n; i++)
		lookup_print(o->root, PXECFG_DIR_GRUB, gnames[i], &used);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct load_opts o;
	struct pxecfg_conf *c;
	struct pxecfg_nodes t = { 0 };
	struct dhcpconf dc;
	struct pxecfg_plan pl = { 0 };
	struct sync_found sf = { 0 };
	struct perr e;
	int r;

	load_opts_init(&o);
	opt_parse(&o, argc, argv);
	if ((c = calloc(1, sizeof(*c))) == NULL)
		err(EX_OSERR, NULL);
	load_conf(&o, c);
	memset(&dc, 0, sizeof(dc));
	load_nodes(&o, &dc, &t);
	if (o.lookup != NULL)
		return lookup(&o, c, &t);
	if (pxecfg_plan_build(&pl, c, &t, &e) == -1)
		errx(EX_DATAERR, "%s", e.msg);
	sync_scan(o.root, &sf);
	if (pxecfg_plan_sync(&pl, sf.v, sf.n, o.force, &e) == -1)
		errx(EX_CANTCREAT, "%s", e.msg);
	r = sync_apply(o.root, &pl, o.dry);
	pxecfg_plan_free(&pl);
	sync_found_free(&sf);
	pxecfg_nodes_free(&t);
	dhcpconf_free(&dc);
	pxecfg_conf_free(c);
	free(c);
	return r == 0 ? 0 : EX_CANTCREAT;
}
