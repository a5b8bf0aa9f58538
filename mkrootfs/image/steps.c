// SPDX-License-Identifier: ISC
/*
 * The seed's Makefile targets, same names and chain:
 *   newfs     a zero-filled image `newfs', mke2fs -F -L ROOT
 *   mount     `rootfs' mounted at the mount point (here: for a command
 *             or shell run in a private mount namespace)
 *   copyfs    newfs + mount: the tree copied into the fresh image
 *   umount    the source unmounted
 *   check     copyfs + umount: e2fsck -f newfs, then newfs -> rootfs
 *   compress  check (ext2) or a cpio newc archive of the tree (cpio),
 *             compressed into the output, replaced atomically
 * Each step cleans up what it made when it or a later one fails.
 */
#include <sys/mount.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

#define CHUNK	(1024 * 1024)

/* What a chain of steps holds, so failure undoes it. */
struct chain {
	const char	*src;		/* the tree copied or archived */
	char		 srcdir[32];	/* the image mounted, if no -r */
	char		 newdir[32];	/* newfs mounted for copyfs */
	bool		 newfs_made;	/* newfs is ours to remove */
};

/*
 * A private mount point: a fresh directory in /tmp, used only inside our
 * mount namespace and removed when done (or by chain_undo()).
 */
static int
tmpdir(struct mkr *m, char *dir, size_t size)
{
	if (ns_enter(m) == -1)
		return -1;
	strlcpy(dir, "/tmp/mkrootfs.XXXXXX", size);
	if (mkdtemp(dir) == NULL) {
		log_warn("mkdtemp");
		dir[0] = '\0';
		return -1;
	}
	return 0;
}

static void
untmp(char *dir)
{
	if (dir[0] == '\0')
		return;
	ext2_umount(dir);
	if (rmdir(dir) == -1)
		log_warn("%s", dir);
	dir[0] = '\0';
}

/*
 * Undoes what a chain made: lazy unmounts (a failed copy may still hold
 * files open), the mount points, and newfs unless it is the result.
 */
static void
chain_undo(struct chain *c, struct mkr *m)
{
	if (c->newdir[0] != '\0') {
		umount2(c->newdir, MNT_DETACH);
		rmdir(c->newdir);
	}
	if (c->srcdir[0] != '\0') {
		umount2(c->srcdir, MNT_DETACH);
		rmdir(c->srcdir);
	}
	if (c->newfs_made && unlink(m->newfs) == 0)
		log_info("%s: removed", m->newfs);
}

/* mount: the tree to read, -r or the work image read-only. */
static int
do_source(struct mkr *m, struct chain *c)
{
	if (m->root != NULL) {
		c->src = m->root;
		return 0;
	}
	if (tmpdir(m, c->srcdir, sizeof(c->srcdir)) == -1)
		return -1;
	if (ext2_mount(m->rootfs, c->srcdir, true) == -1) {
		rmdir(c->srcdir);
		c->srcdir[0] = '\0';
		return -1;
	}
	c->src = c->srcdir;
	return 0;
}

static int
do_copyfs(struct mkr *m, struct chain *c)
{
	if (ext2_newfs(m, m->newfs) == -1)
		return -1;
	c->newfs_made = true;
	if (do_source(m, c) == -1 ||
	    tmpdir(m, c->newdir, sizeof(c->newdir)) == -1)
		return -1;
	if (ext2_mount(m->newfs, c->newdir, false) == -1) {
		rmdir(c->newdir);
		c->newdir[0] = '\0';
		return -1;
	}
	if (copy_tree(m, c->src, c->newdir) == -1)
		return -1;
	untmp(c->newdir);
	log_info("%s: copied from %s", m->newfs, m->root ? m->root :
	    m->rootfs);
	return 0;
}

static int
do_check(struct mkr *m, struct chain *c)
{
	if (do_copyfs(m, c) == -1)
		return -1;
	untmp(c->srcdir);		/* umount */
	if (ext2_check(m->newfs) == -1 || mkr_interrupted())
		return -1;
	if (rename(m->newfs, m->rootfs) == -1 || fsync_dir_of(m->rootfs) ==
	    -1) {
		log_warn("%s", m->rootfs);
		return -1;
	}
	c->newfs_made = false;
	log_info("%s: replaced by the checked image", m->rootfs);
	return 0;
}

/* The ext2 image into the sink, with progress. */
static int
compress_file(struct mkr *m, const char *path, struct zsink *z)
{
	struct progress pg;
	struct stat st;
	uint8_t *buf;
	ssize_t n;
	int fd, r = -1;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1 || (buf = malloc(CHUNK)) == NULL) {
		log_warn("%s", path);
		if (fd != -1)
			close(fd);
		return -1;
	}
	progress_start(&pg, m->progress, "compress", (uint64_t)st.st_size);
	while ((n = read(fd, buf, CHUNK)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			log_warn("%s", path);
		if (n == -1 || mkr_interrupted() ||
		    zsink_write(z, buf, (size_t)n) == -1)
			goto out;
		progress_add(&pg, (uint64_t)n);
	}
	r = 0;
out:
	progress_end(&pg);
	free(buf);
	close(fd);
	return r;
}

static int
do_compress(struct mkr *m, struct chain *c)
{
	struct zsink *z;

	if (m->format == FMT_EXT2 && do_check(m, c) == -1)
		return -1;
	if (m->format == FMT_CPIO && do_source(m, c) == -1)
		return -1;
	if ((z = zsink_open(m, m->output)) == NULL)
		return -1;
	if ((m->format == FMT_EXT2 ? compress_file(m, m->rootfs, z) :
	    cpio_write(m, c->src, z)) == -1) {
		zsink_abort(z);
		return -1;
	}
	return zsink_commit(z);
}

/* mount: the image read-write for a command (default: a shell). */
static int
do_mount(struct mkr *m, int argc, char **argv)
{
	char *sh[] = { getenv("SHELL") ? getenv("SHELL") : "/bin/sh", NULL };
	pid_t pid;
	int st, r;

	if (ns_enter(m) == -1)
		return -1;
	if (mkdir(m->mountpoint, 0755) == -1 && errno != EEXIST) {
		log_warn("%s", m->mountpoint);
		return -1;
	}
	if (ext2_mount(m->rootfs, m->mountpoint, false) == -1)
		return -1;
	log_info("%s: mounted on %s until %s exits", m->rootfs, m->mountpoint,
	    argc > 0 ? argv[0] : sh[0]);
	/* like system(3): ^C is for the command (an interactive shell) */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	if ((pid = fork()) == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		if (chdir(m->mountpoint) == -1)
			_exit(126);
		execvp(argc > 0 ? argv[0] : sh[0], argc > 0 ? argv : sh);
		_exit(127);
	}
	while (pid != -1 && waitpid(pid, &st, 0) == -1 && errno == EINTR)
		continue;
	r = pid != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
	if (r == -1)
		log_warnx("%s: failed", argc > 0 ? argv[0] : sh[0]);
	return ext2_umount(m->mountpoint) == -1 ? -1 : r;
}

/* umount alone: a mount left by the seed's Makefile or mount(8). */
static int
do_umount(struct mkr *m)
{
	if (umount2(m->mountpoint, 0) == 0) {
		log_info("%s: unmounted", m->mountpoint);
		return 0;
	}
	if (errno == EINVAL) {
		log_info("%s: nothing mounted", m->mountpoint);
		return 0;
	}
	log_warn("umount %s", m->mountpoint);
	return -1;
}

int
step_run(struct mkr *m, const char *name, int argc, char **argv)
{
	struct chain c = { 0 };
	int r;

	if (strcmp(name, "newfs") == 0)
		return ext2_newfs(m, m->newfs);
	if (strcmp(name, "mount") == 0)
		return do_mount(m, argc, argv);
	if (strcmp(name, "umount") == 0)
		return do_umount(m);
	if (strcmp(name, "copyfs") == 0)
		r = do_copyfs(m, &c);
	else if (strcmp(name, "check") == 0)
		r = do_check(m, &c);
	else
		r = do_compress(m, &c);
	/* an interrupt that came as the last step ended still undoes it */
	if (r == 0 && !mkr_interrupted())
		c.newfs_made = false;
	chain_undo(&c, m);
	return r;
}
