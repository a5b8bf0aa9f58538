// SPDX-License-Identifier: ISC
/*
 * dhcpd-pxe: the shell.  ISC dhcpd's command line, the configuration
 * load, socket and lease file setup as root, the privilege drop (chroot
 * to the lease directory, no capabilities) before the first packet, and
 * the event loop: read a batch of requests, answer each through the core,
 * send the offers, make the batch's leases durable with one fsync, then
 * send the ACKs.
 * SIGHUP reloads the configuration keeping the leases; SIGTERM exits.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "common/log.h"
#include "common/priv.h"
#include "dhcpd-pxe/conf.h"
#include "dhcpd-pxe/dhcpd.h"

static volatile sig_atomic_t got_hup, got_term;

static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hup = 1;
	else
		got_term = 1;
}

static void __attribute__((__noreturn__))
usage(int status)
{
	fprintf(status ? stderr : stdout,
	    "usage: %s [-fdqtTEv] [-cf config] [-lf leases] [-pf pidfile]\n"
	    "       [-user user] [interface ...]\n"
	    "  -f  stay in the foreground    -d  also log to stderr (and -f)\n"
	    "  -t  check the configuration   -T  check it and print it back\n"
	    "  -E  hosts from /etc/ethers + /etc/hosts as well\n"
	    "  -cf FILE  configuration (default %s)\n"
	    "  -lf FILE  lease journal (default %s); the daemon chroots to its\n"
	    "            directory, which must be writable by the user\n"
	    "  -pf FILE  pid file (default %s)\n"
	    "  -user U   run as U (default %s), with no capabilities\n"
	    "  -v        more logging (-v -v: debug)\n"
	    "Without interfaces, every interface with an IPv4 address.\n",
	    getprogname(), DHCPD_CONF, DHCPD_LEASES, DHCPD_PID, DHCPD_USER);
	exit(status);
}

static void
parse_args(struct dhcpd *d, int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			usage(0);
		if (strcmp(a, "-cf") == 0 || strcmp(a, "-lf") == 0 ||
		    strcmp(a, "-pf") == 0 || strcmp(a, "-user") == 0) {
			if (++i == argc)
				usage(EX_USAGE);
			if (a[1] == 'c')
				d->cf = argv[i];
			else if (a[1] == 'l')
				d->lf = argv[i];
			else if (a[1] == 'p')
				d->pf = argv[i];
			else
				d->user = argv[i];
			continue;
		}
		for (a++; *a != '\0'; a++)
			switch (*a) {
			case 'd': d->debug = true; /* FALLTHROUGH */
			case 'f': d->foreground = true; break;
			case 'q': break;	/* ISC: no banner; we have none */
			case 't': d->test = 1; break;
			case 'T': d->test = 2; break;
			case 'E': d->ethers = true; break;
			case 'v': d->verbose++; break;
			default: usage(EX_USAGE);
			}
	}
	d->ifnames = argv + i;
	d->nifnames = (size_t)(argc - i);
}

static void
write_pidfile(const char *pf)
{
	FILE *f;

	if ((f = fopen(pf, "w")) == NULL) {
		log_warn("%s", pf);
		return;
	}
	fprintf(f, "%ld\n", (long)getpid());
	fclose(f);
}

/* What the configuration says that dhcpd-pxe ignores, once per load. */
static void
conf_notes(const struct dhcpconf *c)
{
	size_t i;

	for (i = 0; i < c->nignored; i++)
		log_warnx("%s:%u: %s: ignored (%s)", c->file,
		    c->ignored[i].line, c->ignored[i].text, c->ignored[i].why);
}

/*
 * As ISC dhcpd: an interface no subnet declaration covers is not served
 * (said for the ones named), and with none left there is nothing to do.
 */
static void
check_ifs(const struct dhcpd *d)
{
	const struct netif *nf;
	char a[IP4_STRLEN];
	size_t i, n = 0;

	for (i = 0; i < d->io.nifs; i++) {
		nf = &d->io.ifs[i];
		if (dhcpconf_subnet_for(&d->conf, nf->addr) != NULL)
			n++;
		else if (d->nifnames > 0)
			log_warnx("%s (%s): no subnet declaration, requests on "
			    "it are ignored", nf->name, ip4_ntoa(nf->addr, a));
	}
	if (n == 0) {
		log_warnx("not configured to listen on any interfaces: no "
		    "subnet declaration for the address of any");
		exit(EX_CONFIG);
	}
}

static void
setup(struct dhcpd *d)
{
	struct priv_spec ps;
	char dir[4096];
	struct sigaction sa;

	d->io.names = d->ifnames;
	d->io.nnames = d->nifnames;
	if (netio_refresh(&d->io) == -1)
		exit(EX_OSERR);
	check_ifs(d);		/* before port 67 is bound, as ISC */
	if (netio_open(&d->io, d->ifnames, d->nifnames) == -1)
		exit(EX_OSERR);
	/* proxyDHCP: PXE's boot server port too, bound before the drop. */
	if (d->conf.proxy != DC_PROXY_OFF && netio_open_bs(&d->io) == -1)
		exit(EX_OSERR);
	if (leasedb_open(&d->db, d->lf, &d->leases) == -1)
		exit(EX_CANTCREAT);
	log_info("%s: %zu leases", d->lf, d->leases.n);
	if (d->conf.proxy != DC_PROXY_OFF)
		log_info("proxy-dhcp %s: boot answers to PXE clients on ports "
		    "67 and %d, no addresses", d->conf.proxy == DC_PROXY_ALL ?
		    "all" : "on", DHCP_PXE_BS_PORT);
	if (!d->foreground && daemon(0, 0) == -1)
		fatal("daemon");
	/* Raw ICMP needs CAP_NET_RAW: opened now, used after the drop. */
	dhcpd_ping_open(d);
	write_pidfile(d->pf);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	d->dirs.sealed = true;
	memset(&ps, 0, sizeof(ps));
	strlcpy(dir, d->lf, sizeof(dir));
	if (geteuid() == 0) {
		ps.user = d->user;
		ps.chroot = dirname(dir);
		/* The lease directory is the daemon's to write. */
		ps.writable_root = true;
	} else
		log_warnx("not root: no chroot, no user change");
	priv_drop(&ps);
}

static void
reload(struct dhcpd *d)
{
	struct dhcpconf n;
	struct perr err;

	got_hup = 0;
	if (conf_load(&d->dirs, d->cf, d->ethers, &n, &err) == -1) {
		log_warnx("reload: %s; keeping the old configuration",
		    err.msg);
		return;
	}
	if (lease_table_ranges(&d->leases, n.nranges) == -1) {
		log_warnx("reload: out of memory");
		dhcpconf_free(&n);
		return;
	}
	dhcpconf_free(&d->conf);
	d->conf = n;
	conf_notes(&d->conf);
	if (d->io.bs == -1 && d->conf.proxy != DC_PROXY_OFF)
		log_warnx("proxy-dhcp: port %d opens at start only (before "
		    "the privilege drop): restart to serve it",
		    DHCP_PXE_BS_PORT);
	if (d->icmp == -1 && dhcpd_wants_ping(&d->conf))
		log_warnx("ping-check: the ICMP socket opens at start only "
		    "(before the privilege drop): restart to ping");
	netio_refresh(&d->io);
	log_info("%s: reloaded, %zu subnets, %zu hosts", d->cf,
	    d->conf.nsubnets, d->conf.nhosts);
}

int
main(int argc, char *argv[])
{
	struct dhcpd d;
	struct perr err;

	memset(&d, 0, sizeof(d));
	d.cf = DHCPD_CONF;
	d.lf = DHCPD_LEASES;
	d.pf = DHCPD_PID;
	d.user = DHCPD_USER;
	parse_args(&d, argc, argv);
	log_init(d.debug || d.test ? LOG_TO_STDERR : LOG_TO_SYSLOG,
	    d.verbose, LOG_DAEMON);
	log_setfatalstatus(EX_OSERR);
	if (conf_load(&d.dirs, d.cf, d.ethers, &d.conf, &err) == -1) {
		fprintf(stderr, "%s\n", err.msg);
		return EX_CONFIG;
	}
	conf_notes(&d.conf);
	if (d.test == 2)
		dhcpconf_print(stdout, &d.conf);
	if (d.test)
		return 0;
	if (d.conf.log_facility[0] != '\0')
		log_init(d.debug ? LOG_TO_STDERR : LOG_TO_SYSLOG, d.verbose,
		    dhcpd_facility(d.conf.log_facility));
	if (lease_table_ranges(&d.leases, d.conf.nranges) == -1)
		fatal("lease table");
	setup(&d);
	dhcpd_loop(&d, &got_hup, &got_term, reload);
	log_info("exiting on signal");
	return 0;
}
