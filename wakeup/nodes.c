// SPDX-License-Identifier: ISC
/*
 * Which nodes to wake, and what to wait for: targets from the arguments,
 * a file or the whole ethers file; with a transfer log, each node's address
 * (hosts, by its ethers name) and its last boot file, read from the
 * pxelinux.cfg file pxelinux itself would pick, with the files it
 * INCLUDEs, as pxelinux would pick the entry (pxeconf/pxeconf*.c).
 * Everything is resolved before the first packet, so a typo stops the run
 * with nothing sent.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "common/fileio.h"
#include "common/log.h"
#include "pxeconf/pxeconf_files.h"
#include "pxeconf/pxename.h"
#include "common/text.h"
#include "wakeup.h"

/* A target from the command line, or from file:line (escaped by perr). */
static void
add_target(struct wakeup *w, const char *arg, const char *file,
    unsigned line)
{
	struct wol_target *t;
	struct perr pe;
	const char *errstr;
	bool unknown;

	if ((t = reallocarray(w->t, w->nt + 1, sizeof(*t))) == NULL)
		fatal("reallocarray");
	w->t = t;
	if (wol_target_resolve(arg, &w->ethers, &t[w->nt], &errstr) == -1) {
		unknown = strcmp(errstr, "unknown host") == 0;
		if (file == NULL)
			log_warnx("%s: %s%s%s; nothing sent", arg, errstr,
			    unknown ? " in " : "", unknown ? w->ethers_path :
			    "");
		else {
			perr_set(&pe, file, line, "%s: %s%s%s; nothing sent",
			    arg, errstr, unknown ? " in " : "", unknown ?
			    w->ethers_path : "");
			log_warnx("%s", pe.msg);
		}
		exit(EX_DATAERR);
	}
	w->nt++;
}

static void
add_entry(struct wakeup *w, const struct ethers_ent *ent)
{
	struct wol_target *t;

	if ((t = reallocarray(w->t, w->nt + 1, sizeof(*t))) == NULL)
		fatal("reallocarray");
	w->t = t;
	memset(&t[w->nt], 0, sizeof(t[w->nt]));
	memcpy(t[w->nt].mac, ent->mac, MAC_LEN);
	strlcpy(t[w->nt].name, ent->name, sizeof(t[w->nt].name));
	w->nt++;
}

static void
load_ethers(struct wakeup *w)
{
	struct perr err;
	struct stat st;

	/* ether-wake works with MACs alone: a missing default is empty. */
	if (!w->ethers_given && stat(w->ethers_path, &st) == -1 &&
	    errno == ENOENT)
		return;
	if (ethers_load(&w->ethers, w->ethers_path, &err) == -1) {
		log_warnx("%s", err.msg);
		exit(err.line > 0 ? EX_CONFIG : EX_NOINPUT);
	}
}

static void
load_file(struct wakeup *w)
{
	struct text tx;
	char line[TEXT_LINEMAX], *s, *f;
	const char *errstr;
	char *buf;
	size_t len;
	int r;

	if (file_read(w->nodes_file, FILE_READ_MAX, &buf, &len) == -1) {
		log_warnx("%s: %s", w->nodes_file, file_strerror(errno));
		exit(EX_NOINPUT);
	}
	text_init(&tx, buf, len);
	while ((r = text_next(&tx, line, sizeof(line), &errstr)) == 1) {
		s = line;
		if ((f = text_field(&s)) == NULL)
			continue;
		if (text_field(&s) != NULL) {
			log_warnx("%s:%u: one node per line; nothing sent",
			    w->nodes_file, tx.lineno);
			exit(EX_DATAERR);
		}
		add_target(w, f, w->nodes_file, tx.lineno);
	}
	if (r == -1) {
		log_warnx("%s:%u: %s", w->nodes_file, tx.lineno, errstr);
		exit(EX_DATAERR);
	}
	free(buf);
}

/*
 * pxeconf_load_fn: a file a node's configuration names, from the TFTP
 * root as pxelinux (in its root) would ask for it: "::x" and "/x" are x.
 */
static int
load(const void *arg, const char *name, char **text, size_t *len,
    struct perr *err)
{
	const struct wakeup *w = arg;
	char path[PATH_MAX];

	if (strncmp(name, "::", 2) == 0)
		name += 2;
	while (*name == '/')
		name++;
	snprintf(path, sizeof(path), "%s/%s", w->tftpboot, name);
	if (file_read(path, FILE_READ_MAX, text, len) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;	/* skipped, as pxelinux skips it */
	snprintf(err->msg, sizeof(err->msg), "%.400s: %s", path,
	    strerror(errno));
	return -1;
}

/*
 * The last file pxelinux fetches for the entry it would boot from f: 0
 * with it in out, or -1 after logging why there is none.
 */
static int
last_file(const struct wakeup *w, const struct wol_target *t,
    struct pxeconf_files *f, char *out, size_t outsz)
{
	struct pxeconf_pick pk;
	struct perr err;
	char last[PXECONF_NAMEMAX + 1];

	if (pxeconf_files_pick(f, NULL, load, w, &pk, &err) == -1) {
		log_warnx("%s", err.msg);
		return -1;
	}
	if (pk.how != PXECONF_BOOT) {
		log_warnx("%s: %s %s: no boot file to wait for (%s)", t->name,
		    f->name[0], pk.how == PXECONF_LOCAL ? "boots from local "
		    "disk" : "waits for a key in pxelinux", err.msg);
		return -1;
	}
	pxeconf_entry_last(&pk.e, last);
	strlcpy(out, last, outsz);
	if (log_getverbose() > 0)
		log_info("%s: %s: waiting for %s", t->name, f->name[0], out);
	return 0;
}

/*
 * The last boot file of node t, from the first pxelinux.cfg file that
 * exists in pxelinux's order and the files it names.  0, or -1 after
 * logging why.
 */
static int
find_bootfile(const struct wakeup *w, const struct wol_target *t,
    char *out, size_t outsz)
{
	char nm[PXENAME_NMAX][PXENAME_LEN];
	struct pxeconf_files *f;
	char path[PATH_MAX];
	char *buf;
	size_t i, n, len;
	int r;

	/* No UUID: it is the node's secret until it asks (DHCP option 97). */
	n = pxename_list(NULL, t->mac, t->ip, nm);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/pxelinux.cfg/%s",
		    w->tftpboot, nm[i]);
		if (file_read(path, FILE_READ_MAX, &buf, &len) == -1) {
			if (errno == ENOENT)
				continue;
			log_warnx("%s: %s", path, file_strerror(errno));
			return -1;
		}
		if ((f = calloc(1, sizeof(*f))) == NULL)
			fatal("calloc");
		pxeconf_files_add(f, path, buf, len);
		r = last_file(w, t, f, out, outsz);
		pxeconf_files_free(f);
		free(f);
		return r;
	}
	log_warnx("%s: no pxelinux.cfg entry in %s/pxelinux.cfg (tried %s, "
	    "%s .. %s, default)", t->name, w->tftpboot, nm[0], nm[1],
	    nm[8]);
	return -1;
}

/*
 * Addresses and boot files of every node, for the transfer log.  All of
 * them before the first packet: a node that cannot be tracked would boot,
 * go unseen in the log, and be woken again and reported failed.
 */
static void
load_bootfiles(struct wakeup *w)
{
	struct perr err;
	const char *errstr;
	char ms[MAC_STRLEN];
	size_t i;
	bool bad = false;

	if (hosts_load(&w->hosts, w->hosts_path, &err) == -1) {
		log_warnx("%s", err.msg);
		exit(err.line > 0 ? EX_CONFIG : EX_NOINPUT);
	}
	if ((w->bootfile = calloc(w->nt, sizeof(*w->bootfile))) == NULL)
		fatal("calloc");
	for (i = 0; i < w->nt; i++) {
		if (wol_target_ip(&w->t[i], &w->hosts, &errstr) == -1) {
			log_warnx("%s: %s (%s)", w->t[i].name[0] != '\0' ?
			    w->t[i].name : mac_ntoa(w->t[i].mac, ms), errstr,
			    w->t[i].name[0] != '\0' ? w->hosts_path :
			    w->ethers_path);
			bad = true;
		} else if (find_bootfile(w, &w->t[i], w->bootfile[i],
		    sizeof(w->bootfile[i])) == -1)
			bad = true;
	}
	if (bad) {
		log_warnx("nothing sent");
		exit(EX_CONFIG);
	}
}

void
nodes_load(struct wakeup *w, int argc, char *argv[])
{
	size_t i;
	int j;

	load_ethers(w);
	if (w->nodes_file != NULL)
		load_file(w);
	else if (argc > 0)
		for (j = 0; j < argc; j++)
			add_target(w, argv[j], NULL, 0);
	else
		for (i = 0; i < w->ethers.n; i++)
			add_entry(w, &w->ethers.v[i]);
	if (w->nt == 0) {
		log_warnx("no node to wake (%s)", w->nodes_file != NULL ?
		    w->nodes_file : w->ethers_path);
		exit(EX_DATAERR);
	}
	if (w->parallel > 0 && WAKEUP_HASLOG(w))
		load_bootfiles(w);
}
