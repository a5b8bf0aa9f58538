// SPDX-License-Identifier: ISC
/*
 * Stateful libFuzzer harness over dhcpd-pxe's lease core (issue 16): each
 * input is a list of 4-byte steps (operation, client, choice, time) that
 * 64 simulated clients play against the reply core through dhcp_sim.h,
 * with the lease table, the clients and the clock kept across inputs, so
 * state builds up as it does in a server that runs for months.  A step
 * joins, renews, re-requests, releases or declines, replaces a client by
 * a new MAC, restarts the server (journal out and back) or lets time
 * pass.  After every step the indexes must verify and no ACK may give an
 * address another client holds; a broken invariant aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tests/unit/dhcpd-pxe/dhcp_sim.h"

#define FL_CLIENTS	64

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char conf[] =
    "authoritative;\n"
    "default-lease-time 20; max-lease-time 40;\n"
    "subnet 192.0.2.0 netmask 255.255.255.0 {\n"
    "  range 192.0.2.100 192.0.2.107;\n"
    "  host fixed { hardware ethernet 02:00:00:00:01:01;\n"
    "    fixed-address 192.0.2.11; }\n"
    "}\n";

static struct dhcp_sim s;
static struct dhcp_sim_client cl[FL_CLIENTS];
static uint32_t generation;

/* Client k gets a MAC nobody had before. */
static void
fl_renew_mac(struct dhcp_sim_client *c)
{
	generation++;
	c->mac[0] = 2;
	c->mac[1] = 0xfe;
	dhcp_pkt_put32(c->mac + 2, generation);
	c->id = generation;
	c->ip = 0;
}

static const char *
fl_step(const uint8_t st[4])
{
	struct dhcp_sim_client *c = &cl[st[1] % FL_CLIENTS];
	unsigned choice = st[2] % 100;

	switch (st[0] % 8) {
	case 0:
	case 1:
	case 2:
		return c->ip == 0 ? dhcp_sim_join(&s, c, choice) :
		    dhcp_sim_act(&s, c, choice);
	case 3:
		fl_renew_mac(c);
		return dhcp_sim_join(&s, c, choice);
	case 4:
		return dhcp_sim_act(&s, c, choice);
	case 5:
		return dhcp_sim_restart(&s);
	case 6:
		s.srv.now += st[3];
		return NULL;
	default:
		return dhcp_sim_check(&s, true);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *e;
	size_t i, k;

	if (generation == 0) {
		if ((e = dhcp_sim_init(&s, conf, 0xc0000264, 8)) != NULL) {
			fprintf(stderr, "fuzz_dhcp_lease: %s\n", e);
			abort();
		}
		for (k = 0; k < FL_CLIENTS; k++)
			fl_renew_mac(&cl[k]);
	}
	for (i = 0; i + 4 <= size; i += 4) {
		if ((e = fl_step(data + i)) == NULL)
			e = dhcp_sim_check(&s, false);
		if (e != NULL) {
			fprintf(stderr, "fuzz_dhcp_lease: step %zu: %s\n",
			    i / 4, e);
			abort();
		}
	}
	return 0;
}
