// SPDX-License-Identifier: ISC
/*
 * Built-in settings and profiles, lookups, and the checks that need the
 * whole configuration.  The four profiles are the boot styles of the seed
 * article and of stock kernels:
 *   ramdisk    the seed: a compressed file system image as root=/dev/ram
 *   initramfs  a cpio initramfs (what stock Debian kernels boot); no root=
 *   nfs        root=/dev/nfs from /export/root/<hostname> on the server
 *   local      boot the local disk
 * Each DEFAULT names a LABEL: pxelinux 6 ignores a global APPEND when
 * DEFAULT names the kernel itself, so the seed's two lines become a label.
 * The iPXE scripts fetch from ${base} and give the kernel the initrd's
 * image name (see pxecfg_vars.c).  The GRUB files name the kernel and
 * initrd by path from the TFTP root, GRUB's $root when it came over the
 * network; "exit" hands the machine back to its firmware's boot order.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pxecfg_conf.h"
#include "pxecfg_vars.h"

struct pxecfg_builtin {
	const char	*name;
	const char	*pxelinux;
	const char	*ipxe;
	const char	*grub;
};

static const struct pxecfg_builtin builtins[] = {
	{ "ramdisk",
	  "DEFAULT linux\n"
	  "LABEL linux\n"
	  "  KERNEL ${kernel}\n"
	  "  APPEND initrd=${initrd} root=/dev/ram rw ip=${ipconf} ${append}\n",
	  "#!ipxe\n"
	  "kernel ${base}${kernel} initrd=${initrdname} root=/dev/ram rw "
	  "ip=${ipconf} ${append}\n"
	  "initrd ${base}${initrd}\n"
	  "boot\n",
	  "set timeout=0\n"
	  "menuentry linux {\n"
	  "  linux /${kernel} root=/dev/ram rw ip=${ipconf} ${append}\n"
	  "  initrd /${initrd}\n"
	  "}\n" },
	{ "initramfs",
	  "DEFAULT linux\n"
	  "LABEL linux\n"
	  "  KERNEL ${kernel}\n"
	  "  APPEND initrd=${initrd} ip=${ipconf} ${append}\n",
	  "#!ipxe\n"
	  "kernel ${base}${kernel} initrd=${initrdname} ip=${ipconf} "
	  "${append}\n"
	  "initrd ${base}${initrd}\n"
	  "boot\n",
	  "set timeout=0\n"
	  "menuentry linux {\n"
	  "  linux /${kernel} ip=${ipconf} ${append}\n"
	  "  initrd /${initrd}\n"
	  "}\n" },
	{ "nfs",
	  "DEFAULT linux\n"
	  "LABEL linux\n"
	  "  KERNEL ${kernel}\n"
	  "  APPEND root=/dev/nfs nfsroot=${server}:/export/root/${hostname},rw "
	  "ip=${ipconf} ${append}\n",
	  "#!ipxe\n"
	  "kernel ${base}${kernel} root=/dev/nfs "
	  "nfsroot=${server}:/export/root/${hostname},rw ip=${ipconf} "
	  "${append}\n"
	  "boot\n",
	  "set timeout=0\n"
	  "menuentry linux {\n"
	  "  linux /${kernel} root=/dev/nfs "
	  "nfsroot=${server}:/export/root/${hostname},rw ip=${ipconf} "
	  "${append}\n"
	  "}\n" },
	{ "local",
	  "DEFAULT local\n"
	  "LABEL local\n"
	  "  LOCALBOOT 0\n",
	  "#!ipxe\n"
	  "exit\n",
	  "exit\n" },
};

void
pxecfg_conf_init(struct pxecfg_conf *c)
{
	struct pxecfg_profile *p;
	size_t i;

	memset(c, 0, sizeof(*c));
	strlcpy(c->kernel, "linux", sizeof(c->kernel));
	strlcpy(c->initrd, "rootfs.gz", sizeof(c->initrd));
	strlcpy(c->device, "eth0", sizeof(c->device));
	strlcpy(c->profile, "ramdisk", sizeof(c->profile));
	strlcpy(c->group, "ramdisk", sizeof(c->group));
	strlcpy(c->dflt, "ramdisk", sizeof(c->dflt));
	c->names = PXECFG_NAMES_IP;
	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		p = &c->prof[c->nprof++];
		strlcpy(p->name, builtins[i].name, sizeof(p->name));
		strlcpy(p->pxelinux, builtins[i].pxelinux, sizeof(p->pxelinux));
		strlcpy(p->ipxe, builtins[i].ipxe, sizeof(p->ipxe));
		strlcpy(p->grub, builtins[i].grub, sizeof(p->grub));
	}
}

void
pxecfg_conf_free(struct pxecfg_conf *c)
{
	free(c->node);
	c->node = NULL;
	c->nnode = c->nodecap = 0;
}

const struct pxecfg_profile *
pxecfg_conf_profile(const struct pxecfg_conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nprof; i++)
		if (strcmp(c->prof[i].name, name) == 0)
			return &c->prof[i];
	return NULL;
}

const char *
pxecfg_conf_node_profile(const struct pxecfg_conf *c, const char *node)
{
	size_t i;

	for (i = 0; i < c->nnode; i++)
		if (strcasecmp(c->node[i].name, node) == 0 &&
		    c->node[i].profile[0] != '\0')
			return c->node[i].profile;
	return c->profile;
}

static int
check_tmpl(const struct pxecfg_conf *c, const struct pxecfg_profile *p,
    const char *tmpl, const char *what, struct perr *err)
{
	struct pxecfg_vals vals;
	struct wbuf w;
	char out[2 * PXECFG_TMPLLEN], why[TMPL_ERRLEN];

	pxecfg_vars_all(&vals);
	wbuf_init(&w, out, sizeof(out));
	if (tmpl_render(tmpl, vals.v, PV_COUNT, &w, why) == -1) {
		perr_set(err, c->file, p->line, "profile %s: %s template: %s",
		    p->name, what, why);
		return -1;
	}
	return 0;
}

static int
check_ref(const struct pxecfg_conf *c, const char *name, const char *what,
    unsigned line, struct perr *err)
{
	if (name[0] == '\0' || pxecfg_conf_profile(c, name) != NULL)
		return 0;
	perr_set(err, c->file, line, "%s: no profile named %s", what, name);
	return -1;
}

int
pxecfg_conf_check(const struct pxecfg_conf *c, struct perr *err)
{
	const struct pxecfg_profile *p;
	size_t i;

	for (i = 0; i < c->nprof; i++) {
		p = &c->prof[i];
		if (check_tmpl(c, p, p->pxelinux, "pxelinux", err) == -1 ||
		    check_tmpl(c, p, p->ipxe, "ipxe", err) == -1 ||
		    check_tmpl(c, p, p->grub, "grub", err) == -1)
			return -1;
	}
	if (check_ref(c, c->profile, "default-profile", c->profile_line,
	    err) == -1 ||
	    check_ref(c, c->group, "group-files", c->group_line, err) == -1 ||
	    check_ref(c, c->dflt, "default-file", c->dflt_line, err) == -1)
		return -1;
	for (i = 0; i < c->nnode; i++)
		if (check_ref(c, c->node[i].profile, c->node[i].name,
		    c->node[i].line, err) == -1)
			return -1;
	return 0;
}
