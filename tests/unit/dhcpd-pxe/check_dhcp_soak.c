// SPDX-License-Identifier: ISC
/*
 * Stateful soak of dhcpd-pxe's lease core (issue 16): 100 000 clients
 * churn through a 4-address pool and a 1000-address pool by DISCOVER,
 * REQUEST, a REQUEST naming another server, RENEW, INIT-REBOOT, RELEASE,
 * DECLINE, lease expiry and a restart every 5000 clients, driven through
 * dhcp_sim.h.  After every step it checks the lease table's indexes and
 * probe runs and that no ACK gives an address another client holds; at
 * every restart, that the held leases survived; every 1000 clients, that
 * a fixed host is still answered.  Each client joins, then stays among
 * 64 that act on their address until a newcomer takes its place.
 */
#include <string.h>

#include "tests.h"
#include "dhcp_sim.h"

#define SOAK_CLIENTS	100000
#define SOAK_LIVE	64
#define SOAK_RESTART	5000

static uint32_t
soak_rand(uint64_t *x, uint32_t n)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return (uint32_t)(*x % n);
}

static void
soak_run(const char *conf, uint32_t lo, uint32_t size, uint64_t rng)
{
	static struct dhcp_sim s;
	static struct dhcp_sim_client live[SOAK_LIVE];
	struct dhcp_sim_client cl;
	const char *e;
	uint32_t k;

	memset(live, 0, sizeof(live));
	e = dhcp_sim_init(&s, conf, lo, size);
	ck_assert_msg(e == NULL, "%s", e);
	for (k = 0; k < SOAK_CLIENTS; k++) {
		memset(&cl, 0, sizeof(cl));
		cl.mac[0] = 2;
		cl.mac[1] = 0x5a;
		dhcp_pkt_put32(cl.mac + 2, k);
		cl.id = k + 1;
		e = dhcp_sim_join(&s, &cl, soak_rand(&rng, 100));
		/* The one in its place walks away; its lease runs out. */
		live[soak_rand(&rng, SOAK_LIVE)] = cl;
		if (e == NULL)
			e = dhcp_sim_act(&s, &live[soak_rand(&rng, SOAK_LIVE)],
			    soak_rand(&rng, 100));
		s.srv.now += soak_rand(&rng, 8);
		if (e == NULL && k % SOAK_RESTART == SOAK_RESTART - 1)
			e = dhcp_sim_restart(&s);
		if (e == NULL)
			e = dhcp_sim_check(&s, k % 1000 == 999);
		ck_assert_msg(e == NULL, "client %u: %s", k + 1, e);
	}
	/* The run did what it is for: churn, a full pool, restarts. */
	ck_assert_uint_gt(s.acks, SOAK_CLIENTS / 4);
	ck_assert_uint_eq(s.restarts, SOAK_CLIENTS / SOAK_RESTART);
	ck_assert_uint_gt(s.naks + s.full, 0);
	dhcp_sim_free(&s);
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
