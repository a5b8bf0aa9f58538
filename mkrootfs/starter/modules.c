// SPDX-License-Identifier: ISC
/*
 * Kernel modules for the starter root: --kernel-modules names an unpacked
 * linux-image package's lib/modules/<version>.  The wanted modules and
 * their dependencies (mkr_moddep.c over its modules.dep) are copied under
 * DIR/lib/modules/<version>/ and listed, dependencies first, in
 * nodeboot.load, which /init feeds to busybox insmod.  A module built into
 * that kernel (modules.builtin) is skipped.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/atomic.h"
#include "common/fileio.h"
#include "common/log.h"
#include "common/path.h"
#include "mkrootfs/starter/mkr_moddep.h"
#include "mkrootfs/starter/starter.h"

#define MODS_MAX	16384
#define ORDER_MAX	256

/* Is the module built into that kernel (listed in modules.builtin)? */
static int
builtin(const char *kmods, const char *name)
{
	char path[PATH_MAX], *buf, *line, *save = NULL, n[MODDEP_NAMEMAX];
	size_t len;
	int found = 0;

	if (path_join(path, kmods, "modules.builtin") == -1)
		return 0;
	if (file_read(path, FILE_READ_MAX, &buf, &len) == -1)
		return 0;
	for (line = strtok_r(buf, "\n", &save); line != NULL && !found;
	    line = strtok_r(NULL, "\n", &save))
		found = moddep_name(line, n, sizeof(n)) == 0 &&
		    strcmp(n, name) == 0;
	free(buf);
	return found;
}

/* kmods/rel to root/rel, making the directories on the way. */
static int
copy_one(const char *kmods, const char *root, const char *rel)
{
	char from[PATH_MAX], to[PATH_MAX], dir[PATH_MAX], *buf;
	size_t len;
	int r;

	if (path_join(from, kmods, rel) == -1 ||
	    path_join(to, root, rel) == -1)
		return -1;
	strlcpy(dir, to, sizeof(dir));
	if (mkdirs_p(dirname(dir)) == -1)
		return -1;
	if (file_read(from, 64u << 20, &buf, &len) == -1) {
		log_warnx("%s: %s", from, file_strerror(errno));
		return -1;
	}
	if ((r = atomic_write(to, buf, len, 0644)) == -1)
		log_warn("%s", to);
	free(buf);
	return r;
}

/* The load order of all the wanted modules; built-in ones are skipped. */
static int
order_all(struct moddep *md, const char *kmods, char **names, int n,
    size_t *order, size_t *norder)
{
	const char *errstr;
	int i;

	for (i = 0; i < n; i++) {
		if (moddep_order(md, names[i], order, norder, ORDER_MAX,
		    &errstr) == 0)
			continue;
		if (strcmp(errstr, "no such module") == 0 &&
		    builtin(kmods, names[i])) {
			log_info("%s: built into the kernel", names[i]);
			continue;
		}
		log_warnx("%s/modules.dep: %s: %s", kmods, names[i], errstr);
		return -1;
	}
	return 0;
}

int
starter_modules(const char *dir, const char *kmods, char **names, int n)
{
	char path[PATH_MAX], root[PATH_MAX], ver[PATH_MAX], mods[PATH_MAX];
	char *text = NULL;
	struct moddep md = { 0 };
	size_t len, order[ORDER_MAX], norder = 0, i, off = 0;
	char list[ORDER_MAX * 128];
	struct perr err;
	int r = -1;

	strlcpy(ver, kmods, sizeof(ver));
	if (path_join(mods, dir, "lib/modules") == -1 ||
	    path_join(root, mods, basename(ver)) == -1 ||
	    path_join(path, kmods, "modules.dep") == -1)
		return -1;
	if (file_read(path, FILE_READ_MAX, &text, &len) == -1) {
		log_warnx("%s: %s", path, file_strerror(errno));
		return -1;
	}
	if ((md.ents = calloc(MODS_MAX, sizeof(*md.ents))) == NULL) {
		log_warn("modules");
		goto out;
	}
	md.cap = MODS_MAX;
	if (moddep_parse(&md, text, len, path, &err) == -1) {
		log_warnx("%s", err.msg);
		goto out;
	}
	if (order_all(&md, kmods, names, n, order, &norder) == -1 ||
	    mkdirs_p(root) == -1)
		goto out;
	for (i = 0; i < norder; i++) {
		if (copy_one(kmods, root, md.ents[order[i]].path) == -1)
			goto out;
		off += (size_t)snprintf(list + off, sizeof(list) - off, "%s\n",
		    md.ents[order[i]].path);
		if (off >= sizeof(list))
			goto out;
		log_info("module %s", md.ents[order[i]].name);
	}
	if (path_join(path, root, "nodeboot.load") == -1)
		goto out;
	if ((r = atomic_write(path, list, off, 0644)) == -1)
		log_warn("%s", path);
out:
	free(md.ents);
	free(text);
	return r;
}
