// SPDX-License-Identifier: ISC
/*
 * Option definitions: an option by name ("name" in the dhcp space or
 * "space.name") or by code, in the config's own definitions, then in the
 * standard options (dhcpconf_opttab.c); option spaces by name.  Pure.
 */
#include <string.h>
#include <strings.h>

#include "dhcpconf_int.h"

#define DC_NBUILTIN	dc_nbuiltin

int
dhcpconf_space_find(const struct dhcpconf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nspaces; i++)
		if (strcasecmp(c->spaces[i], name) == 0)
			return (int)i;
	return -1;
}

const struct dc_optdef *
dhcpconf_optdef_byname(const struct dhcpconf *c, const char *name)
{
	char sp[DC_NAME_MAX];
	const char *dot, *n = name;
	int space = DC_SPACE_DHCP;
	size_t i;

	if ((dot = strchr(name, '.')) != NULL) {
		if ((size_t)(dot - name) >= sizeof(sp))
			return NULL;
		memcpy(sp, name, (size_t)(dot - name));
		sp[dot - name] = '\0';
		if ((space = dhcpconf_space_find(c, sp)) == -1)
			return NULL;
		n = dot + 1;
	}
	for (i = 0; i < c->ndefs; i++)
		if (c->defs[i].space == space &&
		    strcasecmp(c->defs[i].name, n) == 0)
			return &c->defs[i];
	/* A definition of a built-in code replaces the built-in's name. */
	for (i = 0; space == DC_SPACE_DHCP && i < DC_NBUILTIN; i++)
		if (strcasecmp(dc_builtin[i].name, n) == 0)
			return dhcpconf_optdef_bycode(c, space,
			    dc_builtin[i].code) == &dc_builtin[i] ?
			    &dc_builtin[i] : NULL;
	return NULL;
}

const struct dc_optdef *
dhcpconf_optdef_bycode(const struct dhcpconf *c, int space, uint8_t code)
{
	size_t i;

	for (i = 0; i < c->ndefs; i++)
		if (c->defs[i].space == space && c->defs[i].code == code)
			return &c->defs[i];
	for (i = 0; space == DC_SPACE_DHCP && i < DC_NBUILTIN; i++)
		if (dc_builtin[i].code == code)
			return &dc_builtin[i];
	return NULL;
}
