// SPDX-License-Identifier: ISC
/*
 * Option values for one client: a value written as data, or computed by
 * its expression (`option NAME = EXPR'); an option space's options along
 * a chain encapsulated as code/length/value triples (ISC's `encapsulate
 * SPACE', and vendor-option-space for option 43); and the client's
 * options of a space, found in the option that encapsulates it (`option
 * ipxe-encap-opts code 175 = encapsulate ipxe;' makes `exists ipxe.menu'
 * look for sub-option 39 in the client's option 175).  Pure.
 */
#include <string.h>

#include "dhcpconf_int.h"

int
dhcpconf_optval(const struct dhcpconf *c, const struct dc_opt *o,
    const struct dc_env *env, uint8_t *buf, size_t cap, size_t *len)
{
	return dc_optval_eval(c, o, env, buf, cap, len, 0);
}

size_t
dc_encapsulate(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, int space, uint8_t *buf, size_t cap,
    int depth)
{
	const struct dc_opt *o;
	uint8_t v[DC_EVAL_MAX];
	size_t n = 0, len;
	int code;

	for (code = 1; code < 255; code++) {
		if ((o = dhcpconf_option(c, ch, space, (uint8_t)code)) == NULL ||
		    dc_optval_eval(c, o, env, v, sizeof(v), &len, depth) == -1 ||
		    len > DC_OPT_MAX)
			continue;
		if (len + 2 > cap - n)
			break;		/* the rest would not fit */
		buf[n++] = (uint8_t)code;
		buf[n++] = (uint8_t)len;
		memcpy(buf + n, v, len);
		n += len;
	}
	return n;
}

size_t
dhcpconf_encapsulate(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, int space, uint8_t *buf, size_t cap)
{
	return dc_encapsulate(c, ch, env, space, buf, cap, 0);
}

const uint8_t *
dc_client_opt(const struct dhcpconf *c, const struct dc_env *env, int space,
    uint8_t code, size_t *len)
{
	const uint8_t *v;
	size_t i, n, k;

	if (env->opt == NULL)
		return NULL;
	if (space == DC_SPACE_DHCP)
		return env->opt(env->arg, space, code, len);
	for (i = 0; i < c->ndefs; i++) {
		if (c->defs[i].type != DC_OT_ENCAP || c->defs[i].encap != space ||
		    c->defs[i].space != DC_SPACE_DHCP ||
		    (v = env->opt(env->arg, DC_SPACE_DHCP, c->defs[i].code,
		    &n)) == NULL)
			continue;
		for (k = 0; k + 2 <= n && v[k + 1] <= n - k - 2;
		    k += 2 + (size_t)v[k + 1])
			if (v[k] == code) {
				*len = v[k + 1];
				return v + k + 2;
			}
	}
	return NULL;
}
