// SPDX-License-Identifier: ISC
/*
 * pxefleet -i IFACE -n N [options]: N simulated PXE clients (iPXE
 * firmware, then pxelinux) booting over IFACE, for boot storms.  Each has
 * its own MAC and SMBIOS UUID and runs the whole boot: DHCP as the
 * captured iPXE ROM sends it, timed by a firmware schedule; ARP for the
 * boot server; the boot file by iPXE's TFTP; ldlinux.c32, the
 * pxelinux.cfg/ lookups in pxelinux's order (misses included), the kernel
 * and initrds of the entry found, with pxelinux's timeouts.  The protocol
 * is the pure core in fleet/ (fl_client.h); this is its shell.
 *
 * All clients share one packet socket on IFACE (promiscuous): a firmware
 * has a UDP/IP stack of its own, and so does each client here.  No
 * address, socket or interface per client: 1024 clients cost one
 * descriptor and about 25 KB each, and a DHCP answer unicast to a client's
 * MAC arrives as at its NIC.  Run it in a namespace of its own, on an
 * interface without addresses (that kernel then ignores the traffic).
 *
 *   -m MAC | -e ETHERS  the first MAC, counting up (52:54:00:f1:00:01), or
 *                       the first N of an ethers file
 *   -u mac|zero  SMBIOS UUID carrying the MAC, or zero (qemu's default)
 *   -a bios|efi  which captured DISCOVER; -S pxe|ipxe|edk2 its schedule
 *   -W WINDOW    windowsize for pxelinux's reads (RFC 7440; default none)
 *   -c           the small phases only: a client is done ("booted") once
 *                pxelinux has its entry, without its kernel and initrds
 *   -w           power a client on when a Wake-on-LAN magic packet for its
 *                MAC arrives (as wolshim does); else all at start, spread
 *                over -j MS milliseconds (default 0)
 *   -L SECS      per client from power-on (300); -T SECS the run (600)
 *   -o FILE      the CSV: a line per DHCP exchange and transfer, and a
 *                "boot" line per client: "booted", "gave-up: ...", ...
 * On stderr: a line when the socket is open (with the wall clock of the
 * CSV's time 0), a summary at the end.  Exit 0 when every client booted,
 * 1 when one did not, EX_USAGE, EX_OSERR.
 */
#include <sys/socket.h>

#include <arpa/inet.h>
#include <err.h>
#include <errno.h>
#include <net/if.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "common/ethers.h"
#include "common/monotime.h"
#include "common/opt.h"
#include "fleet/fl_fleet.h"

#define BATCH		64
#define NMAX		4096

struct run {
	struct fl_fleet	 f;
	struct fl_out	 out;
	int		 fd;
	FILE		*csv;
	struct fl_tally	 tally;
	int64_t		 t0;
	unsigned long	 rx, tx, txdrop;
};

static volatile sig_atomic_t got_stop;

static void
on_stop(int sig)
{
	got_stop = 1;
}

/* Sends what the core asked for and writes what it recorded. */
static void
drain(struct run *r)
{
	const struct fl_rec *rec;
	char line[1024];
	size_t i, n;

	for (i = 0; i < r->out.nframes; i++) {
		if (send(r->fd, r->out.frame[i], r->out.flen[i], 0) == -1) {
			if (errno != ENOBUFS && errno != EAGAIN)
				err(EX_OSERR, "send");
			r->txdrop++;	/* a NIC drops it: timers resend */
		} else
			r->tx++;
	}
	for (i = 0; i < r->out.nrecs; i++) {
		rec = &r->out.rec[i];
		if ((n = fl_fleet_csv(&r->f, rec, r->t0, line, sizeof(line))))
			fwrite(line, 1, n, r->csv);
		fl_tally_add(&r->tally, rec);
	}
	r->out.nframes = r->out.nrecs = 0;
}

static int
open_iface(const char *ifname)
{
	struct sockaddr_ll sll;
	struct packet_mreq mr;
	int fd, one = 1, sz = 16 << 20;

	if ((fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
	    htons(ETH_P_ALL))) == -1)
		err(EX_OSERR, "packet socket");
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	if ((sll.sll_ifindex = (int)if_nametoindex(ifname)) == 0)
		err(EX_OSERR, "%s", ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) == -1)
		err(EX_OSERR, "bind %s", ifname);
	memset(&mr, 0, sizeof(mr));
	mr.mr_ifindex = sll.sll_ifindex;
	mr.mr_type = PACKET_MR_PROMISC;
	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr,
	    sizeof(mr)) == -1)
		err(EX_OSERR, "%s: promiscuous mode", ifname);
	/* our own frames are not for us (Linux 4.20) */
	if (setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one,
	    sizeof(one)) == -1)
		err(EX_OSERR, "PACKET_IGNORE_OUTGOING");
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) == -1)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	sz = 4 << 20;
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sz, sizeof(sz)) == -1)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sz, sizeof(sz));
	return fd;
}

/* Reads what is queued, BATCH frames a call, 16 calls at most. */
static void
receive(struct run *r)
{
	static uint8_t buf[BATCH][2048];
	struct mmsghdr m[BATCH];
	struct iovec iov[BATCH];
	int64_t now;
	int i, n, k;

	memset(m, 0, sizeof(m));
	for (i = 0; i < BATCH; i++) {
		iov[i].iov_base = buf[i];
		iov[i].iov_len = sizeof(buf[i]);
		m[i].msg_hdr.msg_iov = &iov[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	for (k = 0; k < 16; k++) {	/* then timers get their turn */
		if ((n = recvmmsg(r->fd, m, BATCH, MSG_DONTWAIT, NULL)) <= 0) {
			if (n == -1 && errno != EAGAIN && errno != EINTR)
				err(EX_OSERR, "recvmmsg");
			return;
		}
		now = mono_us();
		for (i = 0; i < n; i++) {
			r->rx++;
			fl_fleet_frame(&r->f, buf[i], m[i].msg_len, now,
			    &r->out);
			drain(r);
		}
		if (n < BATCH)
			return;
	}
}

/* Runs the clients whose time has come: a bounded number a round. */
static void
expire(struct run *r, int64_t now)
{
	size_t i;

	for (i = 0; i < 4 * r->f.n + 16; i++) {
		if (!fl_fleet_expire(&r->f, now, &r->out))
			return;
		drain(r);
	}
}

static void
loop(struct run *r, int64_t end)
{
	struct pollfd pfd = { .fd = r->fd, .events = POLLIN };
	int64_t now, next;
	int ms;

	while (!got_stop && !fl_fleet_done(&r->f)) {
		now = mono_us();
		if (now >= end)
			break;
		expire(r, now);
		next = fl_fleet_next(&r->f);
		if (next > end)
			next = end;
		now = mono_us();
		ms = next <= now ? 0 : (int)((next - now + 999) / 1000);
		if (ms > 1000)
			ms = 1000;
		if (poll(&pfd, 1, ms) == -1 && errno != EINTR)
			err(EX_OSERR, "poll");
		if (pfd.revents & POLLIN)
			receive(r);
	}
}

static struct fl_client *
make_clients(const struct fl_conf *conf, size_t n, const uint8_t base[6],
    const char *ethers, bool zero, uint64_t seed)
{
	struct fl_client *v;
	struct ethers e;
	struct perr pe;
	uint8_t mac[MAC_LEN], uuid[FL_UUID_LEN];
	size_t i;

	memset(&e, 0, sizeof(e));
	if (ethers != NULL && ethers_load(&e, ethers, &pe) == -1)
		errx(EX_USAGE, "%s", pe.msg);
	if (ethers != NULL && e.n < n)
		errx(EX_USAGE, "%s: %zu entries, %zu clients", ethers, e.n, n);
	if ((v = calloc(n, sizeof(*v))) == NULL)
		err(EX_OSERR, "calloc");
	for (i = 0; i < n; i++) {
		if (ethers != NULL)
			memcpy(mac, e.v[i].mac, MAC_LEN);
		else
			fl_fleet_mac(base, i, mac);
		fl_fleet_uuid(mac, zero, uuid);
		fl_client_init(&v[i], conf, i, mac, uuid, seed);
	}
	ethers_free(&e);
	return v;
}

static void
usage(void)
{
	fprintf(stderr, "usage: pxefleet -i iface -n clients [-cw] "
	    "[-a bios|efi] [-e ethers | -m mac]\n"
	    "    [-j spread_ms] [-L client_s] [-o csv] [-S pxe|ipxe|edk2] "
	    "[-s seed]\n    [-T total_s] [-u mac|zero] [-W windowsize]\n");
	exit(EX_USAGE);
}

static void
setup_fleet(struct run *r, struct fl_client *v, size_t n, bool wol)
{
	size_t ts = fl_fleet_tabsize(n);
	size_t *mt, *it, *hp, *ps;
	const char *errstr;

	if ((mt = calloc(ts, sizeof(*mt))) == NULL ||
	    (it = calloc(ts, sizeof(*it))) == NULL ||
	    (hp = calloc(n, sizeof(*hp))) == NULL ||
	    (ps = calloc(n, sizeof(*ps))) == NULL)
		err(EX_OSERR, "calloc");
	if (fl_fleet_init(&r->f, v, n, mt, it, hp, ps, &errstr) == -1)
		errx(EX_USAGE, "%s", errstr);
	r->f.wol = wol;
}

static void
finish(struct run *r, int64_t now)
{
	struct tpacket_stats st;
	socklen_t sl = sizeof(st);
	const char *why = got_stop ? "interrupted" : "run time limit";

	while (fl_fleet_stop(&r->f, now, why, &r->out))
		drain(r);
	if (getsockopt(r->fd, SOL_PACKET, PACKET_STATISTICS, &st, &sl) == -1)
		memset(&st, 0, sizeof(st));
	fprintf(stderr, "pxefleet: clients %zu booted %zu not %zu "
	    "makespan %.3f s retrans %lu frames rx %lu tx %lu "
	    "tx-dropped %lu rx-dropped %u unreadable %lu stray %lu\n",
	    r->f.n, r->tally.booted, r->f.n - r->tally.booted,
	    (double)fl_tally_makespan(&r->tally) / 1e6, r->tally.retrans,
	    r->rx, r->tx, r->txdrop, st.tp_drops, r->f.bad, r->f.stray);
}

struct opts {
	struct fl_conf	 conf;
	uint8_t		 base[MAC_LEN];
	const char	*ifname, *ethers, *csv;
	int64_t		 total, spread;
	uint64_t	 seed;
	size_t		 n;
	bool		 wol, zero;
};

static void
options(int argc, char *argv[], struct opts *o)
{
	int ch;

	while ((ch = getopt(argc, argv, "a:ce:i:j:L:m:n:o:S:s:T:u:W:w")) != -1) {
		if (ch == 'a' && fl_arch_parse(optarg, &o->conf.arch) == -1)
			usage();
		else if (ch == 'S' && fl_sched_parse(optarg, &o->conf.sched))
			usage();
		else if (ch == 'm' && mac_parse(optarg, o->base) == -1)
			errx(EX_USAGE, "bad MAC %s", optarg);
		else if (ch == 'u' && strcmp(optarg, "zero") != 0 &&
		    strcmp(optarg, "mac") != 0)
			usage();
		else if (ch == 'c')
			o->conf.cfg_only = true;
		else if (ch == 'e')
			o->ethers = optarg;
		else if (ch == 'i')
			o->ifname = optarg;
		else if (ch == 'j')
			o->spread = opt_number(optarg, 0, 3600000, "ms") * 1000;
		else if (ch == 'L')
			o->conf.limit = opt_number(optarg, 1, 86400, "limit") *
			    1000000;
		else if (ch == 'n')
			o->n = (size_t)opt_number(optarg, 1, NMAX, "clients");
		else if (ch == 'o')
			o->csv = optarg;
		else if (ch == 's')
			o->seed = (uint64_t)opt_number(optarg, 0, 1LL << 62,
			    "seed");
		else if (ch == 'T')
			o->total = opt_number(optarg, 1, 86400, "total") *
			    1000000;
		else if (ch == 'u')
			o->zero = strcmp(optarg, "zero") == 0;
		else if (ch == 'W')
			o->conf.windowsize = (uint16_t)opt_number(optarg, 1, 64,
			    "windowsize");
		else if (ch == 'w')
			o->wol = true;
		else if (strchr("aSmu", ch) == NULL)	/* parsed above */
			usage();
	}
	if (o->ifname == NULL || o->n == 0 || optind != argc)
		usage();
}

int
main(int argc, char *argv[])
{
	static struct run r;
	struct opts o = { .conf = { .sched = FL_S_PXE, .limit = 300000000 },
	    .base = { 0x52, 0x54, 0x00, 0xf1, 0x00, 0x01 },
	    .total = 600000000, .seed = 1 };
	struct sigaction sa;
	struct timespec ts;
	struct fl_client *v;
	uint64_t rng;
	size_t i;

	options(argc, argv, &o);
	v = make_clients(&o.conf, o.n, o.base, o.ethers, o.zero, o.seed);
	setup_fleet(&r, v, o.n, o.wol);
	r.fd = open_iface(o.ifname);
	if ((r.csv = o.csv == NULL ? stdout : fopen(o.csv, "w")) == NULL)
		err(EX_OSERR, "%s", o.csv);
	fputs(FL_CSV_HEADER, r.csv);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	r.t0 = mono_us();
	fl_tally_init(&r.tally);
	rng = o.seed;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(stderr, "pxefleet: %zu clients on %s, time 0 = %lld.%06ld%s\n",
	    o.n, o.ifname, (long long)ts.tv_sec, ts.tv_nsec / 1000,
	    o.wol ? ", waiting for magic packets" : "");
	for (i = 0; !o.wol && i < o.n; i++)
		fl_fleet_power(&r.f, i, r.t0, r.t0 + (o.spread > 0 ?
		    (int64_t)(fl_rand(&rng) % (uint64_t)o.spread) : 0));
	loop(&r, r.t0 + o.total);
	finish(&r, mono_us());
	if (fclose(r.csv) == EOF)
		err(EX_OSERR, "%s", o.csv != NULL ? o.csv : "stdout");
	close(r.fd);
	return r.tally.booted == o.n ? 0 : 1;
}
