// SPDX-License-Identifier: ISC
/*
 * The RFC 2090 session core (tftp_mcast.h).  Pure: no I/O, no clock, no
 * allocation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "in.tftpd/tftp_mcast.h"

void
tftp_mc_init(struct tftp_mc *m, struct tftp_mc_client *tab, size_t cap,
    uint32_t nblocks, uint32_t timeout_ms, uint32_t max_ms, unsigned retries)
{
	memset(m, 0, sizeof(*m));
	m->cl = tab;
	m->cap = cap;
	m->nblocks = nblocks;
	m->timeout_ms = m->cur_ms = timeout_ms > 0 ? timeout_ms : 1;
	m->max_ms = max_ms > m->timeout_ms ? max_ms : m->timeout_ms;
	m->retries = retries;
	m->master = -1;
}

static ssize_t
find(const struct tftp_mc *m, uint32_t ip, uint16_t port)
{
	size_t i;

	for (i = 0; i < m->ncl; i++)
		if (m->cl[i].ip == ip && m->cl[i].port == port)
			return (ssize_t)i;
	return -1;
}

/* The waiting client with the lowest turn becomes master, if any. */
static void
elect(struct tftp_mc *m)
{
	size_t i;

	m->master = -1;
	m->send = false;
	m->due = 0;
	for (i = 0; i < m->ncl; i++)
		if (m->cl[i].state == MC_WAITING && (m->master == -1 ||
		    m->cl[i].turn < m->cl[m->master].turn))
			m->master = (ssize_t)i;
	if (m->master == -1)
		return;
	m->cl[m->master].state = MC_MASTER;
	m->cl[m->master].oack = true;
	m->fresh = true;
	m->tries = 0;
	m->cur_ms = m->timeout_ms;
}

/* Client i is over: DONE, or FAILED with code. */
static void
end(struct tftp_mc *m, size_t i, enum tftp_mc_state st, uint16_t code)
{
	struct tftp_mc_client *c = &m->cl[i];

	c->state = st;
	c->code = code;
	c->oack = false;
	c->got = m->out - c->joined;
	if ((ssize_t)i == m->master)
		elect(m);
}

ssize_t
tftp_mc_join(struct tftp_mc *m, uint32_t ip, uint16_t port,
    const uint8_t *oack, size_t len, int64_t start)
{
	struct tftp_mc_client *c;
	ssize_t i;

	if ((i = find(m, ip, port)) != -1) {
		c = &m->cl[i];
		if (c->state == MC_DONE || c->state == MC_FAILED)
			return -1;
		c->oack = true;		/* its first OACK was lost */
		return i;
	}
	if (m->ncl == m->cap || len > TFTP_MC_OACKMAX)
		return -1;
	i = (ssize_t)m->ncl++;
	c = &m->cl[i];
	memset(c, 0, sizeof(*c));
	c->ip = ip;
	c->port = port;
	c->state = MC_WAITING;
	c->oack = true;
	c->joined = m->out;
	c->turn = m->turns++;
	c->start = start;
	c->oacklen = (uint8_t)len;
	memcpy(c->base, oack, len);
	if (m->master == -1)
		elect(m);
	return i;
}

void
tftp_mc_ack(struct tftp_mc *m, uint32_t ip, uint16_t port, uint16_t block)
{
	if (m->master == -1 || find(m, ip, port) != m->master ||
	    block > m->nblocks || m->cl[m->master].oack)
		return;
	/* Below the block sent: a duplicate, or a stray from a pass before. */
	if (!m->fresh && block < m->sent)
		return;
	m->fresh = false;
	m->tries = 0;
	m->cur_ms = m->timeout_ms;
	m->due = 0;
	if (block == m->nblocks) {
		end(m, (size_t)m->master, MC_DONE, 0);
		return;
	}
	m->sent = (uint32_t)block + 1;
	m->send = true;
}

void
tftp_mc_error(struct tftp_mc *m, uint32_t ip, uint16_t port, uint16_t code)
{
	ssize_t i;

	if ((i = find(m, ip, port)) == -1 || m->cl[i].state == MC_DONE ||
	    m->cl[i].state == MC_FAILED)
		return;
	end(m, (size_t)i, MC_FAILED, code);
}

/* The master did not answer in time: resend, or its turn is over. */
static void
expired(struct tftp_mc *m)
{
	struct tftp_mc_client *c = &m->cl[m->master];

	if (++m->tries > m->retries) {
		if (++c->strikes >= TFTP_MC_STRIKES) {
			end(m, (size_t)m->master, MC_FAILED, 0);
			return;
		}
		c->state = MC_WAITING;
		c->oack = false;
		c->turn = m->turns++;
		elect(m);
		return;
	}
	m->cur_ms = m->cur_ms * 2 > m->max_ms ? m->max_ms : m->cur_ms * 2;
	/*
	 * The OACK again, and the block: a master that has the block (its
	 * ACK was lost) re-ACKs a repeated block only once, then only on its
	 * own timeout, which a repeat every cur_ms keeps from ever firing
	 * (atftp); an OACK with mc=1 has it ACK what it holds at once.
	 */
	m->cl[m->master].oack = true;
	m->send = !m->fresh;
}

void
tftp_mc_next(struct tftp_mc *m, int64_t now, struct tftp_mc_action *a)
{
	size_t i;
	bool live = false;

	memset(a, 0, sizeof(*a));
	if (m->master != -1 && m->due != 0 && now >= m->due) {
		m->due = 0;
		expired(m);
	}
	for (i = 0; i < m->ncl; i++) {		/* ends first */
		struct tftp_mc_client *c = &m->cl[i];

		if ((c->state == MC_DONE || c->state == MC_FAILED) &&
		    !c->reported) {
			c->reported = true;
			a->act = MC_ACT_END;
			a->client = i;
			return;
		}
	}
	for (i = 0; i < m->ncl; i++) {
		struct tftp_mc_client *c = &m->cl[i];

		if (c->state == MC_DONE || c->state == MC_FAILED)
			continue;
		live = true;
		if (c->oack) {
			c->oack = false;
			a->act = MC_ACT_OACK;
			a->client = i;
			a->master = (ssize_t)i == m->master;
			if (a->master)
				m->due = now + m->cur_ms;
			return;
		}
	}
	if (!live) {
		a->act = MC_ACT_OVER;
		return;
	}
	if (m->send) {
		m->send = false;
		m->out++;
		m->due = now + m->cur_ms;
		a->act = MC_ACT_DATA;
		a->block = m->sent;
		return;
	}
	a->act = MC_ACT_WAIT;
	a->due = m->due;
}

size_t
tftp_mc_oack(uint8_t *buf, size_t cap, const struct tftp_mc_client *c,
    uint32_t group, uint16_t port, bool master)
{
	char v[40];
	int n;

	n = snprintf(v, sizeof(v), "%u.%u.%u.%u,%u,%d", group >> 24,
	    (group >> 16) & 255, (group >> 8) & 255, group & 255, port,
	    master ? 1 : 0);
	if (n < 0 || c->oacklen + sizeof("multicast") + (size_t)n + 1 > cap)
		return 0;
	memcpy(buf, c->base, c->oacklen);
	memcpy(buf + c->oacklen, "multicast", sizeof("multicast"));
	memcpy(buf + c->oacklen + sizeof("multicast"), v, (size_t)n + 1);
	return c->oacklen + sizeof("multicast") + (size_t)n + 1;
}

/* A dotted quad in 224.0.0.0/4, ending at *end. */
static int
group_addr(const char *s, const char **end, uint32_t *a)
{
	unsigned long part;
	char *e;
	int i;

	*a = 0;
	for (i = 0; i < 4; i++) {
		if (*s < '0' || *s > '9')
			return -1;
		part = strtoul(s, &e, 10);
		if (part > 255 || e - s > 3 || (i < 3 && *e != '.'))
			return -1;
		*a = *a << 8 | (uint32_t)part;
		s = i < 3 ? e + 1 : e;
	}
	*end = s;
	return (*a >> 28) == 0xe ? 0 : -1;
}

/* A port 1..65535, ending at *end. */
static int
group_port(const char *s, const char **end, uint16_t *p)
{
	unsigned long v;
	char *e;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &e, 10);
	if (v == 0 || v > 65535 || e - s > 5)
		return -1;
	*p = (uint16_t)v;
	*end = e;
	return 0;
}

int
tftp_mc_range_parse(const char *s, struct tftp_mc_range *r)
{
	const char *p = s;

	r->port_lo = r->port_hi = TFTP_MC_PORT;
	if (group_addr(p, &p, &r->lo) == -1)
		return -1;
	r->hi = r->lo;
	if (*p == '-' && group_addr(p + 1, &p, &r->hi) == -1)
		return -1;
	if (*p == ':') {
		if (group_port(p + 1, &p, &r->port_lo) == -1)
			return -1;
		r->port_hi = r->port_lo;
		if (*p == '-' && group_port(p + 1, &p, &r->port_hi) == -1)
			return -1;
	}
	if (*p != '\0' || r->hi < r->lo || r->port_hi < r->port_lo)
		return -1;
	return 0;
}

uint64_t
tftp_mc_range_count(const struct tftp_mc_range *r)
{
	return (uint64_t)(r->hi - r->lo + 1) *
	    (uint64_t)(r->port_hi - r->port_lo + 1);
}

void
tftp_mc_range_pick(const struct tftp_mc_range *r, uint64_t k,
    uint32_t *group, uint16_t *port)
{
	uint64_t ports = (uint64_t)(r->port_hi - r->port_lo) + 1;

	*group = r->lo + (uint32_t)(k / ports);
	*port = (uint16_t)(r->port_lo + k % ports);
}
