// SPDX-License-Identifier: ISC
/*
 * in.tftpd: a TFTP server for network-booting clusters, command-line
 * compatible with tftp-hpa's in.tftpd.  main() parses the options, opens
 * everything the server needs while it is still root (the listening
 * socket or the inetd socket on fd 0, the transfer log, the remap file,
 * the served directories), detaches in standalone mode, drops privileges
 * for good and only then hands over to the listener (server.c), which
 * reads the first untrusted byte.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "common/opt.h"
#include "common/priv.h"
#include "in.tftpd/tftpd.h"

#define OPT_XFERLOG	256
#define OPT_VERBOSITY	257
#define OPT_HELP	258
#define OPT_RETRIES	259
#define OPT_THREADS	260
#define OPT_MAXXFER	261
#define OPT_MAXSRC	262
#define OPT_MCRANGE	263
#define OPT_MCTTL	264

static const struct option longopts[] = {
	{ "ipv4", no_argument, NULL, '4' },
	{ "ipv6", no_argument, NULL, '6' },
	{ "listen", no_argument, NULL, 'l' },
	{ "foreground", no_argument, NULL, 'L' },
	{ "address", required_argument, NULL, 'a' },
	{ "create", no_argument, NULL, 'c' },
	{ "secure", no_argument, NULL, 's' },
	{ "user", required_argument, NULL, 'u' },
	{ "umask", required_argument, NULL, 'U' },
	{ "permissive", no_argument, NULL, 'p' },
	{ "pidfile", required_argument, NULL, 'P' },
	{ "timeout", required_argument, NULL, 't' },
	{ "retransmit", required_argument, NULL, 'T' },
	{ "retries", required_argument, NULL, OPT_RETRIES },
	{ "map-file", required_argument, NULL, 'm' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "verbosity", required_argument, NULL, OPT_VERBOSITY },
	{ "refuse", required_argument, NULL, 'r' },
	{ "blocksize", required_argument, NULL, 'B' },
	{ "port-range", required_argument, NULL, 'R' },
	{ "threads", no_argument, NULL, OPT_THREADS },
	{ "max-transfers", required_argument, NULL, OPT_MAXXFER },
	{ "max-per-source", required_argument, NULL, OPT_MAXSRC },
	{ "xferlog", required_argument, NULL, OPT_XFERLOG },
	{ "mcast-range", required_argument, NULL, OPT_MCRANGE },
	{ "mcast-ttl", required_argument, NULL, OPT_MCTTL },
	{ "version", no_argument, NULL, 'V' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 }
};

static void __attribute__((__noreturn__))
usage(FILE *fp, int status)
{
	fprintf(fp,
"usage: in.tftpd [-clLpsv] [-a addr[:port]] [-B blksize] [-m remapfile]\n"
"                [-P pidfile] [-R lo:hi] [-r option] [-t idle] [-T usec]\n"
"                [-u user] [-U umask] [--max-per-source n]\n"
"                [--max-transfers n] [--mcast-range a[-a][:p[-p]]]\n"
"                [--mcast-ttl n] [--retries n] [--threads] [--xferlog file]\n"
"                directory...\n"
"TFTP server (RFC 1350, 2090, 2347, 2348, 2349, 7440).  Started by xinetd\n"
"(wait = yes) it serves requests arriving on fd 0 until idle for -t seconds.\n"
"  -s, --secure           chroot into the one directory given\n"
"  -l, --listen           standalone: listen on -a (default 0.0.0.0:69)\n"
"  -L, --foreground       standalone without detaching; also logs to stderr\n"
"  -a, --address A[:P]    standalone listening address and port\n"
"  -P, --pidfile FILE     standalone: write the listener's pid to FILE\n"
"  -u, --user USER        run as USER (default nobody), no capabilities\n"
"  -c, --create           WRQ may create files (default: existing o+w only)\n"
"  -U, --umask MASK       umask for created files (default 0)\n"
"  -p, --permissive       no o+r/o+w checks beyond the system's own\n"
"  -m, --map-file FILE    tftp-hpa remap rules applied to every file name\n"
"  -r, --refuse OPTION    never acknowledge OPTION (blksize, tsize, ...)\n"
"  -B, --blocksize N      largest blksize granted (8..65464); the arrival\n"
"                         interface's MTU - 32 caps it too\n"
"  -R, --port-range L:H   transfer ports from L..H\n"
"  -t, --timeout SECS     inetd mode: exit after SECS idle (default 900)\n"
"  -T, --retransmit USEC  first retransmission timeout (default 1000000)\n"
"      --retries N        retransmissions of one packet before giving up\n"
"                         (1..100, default 10); at most 120 s in a row\n"
"                         without progress, whatever the timeouts\n"
"      --max-transfers N  transfers at once (1..4096, default 256); more\n"
"                         requests wait in the socket until one ends\n"
"      --max-per-source N transfers at once from one client address\n"
"                         (1..4096, default 8)\n"
"      --mcast-range R    RFC 2090 multicast on groups and ports R, e.g.\n"
"                         239.255.0.1-239.255.0.9:1758 (port default 1758)\n"
"      --mcast-ttl N      multicast TTL (1..255, default 1: the link)\n"
"      --threads          each transfer in a thread, not a forked child:\n"
"                         less CPU, no isolation between transfers\n"
"  -v, --verbose          log more (twice: debug); --verbosity N sets it\n"
"      --xferlog FILE     append one line per transfer to FILE\n"
"  -V, --version          print the version and exit\n"
"Exit status: 0, or 64 usage, 69 unavailable, 71 system error,\n"
"77 privilege drop failed, 78 bad remap file.  See in.tftpd(8).\n");
	exit(status);
}

static void
parse_range(struct tftpd *d, const char *s)
{
	char buf[32], *colon;

	if (strlcpy(buf, s, sizeof(buf)) >= sizeof(buf) ||
	    (colon = strchr(buf, ':')) == NULL)
		errx(EX_USAGE, "port range %s: want lo:hi", s);
	*colon = '\0';
	d->port_lo = (uint16_t)opt_number(buf, 1, 65535, "port range");
	d->port_hi = (uint16_t)opt_number(colon + 1, d->port_lo, 65535, "port range");
}

static void
parse_refuse(struct tftpd *d, const char *name)
{
	int id;

	/* tftp-hpa's own extensions are never acknowledged here anyway. */
	if ((id = tftp_opt_lookup(name)) >= 0)
		d->refuse |= 1u << id;
	else if (strcmp(name, "blksize2") != 0 &&
	    strcmp(name, "utimeout") != 0 && strcmp(name, "rollover") != 0)
		errx(EX_USAGE, "refuse: unknown option %s", name);
}

static void
parse_opt(struct tftpd *d, int ch, int *verbose)
{
	switch (ch) {
	case '4': break;
	case '6': errx(EX_USAGE, "IPv6 is not supported");
	case 'l': d->standalone = true; break;
	case 'L': d->standalone = d->foreground = true; break;
	case 'a': d->addr = optarg; break;
	case 'c': d->create = true; break;
	case 's': d->secure = true; break;
	case 'u': d->user = optarg; break;
	case 'U':
		d->umask = (mode_t)strtoul(optarg, NULL, 8) & 0777;
		d->umask_set = true;
		break;
	case 'p': d->permissive = true; break;
	case 'P': d->pidfile = optarg; break;
	case 't': d->idle_s = (unsigned)opt_number(optarg, 0, 86400, "timeout");
		break;
	case 'T': d->timeout_us = (uint32_t)opt_number(optarg, 10000, 255000000,
		    "retransmit timeout");
		break;
	case OPT_RETRIES: d->retries = (unsigned)opt_number(optarg, 1, 100,
		    "retries");
		break;
	case 'm': d->mapfile = optarg; break;
	case 'v': (*verbose)++; break;
	case OPT_VERBOSITY: *verbose = (int)opt_number(optarg, 0, 9, "verbosity");
		break;
	case 'r': parse_refuse(d, optarg); break;
	case 'B': d->blksize_max = (uint16_t)opt_number(optarg, TFTP_BLKSIZE_MIN,
		    TFTP_BLKSIZE_MAX, "blocksize");
		break;
	case 'R': parse_range(d, optarg); break;
	case OPT_THREADS: d->threads = true; break;
	case OPT_MAXXFER: d->max_transfers = (unsigned)opt_number(optarg, 1,
		    TFTPD_MAX_LIMIT, "max-transfers");
		break;
	case OPT_MAXSRC: d->max_per_source = (unsigned)opt_number(optarg, 1,
		    TFTPD_MAX_LIMIT, "max-per-source");
		break;
	case OPT_XFERLOG: d->xferlog = optarg; break;
	case OPT_MCRANGE:
		if (tftp_mc_range_parse(optarg, &d->mc_range) == -1)
			errx(EX_USAGE, "--mcast-range %s: want groups in "
			    "224.0.0.0/4, ADDR[-ADDR][:PORT[-PORT]]", optarg);
		d->mcast = true;
		break;
	case OPT_MCTTL: d->mc_ttl = (int)opt_number(optarg, 1, 255, "mcast-ttl");
		break;
	case 'V': printf("in.tftpd (nodeboot) 1.0, IPv4, remap, "
		    "windowsize, multicast\n");
		exit(0);
	case OPT_HELP: usage(stdout, 0);
	default: usage(stderr, EX_USAGE);
	}
}

static void
load_remap(struct tftpd *d)
{
	struct perr perr;
	char *text;
	size_t len;

	if (d->mapfile == NULL)
		return;
	if (file_read(d->mapfile, FILE_READ_MAX, &text, &len) == -1)
		fatalx("%s: %s", d->mapfile, file_strerror(errno));
	if (tftp_remap_parse(&d->remap, text, len, d->mapfile, &perr) == -1) {
		log_setfatalstatus(EX_CONFIG);
		fatalx("%s", perr.msg);
	}
	free(text);
}

/* The served directories, opened now: after chroot only "/" is left. */
static void
open_dirs(struct tftpd *d)
{
	size_t i;

	for (i = 0; i < d->ndirs && !d->secure; i++)
		if ((d->dirfds[i] = open(d->dirs[i],
		    O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1)
			fatal("%s", d->dirs[i]);
}

/* Standard descriptors on /dev/null, except fd 0 (the inetd socket). */
static void
std_null(bool keep_stderr, bool keep_stdin)
{
	int fd;

	if ((fd = open("/dev/null", O_RDWR)) == -1)
		fatal("/dev/null");
	if ((!keep_stdin && dup2(fd, 0) == -1) || dup2(fd, 1) == -1 ||
	    (!keep_stderr && dup2(fd, 2) == -1))
		fatal("dup2");
	if (fd > 2)
		close(fd);
}

static void
detach(struct tftpd *d)
{
	pid_t pid;
	FILE *fp;

	if (!d->foreground) {
		if ((pid = fork()) == -1)
			fatal("fork");
		if (pid > 0)
			_exit(0);
		if (setsid() == -1)
			fatal("setsid");
	}
	if (d->pidfile != NULL) {
		if ((fp = fopen(d->pidfile, "w")) == NULL)
			fatal("%s", d->pidfile);
		fprintf(fp, "%ld\n", (long)getpid());
		if (fclose(fp) == EOF)
			fatal("%s", d->pidfile);
	}
}

static void
setup(struct tftpd *d)
{
	struct priv_spec ps = { 0 };
	socklen_t len = sizeof(int);
	int type;

	log_setfatalstatus(EX_OSERR);
	if (d->standalone)
		d->sock = server_listen_socket(d->addr);
	else if (getsockopt(0, SOL_SOCKET, SO_TYPE, &type, &len) == -1 ||
	    type != SOCK_DGRAM)
		errx(EX_USAGE, "fd 0 is not a UDP socket: start me from "
		    "xinetd (wait = yes) or use -l/-L");
	server_rcvbuf(d->sock);		/* while root: SO_RCVBUFFORCE */
	if (d->xferlog != NULL && (d->logfd = open(d->xferlog,
	    O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644)) == -1)
		fatal("%s", d->xferlog);
	load_remap(d);
	open_dirs(d);
	std_null(d->foreground, !d->standalone);
	if (d->standalone)
		detach(d);
	if (!d->permissive || d->umask_set)
		umask(d->umask_set ? d->umask : 0);
	ps.user = d->user;
	ps.chroot = d->secure ? d->dirs[0] : NULL;
	ps.writable_root = d->create;
	priv_drop(&ps);
	if (d->secure && (d->dirfds[0] = open("/",
	    O_PATH | O_DIRECTORY | O_CLOEXEC)) == -1)
		fatal("/");
}

int
main(int argc, char *argv[])
{
	struct tftpd d = {
		.user = "nobody", .idle_s = 900, .timeout_us = 1000000,
		.retries = TFTPD_RETRIES,
		.blksize_max = TFTP_BLKSIZE_MAX, .sock = 0, .logfd = -1,
		.max_transfers = TFTPD_MAX_TRANSFERS,
		.max_per_source = TFTPD_MAX_PER_SOURCE, .wake = { -1, -1 },
		.mc_ttl = 1,
	};
	int ch, verbose = 0;

	while ((ch = getopt_long(argc, argv, "46lLa:csu:U:pP:t:T:m:vr:B:R:V",
	    longopts, NULL)) != -1)
		parse_opt(&d, ch, &verbose);
	argc -= optind;
	argv += optind;
	if (argc > TFTPD_MAXDIRS)
		errx(EX_USAGE, "at most %d directories", TFTPD_MAXDIRS);
	if (d.secure && argc != 1)
		errx(EX_USAGE, "-s takes exactly one directory");
	if (argc == 0)
		errx(EX_USAGE, "no directory to serve (see --help)");
	for (d.ndirs = 0; d.ndirs < (size_t)argc; d.ndirs++)
		d.dirs[d.ndirs] = argv[d.ndirs];
	if (geteuid() != 0) {
		if (d.secure)
			errx(EX_NOPERM, "-s needs root");
		d.user = NULL;
	}
	log_init(LOG_TO_SYSLOG | (d.foreground ? LOG_TO_STDERR : 0), verbose,
	    LOG_DAEMON);
	setup(&d);
	server_run(&d);
	return 0;
}
