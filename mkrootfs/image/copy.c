// SPDX-License-Identifier: ISC
/*
 * The seed's `cp -a /loop/<all> /loop1' as a tree copy into a fresh file
 * system: owners, modes (set-id bits after chown), times, hard links,
 * symbolic links, device nodes, FIFOs, sockets and extended attributes
 * where the source has them.  Directories get their metadata on the way
 * out (post-order), so writing into a read-only directory still works and
 * its mtime is the source's.  Progress counts file data.
 */
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

#define CHUNK	(256 * 1024)

/* An inode with several names: where its first name was copied to. */
struct link {
	dev_t	 dev;
	ino_t	 ino;
	char	*to;
};

struct copy {
	void			*links;		/* tsearch tree of struct link */
	struct progress		 pg;
	uint8_t			*buf;
};

static int
cmp_link(const void *a, const void *b)
{
	const struct link *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static int
cmp_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

/*
 * Every extended attribute of from onto to, symbolic links included
 * (security.*, trusted.* and system.posix_acl_* need root, as the copy
 * does anyway).  A source file system without xattrs has nothing to copy.
 */
static int
copy_xattrs(const char *from, const char *to)
{
	char names[8192], val[65536], *n;
	ssize_t len, vl;

	if ((len = llistxattr(from, names, sizeof(names))) == -1)
		return errno == ENOTSUP ? 0 : -1;
	for (n = names; n < names + len; n += strlen(n) + 1) {
		if ((vl = lgetxattr(from, n, val, sizeof(val))) == -1 ||
		    lsetxattr(to, n, val, (size_t)vl, 0) == -1)
			return -1;
	}
	return 0;
}

/* Owner, then mode (chown clears set-id bits), xattrs, times. */
static int
set_meta(const char *to, const char *from, const struct stat *st)
{
	struct timespec ts[2] = { st->st_atim, st->st_mtim };

	if (lchown(to, st->st_uid, st->st_gid) == -1 ||
	    (!S_ISLNK(st->st_mode) && chmod(to, st->st_mode & 07777) == -1) ||
	    copy_xattrs(from, to) == -1 ||
	    utimensat(AT_FDCWD, to, ts, AT_SYMLINK_NOFOLLOW) == -1) {
		log_warn("%s", to);
		return -1;
	}
	return 0;
}

/*
 * A regular file's bytes, created 0600 with O_EXCL (a fresh file system
 * has nothing there; the real mode follows in set_meta()), in chunks
 * that the progress line counts and an interrupt stops between.
 */
static int
copy_data(struct copy *c, const char *from, const char *to)
{
	int in, out = -1, r = -1;
	ssize_t n;

	if ((in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		log_warn("%s", from);
		return -1;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1) {
		log_warn("%s", to);
		goto out;
	}
	while ((n = read(in, c->buf, CHUNK)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 || mkr_interrupted()) {
			if (n == -1)
				log_warn("%s", from);
			goto out;
		}
		if (write_all(out, c->buf, (size_t)n) == -1) {
			log_warn("%s", to);
			goto out;
		}
		progress_add(&c->pg, (uint64_t)n);
	}
	r = 0;
out:
	if (out != -1 && close(out) == -1 && r == 0) {
		log_warn("%s", to);
		r = -1;
	}
	close(in);
	return r;
}

/* A second name of an inode already copied: link it; 1 if done. */
static int
hard_link(struct copy *c, const struct stat *st, const char *to)
{
	struct link key = { st->st_dev, st->st_ino, NULL }, *l, **found;

	if (S_ISDIR(st->st_mode) || st->st_nlink < 2)
		return 0;
	if ((found = tfind(&key, &c->links, cmp_link)) != NULL) {
		if (link((*found)->to, to) == -1) {
			log_warn("link %s", to);
			return -1;
		}
		return 1;
	}
	if ((l = malloc(sizeof(*l))) == NULL) {
		log_warn("%s", to);
		return -1;
	}
	*l = (struct link){ st->st_dev, st->st_ino, strdup(to) };
	if (l->to == NULL || tsearch(l, &c->links, cmp_link) == NULL) {
		log_warn("%s", to);
		free(l->to);
		free(l);
		return -1;
	}
	return 0;
}

/* One non-directory: a hard link, or data, a symlink or a device node. */
static int
copy_one(struct copy *c, const FTSENT *f, const char *to)
{
	const struct stat *st = f->fts_statp;
	char target[PATH_MAX];
	ssize_t n;
	int r;

	if ((r = hard_link(c, st, to)) != 0)
		return r == 1 ? 0 : -1;
	if (S_ISREG(st->st_mode))
		r = copy_data(c, f->fts_path, to);
	else if (S_ISLNK(st->st_mode)) {
		if ((n = readlink(f->fts_path, target, sizeof(target) - 1)) ==
		    -1) {
			log_warn("%s", f->fts_path);
			return -1;
		}
		target[n] = '\0';
		if ((r = symlink(target, to)) == -1)
			log_warn("%s", to);
	} else if ((r = mknod(to, st->st_mode, st->st_rdev)) == -1)
		log_warn("%s", to);
	if (r == -1)
		return -1;
	return set_meta(to, f->fts_path, st);
}

/*
 * fts(3) pre-order makes each directory (0700 until done, so nothing
 * else can slip in), post-order gives it its metadata once its entries
 * are in, so its mtime is the source's.
 */
static int
visit(struct copy *c, const FTSENT *f, const char *to)
{
	switch (f->fts_info) {
	case FTS_D:
		/* a fresh ext2 has lost+found already */
		if (f->fts_level > 0 && mkdir(to, 0700) == -1 &&
		    (errno != EEXIST || strcmp(f->fts_name, "lost+found"))) {
			log_warn("%s", to);
			return -1;
		}
		return 0;
	case FTS_DP:
		return set_meta(to, f->fts_path, f->fts_statp);
	case FTS_DNR:
	case FTS_ERR:
	case FTS_NS:
		log_warnx("%s: %s", f->fts_path, strerror(f->fts_errno));
		return -1;
	default:
		return copy_one(c, f, to);
	}
}

static void
free_link(void *p)
{
	struct link *l = p;

	free(l->to);
	free(l);
}

/*
 * Copies the tree under `from' into the existing directory `to' (a fresh
 * file system's root), in name order.  The walk first counts the data for
 * the progress line.  Stops at the first error or interrupt; the caller
 * throws the half-filled image away.
 */
int
copy_tree(const struct mkr *m, const char *from, const char *to)
{
	char *paths[] = { (char *)(uintptr_t)from, NULL }, dst[PATH_MAX];
	struct copy c = { 0 };
	struct walk w;
	FTS *fts;
	FTSENT *f;
	int r = -1;

	if (walk_tree(&w, from) == -1)
		return -1;
	progress_start(&c.pg, m->progress, "copy", w.bytes);
	walk_free(&w);
	if ((c.buf = malloc(CHUNK)) == NULL ||
	    (fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, cmp_name)) ==
	    NULL) {
		log_warn("%s", from);
		free(c.buf);
		return -1;
	}
	for (errno = 0; (f = fts_read(fts)) != NULL; errno = 0) {
		if (mkr_interrupted())
			goto out;
		if (snprintf(dst, sizeof(dst), "%s%s", to, f->fts_path +
		    strlen(from)) >= (int)sizeof(dst)) {
			log_warnx("%s: path too long", f->fts_path);
			goto out;
		}
		if (visit(&c, f, dst) == -1)
			goto out;
	}
	if (errno != 0)
		log_warn("%s", from);
	else
		r = 0;
out:
	progress_end(&c.pg);
	fts_close(fts);
	tdestroy(c.links, free_link);
	free(c.buf);
	return r;
}
