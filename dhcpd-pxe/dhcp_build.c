// SPDX-License-Identifier: ISC
/*
 * Building OFFER, ACK and NAK messages.  Options go out in this order, so
 * that a small budget (option 57) drops the least useful: message type,
 * server identifier, lease time, T1 and T2 (RFC 2131 §4.4.5: 0.5 and
 * 0.875 of the lease), subnet mask, then for PXE clients options 60, 97
 * and 43, then the options the client asked for in option 55, in its
 * order (RFC 2132 §9.8), or the config's own list, or every configured
 * option if there is no list.
 * Destination per RFC 2131 §4.1.
 */
#include <string.h>

#include "dhcpd-pxe/dhcp_enc.h"
#include "dhcpd-pxe/dhcp_build.h"

/* Options the server computes itself, never copied from the config. */
static bool
dhcp_managed(uint8_t code)
{
	switch (code) {
	case DHO_PAD: case DHO_END: case DHO_SUBNET_MASK: case DHO_VENDOR:
	case DHO_REQ_ADDR: case DHO_LEASE_TIME: case DHO_OVERLOAD:
	case DHO_MSG_TYPE: case DHO_SERVER_ID: case DHO_PRL:
	case DHO_MESSAGE: case DHO_MAX_SIZE: case DHO_T1: case DHO_T2:
	case DHO_VENDOR_CLASS: case DHO_CLIENT_ID: case DHO_PXE_UUID:
		return true;
	default:
		return false;
	}
}

static void
dhcp_dest(const struct dhcp_ctx *x, struct dhcp_result *r, uint32_t yiaddr)
{
	const struct dhcp_msg *m = x->m;

	r->dst_port = DHCP_CLIENT_PORT;
	if (m->giaddr != 0) {
		r->dest = DHCP_DST_RELAY;
		r->dst_ip = m->giaddr;
		r->dst_port = DHCP_SERVER_PORT;
	} else if (r->type == DHCPNAK) {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	} else if (m->ciaddr != 0) {
		r->dest = DHCP_DST_CIADDR;
		r->dst_ip = m->ciaddr;
	} else if (m->flags & DHCP_FLAG_BROADCAST) {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	} else {
		r->dest = DHCP_DST_CHADDR;
		r->dst_ip = yiaddr;
	}
}

static void
dhcp_hdr_from(const struct dhcp_ctx *x, struct dhcp_hdr *h, uint32_t yiaddr)
{
	memset(h, 0, sizeof(*h));
	h->xid = x->m->xid;
	h->flags = x->m->flags;
	h->giaddr = x->m->giaddr;
	h->ciaddr = x->m->ciaddr;
	h->yiaddr = yiaddr;
	memcpy(h->chaddr, x->m->chaddr, sizeof(h->chaddr));
}

/*
 * The config's value of DHCP option code for this client: set in the
 * chain (as data, or computed), set in the site option space, or built
 * from the space a definition of code encapsulates.  False if none.
 */
static bool
dhcp_cfg_opt(const struct dhcp_ctx *x, const struct dc_env *env,
    uint8_t code, uint8_t *buf, size_t *len)
{
	const struct dhcpconf *c = x->srv->conf;
	const struct dc_opt *o;
	const struct dc_optdef *d;
	int site;

	if ((o = dhcpconf_option(c, env->chain, DC_SPACE_DHCP, code)) ==
	    NULL && (site = dhcpconf_site_space(c, env->chain)) > 0)
		o = dhcpconf_option(c, env->chain, site, code);
	if (o != NULL)
		return dhcpconf_optval(c, o, env, buf, DC_OPT_MAX, len) == 0;
	/* ISC: the host's name goes with its fixed address only. */
	if (code == DHO_HOST_NAME && x->host != NULL && x->host->has_fixed &&
	    env->leased == x->host->fixed &&
	    dhcpconf_use_host_names(c, env->chain)) {
		*len = strlcpy((char *)buf, x->host->name, DC_OPT_MAX);
		return *len < DC_OPT_MAX;
	}
	d = dhcpconf_optdef_bycode(c, DC_SPACE_DHCP, code);
	return d != NULL && d->type == DC_OT_ENCAP &&
	    (*len = dhcpconf_encapsulate(c, env->chain, env, d->encap, buf,
	    DC_OPT_MAX)) > 0;
}

/* The list of options to send (the config's or the client's), or NULL. */
static const uint8_t *
dhcp_prl(const struct dhcp_ctx *x, const struct dc_env *env, uint8_t *list,
    size_t *n)
{
	if (dhcp_cfg_opt(x, env, DHO_PRL, list, n))
		return list;
	return dhcp_opt_get(x->m, DHO_PRL, 1, n);
}

/* Is code on the list, or is there no list (then every option goes)? */
static bool
dhcp_asked(const struct dhcp_ctx *x, const struct dc_env *env, uint8_t code)
{
	uint8_t list[DC_OPT_MAX];
	const uint8_t *prl;
	size_t n;

	return (prl = dhcp_prl(x, env, list, &n)) == NULL ||
	    memchr(prl, code, n) != NULL;
}

/*
 * The PXE options: 60 echo (or the config's), 97 UUID echo, 43.  A proxy
 * answer always has option 43: the config's PXE options, or discovery
 * control 8 ("boot the file this offer names"), without which EDK2 takes
 * the offer for a BINL one and asks port 4011 for the file.
 */
static void
dhcp_build_pxe(const struct dhcp_ctx *x, const struct dc_env *env,
    struct dhcp_enc *e, bool proxy)
{
	static const uint8_t disc8[] = { 6, 1, 8, 255 };
	uint8_t v[DC_OPT_MAX];
	size_t n;

	if (dhcp_cfg_opt(x, env, DHO_VENDOR_CLASS, v, &n))
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, v, n);
	else if (x->cl.http)
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, "HTTPClient", 10);
	else if (x->cl.pxe)
		dhcp_enc_opt(e, DHO_VENDOR_CLASS, "PXEClient", 9);
	if (x->cl.uuid != NULL)
		dhcp_enc_opt(e, DHO_PXE_UUID, x->cl.uuid, x->cl.uuidlen);
	/* Others get option 43 only if they ask for it (or for all). */
	if (!x->cl.pxe && !x->cl.http && !dhcp_asked(x, env, DHO_VENDOR))
		return;
	if ((n = dhcp_pxe_vendor(x->srv->conf, env->chain, env, v,
	    sizeof(v))) > 0 || dhcp_cfg_opt(x, env, DHO_VENDOR, v, &n))
		dhcp_enc_opt(e, DHO_VENDOR, v, n);
	else if (proxy)
		dhcp_enc_opt(e, DHO_VENDOR, disc8, sizeof(disc8));
}

/*
 * The options the client asked for (option 55), in its order, or those a
 * `dhcp-parameter-request-list' of the config names (ISC prefers it), or
 * every configured option if there is no list.
 */
static void
dhcp_build_opts(const struct dhcp_ctx *x, const struct dc_env *env,
    struct dhcp_enc *e)
{
	const uint8_t *prl;
	uint8_t v[DC_OPT_MAX], list[DC_OPT_MAX];
	size_t n, i, len;

	prl = dhcp_prl(x, env, list, &n);
	for (i = 1; prl == NULL && i < 255; i++)
		if (!dhcp_managed((uint8_t)i) &&
		    dhcp_cfg_opt(x, env, (uint8_t)i, v, &len))
			dhcp_enc_opt(e, (uint8_t)i, v, len);
	for (i = 0; prl != NULL && i < n; i++)
		if (!dhcp_managed(prl[i]) && dhcp_cfg_opt(x, env, prl[i], v,
		    &len))
			dhcp_enc_opt(e, prl[i], v, len);
}

/*
 * The header (siaddr: next-server, else siaddr0; file, sname) and options
 * 53 and 54 of a reply of type giving yiaddr, with the chain in env.
 */
static void
dhcp_build_start(const struct dhcp_ctx *x, const struct dc_env *env,
    uint8_t type, uint32_t yiaddr, uint32_t siaddr0, struct dhcp_enc *e,
    struct dhcp_result *r)
{
	const struct dhcpconf *c = x->srv->conf;
	struct dhcp_hdr h;
	const char *s;
	char file[DC_FILE_MAX];
	uint32_t sid;
	uint16_t max = 0;

	dhcp_hdr_from(x, &h, yiaddr);
	if (!dhcpconf_next_server(c, env->chain, &h.siaddr))
		h.siaddr = siaddr0;
	if ((s = dhcpconf_filename(c, env->chain, env, file, sizeof(file))) !=
	    NULL)
		strlcpy(h.file, s, sizeof(h.file));
	if ((s = dhcpconf_server_name(c, env->chain)) != NULL)
		strlcpy(h.sname, s, sizeof(h.sname));
	(void)dhcp_opt_get16(x->m, DHO_MAX_SIZE, &max);
	dhcp_enc_init(e, r->pkt, sizeof(r->pkt), max);
	dhcp_enc_header(e, &h);
	dhcp_enc_opt8(e, DHO_MSG_TYPE, type);
	if (!dhcpconf_server_id(c, env->chain, &sid))
		sid = x->srv->ifaddr;
	dhcp_enc_opt32(e, DHO_SERVER_ID, sid);
	r->type = type;
	r->yiaddr = yiaddr;
}

void
dhcp_build(const struct dhcp_ctx *x, uint8_t type, uint32_t yiaddr, int pool,
    uint32_t lt, struct dhcp_result *r)
{
	const struct dhcpconf *c = x->srv->conf;
	struct dc_chain ch;
	struct dc_env env = x->env;
	struct dhcp_enc e;
	ssize_t len;

	dhcp_chain(x, pool, &ch);
	env.chain = &ch;
	env.leased = yiaddr;
	dhcp_build_start(x, &env, type, yiaddr, 0, &e, r);
	if (lt > 0) {
		dhcp_enc_opt32(&e, DHO_LEASE_TIME, lt);
		dhcp_enc_opt32(&e, DHO_T1, lt / 2);
		dhcp_enc_opt32(&e, DHO_T2, (uint32_t)((uint64_t)lt * 7 / 8));
	}
	dhcp_enc_opt32(&e, DHO_SUBNET_MASK, dhcpconf_netmask(c, &ch,
	    dhcp_subnet(x, pool)));
	dhcp_build_pxe(x, &env, &e, false);
	dhcp_build_opts(x, &env, &e);
	len = dhcp_enc_finish(&e);
	r->len = len < 0 ? 0 : (size_t)len;
	dhcp_dest(x, r, yiaddr);
	if (r->dest == DHCP_DST_CHADDR && dhcpconf_always_broadcast(c, &ch)) {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	}
	if (len < 0)
		r->dest = DHCP_DST_NONE;
}

/*
 * The boot server and file come from the scopes as in a normal answer;
 * the addresses, the lease and the network's options are the DHCP
 * server's business.  A DISCOVER's answer is broadcast (the client has no
 * address yet) or goes to its relay; a port-4011 request's goes back to
 * where it came from, which the shell knows.
 */
void
dhcp_build_proxy(const struct dhcp_ctx *x, uint8_t type,
    struct dhcp_result *r)
{
	struct dc_chain ch;
	struct dc_env env = x->env;
	struct dhcp_enc e;
	ssize_t len;

	dhcp_chain(x, -1, &ch);
	env.chain = &ch;
	env.leased = 0;
	/* Without next-server the boot server is this one. */
	dhcp_build_start(x, &env, type, 0, x->srv->ifaddr, &e, r);
	dhcp_build_pxe(x, &env, &e, true);
	len = dhcp_enc_finish(&e);
	r->len = len < 0 ? 0 : (size_t)len;
	r->dst_port = DHCP_CLIENT_PORT;
	if (type == DHCPACK) {
		r->dest = DHCP_DST_PEER;	/* address and port: the shell */
	} else if (x->m->giaddr != 0) {
		r->dest = DHCP_DST_RELAY;
		r->dst_ip = x->m->giaddr;
		r->dst_port = DHCP_SERVER_PORT;
	} else {
		r->dest = DHCP_DST_BROADCAST;
		r->dst_ip = 0xffffffffu;
	}
	if (len < 0)
		r->dest = DHCP_DST_NONE;
}

void
dhcp_build_nak(const struct dhcp_ctx *x, const char *why,
    struct dhcp_result *r)
{
	struct dhcp_hdr h;
	struct dhcp_enc e;
	ssize_t len;

	dhcp_hdr_from(x, &h, 0);
	h.ciaddr = 0;
	/* RFC 2131 §4.3.2: a relay must broadcast a NAK. */
	if (x->m->giaddr != 0)
		h.flags |= DHCP_FLAG_BROADCAST;
	dhcp_enc_init(&e, r->pkt, sizeof(r->pkt), 0);
	dhcp_enc_header(&e, &h);
	dhcp_enc_opt8(&e, DHO_MSG_TYPE, DHCPNAK);
	dhcp_enc_opt32(&e, DHO_SERVER_ID, x->srv->ifaddr);
	dhcp_enc_opt(&e, DHO_MESSAGE, why, strlen(why));
	len = dhcp_enc_finish(&e);
	r->type = DHCPNAK;
	r->why = why;
	r->len = len < 0 ? 0 : (size_t)len;
	dhcp_dest(x, r, 0);
}
