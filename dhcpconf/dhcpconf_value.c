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
dhcpconf_encapsulate(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, int space, uint8_t *buf, size_t cap)
{
	return dc_encapsulate(c, ch, env, space, buf, cap, 0);
}

const char *
dhcpconf_filename(const struct dhcpconf *c, const struct dc_chain *ch,
    const struct dc_env *env, char *buf, size_t sz)
{
	const struct dc_params *pa;
	size_t i, len;

	for (i = 0; (pa = dc_at(c, ch, i)) != NULL; i++) {
		if (!pa->has_filename)
			continue;
		if (pa->filename_expr == -1)
			return pa->filename;
		if (env == NULL || sz == 0 || dhcpconf_eval_data(c,
		    pa->filename_expr, env, (uint8_t *)buf, sz - 1, &len) ==
		    -1 || memchr(buf, '\0', len) != NULL)
			return NULL;
		buf[len] = '\0';
		return buf;
	}
	return NULL;
}
