// SPDX-License-Identifier: ISC
/*
 * Stateful soak of dhcpd-pxe's lease core (issue 16): 100 000 clients
 * churn through a 4-address pool and a 1000-address pool by DISCOVER,
 * REQUEST, a REQUEST naming another server, RENEW, INIT-REBOOT, RELEASE,
 * DECLINE, lease expiry and server restarts (the table written as a
 * journal and read back).  After every step it checks the lease table's
 * indexes (lease_table_verify: no stale or doubled entry, probe runs
 * bounded) and that no address is held by two clients at once as the
 * clients see it (an ACK while another client's ACKed lease runs); at
 * every restart, that every lease a client holds survived it; and every
 * 1000 clients, that a fixed host is still answered.
 */
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "dhcp_req.h"

#include "dhcpd-pxe/lease_file.h"

#define SOAK_CLIENTS	100000
#define SOAK_LIVE	64	/* earlier clients that still act */
#define SOAK_RESTART	5000	/* steps between restarts */
#define SOAK_PROBE_MAX	32
#define SOAK_SID	0xc0000201u

static const uint8_t soak_fixed_mac[6] = { 2, 0, 0, 0, 1, 1 };

/* What a client believes it holds. */
struct soak_client {
	uint8_t		mac[6];
	uint32_t	ip;		/* 0: nothing */
};

/* Who holds each pool address, as the clients see it. */
struct soak_holder {
	uint32_t	client;		/* client number + 1, 0: nobody */
	int64_t		ends;
};

struct soak {
	struct dhcpconf		c;
	struct lease_table	lt;
	struct dhcp_server	srv;
	struct soak_client	live[SOAK_LIVE];
	uint32_t		live_id[SOAK_LIVE];
	struct soak_holder	*hold;
	uint32_t		lo, size;	/* the pool */
	uint64_t		rng;
	unsigned		acks, naks, full, restarts;
};

static void
soak_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static uint32_t
soak_rand(struct soak *s, uint32_t n)
{
	s->rng ^= s->rng << 13;
	s->rng ^= s->rng >> 7;
	s->rng ^= s->rng << 17;
	return (uint32_t)(s->rng % n);
}

static void
soak_send(struct soak *s, const uint8_t mac[6], uint8_t type,
    uint32_t ciaddr, uint32_t req, uint32_t sid, struct dhcp_result *r)
{
	uint8_t o[12];
	struct dhcp_msg m;
	size_t n = 0;

	if (req != 0) {
		o[n++] = DHO_REQ_ADDR;
		o[n++] = 4;
		soak_put32(o + n, req);
		n += 4;
	}
	if (sid != 0) {
		o[n++] = DHO_SERVER_ID;
		o[n++] = 4;
		soak_put32(o + n, sid);
		n += 4;
	}
	dhcp_req_mac(&m, type, mac, ciaddr, 0, o, n);
	dhcp_reply(&s->srv, &m, r);
}

static struct soak_holder *
soak_holder(struct soak *s, uint32_t ip)
{
	ck_assert_uint_ge(ip, s->lo);
	ck_assert_uint_lt(ip - s->lo, s->size);
	return &s->hold[ip - s->lo];
}

/* The reply r to client id: an ACK must not take a held address. */
static void
soak_answer(struct soak *s, struct soak_client *cl, uint32_t id,
    const struct dhcp_result *r)
{
	struct soak_holder *h;

	if (r->type == DHCPNAK) {
		s->naks++;
		cl->ip = 0;
		return;
	}
	if (r->type != DHCPACK)
		return;
	ck_assert(r->commit);
	h = soak_holder(s, r->yiaddr);
	ck_assert_msg(h->client == 0 || h->client == id + 1 ||
	    h->ends <= s->srv.now, "client %u got %08x, held by client %u "
	    "until %lld (now %lld)", id, r->yiaddr, h->client - 1,
	    (long long)h->ends, (long long)s->srv.now);
	if (cl->ip != 0 && cl->ip != r->yiaddr &&
	    soak_holder(s, cl->ip)->client == id + 1)
		soak_holder(s, cl->ip)->client = 0;
	h->client = id + 1;
	h->ends = r->lease.ends;
	cl->ip = r->yiaddr;
	s->acks++;
}

/* A client gives its address back (RELEASE, or DECLINE). */
static void
soak_give_back(struct soak *s, struct soak_client *cl, uint32_t id,
    bool decline)
{
	struct dhcp_result r;
	struct soak_holder *h = soak_holder(s, cl->ip);

	if (decline)
		soak_send(s, cl->mac, DHCPDECLINE, 0, cl->ip, SOAK_SID, &r);
	else
		soak_send(s, cl->mac, DHCPRELEASE, cl->ip, 0, SOAK_SID, &r);
	ck_assert_int_eq(r.dest, DHCP_DST_NONE);
	if (h->client == id + 1)
		h->client = 0;
	cl->ip = 0;
}

/* The journal a restart reads: the table written out and parsed back. */
static void
soak_restart(struct soak *s)
{
	char rec[LEASE_RECORD_MAX], *text;
	struct perr err;
	size_t k, off = 0, valid;
	int n;

	text = malloc(s->lt.n * LEASE_RECORD_MAX + 1);
	ck_assert_ptr_nonnull(text);
	for (k = 0; k < s->lt.n; k++)
		if ((n = lease_file_format(&s->lt.v[k], rec, sizeof(rec))) > 0) {
			memcpy(text + off, rec, (size_t)n);
			off += (size_t)n;
		}
	lease_table_free(&s->lt);
	lease_table_init(&s->lt);
	ck_assert_int_eq(lease_table_ranges(&s->lt, s->c.nranges), 0);
	ck_assert_int_eq(lease_file_parse(&s->lt, text, off, "soak", &valid,
	    &err), 0);
	ck_assert_uint_eq(valid, off);
	free(text);
	for (k = 0; k < s->size; k++)
		if (s->hold[k].client != 0 && s->hold[k].ends > s->srv.now)
			ck_assert_int_eq(lease_by_ip(&s->lt, s->lo +
			    (uint32_t)k)->state, LEASE_ACTIVE);
	s->restarts++;
}

/* A new client: DISCOVER, then usually REQUEST, sometimes elsewhere. */
static void
soak_newcomer(struct soak *s, struct soak_client *cl, uint32_t id)
{
	struct dhcp_result r;
	uint32_t ip, k = soak_rand(s, 100);

	soak_send(s, cl->mac, DHCPDISCOVER, 0, 0, 0, &r);
	if (r.type != DHCPOFFER) {
		ck_assert_msg(r.exhausted, "no offer: %s", r.why);
		s->full++;
		return;
	}
	ip = r.yiaddr;
	if (k < 85)
		soak_send(s, cl->mac, DHCPREQUEST, 0, ip, SOAK_SID, &r);
	else if (k < 95)
		soak_send(s, cl->mac, DHCPREQUEST, 0, ip, SOAK_SID + 1, &r);
	else
		return;			/* the offer lapses */
	soak_answer(s, cl, id, &r);
}

/* One earlier client acts on the address it believes it holds. */
static void
soak_act(struct soak *s, size_t slot)
{
	struct soak_client *cl = &s->live[slot];
	uint32_t id = s->live_id[slot], k = soak_rand(s, 100);
	struct dhcp_result r;

	if (cl->ip == 0)
		return;
	if (k < 40)			/* RENEWING */
		soak_send(s, cl->mac, DHCPREQUEST, cl->ip, 0, 0, &r);
	else if (k < 60)		/* INIT-REBOOT */
		soak_send(s, cl->mac, DHCPREQUEST, 0, cl->ip, 0, &r);
	else if (k < 98) {
		soak_give_back(s, cl, id, false);
		return;
	} else {
		soak_give_back(s, cl, id, true);
		return;
	}
	soak_answer(s, cl, id, &r);
}

static void
soak_check(struct soak *s, uint32_t step)
{
	struct dhcp_result r;
	const char *e;
	size_t probe;

	e = lease_table_verify(&s->lt, &probe);
	ck_assert_msg(e == NULL, "step %u: %s", step, e);
	ck_assert_msg(probe <= SOAK_PROBE_MAX, "step %u: probe run %zu",
	    step, probe);
	if (step % 1000 != 0)
		return;
	soak_send(s, soak_fixed_mac, DHCPDISCOVER, 0, 0, 0, &r);
	ck_assert_uint_eq(r.type, DHCPOFFER);
	ck_assert_uint_eq(r.yiaddr, 0xc000020b);
}

static void
soak_run(const char *conf, uint32_t lo, uint32_t size, uint64_t seed)
{
	static struct soak s;
	struct soak_client cl;
	uint32_t k;
	size_t slot;

	memset(&s, 0, sizeof(s));
	dhcp_srv_init(conf, &s.c, &s.lt, &s.srv);
	s.lo = lo;
	s.size = size;
	s.rng = seed;
	ck_assert_ptr_nonnull(s.hold = calloc(size, sizeof(*s.hold)));
	for (k = 0; k < SOAK_CLIENTS; k++) {
		memset(&cl, 0, sizeof(cl));
		cl.mac[0] = 2;
		cl.mac[1] = 0x5a;
		soak_put32(cl.mac + 2, k);
		soak_newcomer(&s, &cl, k);
		slot = soak_rand(&s, SOAK_LIVE);
		s.live[slot] = cl;	/* the one there walks away */
		s.live_id[slot] = k;
		soak_act(&s, soak_rand(&s, SOAK_LIVE));
		s.srv.now += soak_rand(&s, 8);
		if (k % SOAK_RESTART == SOAK_RESTART - 1)
			soak_restart(&s);
		soak_check(&s, k + 1);
	}
	/* The run did what it is for: churn, full pools, restarts. */
	ck_assert_uint_gt(s.acks, SOAK_CLIENTS / 4);
	ck_assert_uint_gt(s.restarts, 10);
	ck_assert_uint_gt(s.naks + s.full, 0);
	free(s.hold);
	dhcp_srv_free(&s.c, &s.lt);
}

START_TEST(test_small_pool)
{
	soak_run("authoritative;\n"
	    "default-lease-time 30; max-lease-time 60;\n"
	    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
	    "  range 192.0.2.100 192.0.2.103;\n"
	    "  host fixed { hardware ethernet 02:00:00:00:01:01;\n"
	    "    fixed-address 192.0.2.11; }\n"
	    "}\n", 0xc0000264, 4, 0x9e3779b97f4a7c15ull);
}
END_TEST

START_TEST(test_large_pool)
{
	soak_run("authoritative;\n"
	    "default-lease-time 300; max-lease-time 600;\n"
	    "subnet 192.0.0.0 netmask 255.255.240.0 {\n"
	    "  range 192.0.4.0 192.0.7.231;\n"
	    "  host fixed { hardware ethernet 02:00:00:00:01:01;\n"
	    "    fixed-address 192.0.2.11; }\n"
	    "}\n", 0xc0000400, 1000, 0xd1b54a32d192ed03ull);
}
END_TEST

Suite *
dhcp_soak_suite(void)
{
	Suite *s = suite_create("dhcp_soak");
	TCase *small = tcase_create("small"), *large = tcase_create("large");

	tcase_add_test(small, test_small_pool);
	tcase_add_test(large, test_large_pool);
	tcase_set_timeout(small, 600);
	tcase_set_timeout(large, 600);
	suite_add_tcase(s, small);
	suite_add_tcase(s, large);
	return s;
}
