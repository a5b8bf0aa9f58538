// SPDX-License-Identifier: ISC
/*
 * The tree walk: every entry under a root, without following symbolic
 * links, as cpio entries named relative to the root ("." for the root
 * itself) with their lstat and full path, then planned by cpio_newc_plan()
 * (name order, hard links).  Also counts the data bytes for progress.
 */
#include <sys/sysmacros.h>

#include <errno.h>
#include <fts.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

/* Doubles the three parallel arrays (entries, stats, paths). */
static int
grow(struct walk *w)
{
	size_t cap = w->cap ? w->cap * 2 : 1024;
	void *a, *b, *c;

	if ((a = reallocarray(w->ents, cap, sizeof(*w->ents))) == NULL)
		return -1;
	w->ents = a;
	if ((b = reallocarray(w->st, cap, sizeof(*w->st))) == NULL)
		return -1;
	w->st = b;
	if ((c = reallocarray(w->path, cap, sizeof(*w->path))) == NULL)
		return -1;
	w->path = c;
	w->cap = cap;
	return 0;
}

/*
 * Records one fts(3) entry: its full path (owned by w), its lstat, and a
 * cpio entry whose name points into that path past the root.  Sizes only
 * for data the archive carries: regular files and symlink targets.
 */
static int
add(struct walk *w, const FTSENT *f, size_t rootlen)
{
	struct cpio_ent *e;
	const char *rel = f->fts_path + rootlen;

	if (w->n == w->cap && grow(w) == -1)
		return -1;
	while (*rel == '/')
		rel++;
	if ((w->path[w->n] = strdup(f->fts_path)) == NULL)
		return -1;
	w->st[w->n] = *f->fts_statp;
	e = &w->ents[w->n];
	memset(e, 0, sizeof(*e));
	/* the relative name is a suffix of the stored path */
	e->name = *rel ? w->path[w->n] + (rel - f->fts_path) : ".";
	e->mode = f->fts_statp->st_mode;
	e->uid = f->fts_statp->st_uid;
	e->gid = f->fts_statp->st_gid;
	e->nlink = (uint32_t)f->fts_statp->st_nlink;
	e->mtime = f->fts_statp->st_mtime < 0 ? 0 :
	    (uint64_t)f->fts_statp->st_mtime;
	if (S_ISREG(e->mode) || S_ISLNK(e->mode))
		e->size = (uint64_t)f->fts_statp->st_size;
	e->rmajor = major(f->fts_statp->st_rdev);
	e->rminor = minor(f->fts_statp->st_rdev);
	e->src_dev = f->fts_statp->st_dev;
	e->src_ino = f->fts_statp->st_ino;
	e->src = w->n;
	w->n++;
	return 0;
}

/*
 * Walks root without following symlinks (FTS_PHYSICAL) into w, planned.
 * 0, or -1 after logging, with w freed.  An interrupt stops it.
 */
int
walk_tree(struct walk *w, const char *root)
{
	char *paths[] = { (char *)(uintptr_t)root, NULL };
	size_t *scratch, rootlen = strlen(root), i;
	FTS *fts;
	FTSENT *f;
	int r = -1;

	memset(w, 0, sizeof(*w));
	if ((fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, NULL)) == NULL) {
		log_warn("%s", root);
		return -1;
	}
	for (errno = 0; (f = fts_read(fts)) != NULL; errno = 0) {
		if (mkr_interrupted())
			goto out;
		switch (f->fts_info) {
		case FTS_DP:
			continue;
		case FTS_DNR:
		case FTS_ERR:
		case FTS_NS:
			log_warnx("%s: %s", f->fts_path, strerror(f->fts_errno));
			goto out;
		default:
			break;
		}
		if (add(w, f, rootlen) == -1) {
			log_warn("walk");
			goto out;
		}
	}
	if (errno != 0) {
		log_warn("%s", root);
		goto out;
	}
	if ((scratch = calloc(w->n ? w->n : 1, sizeof(*scratch))) == NULL) {
		log_warn("walk");
		goto out;
	}
	cpio_newc_plan(w->ents, w->n, scratch);
	free(scratch);
	/* data written once per file, however many names it has */
	for (i = 0; i < w->n; i++)
		if (S_ISREG(w->ents[i].mode))
			w->bytes += w->ents[i].size;
	r = 0;
out:
	fts_close(fts);
	if (r == -1)
		walk_free(w);
	return r;
}

void
walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		free(w->path[i]);
	free(w->path);
	free(w->st);
	free(w->ents);
	memset(w, 0, sizeof(*w));
}
