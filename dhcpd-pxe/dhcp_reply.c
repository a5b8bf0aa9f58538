// SPDX-License-Identifier: ISC
/*
 * One handler per message type (RFC 2131 §4.3).  REQUEST states are told
 * apart as §4.3.2 says: a server identifier means SELECTING; otherwise a
 * requested address (option 50) with ciaddr 0 means INIT-REBOOT; otherwise
 * ciaddr means RENEWING or REBINDING.  A client we have no record of gets
 * silence, or a NAK when the subnet is `authoritative' (ISC behaviour).
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_reply.h"

static void
dhcp_drop(struct dhcp_result *r, const char *why)
{
	r->dest = DHCP_DST_NONE;
	r->type = 0;
	r->why = why;
}

static bool
dhcp_authoritative(const struct dhcp_ctx *x)
{
	struct dc_chain ch;

	dhcp_chain(x, -1, &ch);
	return dhcpconf_authoritative(x->srv->conf, &ch);
}

/* Keeps a printable host name (option 12) for the lease file. */
static void
dhcp_hostname(const struct dhcp_msg *m, struct lease *l)
{
	const uint8_t *v;
	size_t len, i, n = 0;

	if ((v = dhcp_opt_get(m, DHO_HOST_NAME, 1, &len)) == NULL)
		return;
	for (i = 0; i < len && n + 1 < sizeof(l->hostname); i++)
		if (v[i] > 0x20 && v[i] < 0x7f && v[i] != '"' && v[i] != '\\')
			l->hostname[n++] = (char)v[i];
	l->hostname[n] = '\0';
}

static void
dhcp_discover(struct dhcp_ctx *x, struct dhcp_result *r)
{
	struct lease l, *cur;
	struct dc_chain ch;
	const char *why;
	uint32_t ip, lt;
	int pool;

	if ((ip = dhcp_addr_pick(x, &pool, &why)) == 0) {
		dhcp_drop(r, why);
		r->exhausted = x->exhausted;
		return;
	}
	dhcp_chain(x, pool, &ch);
	if (dhcpconf_booting(x->srv->conf, &ch) == DC_PERMIT_DENY) {
		dhcp_drop(r, "booting denied");
		return;
	}
	lt = dhcp_lease_time(x, &ch);
	cur = lease_by_ip(x->srv->leases, ip);
	/*
	 * ping-check: a pool address no record gives this client (never
	 * leased, or last someone else's) may be in use by a host that never
	 * asked; the shell pings it before the OFFER leaves.
	 */
	if (pool >= 0 && dhcpconf_ping_check(x->srv->conf, &ch) &&
	    (cur == NULL || memcmp(cur->mac, x->mac, MAC_LEN) != 0)) {
		r->ping = true;
		r->ping_timeout = dhcpconf_ping_timeout(x->srv->conf, &ch);
	}
	if (pool >= 0 && (cur == NULL || !lease_bound(cur, x->srv->now) ||
	    cur->state != LEASE_ACTIVE)) {
		memset(&l, 0, sizeof(l));
		l.ip = ip;
		memcpy(l.mac, x->mac, MAC_LEN);
		l.state = LEASE_OFFERED;
		l.starts = x->srv->now;
		l.ends = x->srv->now + LEASE_OFFER_HOLD;
		if (lease_put(x->srv->leases, &l) == NULL) {
			dhcp_drop(r, "out of memory");
			return;
		}
	}
	dhcp_build(x, DHCPOFFER, ip, pool, lt, r);
}

/* ACK ip if this client may have it, else NAK. */
static void
dhcp_ack(struct dhcp_ctx *x, uint32_t ip, struct dhcp_result *r)
{
	struct dc_chain ch;
	struct lease l;
	uint32_t lt;
	int pool;

	if (!dhcp_addr_ok(x, ip, &pool)) {
		dhcp_build_nak(x, "address not available", r);
		return;
	}
	dhcp_chain(x, pool, &ch);
	if (dhcpconf_booting(x->srv->conf, &ch) == DC_PERMIT_DENY) {
		dhcp_drop(r, "booting denied");
		return;
	}
	lt = dhcp_lease_time(x, &ch);
	if (pool >= 0) {
		memset(&l, 0, sizeof(l));
		l.ip = ip;
		memcpy(l.mac, x->mac, MAC_LEN);
		l.state = LEASE_ACTIVE;
		l.starts = x->srv->now;
		l.ends = x->srv->now + lt;
		dhcp_hostname(x->m, &l);
		if (lease_put(x->srv->leases, &l) == NULL) {
			dhcp_drop(r, "out of memory");
			return;
		}
		r->commit = true;
		r->lease = l;
	}
	dhcp_build(x, DHCPACK, ip, pool, lt, r);
}

/* A server-identifier the config gives this client's replies? */
static bool
dhcp_our_id(const struct dhcp_ctx *x, uint32_t sid)
{
	struct dc_chain ch;
	uint32_t id;

	dhcp_chain(x, -1, &ch);
	return dhcpconf_server_id(x->srv->conf, &ch, &id) && id == sid;
}

/* Do we know this client on ip (host declaration or a lease record)? */
static bool
dhcp_known(const struct dhcp_ctx *x, uint32_t ip)
{
	const struct lease *l;

	if (x->host != NULL && x->host->has_fixed)
		return true;
	if ((l = lease_by_ip(x->srv->leases, ip)) != NULL &&
	    memcmp(l->mac, x->mac, MAC_LEN) == 0 && l->state != LEASE_FREE)
		return true;
	return (l = lease_by_ip(x->srv->leases, ip)) != NULL &&
	    lease_bound(l, x->srv->now);	/* someone else's: NAK */
}

static void
dhcp_request(struct dhcp_ctx *x, struct dhcp_result *r)
{
	struct lease *l;
	uint32_t sid = 0, ip = 0;
	bool has_req = dhcp_opt_get32(x->m, DHO_REQ_ADDR, &ip) == 0;

	if (dhcp_opt_get32(x->m, DHO_SERVER_ID, &sid) == 0) {	/* SELECTING */
		if (sid != x->srv->ifaddr && !dhcp_our_id(x, sid)) {
			l = lease_by_mac(x->srv->leases, x->mac);
			if (l != NULL && l->state == LEASE_OFFERED)
				l->state = LEASE_FREE;
			dhcp_drop(r, "client chose another server");
			return;
		}
		if (!has_req && (ip = x->m->ciaddr) == 0) {
			dhcp_drop(r, "REQUEST without an address");
			return;
		}
	} else if (has_req && x->m->ciaddr == 0) {		/* INIT-REBOOT */
		if (x->sn == NULL) {
			dhcp_drop(r, "not on a network we serve");
			return;
		}
		if (!ip4_in_net(ip, x->sn->net, x->sn->mask)) {
			if (dhcp_authoritative(x))
				dhcp_build_nak(x, "wrong network", r);
			else
				dhcp_drop(r, "address on another network");
			return;
		}
	} else if ((ip = x->m->ciaddr) == 0) {
		dhcp_drop(r, "REQUEST without an address");
		return;
	}
	if (x->sn == NULL) {
		dhcp_drop(r, "not on a network we serve");
		return;
	}
	if (sid == x->srv->ifaddr || (sid != 0 && dhcp_our_id(x, sid)) ||
	    dhcp_known(x, ip) || dhcp_authoritative(x))
		dhcp_ack(x, ip, r);
	else
		dhcp_drop(r, "no record of this client");
}

/* DECLINE (address in use: abandon it) and RELEASE (free it). */
static void
dhcp_give_back(struct dhcp_ctx *x, bool decline, struct dhcp_result *r)
{
	struct lease *l;
	uint32_t ip = x->m->ciaddr;

	if (decline && dhcp_opt_get32(x->m, DHO_REQ_ADDR, &ip) == -1)
		ip = 0;
	l = ip == 0 ? NULL : lease_by_ip(x->srv->leases, ip);
	if (l == NULL || memcmp(l->mac, x->mac, MAC_LEN) != 0) {
		dhcp_drop(r, "no lease of this client on that address");
		return;
	}
	l->state = decline ? LEASE_ABANDONED : LEASE_FREE;
	l->ends = x->srv->now + (decline ? LEASE_ABANDON_TIME : 0);
	r->commit = true;
	r->lease = *l;
	r->dest = DHCP_DST_NONE;
	r->why = decline ? "address abandoned" : "lease released";
}

void
dhcp_reply(const struct dhcp_server *srv, const struct dhcp_msg *m,
    struct dhcp_result *r)
{
	struct dhcp_ctx x;

	memset(r, 0, offsetof(struct dhcp_result, pkt));
	dhcp_ctx_init(&x, srv, m);
	switch (m->type) {
	case DHCPDISCOVER:
		dhcp_discover(&x, r);
		break;
	case DHCPREQUEST:
		dhcp_request(&x, r);
		break;
	case DHCPDECLINE:
	case DHCPRELEASE:
		dhcp_give_back(&x, m->type == DHCPDECLINE, r);
		break;
	case DHCPINFORM:
		if (m->ciaddr == 0 || x.sn == NULL)
			dhcp_drop(r, "INFORM without a known ciaddr");
		else
			dhcp_build(&x, DHCPACK, 0, -1, 0, r);
		break;
	default:
		dhcp_drop(r, "not a client message");
		break;
	}
}
