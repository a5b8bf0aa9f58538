// SPDX-License-Identifier: ISC
/*
 * The pxelinux corpus (tests/data/pxelinux: files real sites use, what
 * pxelinux boots from each in EXPECT.tsv): every row through
 * pxeconf_pick(), label, kernel and first initrd compared, or a refusal:
 * LOCAL or WAIT as REFUSALS.tsv says (worked out from syslinux's sources),
 * never an error.
 * A file's INCLUDEs come from the same directory, where there are none,
 * as on a server that lacks them; then skopjehacklab's default again with
 * the files it includes (root/).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"
#include "pxeconf_test.h"

#include "common/fileio.h"

#define DIR	NB_TESTDATA "/pxelinux"
#define NFILES	PXECONF_FILESMAX

struct files {
	const char	*dir;
	char		*buf[NFILES];
	size_t		 n;
};

/* name as a server root resolves it: "::" and leading slashes off. */
static const char *
load(void *arg, const char *name)
{
	struct files *f = arg;
	char path[1024];
	size_t len;

	if (strncmp(name, "::", 2) == 0)
		name += 2;
	while (*name == '/')
		name++;
	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	if (f->n == NFILES || file_read(path, 1 << 20, &f->buf[f->n],
	    &len) == -1)
		return NULL;
	return f->buf[f->n++];
}

static void
files_free(struct files *f)
{
	while (f->n > 0)
		free(f->buf[--f->n]);
}

/* How REFUSALS.tsv says file is refused: "local", "wait" or NULL. */
static const char *
refusal(const char *file, char *tsv)
{
	char *line, *f;

	while ((line = strsep(&tsv, "\n")) != NULL)
		if ((f = strsep(&line, "\t")) != NULL && line != NULL &&
		    strcmp(f, file) == 0)
			return strsep(&line, "\t");
	return NULL;
}

/* One EXPECT.tsv row: file, boot|refuse, label, kernel, initrd, why. */
static void
check_row(char *row, const char *tsv)
{
	struct files f = { .dir = DIR };
	struct pxeconf_pick pk;
	struct perr err;
	char *fld[5], refusals[4096];
	const char *how;
	size_t i;
	int r;

	for (i = 0; i < 5; i++)
		ck_assert_ptr_nonnull(fld[i] = strsep(&row, "\t"));
	strlcpy(refusals, tsv, sizeof(refusals));
	r = pxt_pick(fld[0], load, &f, &pk, &err);
	files_free(&f);
	ck_assert_msg(r == 0, "%s: %s", fld[0], err.msg);
	if (strcmp(fld[1], "refuse") == 0) {
		how = refusal(fld[0], refusals);
		ck_assert_ptr_nonnull(how);
		ck_assert_msg(pk.how == (strcmp(how, "local") == 0 ?
		    PXECONF_LOCAL : PXECONF_WAIT), "%s: %s, not %s", fld[0],
		    err.msg, how);
		return;
	}
	ck_assert_str_eq(fld[1], "boot");
	ck_assert_msg(pk.how == PXECONF_BOOT, "%s: %s", fld[0], err.msg);
	ck_assert_str_eq(pk.e.label[0] != '\0' ? pk.e.label : "-", fld[2]);
	ck_assert_str_eq(pk.e.kernel, fld[3]);
	ck_assert_str_eq(pk.e.ninitrd > 0 ? pk.e.initrd[0] : "-", fld[4]);
}

START_TEST(test_corpus)
{
	char *buf, *ref, *p, *line;
	size_t len, rows = 0;

	ck_assert_int_eq(file_read(DIR "/REFUSALS.tsv", 4000, &ref, &len), 0);
	ck_assert_int_eq(file_read(DIR "/EXPECT.tsv", 1 << 20, &buf, &len),
	    0);
	p = buf;
	while ((line = strsep(&p, "\n")) != NULL) {
		if (line[0] == '#' || line[0] == '\0' ||
		    strncmp(line, "file\t", 5) == 0)
			continue;
		check_row(line, ref);
		rows++;
	}
	free(buf);
	free(ref);
	ck_assert_uint_eq(rows, 17);
}
END_TEST

/* With its INCLUDEs on the server, the menu's timeout boots the disk. */
START_TEST(test_includes)
{
	struct files f = { .dir = DIR "/root" };
	struct pxeconf_pick pk;
	struct perr err;

	ck_assert_int_eq(pxt_pick("pxelinux.cfg/default", load, &f, &pk,
	    &err), 0);
	ck_assert_uint_eq(f.n, 5);	/* the fifth INCLUDE is missing */
	files_free(&f);
	ck_assert_int_eq(pk.how, PXECONF_LOCAL);
	ck_assert_str_eq(err.msg, "::/pxelinux.cfg/menu.cfg:9: LOCALBOOT "
	    "boots the local disk: nothing to kexec");
}
END_TEST

Suite *
pxeconf_corpus_suite(void)
{
	Suite *s = suite_create("pxeconf_corpus");
	TCase *tc = tcase_create("corpus");

	tcase_add_test(tc, test_corpus);
	tcase_add_test(tc, test_includes);
	suite_add_tcase(s, tc);
	return s;
}
