// SPDX-License-Identifier: ISC
/*
 * Running a BMC client (ipmitool, redfishtool): fork and exec from PATH,
 * no shell, the argv bmc_cmd.c builds, the password on a pipe at fd 3
 * (never in argv or the environment), stdin /dev/null, the output kept
 * for the power state and for messages; a client still running after
 * BMC_CALL_MS is killed, a failed call is tried again, BMC_TRIES times.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
#include "wakeup.h"

#define BMC_TRIES	3	/* calls before a BMC is given up */
#define BMC_PAUSE_MS	1000	/* between them */
#define BMC_CALL_MS	60000	/* a client still running then is killed */

/* Is prog in PATH?  Checked before anything is powered. */
void
bmc_need(const char *prog, const char *pkg)
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
call(const struct bmc_creds *c, const struct bmc_ent *e, enum bmc_op op,
    char *out, size_t outsz)
{
	const char *av[BMC_ARGV_MAX];
	char secret[BMC_SECRET_MAX];
	int spipe[2], opipe[2], status;
	ssize_t slen;
	pid_t pid;

	bmc_argv(e, op, av);
	if ((slen = bmc_secret(e, bmc_creds_find(c, e), secret,
	    sizeof(secret))) == -1)
		fatalx("%s: secret too long", e->name);
	/* A pipe holds 64 KiB: the secret is written before the fork. */
	if (pipe2(spipe, O_CLOEXEC) == -1 || pipe2(opipe, O_CLOEXEC) == -1)
		fatal("pipe");
	if (write_all(spipe[1], secret, (size_t)slen) == -1)
		fatal("secret pipe");
	explicit_bzero(secret, sizeof(secret));
	close(spipe[1]);
	if ((pid = fork()) == -1)
		fatal("fork");
	if (pid == 0)
		child(av, spipe[0], opipe[1]);
	close(spipe[0]);
	close(opipe[1]);
	collect(opipe[0], pid, out, outsz);
	close(opipe[0]);
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

int
bmc_try(const struct bmc_creds *c, const struct bmc_ent *e, enum bmc_op op,
    char *out, size_t outsz)
{
	int t, r;

	for (t = 1; t <= BMC_TRIES; t++) {
		if (t > 1)
			poll(NULL, 0, BMC_PAUSE_MS);
		r = call(c, e, op, out, outsz);
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

