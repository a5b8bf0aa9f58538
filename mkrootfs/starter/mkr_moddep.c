// SPDX-License-Identifier: ISC
/*
 * modules.dep is one line per module: "path: dep-path dep-path ...", the
 * paths relative to /lib/modules/<version>, compressed modules ending in
 * .ko.xz or .ko.zst.  The dependency list is already transitive; the order
 * is still computed depth-first so that any correct file works.
 */
#include <string.h>

#include "mkrootfs/starter/mkr_moddep.h"

int
moddep_name(const char *path, char *name, size_t size)
{
	const char *base = strrchr(path, '/'), *ko;
	size_t len, i;

	base = base == NULL ? path : base + 1;
	if ((ko = strstr(base, ".ko")) == NULL)
		return -1;
	len = (size_t)(ko - base);
	if (len == 0 || len >= size)
		return -1;
	for (i = 0; i < len; i++)
		name[i] = base[i] == '-' ? '_' : base[i];
	name[len] = '\0';
	return 0;
}

static int
parse_line(struct moddep *md, char *line, const char *file, unsigned lineno,
    struct perr *err)
{
	struct moddep_ent *e;
	char *colon;

	if ((colon = strchr(line, ':')) == NULL) {
		perr_set(err, file, lineno, "missing ':'");
		return -1;
	}
	*colon = '\0';
	if (md->n == md->cap) {
		perr_set(err, file, lineno, "more than %zu modules", md->cap);
		return -1;
	}
	e = &md->ents[md->n];
	e->path = line;
	e->deps = colon + 1;
	e->mark = 0;
	if (moddep_name(line, e->name, sizeof(e->name)) == -1) {
		perr_set(err, file, lineno, "not a module path");
		return -1;
	}
	md->n++;
	return 0;
}

int
moddep_parse(struct moddep *md, char *text, size_t len, const char *file,
    struct perr *err)
{
	char *p = text, *end = text + len, *nl;
	unsigned lineno = 0;

	md->n = 0;
	while (p < end) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			perr_set(err, file, lineno, "no newline at the end");
			return -1;
		}
		*nl = '\0';
		if (strlen(p) != (size_t)(nl - p)) {
			perr_set(err, file, lineno, "NUL byte");
			return -1;
		}
		if (*p != '\0' && parse_line(md, p, file, lineno, err) == -1)
			return -1;
		p = nl + 1;
	}
	return 0;
}

static struct moddep_ent *
find(struct moddep *md, const char *key, size_t keylen, int bypath)
{
	size_t i;

	for (i = 0; i < md->n; i++) {
		const char *s = bypath ? md->ents[i].path : md->ents[i].name;

		if (strlen(s) == keylen && memcmp(s, key, keylen) == 0)
			return &md->ents[i];
	}
	return NULL;
}

static int
visit(struct moddep *md, struct moddep_ent *e, size_t *order, size_t *norder,
    size_t cap, int depth, const char **errstr)
{
	const char *p = e->deps, *w;
	struct moddep_ent *d;

	if (e->mark == 2)
		return 0;
	if (e->mark == 1) {
		*errstr = "dependency cycle";
		return -1;
	}
	if (depth > MODDEP_DEPTH) {
		*errstr = "dependency chain too long";
		return -1;
	}
	e->mark = 1;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t'; p++)
			continue;
		if ((d = find(md, w, (size_t)(p - w), 1)) == NULL) {
			*errstr = "dependency missing from modules.dep";
			return -1;
		}
		if (visit(md, d, order, norder, cap, depth + 1, errstr) == -1)
			return -1;
	}
	if (*norder == cap) {
		*errstr = "too many modules";
		return -1;
	}
	order[(*norder)++] = (size_t)(e - md->ents);
	e->mark = 2;
	return 0;
}

int
moddep_order(struct moddep *md, const char *name, size_t *order,
    size_t *norder, size_t cap, const char **errstr)
{
	char key[MODDEP_NAMEMAX];
	struct moddep_ent *e;
	size_t i, len = strlen(name);

	if (len == 0 || len >= sizeof(key)) {
		*errstr = "bad module name";
		return -1;
	}
	for (i = 0; i <= len; i++)
		key[i] = name[i] == '-' ? '_' : name[i];
	if ((e = find(md, key, len, 0)) == NULL) {
		*errstr = "no such module";
		return -1;
	}
	return visit(md, e, order, norder, cap, 0, errstr);
}
