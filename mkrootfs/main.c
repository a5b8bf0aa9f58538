// SPDX-License-Identifier: ISC
/*
 * mkrootfs: builds the nodes' RAM-disk root.  Options and the command are
 * read here, signals turned into a flag that every long loop checks (so an
 * interrupted build unwinds through the normal cleanup; interrupt.c), and
 * the command dispatched to one of three jobs: the seed's steps (image/),
 * `starter' (starter/) and `rebootmbr' (mbr/).  After an interrupt the
 * signal is raised again once everything is cleaned up, so the caller
 * sees it.
 *
 * The work runs in a child that gets SIGTERM when its parent dies
 * (PR_SET_PDEATHSIG): `kill -9 mkrootfs' still ends in the child's
 * cleanup (temporary files and newfs removed, mounts and loop devices
 * released), which no process can do for itself after SIGKILL.
 */
#include <err.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "common/opt.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"
#include "mkrootfs/mbr/mbr.h"
#include "mkrootfs/mkr_conf.h"
#include "mkrootfs/mkrootfs.h"
#include "mkrootfs/starter/starter.h"

#define MODULES_MAX	64
#define OPTS		"c:F:z:l:r:w:m:o:s:qvh"

static void
usage(FILE *f)
{
	fprintf(f,
"usage: mkrootfs [-qv] [-c file] [-F cpio|ext2] [-z gzip|zstd|none] [-l level]\n"
"                [-r root] [-w workdir] [-m mountpoint] [-o output]\n"
"                [-s MiB] command\n"
"commands, the seed's Makefile targets (each runs those it needs):\n"
"  newfs      zero-filled image workdir/newfs, mke2fs -F -L ROOT\n"
"  mount [-- command...]  workdir/rootfs mounted read-write on the mount\n"
"             point (default /loop) for a shell or the command\n"
"  copyfs     newfs, then the root (-r, or workdir/rootfs) copied into it\n"
"  umount     unmount the mount point (a mount left by mount(8))\n"
"  check      copyfs, e2fsck -f, newfs renamed to rootfs\n"
"  compress   the image: cpio newc of the root (default) or check and the\n"
"             ext2 rootfs (-F ext2), compressed into -o atomically\n"
"other commands:\n"
"  starter DIR [--busybox FILE] [--kernel-modules DIR] [--module NAME]...\n"
"             [--netkexec FILE]\n"
"             a busybox root with an /init for diskless nodes\n"
"  rebootmbr [--force] [--backup FILE] DEVICE|IMAGE\n"
"             a boot sector that resets the machine (keeps the partitions)\n"
"options:\n"
"  -c, --config    settings from a file (the options below override it)\n"
"  -F, --format    cpio (initramfs, default) or ext2 (image initrd)\n"
"  -z, --compress  gzip (default), zstd or none\n"
"  -l, --level     compression level (gzip 6, zstd 9 by default)\n"
"  -r, --root      the root tree (default: workdir/rootfs mounted)\n"
"  -w, --workdir   directory of rootfs and newfs (default .)\n"
"  -m, --mountpoint  for mount and umount (default /loop)\n"
"  -o, --output    default /tftpboot/rootfs.gz (.zst with zstd)\n"
"  -s, --size      ext2 image size in MiB (default 64)\n"
"  -q, --quiet     no progress;  -v, --verbose  more messages\n"
"See mkrootfs(8).\n");
}

static const struct option longopts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "format", required_argument, NULL, 'F' },
	{ "compress", required_argument, NULL, 'z' },
	{ "level", required_argument, NULL, 'l' },
	{ "root", required_argument, NULL, 'r' },
	{ "workdir", required_argument, NULL, 'w' },
	{ "mountpoint", required_argument, NULL, 'm' },
	{ "output", required_argument, NULL, 'o' },
	{ "size", required_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "force", no_argument, NULL, 'f' },
	{ "backup", required_argument, NULL, 'B' },
	{ "busybox", required_argument, NULL, 'b' },
	{ "kernel-modules", required_argument, NULL, 'K' },
	{ "module", required_argument, NULL, 'M' },
	{ "netkexec", required_argument, NULL, 'N' },
	{ NULL, 0, NULL, 0 }
};

/* What only some commands use, kept out of struct mkr. */
struct args {
	const char	*backup, *busybox, *kmods, *netkexec;
	char		*modules[MODULES_MAX];
	int		 nmodules;
	int		 verbose;
	bool		 quiet;
};

/* One getopt_long() result into m or a; bad values exit EX_USAGE. */
static void
option(struct mkr *m, struct args *a, int ch, char *arg)
{
	switch (ch) {
	case 'F':
		if (strcmp(arg, "cpio") && strcmp(arg, "ext2"))
			errx(EX_USAGE, "format %s: cpio or ext2", arg);
		m->format = strcmp(arg, "cpio") ? FMT_EXT2 : FMT_CPIO;
		break;
	case 'z':
		if (strcmp(arg, "gzip") == 0)
			m->comp = COMP_GZIP;
		else if (strcmp(arg, "zstd") == 0)
			m->comp = COMP_ZSTD;
		else if (strcmp(arg, "none") == 0)
			m->comp = COMP_NONE;
		else
			errx(EX_USAGE, "compress %s: gzip, zstd or none", arg);
		break;
	case 'l':
		m->level = (int)opt_number(arg, 1, 22, "level");
		break;
	case 'r':
		/* no trailing '/': copy and walk cut the root's length */
		while (strlen(arg) > 1 && arg[strlen(arg) - 1] == '/')
			arg[strlen(arg) - 1] = '\0';
		m->root = arg;
		break;
	case 'w':
		m->workdir = arg;
		break;
	case 'm':
		m->mountpoint = arg;
		break;
	case 'o':
		m->output = arg;
		break;
	case 's':
		m->size_mib = (uint64_t)opt_number(arg, 1, 1 << 20, "size");
		break;
	case 'q':
		a->quiet = true;
		break;
	case 'v':
		a->verbose++;
		break;
	case 'f':
		m->force = true;
		break;
	case 'B':
		a->backup = arg;
		break;
	case 'b':
		a->busybox = arg;
		break;
	case 'K':
		a->kmods = arg;
		break;
	case 'N':
		a->netkexec = arg;
		break;
	case 'M':
		if (a->nmodules == MODULES_MAX)
			errx(EX_USAGE, "more than %d modules", MODULES_MAX);
		a->modules[a->nmodules++] = arg;
		break;
	case 'c':		/* read before the other options */
		break;
	case 'h':
		usage(stdout);
		exit(0);
	default:
		usage(stderr);
		exit(EX_USAGE);
	}
}

/*
 * The settings of a configuration file, under the command line's (which
 * option() applies after this).  Exits EX_CONFIG with "file:line: why".
 */
static void
config(struct mkr *m, struct args *a, const char *path)
{
	static struct mkconf cf;	/* m points into it */
	struct perr pe;
	size_t len;
	char *buf;

	if (file_read(path, FILE_READ_MAX, &buf, &len) == -1)
		errx(EX_CONFIG, "%s: %s", path, file_strerror(errno));
	if (mkconf_parse(&cf, buf, len, path, &pe) == -1)
		errx(EX_CONFIG, "%s", pe.msg);
	free(buf);
	if (cf.root[0] != '\0')
		option(m, a, 'r', cf.root);
	if (cf.workdir[0] != '\0')
		m->workdir = cf.workdir;
	if (cf.output[0] != '\0')
		m->output = cf.output;
	if (cf.mountpoint[0] != '\0')
		m->mountpoint = cf.mountpoint;
	if (cf.format[0] != '\0')
		option(m, a, 'F', cf.format);
	if (cf.compress[0] != '\0')
		option(m, a, 'z', cf.compress);
	if (cf.level != -1)
		m->level = cf.level;
	if (cf.size_mib != -1)
		m->size_mib = (uint64_t)cf.size_mib;
}

/* Defaults that depend on other options, and the work file names. */
static void
finish(struct mkr *m)
{
	static const char *ext[] = { ".gz", ".zst", "" };
	static char out[PATH_MAX];

	if (m->output == NULL) {
		snprintf(out, sizeof(out), "/tftpboot/rootfs%s", ext[m->comp]);
		m->output = out;
	}
	if (m->level > 9 && m->comp == COMP_GZIP)
		errx(EX_USAGE, "gzip levels are 1 to 9");
	if ((size_t)snprintf(m->rootfs, sizeof(m->rootfs), "%s/rootfs",
	    m->workdir) >= sizeof(m->rootfs) ||
	    (size_t)snprintf(m->newfs, sizeof(m->newfs), "%s/newfs",
	    m->workdir) >= sizeof(m->newfs))
		errx(EX_USAGE, "%s: path too long", m->workdir);
}

/* Runs the command; its sysexits.h status. */
static int
dispatch(struct mkr *m, struct args *a, const char *cmd, int argc,
    char **argv)
{
	static const char *steps[] = { "newfs", "mount", "umount", "copyfs",
	    "check", "compress" };
	size_t i;

	if (strcmp(cmd, "starter") == 0) {
		if (argc != 1)
			errx(EX_USAGE, "starter DIR");
		return starter_build(m, argv[0], a->kmods, a->modules,
		    a->nmodules, a->busybox, a->netkexec) == 0 ? 0 : EX_OSERR;
	}
	if (strcmp(cmd, "rebootmbr") == 0) {
		if (argc != 1)
			errx(EX_USAGE, "rebootmbr DEVICE|IMAGE");
		return rebootmbr(m, argv[0], a->backup);
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (strcmp(cmd, steps[i]) == 0)
			break;
	if (i == sizeof(steps) / sizeof(steps[0]))
		errx(EX_USAGE, "%s: unknown command (see --help)", cmd);
	if (argc > 0 && strcmp(cmd, "mount") != 0)
		errx(EX_USAGE, "%s takes no arguments", cmd);
	return step_run(m, cmd, argc, argv) == 0 ? 0 : EX_OSERR;
}

/* Parent: forwards signals to the worker, then exits as it did. */
static void
supervise(pid_t pid)
{
	int st, sig = 0;

	for (;;) {
		if (waitpid(pid, &st, 0) == pid)
			break;
		if (errno != EINTR)
			err(EX_OSERR, "waitpid");
		if (mkr_signal != 0 && mkr_signal != sig)
			kill(pid, sig = mkr_signal);
	}
	if (WIFSIGNALED(st)) {
		signal(WTERMSIG(st), SIG_DFL);
		raise(WTERMSIG(st));
	}
	exit(WIFEXITED(st) ? WEXITSTATUS(st) : EX_SOFTWARE);
}

/*
 * Forks: the parent supervises and never returns; the child returns and
 * does the work, with SIGTERM due if the parent dies (even by SIGKILL).
 */
static void
worker(void)
{
	pid_t parent = getpid(), pid;

	if ((pid = fork()) == -1)
		err(EX_OSERR, "fork");
	if (pid > 0)
		supervise(pid);
	if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1)
		err(EX_OSERR, "PR_SET_PDEATHSIG");
	if (getppid() != parent)	/* the parent died before prctl */
		raise(SIGTERM);
}

int
main(int argc, char *argv[])
{
	struct mkr m = { .workdir = ".", .mountpoint = "/loop", .level = -1,
	    .size_mib = 64 };
	struct args a = { 0 };
	const char *conf = NULL;
	int ch, ex;

	/* -c first, wherever it is: the other options override the file */
	while ((ch = getopt_long(argc, argv, OPTS, longopts, NULL)) != -1)
		if (ch == 'c')
			conf = optarg;
		else if (ch == '?')
			option(&m, &a, ch, optarg);
	if (conf != NULL)
		config(&m, &a, conf);
	optind = 0;
	while ((ch = getopt_long(argc, argv, OPTS, longopts, NULL)) != -1)
		option(&m, &a, ch, optarg);
	if (optind >= argc) {
		usage(stderr);
		return EX_USAGE;
	}
	finish(&m);
	m.progress = !a.quiet && isatty(STDERR_FILENO);
	log_init(LOG_TO_STDERR, a.verbose + 1, LOG_USER);
	mkr_catch_signals();
	worker();
	ex = dispatch(&m, &a, argv[optind], argc - optind - 1,
	    argv + optind + 1);
	if (mkr_signal != 0) {
		log_warnx("interrupted; cleaned up");
		signal(mkr_signal, SIG_DFL);
		raise(mkr_signal);
	}
	return ex;
}
