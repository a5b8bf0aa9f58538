// SPDX-License-Identifier: ISC
/*
 * The power back ends' shell: reads the BMC inventory (--bmc) and the
 * credentials (--credentials, refused unless only its owner, root or us,
 * can read it, as ssh refuses a private key), runs ipmitool or redfishtool
 * (fork and exec, no shell, the password on a pipe at fd 3, never in argv
 * or the environment), retries a BMC that does not answer, and prints
 * --status's table and does --off.  bmc_inv.c and bmc_cmd.c decide what
 * to run; this file runs it.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "common/monotime.h"
#include "bmc_cmd.h"
#include "wakeup.h"

#define BMC_TRIES	3	/* calls before a BMC is given up */
#define BMC_PAUSE_MS	1000	/* between them */
#define BMC_CALL_MS	60000	/* a client still running then is killed */
#define BMC_OUTMAX	4096	/* what is kept of a client's output */

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

/* Is prog in PATH?  Checked before anything is powered. */
static void
need_prog(const char *prog, const char *pkg)
{
	char path[PATH_MAX], *dirs, *d, *s;

	if ((dirs = strdup(getenv("PATH") != NULL ? getenv("PATH") :
	    "/usr/sbin:/usr/bin:/sbin:/bin")) == NULL)
		fatal("strdup");
	for (s = dirs; (d = strsep(&s, ":")) != NULL;) {
		snprintf(path, sizeof(path), "%s/%s", *d ? d : ".", prog);
		if (access(path, X_OK) == 0) {
			free(dirs);
			return;
		}
	}
	log_warnx("%s: not found in PATH (Debian package %s); nothing powered",
	    prog, pkg);
	exit(EX_UNAVAILABLE);
}

/* The credentials, if only their owner (root or us) may read them. */
static void
load_creds(struct wakeup *w)
{
	struct perr err;
	struct stat st;
	char *buf;
	size_t len;
	int fd;

	if ((fd = file_open_regular(AT_FDCWD, w->cred_path)) == -1 ||
	    fstat(fd, &st) == -1) {
		log_warnx("%s: %s; nothing powered", w->cred_path,
		    file_strerror(errno));
		exit(EX_NOINPUT);
	}
	close(fd);
	if ((st.st_uid != 0 && st.st_uid != geteuid()) ||
	    (st.st_mode & 077) != 0) {
		log_warnx("%s: mode %03o, owner %u: credentials must be "
		    "readable by their owner (root) only; refused, nothing "
		    "powered", w->cred_path, (unsigned)(st.st_mode & 0777),
		    (unsigned)st.st_uid);
		exit(EX_CONFIG);
	}
	if (file_read(w->cred_path, FILE_READ_MAX, &buf, &len) == -1) {
		log_warnx("%s: %s", w->cred_path, file_strerror(errno));
		exit(EX_NOINPUT);
	}
	if (bmc_creds_parse(&w->creds, buf, len, w->cred_path, &err) == -1) {
		log_warnx("%s; nothing powered", err.msg);
		exit(EX_CONFIG);
	}
	explicit_bzero(buf, len);
	free(buf);
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
		need_prog("ipmitool", "ipmitool");
	if (redfish)
		need_prog("redfishtool", "redfishtool");
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

/* The child: the secret on fd 3, output to out, then the client. */
static void __attribute__((__noreturn__))
child(const char **av, int sfd, int ofd)
{
	/* execvp's argv is char *const[] for C's sake; it writes none. */
	union {
		const char	**c;
		char *const	 *v;
	} u = { .c = av };
	int nul = open("/dev/null", O_RDONLY);

	/* dup2() of a descriptor onto itself leaves its FD_CLOEXEC set. */
	if (nul == -1 || dup2(nul, STDIN_FILENO) == -1 ||
	    dup2(ofd, STDOUT_FILENO) == -1 || dup2(ofd, STDERR_FILENO) == -1 ||
	    (sfd == BMC_SECRET_FD ? fcntl(sfd, F_SETFD, 0) :
	    dup2(sfd, BMC_SECRET_FD)) == -1)
		_exit(127);
	closefrom(BMC_SECRET_FD + 1);
	execvp(av[0], u.v);
	dprintf(STDERR_FILENO, "%s: %s\n", av[0], strerror(errno));
	_exit(127);
}

/* Reads the child's output into out until it ends or the time is up. */
static void
collect(int fd, pid_t pid, char *out, size_t outsz)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int64_t end = mono_ms() + BMC_CALL_MS, left;
	size_t len = 0;
	ssize_t n;
	char sink[512];
	int r;

	out[0] = '\0';
	while ((left = end - mono_ms()) > 0) {
		if ((r = poll(&pfd, 1, (int)left)) == -1 && errno != EINTR)
			fatal("poll");
		if (r <= 0)
			continue;
		if (len + 1 < outsz)
			n = read(fd, out + len, outsz - 1 - len);
		else
			n = read(fd, sink, sizeof(sink));
		if (n == 0 || (n == -1 && errno != EINTR))
			return;
		if (n > 0 && len + 1 < outsz) {
			len += (size_t)n;
			out[len] = '\0';
		}
	}
	kill(pid, SIGKILL);
	snprintf(out + len, outsz - len, "\nkilled after %d s",
	    BMC_CALL_MS / 1000);
}

/* One call of op on e: the client's exit status (-1: killed), its output. */
static int
call(const struct wakeup *w, const struct bmc_ent *e, enum bmc_op op,
    char *out, size_t outsz)
{
	const char *av[BMC_ARGV_MAX];
	char secret[BMC_SECRET_MAX];
	int sp[2], op_[2], status;
	ssize_t slen;
	pid_t pid;

	bmc_argv(e, op, av);
	if ((slen = bmc_secret(e, bmc_creds_find(&w->creds, e), secret,
	    sizeof(secret))) == -1)
		fatalx("%s: secret too long", e->name);
	/* A pipe holds 64 KiB: the secret is written before the fork. */
	if (pipe2(sp, O_CLOEXEC) == -1 || pipe2(op_, O_CLOEXEC) == -1)
		fatal("pipe");
	if (write_all(sp[1], secret, (size_t)slen) == -1)
		fatal("secret pipe");
	explicit_bzero(secret, sizeof(secret));
	close(sp[1]);
	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid == 0)
		child(av, sp[0], op_[1]);
	close(sp[0]);
	close(op_[1]);
	collect(op_[0], pid, out, outsz);
	close(op_[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			fatal("waitpid");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The last line of out, for a message. */
static const char *
last_line(char *out)
{
	char *p;
	size_t len = strlen(out);

	while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == '\r'))
		out[--len] = '\0';
	return (p = strrchr(out, '\n')) != NULL ? p + 1 : out;
}

/*
 * op on e, BMC_TRIES times at most: 0 with the output in out, or -1 after
 * reporting.  A status whose output says no state counts as a failure.
 */
static int
try(const struct wakeup *w, const struct bmc_ent *e, enum bmc_op op,
    char *out, size_t outsz)
{
	int t, r;

	for (t = 1; t <= BMC_TRIES; t++) {
		if (t > 1)
			poll(NULL, 0, BMC_PAUSE_MS);
		r = call(w, e, op, out, outsz);
		if (r == 0 && (op != BMC_STATUS ||
		    bmc_power_parse(e->kind, out) != -1))
			return 0;
		log_warnx("%s: %s %s at %s: try %d of %d: %s", e->name,
		    e->kind == BMC_IPMI ? "ipmitool" : "redfishtool",
		    bmc_op_name(op), e->addr, t, BMC_TRIES, r == 0 ?
		    "no power state in its answer" : last_line(out));
	}
	return -1;
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
	if (try(w, e, BMC_STATUS, out, sizeof(out)) == -1)
		return POWER_GAVE_UP;
	on = bmc_power_parse(e->kind, out);
	if (try(w, e, BMC_BOOTDEV, out, sizeof(out)) == -1 ||
	    try(w, e, on ? BMC_CYCLE : BMC_ON, out, sizeof(out)) == -1)
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
		if (try(w, e, w->status ? BMC_STATUS : BMC_OFF, out,
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
