// SPDX-License-Identifier: ISC
/*
 * netkexec: reboot a node into its current network boot entry without
 * going through the firmware.  It works out who the node is (probe.c),
 * drops every privilege but CAP_SYS_BOOT and CAP_NET_ADMIN, asks the boot
 * server for pxelinux.cfg/ files in pxelinux's order (pxeconf/pxename.c)
 * until one exists, picks the entry pxelinux would boot (pxeconf/pxeconf*.c,
 * fetching the files it includes), downloads kernel and initrds into
 * memory (fetch.c) and kexecs (boot.c).  --dry-run stops after printing
 * the choice.
 */
#include <sys/mman.h>

#include <err.h>
#include <fcntl.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <syslog.h>
#include <limits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "common/opt.h"
#include "common/priv.h"
#include "netkexec/netkexec.h"
#include "pxeconf/pxeconf.h"


static void
usage(FILE *f)
{
	fprintf(f,
"usage: netkexec [-nv] [-s server] [-i interface] [-a address] [-m mac]\n"
"                [-u uuid|none] [-c config] [-L lease] [-P prefix] [-D dir]\n"
"                [-p port] [-b blksize] [-t timeout-ms] [-r retries]\n"
"                [-M max-mbytes] [-A words]\n"
"Reboot this node with kexec into the kernel, initrd and command line of\n"
"its pxelinux entry, fetched over TFTP as pxelinux fetches it.\n"
"  -n, --dry-run      print the chosen file, entry, kernel, initrd and\n"
"                     command line; download nothing else, change nothing\n"
"  -D, --download D   download kernel and initrd into D/kernel and\n"
"                     D/initrd, and stop there (nothing is booted)\n"
"  -s, --server A     boot (TFTP) server; default: -L lease, kernel command\n"
"                     line netkexec.server= or ip=, /proc/net/pnp\n"
"  -i, --interface I  boot interface; default: BOOTIF=, ip= device, or the\n"
"                     first interface up with an IPv4 address\n"
"  -a, --address A    this node's IPv4 address (default: the interface's)\n"
"  -m, --mac M        this node's MAC (default: the interface's)\n"
"  -u, --uuid U       system UUID as pxelinux prints it, or none\n"
"                     (default: SMBIOS, in the byte order the PXE ROM sends)\n"
"  -c, --config F     fetch this file instead of searching pxelinux.cfg/\n"
"  -L, --lease F      udhcpc environment dump (siaddr, serverid, ip, ...)\n"
"  -P, --prefix D     path prefix on the server, as DHCP option 210 gives\n"
"                     pxelinux: D/pxelinux.cfg/..., D/kernel (default none)\n"
"  -p, --port N       TFTP port (default 69)\n"
"  -b, --blksize N    TFTP block size to ask for (default 1408, 0: none)\n"
"  -t, --timeout MS   per-packet timeout (default 1000)\n"
"  -r, --retries N    retransmissions before giving up (default 5)\n"
"  -M, --max-size MB  largest file accepted (default 1024)\n"
"  -A, --append W     add W to the end of the entry's command line\n"
"  -v, --verbose      say what is tried (-vv: every ignored packet)\n"
"  -h, --help         this text\n"
"Exit: 0 (dry run, download), 2 the entry boots the local disk, 3 pxelinux\n"
"would wait for a key, 64 usage, 65 bad entry, 66 no entry, 69 download\n"
"failed, 71 kexec refused, 73 cannot write -D files, 77 no permission,\n"
"78 no boot server known.\n");
}

/* One option into *o; false for an unknown one. */
static bool
set_opt(struct nk_opts *o, int ch, const char *arg, int *verbose)
{
	switch (ch) {
	case 'n':
		o->dry_run = true;
		break;
	case 's':
		o->server = arg;
		break;
	case 'i':
		o->ifname = arg;
		break;
	case 'a':
		o->ip = arg;
		break;
	case 'm':
		o->mac = arg;
		break;
	case 'u':
		o->uuid = arg;
		break;
	case 'c':
		o->config = arg;
		break;
	case 'L':
		o->lease = arg;
		break;
	case 'P':
		o->prefix = arg;
		break;
	case 'D':
		o->download = arg;
		break;
	case 'p':
		o->port = (uint16_t)opt_number(arg, 1, 65535, "port");
		break;
	case 'b':
		o->blksize = (uint16_t)opt_number(arg, 0, 65464, "blksize");
		if (o->blksize != 0 && o->blksize < 8)
			errx(EX_USAGE, "blksize %s: too small", arg);
		break;
	case 't':
		o->timeout_ms = (unsigned)opt_number(arg, 10, 60000, "timeout");
		break;
	case 'r':
		o->retries = (unsigned)opt_number(arg, 0, 100, "retries");
		break;
	case 'M':
		o->maxsize = (uint64_t)opt_number(arg, 1, 65536, "max-size") << 20;
		break;
	case 'A':
		o->append = arg;
		break;
	case 'v':
		(*verbose)++;
		break;
	default:
		return false;
	}
	return true;
}

static void
parse_args(struct nk_opts *o, int argc, char **argv, int *verbose)
{
	static const struct option lo[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "server", required_argument, NULL, 's' },
		{ "interface", required_argument, NULL, 'i' },
		{ "address", required_argument, NULL, 'a' },
		{ "mac", required_argument, NULL, 'm' },
		{ "uuid", required_argument, NULL, 'u' },
		{ "config", required_argument, NULL, 'c' },
		{ "lease", required_argument, NULL, 'L' },
		{ "prefix", required_argument, NULL, 'P' },
		{ "download", required_argument, NULL, 'D' },
		{ "port", required_argument, NULL, 'p' },
		{ "blksize", required_argument, NULL, 'b' },
		{ "timeout", required_argument, NULL, 't' },
		{ "retries", required_argument, NULL, 'r' },
		{ "max-size", required_argument, NULL, 'M' },
		{ "append", required_argument, NULL, 'A' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "ns:i:a:m:u:c:L:P:D:p:b:t:r:M:A:vh",
	    lo, NULL)) != -1) {
		if (ch == 'h') {
			usage(stdout);
			exit(0);
		}
		if (!set_opt(o, ch, optarg, verbose)) {
			usage(stderr);
			exit(EX_USAGE);
		}
	}
	if (optind != argc) {
		usage(stderr);
		exit(EX_USAGE);
	}
}

/* The dry run's report: names as the server is asked for them. */
static void
print_entry(const struct nk *nk, const char *path,
    const struct pxeconf_entry *e)
{
	char a[IP4_STRLEN], name[PATH_MAX];
	size_t i;

	printf("server %s\n", ip4_ntoa(nk->ni.server, a));
	printf("config %s\n", path);
	printf("label %s\n", e->label[0] != '\0' ? e->label : "-");
	server_path(nk, e->kernel, name, sizeof(name));
	printf("kernel %s\n", name);
	printf("initrd ");
	for (i = 0; i < e->ninitrd; i++) {
		server_path(nk, e->initrd[i], name, sizeof(name));
		printf("%s%s", i > 0 ? "," : "", name);
	}
	printf("%s\ncmdline %s\n", e->ninitrd == 0 ? "-" : "", e->cmdline);
	if (fflush(stdout) == EOF || ferror(stdout))
		err(EX_IOERR, "stdout");
}

/* Downloads `name' to the end of fd; exits when that fails. */
static uint64_t
download(const struct nk *nk, const char *file, int fd)
{
	char errbuf[200], name[PATH_MAX];
	uint64_t size;
	int code;

	server_path(nk, file, name, sizeof(name));
	if (fetch_file(nk, name, fd, nk->o.maxsize, &size, &code, errbuf,
	    sizeof(errbuf)) == -1)
		errx(EX_UNAVAILABLE, "%s: %s", name, errbuf);
	if (log_getverbose() > 0)
		log_info("%s: %llu bytes", name, (unsigned long long)size);
	return size;
}

/* A memfd, or dir/name for -D. */
static int
output(int dirfd, const char *name)
{
	int fd;

	if (dirfd == -1)
		fd = memfd_create(name, MFD_CLOEXEC);
	else
		fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd == -1)
		err(EX_CANTCREAT, "%s", name);
	return fd;
}

/*
 * Kernel into one file, the initrds one after the other into another,
 * each padded to 4 bytes as pxelinux's initramfs loader does, so the
 * kernel unpacks them as one concatenated initramfs.  dirfd: -D's
 * directory, or -1 for memory.
 */
static void
load_files(const struct nk *nk, const struct pxeconf_entry *e, int dirfd,
    int *kfd, int *ifd)
{
	static const uint8_t pad[4];
	uint64_t size;
	size_t i;

	*kfd = output(dirfd, "kernel");
	download(nk, e->kernel, *kfd);
	*ifd = -1;
	if (e->ninitrd == 0)
		return;
	*ifd = output(dirfd, "initrd");
	for (i = 0; i < e->ninitrd; i++) {
		size = download(nk, e->initrd[i], *ifd);
		if (i + 1 < e->ninitrd && size % 4 != 0 &&
		    write_all(*ifd, pad, 4 - size % 4) == -1)
			err(EX_OSERR, "initrd padding");
	}
}

int
main(int argc, char **argv)
{
	static const cap_value_t boot_caps[] = { CAP_SYS_BOOT, CAP_NET_ADMIN };
	struct nk nk = { .o = { .prefix = "", .port = 69,
	    .blksize = 1408, .timeout_ms = 1000, .retries = 5,
	    .maxsize = 1024ull << 20 } };
	struct priv_spec ps = { .keep = NULL };
	struct pxeconf_entry e;
	char path[PATH_MAX];
	int verbose = 0, kfd, ifd, dirfd = -1;

	parse_args(&nk.o, argc, argv, &verbose);
	log_init(LOG_TO_STDERR, verbose, LOG_DAEMON);
	probe_node(&nk);
	/* Opened before the privilege drop: the node's own directory. */
	if (nk.o.download != NULL && (dirfd = open(nk.o.download,
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		err(EX_CANTCREAT, "%s", nk.o.download);
	if (!nk.o.dry_run && nk.o.download == NULL) {
		ps.keep = boot_caps;
		ps.nkeep = sizeof(boot_caps) / sizeof(boot_caps[0]);
	}
	/*
	 * From here on bytes come from the network: only CAP_SYS_BOOT (kexec,
	 * reboot) and CAP_NET_ADMIN (interfaces down) stay, none for -n/-D.
	 */
	priv_drop_ids(&ps, NULL);	/* no user: static, no getpwnam() */
	entry_find(&nk, path, sizeof(path), &e);
	if (nk.o.append != NULL && (strlcat(e.cmdline, e.cmdline[0] != '\0' ?
	    " " : "", sizeof(e.cmdline)) >= sizeof(e.cmdline) ||
	    strlcat(e.cmdline, nk.o.append, sizeof(e.cmdline)) >=
	    sizeof(e.cmdline)))
		errx(EX_USAGE, "-A: the command line gets longer than %zu "
		    "bytes", sizeof(e.cmdline) - 1);
	if (nk.o.dry_run) {
		print_entry(&nk, path, &e);
		return 0;
	}
	load_files(&nk, &e, dirfd, &kfd, &ifd);
	if (dirfd != -1)
		return 0;
	if (boot_load(kfd, ifd, e.cmdline) == -1)
		errx(errno == EPERM || errno == ENODATA || errno ==
		    EKEYREJECTED ? EX_NOPERM : EX_OSERR,
		    "kexec_file_load %s: %s", e.kernel, boot_strerror(errno));
	log_info("%s: loaded; rebooting into it", e.kernel);
	boot_exec();
	err(EX_OSERR, "reboot(LINUX_REBOOT_CMD_KEXEC)");
}
