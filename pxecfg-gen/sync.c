// SPDX-License-Identifier: ISC
/*
 * Scanning and writing the TFTP root.  Every write goes through
 * common/fileio's atomic_write(), so a node booting during a run reads the
 * old file or the new one, never a part.  Dot files are skipped: they are
 * atomic_write()'s temporaries (or someone else's).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/fileio.h"
#include "common/path.h"
#include "pxecfg_diff.h"
#include "sync.h"

#define SYNC_READMAX	(1u << 20)

/* dir/name into path[PATH_MAX]; a path too long is fatal (and logged). */
static void
join(char path[PATH_MAX], const char *dir, const char *name)
{
	if (path_join(path, dir, name) == -1)
		exit(EX_USAGE);
}

static void
found_add(struct sync_found *sf, enum pxecfg_dir dir, const char *name,
    char *text, size_t len)
{
	struct pxecfg_found *v;
	char **b;
	size_t cap;

	if (sf->n == sf->cap) {
		cap = sf->cap == 0 ? 32 : sf->cap * 2;
		if ((v = reallocarray(sf->v, cap, sizeof(*v))) == NULL)
			err(EX_OSERR, NULL);
		sf->v = v;
		if ((b = reallocarray(sf->bufs, cap, sizeof(*b))) == NULL)
			err(EX_OSERR, NULL);
		sf->bufs = b;
		sf->cap = cap;
	}
	v = &sf->v[sf->n];
	v->dir = dir;
	strlcpy(v->name, name, sizeof(v->name));
	v->text = text;
	v->len = len;
	sf->bufs[sf->n++] = text;
}

/*
 * A regular file is read; anything else (a symlink an admin made, a
 * directory, a file too large) is recorded with empty text, so it is never
 * ours: we neither remove it nor overwrite it without -f.
 */
static void
scan_one(struct sync_found *sf, int dfd, const char *dpath,
    enum pxecfg_dir dir, const char *name)
{
	struct stat st;
	char path[PATH_MAX], *buf;
	size_t len;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		err(EX_IOERR, "%s/%s", dpath, name);
	join(path, dpath, name);
	if (!S_ISREG(st.st_mode) ||
	    file_read(path, SYNC_READMAX, &buf, &len) == -1) {
		if (S_ISREG(st.st_mode) && errno != EFBIG)
			err(EX_IOERR, "%s", path);
		if ((buf = strdup("")) == NULL)
			err(EX_OSERR, NULL);
		len = 0;
	}
	found_add(sf, dir, name, buf, len);
}

static void
scan_dir(const char *root, enum pxecfg_dir dir, struct sync_found *sf)
{
	char dpath[PATH_MAX];
	struct dirent *de;
	DIR *d;

	join(dpath, root, pxecfg_plan_dirname(dir));
	if ((d = opendir(dpath)) == NULL) {
		if (errno == ENOENT)
			return;
		err(EX_IOERR, "%s", dpath);
	}
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' ||
		    strlen(de->d_name) >= PXECFG_FNAMELEN)
			continue;
		scan_one(sf, dirfd(d), dpath, dir, de->d_name);
	}
	if (errno != 0)
		err(EX_IOERR, "%s", dpath);
	closedir(d);
}

void
sync_scan(const char *root, struct sync_found *sf)
{
	scan_dir(root, PXECFG_DIR_PXELINUX, sf);
	scan_dir(root, PXECFG_DIR_IPXE, sf);
	scan_dir(root, PXECFG_DIR_GRUB, sf);
}

void
sync_found_free(struct sync_found *sf)
{
	size_t i;

	for (i = 0; i < sf->n; i++)
		free(sf->bufs[i]);
	free(sf->bufs);
	free(sf->v);
	memset(sf, 0, sizeof(*sf));
}

bool
sync_exists(const char *root, enum pxecfg_dir dir, const char *name)
{
	char path[PATH_MAX], rel[PATH_MAX];

	join(rel, pxecfg_plan_dirname(dir), name);
	join(path, root, rel);
	return access(path, F_OK) == 0;
}

static void
show_diff(const struct pxecfg_file *f, const char *rel)
{
	char *out;
	struct wbuf w;
	size_t cap = 4 * (f->len + f->oldlen) + 1024;

	if ((out = malloc(cap)) == NULL)
		err(EX_OSERR, NULL);
	wbuf_init(&w, out, cap);
	if (diff_unified(f->act == PXECFG_CREATE ? "" : f->old,
	    f->act == PXECFG_CREATE ? 0 : f->oldlen,
	    f->act == PXECFG_CREATE ? "/dev/null" : rel,
	    f->act == PXECFG_REMOVE ? "" : f->text,
	    f->act == PXECFG_REMOVE ? 0 : f->len,
	    f->act == PXECFG_REMOVE ? "/dev/null" : rel, &w) == -1 ||
	    wbuf_len(&w) == -1)
		printf("(%s: too large to show a diff)\n", rel);
	else
		fwrite(out, 1, w.len, stdout);
	free(out);
}

static int
apply_one(const char *root, const struct pxecfg_file *f, const char *rel)
{
	char path[PATH_MAX], dpath[PATH_MAX];

	join(path, root, rel);
	if (f->act == PXECFG_REMOVE) {
		if (unlink(path) == -1 && errno != ENOENT) {
			warn("%s", path);
			return -1;
		}
		return 0;
	}
	join(dpath, root, pxecfg_plan_dirname(f->dir));
	if (mkdir(dpath, 0755) == -1 && errno != EEXIST) {
		warn("%s", dpath);
		return -1;
	}
	if (atomic_write(path, f->text, f->len, 0644) == -1) {
		warn("%s", path);
		return -1;
	}
	return 0;
}

int
sync_apply(const char *root, const struct pxecfg_plan *pl, bool dry)
{
	static const char *const verb[2][4] = {
		{ "kept", "created", "changed", "removed" },
		{ "kept", "would create", "would change", "would remove" }
	};
	unsigned count[4] = { 0 };
	char rel[PATH_MAX];
	size_t i;

	for (i = 0; i < pl->n; i++) {
		const struct pxecfg_file *f = &pl->v[i];

		count[f->act]++;
		if (f->act == PXECFG_KEEP)
			continue;
		join(rel, pxecfg_plan_dirname(f->dir), f->name);
		if (!dry && apply_one(root, f, rel) == -1)
			return -1;
		printf("%s %s\n", verb[dry][f->act], rel);
		if (dry)
			show_diff(f, rel);
	}
	if (count[1] + count[2] + count[3] == 0)
		printf("pxecfg-gen: nothing to change (%u files up to date)\n",
		    count[0]);
	else
		printf("pxecfg-gen: %s%u created, %u changed, %u removed, "
		    "%u unchanged\n", dry ? "dry run, would have " : "",
		    count[1], count[2], count[3], count[0]);
	return 0;
}
