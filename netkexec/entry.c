// SPDX-License-Identifier: ISC
/*
 * Finding this node's pxelinux entry on the boot server: each name of
 * pxelinux's search order in turn, the first file that exists wins, as in
 * pxelinux's pxe_load_config().  A TFTP error from the server (file not
 * found, access denied) moves on to the next name; no answer at all stops
 * the search, since every later name would time out too.  Then the files
 * it names (INCLUDE, menus, CONFIG) are fetched as pxeconf/pxeconf_pick.c
 * asks for them, and what pxelinux would run is the entry, or the reason
 * there is none (the local disk, a wait for a key) with its exit status.
 */
#include <sys/mman.h>

#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/log.h"
#include "common/perr.h"
#include "pxeconf/pxeconf_files.h"
#include "netkexec/netkexec.h"

#define CONFIG_MAX	(256u << 10)

/* The IPAPPEND/SYSAPPEND strings pxelinux would add (bits 1, 2, 4). */
static void
sysappend(const struct nk *nk, char ipopt[80], char bootif[40],
    char sysuuid[48], const char *sys[PXECONF_SYSAPPEND])
{
	char a[4][IP4_STRLEN], m[MAC_PXESTRLEN], u[PXENAME_LEN];

	memset(sys, 0, sizeof(*sys) * PXECONF_SYSAPPEND);
	if (nk->ni.ip != 0) {
		snprintf(ipopt, 80, "ip=%s:%s:%s:%s", ip4_ntoa(nk->ni.ip, a[0]),
		    ip4_ntoa(nk->ni.server, a[1]),
		    ip4_ntoa(nk->ni.gateway, a[2]),
		    ip4_ntoa(nk->ni.netmask, a[3]));
		sys[0] = ipopt;
	}
	if (nk->have_mac) {
		snprintf(bootif, 40, "BOOTIF=%s", mac_pxelinux(nk->mac, m));
		sys[1] = bootif;
	}
	if (nk->have_uuid) {
		snprintf(sysuuid, 48, "SYSUUID=%s", pxename_uuid(nk->uuid, u));
		sys[2] = sysuuid;
	}
}

/* Reads the fetched file back from its memfd (at most CONFIG_MAX). */
static char *
slurp(int fd, size_t len)
{
	char *buf;

	if ((buf = malloc(len + 1)) == NULL)
		err(EX_OSERR, "malloc");
	if (len > 0 && pread(fd, buf, len, 0) != (ssize_t)len)
		err(EX_OSERR, "reading back the configuration");
	buf[len] = '\0';
	return buf;
}

/* Fetches one name: 1 found (*text), 0 the server has none, exits else. */
static int
try_name(const struct nk *nk, const char *path, char **text, size_t *len)
{
	char errbuf[200];
	uint64_t size;
	int fd, code;

	if ((fd = memfd_create("netkexec-config", MFD_CLOEXEC)) == -1)
		err(EX_OSERR, "memfd_create");
	if (fetch_file(nk, path, fd, CONFIG_MAX, &size, &code, errbuf,
	    sizeof(errbuf)) == -1) {
		close(fd);
		if (code < 0)
			errx(EX_UNAVAILABLE, "%s: %s", path, errbuf);
		if (log_getverbose() > 0)
			log_info("%s: %s", path, errbuf);
		return 0;
	}
	*len = (size_t)size;
	*text = slurp(fd, *len);
	close(fd);
	return 1;
}

void
server_path(const struct nk *nk, const char *name, char *buf, size_t len)
{
	size_t n;

	if (strncmp(name, "::", 2) == 0)
		strlcpy(buf, name + 2, len);
	else if (name[0] == '/')
		strlcpy(buf, name, len);
	else {
		n = strlen(nk->o.prefix);
		snprintf(buf, len, "%s%s%s", nk->o.prefix,
		    n > 0 && nk->o.prefix[n - 1] != '/' ? "/" : "", name);
	}
}

/* pxeconf_load_fn: a file the configuration names, over TFTP. */
static int
load(const void *arg, const char *name, char **text, size_t *len,
    struct perr *err)
{
	const struct nk *nk = arg;
	char path[PATH_MAX];

	(void)err;
	server_path(nk, name, path, sizeof(path));
	if (!try_name(nk, path, text, len))
		return 0;	/* skipped, as pxelinux skips it */
	if (log_getverbose() > 0)
		log_info("%s: %zu bytes", path, *len);
	return 1;
}

/*
 * Runs pxelinux's choice over the node's file, fetching every file it
 * names (INCLUDE, a menu's files, CONFIG) by the name the configuration
 * gives, as pxelinux resolves it.  Exits with NK_EX_LOCAL, NK_EX_WAIT or
 * EX_DATAERR unless the choice is a kernel.
 */
static void
pick(const struct nk *nk, struct pxeconf_files *f, struct pxeconf_entry *e)
{
	char ipopt[80], bootif[40], sysuuid[48];
	const char *sys[PXECONF_SYSAPPEND];
	struct pxeconf_pick pk;
	struct perr perr;

	sysappend(nk, ipopt, bootif, sysuuid, sys);
	if (pxeconf_files_pick(f, sys, load, nk, &pk, &perr) == -1)
		errx(EX_DATAERR, "%s", perr.msg);
	if (pk.how == PXECONF_LOCAL)
		errx(NK_EX_LOCAL, "%s", perr.msg);
	if (pk.how == PXECONF_WAIT)
		errx(NK_EX_WAIT, "%s: pxelinux would wait for a key; nothing "
		    "to kexec", perr.msg);
	*e = pk.e;
}

void
entry_find(const struct nk *nk, char *path, size_t pathlen,
    struct pxeconf_entry *e)
{
	char names[PXENAME_NMAX][PXENAME_LEN], rel[512];
	struct pxeconf_files *f;
	char *text = NULL;
	size_t i, n, len = 0;

	if (nk->o.config != NULL) {
		strlcpy(path, nk->o.config, pathlen);
		if (!try_name(nk, path, &text, &len))
			errx(EX_NOINPUT, "%s: not on the server", path);
	} else {
		n = pxename_list(nk->have_uuid ? nk->uuid : NULL,
		    nk->have_mac ? nk->mac : NULL, nk->ni.ip, names);
		for (i = 0; i < n && text == NULL; i++) {
			snprintf(rel, sizeof(rel), "pxelinux.cfg/%s",
			    names[i]);
			server_path(nk, rel, path, pathlen);
			try_name(nk, path, &text, &len);
		}
		if (text == NULL)
			errx(EX_NOINPUT, "no pxelinux entry for this node on "
			    "the server (%zu names tried, last %s)", n, path);
	}
	if (log_getverbose() > 0)
		log_info("%s: %zu bytes", path, len);
	if ((f = calloc(1, sizeof(*f))) == NULL)
		err(EX_OSERR, "calloc");
	pxeconf_files_add(f, path, text, len);
	pick(nk, f, e);
	pxeconf_files_free(f);
	free(f);
}
