// SPDX-License-Identifier: ISC
/*
 * Values of template variables for one generated file.  The kernel's ip=
 * argument (Documentation/admin-guide/nfs/nfsroot.rst) takes
 * client:server:gw:netmask:hostname:device:autoconf; an empty gateway field
 * is allowed and means none.  iPXE resolves a relative URI against the
 * script's own (RFC 3986 section 5.2), so a script fetched as
 * http://S/ipxe/<ip>.ipxe would look for its kernel under ipxe/: ${base}
 * is an absolute path or URL, "/" unless an http URL was given.  iPXE names
 * a fetched image after the URL's last path component, which is what the
 * kernel's initrd= must say (the EFI stub loads the initrd by that name).
 */
#include <stdio.h>
#include <string.h>

#include "pxecfg_vars.h"

static const char *const pv_names[PV_COUNT] = {
	"ip", "hexip", "mac", "hostname", "server", "gateway", "netmask",
	"device", "ipconf", "kernel", "initrd", "append", "profile",
	"initrdname", "base"
};

void
pxecfg_vars_all(struct pxecfg_vals *vals)
{
	size_t i;

	for (i = 0; i < PV_COUNT; i++) {
		vals->v[i].name = pv_names[i];
		vals->v[i].value = "";
	}
}

static void
pv_node(struct pxecfg_vals *vals, const struct pxecfg_target *t)
{
	vals->v[PV_IP].value = ip4_ntoa(t->ip, vals->ip);
	vals->v[PV_HEXIP].value = ip4_hex(t->ip, vals->hexip);
	vals->v[PV_MAC].value = mac_ntoa(t->mac, vals->mac);
	vals->v[PV_HOSTNAME].value = t->hostname;
}

static void
pv_net(struct pxecfg_vals *vals, const struct pxecfg_target *t)
{
	vals->v[PV_SERVER].value = ip4_ntoa(t->server, vals->server);
	vals->v[PV_NETMASK].value = ip4_ntoa(t->netmask, vals->netmask);
	vals->gateway[0] = '\0';
	if (t->gateway != 0)
		ip4_ntoa(t->gateway, vals->gateway);
	vals->v[PV_GATEWAY].value = vals->gateway;
}

void
pxecfg_vars_fill(struct pxecfg_vals *vals, const struct pxecfg_conf *c,
    const struct pxecfg_profile *p, const struct pxecfg_target *t)
{
	const char *initrd, *slash;
	size_t i;

	for (i = 0; i < PV_COUNT; i++) {
		vals->v[i].name = pv_names[i];
		vals->v[i].value = NULL;
	}
	if (t->hostname != NULL)
		pv_node(vals, t);
	if (t->has_net)
		pv_net(vals, t);
	vals->v[PV_DEVICE].value = c->device;
	if (t->hostname != NULL && t->has_net)
		snprintf(vals->ipconf, sizeof(vals->ipconf),
		    "%s:%s:%s:%s:%s:%s:off", vals->ip, vals->server,
		    vals->gateway, vals->netmask, t->hostname, c->device);
	else
		strlcpy(vals->ipconf, "dhcp", sizeof(vals->ipconf));
	vals->v[PV_IPCONF].value = vals->ipconf;
	vals->v[PV_KERNEL].value = p->kernel[0] != '\0' ? p->kernel :
	    c->kernel;
	initrd = p->initrd[0] != '\0' ? p->initrd : c->initrd;
	vals->v[PV_INITRD].value = initrd;
	slash = strrchr(initrd, '/');
	vals->v[PV_INITRDNAME].value = slash != NULL ? slash + 1 : initrd;
	vals->v[PV_BASE].value = p->http[0] != '\0' ? p->http :
	    c->http[0] != '\0' ? c->http : "/";
	snprintf(vals->append, sizeof(vals->append), "%s%s%s", c->append,
	    c->append[0] != '\0' && p->append[0] != '\0' ? " " : "",
	    p->append);
	vals->v[PV_APPEND].value = vals->append;
	vals->v[PV_PROFILE].value = p->name;
}
