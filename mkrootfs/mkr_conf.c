// SPDX-License-Identifier: ISC
/*
 * The configuration file parser: a table of keywords, each with where its
 * value goes and what it accepts (udhcp read_config's keyword table).
 * Paths are strings or words; format and compress take one of their
 * words; level and size are numbers in range.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "common/conftok.h"
#include "mkrootfs/mkr_conf.h"

enum kind { K_PATH, K_FORMAT, K_COMPRESS, K_LEVEL, K_SIZE };

static const struct keyword {
	const char	*name;
	enum kind	 kind;
	size_t		 off;
} keywords[] = {
	{ "root", K_PATH, offsetof(struct mkconf, root) },
	{ "workdir", K_PATH, offsetof(struct mkconf, workdir) },
	{ "output", K_PATH, offsetof(struct mkconf, output) },
	{ "mountpoint", K_PATH, offsetof(struct mkconf, mountpoint) },
	{ "format", K_FORMAT, offsetof(struct mkconf, format) },
	{ "compress", K_COMPRESS, offsetof(struct mkconf, compress) },
	{ "level", K_LEVEL, offsetof(struct mkconf, level) },
	{ "size", K_SIZE, offsetof(struct mkconf, size_mib) },
};

static int
one_of(const char *v, const char *a, const char *b, const char *c)
{
	return strcmp(v, a) == 0 || strcmp(v, b) == 0 ||
	    (c != NULL && strcmp(v, c) == 0);
}

/* Stores v for keyword k; NULL, or why it is refused. */
static const char *
store(struct mkconf *cf, const struct keyword *k, const char *v,
    unsigned *seen)
{
	char *dst = (char *)cf + k->off;
	const char *errstr = NULL;
	long long n;

	if (*seen & (1u << (k - keywords)))
		return "set twice";
	*seen |= 1u << (k - keywords);
	switch (k->kind) {
	case K_PATH:
		if (v[0] == '\0')
			return "empty path";
		strlcpy(dst, v, PATH_MAX);	/* tokens are shorter */
		return NULL;
	case K_FORMAT:
		if (!one_of(v, "cpio", "ext2", NULL))
			return "cpio or ext2";
		strlcpy(dst, v, sizeof(cf->format));
		return NULL;
	case K_COMPRESS:
		if (!one_of(v, "gzip", "zstd", "none"))
			return "gzip, zstd or none";
		strlcpy(dst, v, sizeof(cf->compress));
		return NULL;
	case K_LEVEL:
		n = strtonum(v, 1, 22, &errstr);
		cf->level = (int)n;
		return errstr;
	default:
		n = strtonum(v, 1, 1 << 20, &errstr);
		cf->size_mib = (long)n;
		return errstr;
	}
}

/* One statement: keyword value ';'.  0, 1 at the end, or -1. */
static int
statement(struct mkconf *cf, struct conftok *c, unsigned *seen,
    struct perr *err)
{
	struct conftok_tok kw, val, semi;
	const char *why;
	size_t i;

	if (conftok_next(c, &kw, err) == -1)
		return -1;
	if (kw.type == CT_EOF)
		return 1;
	for (i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
		if (kw.type == CT_WORD && strcmp(kw.text, keywords[i].name) == 0)
			break;
	if (i == sizeof(keywords) / sizeof(keywords[0])) {
		perr_set(err, c->file, kw.line, "unknown setting \"%s\"",
		    kw.text);
		return -1;
	}
	if (conftok_next(c, &val, err) == -1)
		return -1;
	if (val.type != CT_WORD && val.type != CT_STRING) {
		perr_set(err, c->file, val.line, "%s: value expected", kw.text);
		return -1;
	}
	if ((why = store(cf, &keywords[i], val.text, seen)) != NULL) {
		perr_set(err, c->file, val.line, "%s: %s", kw.text, why);
		return -1;
	}
	if (conftok_next(c, &semi, err) == -1)
		return -1;
	if (!conftok_is(&semi, ';')) {
		perr_set(err, c->file, semi.line, "%s: ';' expected", kw.text);
		return -1;
	}
	return 0;
}

int
mkconf_parse(struct mkconf *cf, const char *text, size_t len,
    const char *file, struct perr *err)
{
	struct conftok c;
	unsigned seen = 0;
	int r;

	memset(cf, 0, sizeof(*cf));
	cf->level = -1;
	cf->size_mib = -1;
	conftok_init(&c, text, len, file);
	while ((r = statement(cf, &c, &seen, err)) == 0)
		continue;
	return r == 1 ? 0 : -1;
}
