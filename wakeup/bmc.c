// SPDX-License-Identifier: ISC
/*
 * The power back ends' shell: reads the BMC inventory (--bmc) and the
 * credentials (--credentials, refused unless only its owner, root or us,
 * can read it, as ssh refuses a private key), binds each node to its back
 * end, powers a node on (a magic packet, or by its BMC a one-time network
 * boot and power on or cycle), and prints --status's table or does --off.
 * bmc_inv.c and bmc_cmd.c decide what to run; bmc_run.c runs it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "wakeup.h"

#define BMC_OUTMAX	4096	/* what is kept of a client's output */
#define BMC_CREDS_MAX	65536	/* a credentials file's size, at most */

static int
parse_inv(void *arg, const char *text, size_t len, const char *file,
    struct perr *err)
{
	return bmc_inv_parse(arg, text, len, file, err);
}

void
bmc_load(struct wakeup *w)
{
	struct perr err;
	size_t i;

	if (file_parse(w->bmc_path, parse_inv, &w->inv, &err) == -1) {
		log_warnx("%s; nothing powered", err.msg);
		exit(err.line > 0 ? EX_CONFIG : EX_NOINPUT);
	}
	for (i = 0; i < w->inv.n; i++)
		w->inv_wol |= w->inv.v[i].kind == BMC_WOL;
}

/*
 * The credentials, if only their owner (root or us) may read them: decided
 * on the descriptor that is then read, never on the name (a swap between
 * a check and an open would go unseen).
 */
static void
load_creds(struct wakeup *w)
{
	struct perr err;
	struct stat st;
	char buf[BMC_CREDS_MAX];
	size_t len = 0;
	ssize_t n = 1;
	int fd;

	if ((fd = file_open_regular(AT_FDCWD, w->cred_path)) == -1 ||
	    fstat(fd, &st) == -1) {
		log_warnx("%s: %s; nothing powered", w->cred_path,
		    file_strerror(errno));
		exit(EX_NOINPUT);
	}
	if ((st.st_uid != 0 && st.st_uid != geteuid()) ||
	    (st.st_mode & 077) != 0) {
		log_warnx("%s: mode %03o, owner %u: credentials must be "
		    "readable by their owner (root) only; refused, nothing "
		    "powered", w->cred_path, (unsigned)(st.st_mode & 0777),
		    (unsigned)st.st_uid);
		exit(EX_CONFIG);
	}
	while (len < sizeof(buf) && (n = read(fd, buf + len,
	    sizeof(buf) - len)) > 0)
		len += (size_t)n;
	close(fd);
	if (n == -1 || len == sizeof(buf)) {
		log_warnx("%s: %s; nothing powered", w->cred_path, n == -1 ?
		    strerror(errno) : "larger than 64 KiB");
		exit(EX_NOINPUT);
	}
	if (bmc_creds_parse(&w->creds, buf, len, w->cred_path, &err) == -1) {
		log_warnx("%s; nothing powered", err.msg);
		exit(EX_CONFIG);
	}
	explicit_bzero(buf, len);
}

/* The entries of nodes names (all the inventory without any) into w->be. */
static void
select_nodes(struct wakeup *w, size_t n, const char *const *names)
{
	bool ipmi = false, redfish = false, bad = false;
	size_t i;

	if ((w->be = calloc(n, sizeof(*w->be))) == NULL)
		fatal("calloc");
	for (i = 0; i < n; i++) {
		if ((w->be[i] = bmc_inv_find(&w->inv, names[i])) == NULL) {
			log_warnx("%s: not in %s", names[i], w->bmc_path);
			bad = true;
			continue;
		}
		ipmi |= w->be[i]->kind == BMC_IPMI;
		redfish |= w->be[i]->kind == BMC_REDFISH;
	}
	if (bad) {
		log_warnx("nothing powered");
		exit(EX_CONFIG);
	}
	if (ipmi)
		bmc_need("ipmitool", "ipmitool");
	if (redfish)
		bmc_need("redfishtool", "redfishtool");
	if (ipmi || redfish)
		load_creds(w);
	for (i = 0; i < n; i++)
		if (w->be[i]->kind != BMC_WOL &&
		    bmc_creds_find(&w->creds, w->be[i]) == NULL) {
			log_warnx("%s: no password for it, %s or %s in %s",
			    names[i], w->be[i]->addr, w->be[i]->user,
			    w->cred_path);
			bad = true;
		}
	if (bad) {
		log_warnx("nothing powered");
		exit(EX_CONFIG);
	}
}

void
bmc_bind(struct wakeup *w)
{
	const char **names;
	size_t i;

	if ((names = calloc(w->nt, sizeof(*names))) == NULL)
		fatal("calloc");
	for (i = 0; i < w->nt; i++) {
		if (w->t[i].name[0] == '\0') {
			log_warnx("a MAC address has no name to find in %s; "
			    "nothing powered", w->bmc_path);
			exit(EX_DATAERR);
		}
		names[i] = w->t[i].name;
	}
	select_nodes(w, w->nt, names);
	free(names);
}

static bool
by_bmc(const struct wakeup *w, size_t i)
{
	return w->be != NULL && w->be[i]->kind != BMC_WOL;
}

const char *
power_unit(const struct wakeup *w, size_t i)
{
	return by_bmc(w, i) ? "power-on" : "magic packet";
}

/*
 * Target i: a magic packet, or by its BMC a network boot once and power
 * on, or a power cycle if it is on already (a retry, or a node left on).
 */
enum power_res
power_on(struct wakeup *w, size_t i, const char **how)
{
	const struct bmc_ent *e;
	char out[BMC_OUTMAX];
	int on;

	*how = "magic packet sent";
	if (!by_bmc(w, i))
		return send_magic(w, w->t[i].mac) == -1 ? POWER_SEND_FAILED :
		    POWER_SENT;
	e = w->be[i];
	if (bmc_try(&w->creds, e, BMC_STATUS, out, sizeof(out)) == -1)
		return POWER_GAVE_UP;
	on = bmc_power_parse(e->kind, out);
	if (bmc_try(&w->creds, e, BMC_BOOTDEV, out, sizeof(out)) == -1 ||
	    bmc_try(&w->creds, e, on ? BMC_CYCLE : BMC_ON, out,
	    sizeof(out)) == -1)
		return POWER_GAVE_UP;
	*how = e->kind == BMC_IPMI ? (on ? "ipmi: network boot once, power "
	    "cycle" : "ipmi: network boot once, power on") : (on ? "redfish: "
	    "network boot once, power cycle" : "redfish: network boot once, "
	    "power on");
	return POWER_SENT;
}

/* --status (a table on stdout) or --off, on names or the inventory. */
int
bmc_table(struct wakeup *w, int argc, char *argv[])
{
	char out[BMC_OUTMAX];
	const char **names;
	const struct bmc_ent *e;
	size_t i, n = argc > 0 ? (size_t)argc : w->inv.n;
	int status = EX_OK, on;

	if ((names = calloc(n, sizeof(*names))) == NULL)
		fatal("calloc");
	for (i = 0; i < n; i++)
		names[i] = argc > 0 ? argv[i] : w->inv.v[i].name;
	select_nodes(w, n, names);
	if (w->status)
		printf("%-16s %-8s %-24s %s\n", "NODE", "POWER", "BMC",
		    "STATE");
	for (i = 0; i < n; i++) {
		e = w->be[i];
		if (e->kind == BMC_WOL) {
			if (w->status)
				printf("%-16s %-8s %-24s %s\n", e->name, "wol",
				    "-", "unknown");
			else
				log_warnx("%s: wol cannot power off; skipped",
				    e->name);
			continue;
		}
		if (bmc_try(&w->creds, e, w->status ? BMC_STATUS : BMC_OFF, out,
		    sizeof(out)) == -1) {
			status = EX_UNAVAILABLE;
			on = -1;
		} else
			on = w->status ? bmc_power_parse(e->kind, out) : 0;
		if (w->status)
			printf("%-16s %-8s %-24s %s\n", e->name,
			    bmc_kind_name(e->kind), e->addr, on == 1 ? "on" :
			    on == 0 ? "off" : "no answer");
		else if (on == 0)
			log_info("%s: powered off by %s", e->name,
			    bmc_kind_name(e->kind));
		fflush(stdout);
	}
	free(names);
	return status;
}
