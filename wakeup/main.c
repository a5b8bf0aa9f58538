// SPDX-License-Identifier: ISC
/*
 * wakeup: ether-wake compatible Wake-on-LAN, and a sequencer that wakes a
 * cluster a few nodes at a time, watching in.tftpd's transfer log for each
 * node's last boot file; nodes with a BMC are powered through it instead
 * (bmc.c).  This file reads the options, opens the socket while
 * privileged, drops every capability, loads the nodes and hands over to a
 * single shot (ether-wake), the sequencer (seq.c) or --status/--off.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/log.h"
#include "common/priv.h"
#include "wakeup.h"

#define WAKEUP_VERSION	"wakeup (nodeboot) 1.0"

enum {
	OPT_UDP = 256, OPT_PORT, OPT_TO, OPT_HOSTS, OPT_TFTPBOOT, OPT_HELP,
	OPT_HTTPLOG, OPT_BMC, OPT_CREDS, OPT_OFF, OPT_STATUS
};

static const struct option longopts[] = {
	{ "ethers",	required_argument,	NULL, 'e' },
	{ "hosts",	required_argument,	NULL, OPT_HOSTS },
	{ "udp",	no_argument,		NULL, OPT_UDP },
	{ "port",	required_argument,	NULL, OPT_PORT },
	{ "to",		required_argument,	NULL, OPT_TO },
	{ "sequential",	no_argument,		NULL, 's' },
	{ "parallel",	required_argument,	NULL, 'P' },
	{ "file",	required_argument,	NULL, 'f' },
	{ "all",	no_argument,		NULL, 'a' },
	{ "log",	required_argument,	NULL, 'l' },
	{ "tftpboot",	required_argument,	NULL, OPT_TFTPBOOT },
	{ "http-log",	required_argument,	NULL, OPT_HTTPLOG },
	{ "timeout",	required_argument,	NULL, 't' },
	{ "retries",	required_argument,	NULL, 'r' },
	{ "delay",	required_argument,	NULL, 'd' },
	{ "bmc",	required_argument,	NULL, OPT_BMC },
	{ "credentials", required_argument,	NULL, OPT_CREDS },
	{ "off",	no_argument,		NULL, OPT_OFF },
	{ "status",	no_argument,		NULL, OPT_STATUS },
	{ "help",	no_argument,		NULL, OPT_HELP },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

static void
usage(FILE *f)
{
	fprintf(f,
"usage: %s [-bDV] [-i ifname] [-p password] [-e ethers] target...\n"
"       %s --udp [--port n] [--to address] [-bD] [-p password] target...\n"
"       %s -s | -P n | -P auto[:n] [-a | -f file | target...] [-l log]\n"
"              [--http-log log] [--bmc file] [options]\n"
"       %s --bmc file --status | --off [node...]\n"
"\n"
"Sends Wake-on-LAN magic packets the way ether-wake does.  A target is a\n"
"MAC address or a name from the ethers file.\n"
"\n"
"  -i ifname        send raw Ethernet frames (type 0x0842) on ifname\n"
"                   (needs CAP_NET_RAW; the default, on %s)\n"
"  -b               send to ff:ff:ff:ff:ff:ff instead of the target's MAC\n"
"  -p password      SecureOn password: 00:11:22:33:44:55, a:b:c:d or\n"
"                   192.0.2.1 (4 or 6 bytes)\n"
"  -D               print each packet in hex (repeat for more detail)\n"
"  -e, --ethers F   ethers file (default %s)\n"
"  --udp            send a UDP datagram instead (no privilege needed)\n"
"  --port n         UDP port (default 9; implies --udp)\n"
"  --to address     UDP destination (default 255.255.255.255)\n"
"\n"
"Sequencing (wake the nodes of a cluster a few at a time):\n"
"  -s, --sequential one node at a time (same as -P 1)\n"
"  -P, --parallel n at most n nodes booting at once; auto[:n]: as many\n"
"                   as the transfer log shows the server can take (AIMD,\n"
"                   wakeup(8)), at most n (default %d)\n"
"  -a, --all        every node of the ethers file (the default with -s/-P)\n"
"  -f, --file F     nodes from F, one MAC or name per line\n"
"  -l, --log F      in.tftpd's transfer log: a node has booted when its\n"
"                   last boot file (pxelinux.cfg entry's initrd) is served\n"
"  --http-log F     nginx's access log in nodeboot's format: the same,\n"
"                   over HTTP (with -l or alone; again for each rack's)\n"
"  --tftpboot DIR   where pxelinux.cfg/ is (default %s)\n"
"  --hosts F        node addresses by name (default %s)\n"
"  -t, --timeout s  per magic packet, with a log (default 120)\n"
"  -r, --retries n  magic packets resent before a node fails (default 1)\n"
"  -d, --delay s    without a log: time between wakes (default 10)\n"
"\n"
"Power back ends (wol, ipmi, redfish), per node:\n"
"  --bmc F          inventory: \"node ipmi|redfish address user\" or\n"
"                   \"node wol\" per line; every node must be in it\n"
"  --credentials F  \"node|address|user password\" per line, readable by\n"
"                   its owner (root) only\n"
"                   (default %s)\n"
"  --status         power state of the nodes (all of the inventory)\n"
"  --off            power them off\n"
"  -v               progress detail; -V, --version; --help\n"
"\n"
"Exit: 0 all sent (and booted), 64 usage, 65 bad data, 69 a node failed,\n"
"71 system error, 77 no permission, 78 bad configuration.\n",
	    getprogname(), getprogname(), getprogname(), getprogname(),
	    WAKEUP_IFACE, WAKEUP_ETHERS, WAKEUP_AUTO_MAX, WAKEUP_TFTPBOOT,
	    WAKEUP_HOSTS, WAKEUP_CREDS);
}

static void __attribute__((__format__(printf, 1, 2), __noreturn__))
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", getprogname());
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help'.\n", getprogname());
	exit(EX_USAGE);
}

/* Seconds with up to millisecond precision, 0.001 to a day. */
static int64_t
seconds(const char *s, const char *what)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !isfinite(v) ||
	    v < 0.001 || v > 86400)
		bad_usage("bad %s (seconds, 0.001 to 86400)", what);
	return (int64_t)llround(v * 1000);
}

static long long
number(const char *s, long long min, long long max, const char *what)
{
	const char *errstr;
	long long v = strtonum(s, min, max, &errstr);

	if (errstr != NULL)
		bad_usage("bad %s", what);
	return v;
}

/* -P n, auto (at most WAKEUP_AUTO_MAX at once) or auto:n. */
static void
parallel(struct wakeup *w, const char *s)
{
	w->autopace = strncmp(s, "auto", 4) == 0;
	if (!w->autopace)
		w->parallel = (size_t)number(s, 1, 4096, "--parallel count");
	else if (s[4] == '\0')
		w->parallel = WAKEUP_AUTO_MAX;
	else if (s[4] == ':')
		w->parallel = (size_t)number(s + 5, 1, 4096,
		    "--parallel auto limit");
	else
		bad_usage("--parallel %s: a count, auto or auto:limit", s);
}

/* The options ether-wake does not have, all long ones. */
static void
long_opt(struct wakeup *w, int c)
{
	switch (c) {
	case OPT_UDP:
		w->udp = true;
		break;
	case OPT_PORT:
		w->port = (uint16_t)number(optarg, 1, 65535, "port");
		w->udp = true;
		break;
	case OPT_TO:
		if (ip4_parse(optarg, &w->to) == -1)
			bad_usage("--to %s: not an IPv4 address", optarg);
		break;
	case OPT_HOSTS:
		w->hosts_path = optarg;
		break;
	case OPT_TFTPBOOT:
		w->tftpboot = optarg;
		break;
	case OPT_HTTPLOG:
		if (w->nhttplog == WAKEUP_HTTPLOGS)
			bad_usage("--http-log: at most %d", WAKEUP_HTTPLOGS);
		w->http_log_path[w->nhttplog++] = optarg;
		break;
	case OPT_BMC:
		w->bmc_path = optarg;
		break;
	case OPT_CREDS:
		w->cred_path = optarg;
		break;
	case OPT_OFF:
		w->off = true;
		break;
	case OPT_STATUS:
		w->status = true;
		break;
	case OPT_HELP:
		usage(stdout);
		exit(EX_OK);
	default:
		fprintf(stderr, "Try '%s --help'.\n", getprogname());
		exit(EX_USAGE);
	}
}

static void
parse_opts(struct wakeup *w, int argc, char *argv[])
{
	const char *errstr;
	int c;

	while ((c = getopt_long(argc, argv, "abDd:e:f:hi:l:P:p:r:st:uVv",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			w->all = true;
			break;
		case 'b':
			w->bcast = true;
			break;
		case 'D':
			w->debug++;
			break;
		case 'd':
			w->delay_ms = seconds(optarg, "delay");
			break;
		case 'e':
			w->ethers_path = optarg;
			w->ethers_given = true;
			break;
		case 'f':
			w->nodes_file = optarg;
			break;
		case 'i':
			w->iface = optarg;
			break;
		case 'l':
			w->log_path = optarg;
			break;
		case 'P':
			parallel(w, optarg);
			break;
		case 'p':
			if (wol_pw_parse(optarg, &w->pw, &errstr) == -1)
				bad_usage("-p %s: %s", optarg, errstr);
			break;
		case 'r':
			w->retries = (unsigned)number(optarg, 0, 100,
			    "--retries count");
			break;
		case 's':
			w->parallel = 1;
			break;
		case 't':
			w->timeout_ms = seconds(optarg, "timeout");
			break;
		case 'v':
			log_setverbose(log_getverbose() + 1);
			break;
		case 'V':
			puts(WAKEUP_VERSION);
			exit(EX_OK);
		case 'h':
		case 'u':		/* ether-wake's usage flag */
			usage(stdout);
			exit(EX_OK);
		default:
			long_opt(w, c);
		}
	}
}

/* Combinations that would silently do something else than asked. */
static void
check_opts(const struct wakeup *w, int nargs)
{
	if ((w->off || w->status) && (w->bmc_path == NULL || w->off ==
	    w->status || w->parallel > 0 || w->all || w->nodes_file != NULL))
		bad_usage("--status or --off (one) goes with --bmc and node "
		    "names only");
	if (w->off || w->status)
		return;
	if (w->udp && w->iface != NULL)
		bad_usage("-i sends raw frames; --udp, --port and --to send "
		    "UDP");
	if (!w->udp && w->to != 0xffffffff)
		bad_usage("--to needs --udp");
	if (w->parallel == 0 && (w->all || w->nodes_file != NULL ||
	    WAKEUP_HASLOG(w)))
		bad_usage("-a, -f, -l and --http-log go with --sequential or "
		    "--parallel");
	if (w->autopace && !WAKEUP_HASLOG(w))
		bad_usage("--parallel auto paces by the transfer log: give -l "
		    "or --http-log");
	if (w->parallel == 0 && nargs == 0)
		bad_usage("no target given");
	if ((w->all ? 1 : 0) + (w->nodes_file != NULL ? 1 : 0) +
	    (nargs > 0 ? 1 : 0) > 1)
		bad_usage("nodes come from -a, -f or the arguments: pick one");
}

int
main(int argc, char *argv[])
{
	struct wakeup w = {
		.ethers_path = WAKEUP_ETHERS, .hosts_path = WAKEUP_HOSTS,
		.tftpboot = WAKEUP_TFTPBOOT, .port = 9, .to = 0xffffffff,
		.retries = 1, .timeout_ms = 120000, .delay_ms = 10000,
		.fd = -1, .cred_path = WAKEUP_CREDS
	};
	const struct priv_spec ps = { 0 };	/* same user, no capability */
	const char *how;
	size_t i;
	int status = EX_OK;

	log_init(LOG_TO_STDERR, 0, 0);
	parse_opts(&w, argc, argv);
	argc -= optind;
	argv += optind;
	check_opts(&w, argc);
	if (!w.udp && w.iface == NULL)
		w.iface = WAKEUP_IFACE;
	/* An inventory of BMCs only needs no socket, nor the privilege. */
	if (w.bmc_path != NULL)
		bmc_load(&w);
	/* The raw socket needs CAP_NET_RAW: open it, then keep nothing. */
	if (w.bmc_path == NULL || w.inv_wol)
		send_open(&w);
	priv_drop(&ps);
	if (w.off || w.status)
		return bmc_table(&w, argc, argv);
	/* ethers, hosts, pxelinux.cfg and the log are read without any. */
	nodes_load(&w, argc, argv);
	if (w.bmc_path != NULL)
		bmc_bind(&w);
	if (w.parallel > 0)
		return seq_run(&w);
	for (i = 0; i < w.nt; i++)
		switch (power_on(&w, i, &how)) {
		case POWER_SEND_FAILED:
			status = EX_OSERR;
			break;
		case POWER_GAVE_UP:
			status = EX_UNAVAILABLE;
			break;
		case POWER_SENT:
			if (w.be != NULL)
				log_info("%s: %s", w.t[i].name, how);
		}
	return status;
}
