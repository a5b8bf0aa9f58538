// SPDX-License-Identifier: ISC
/*
 * The remap corpus (tests/data/remap: maps real sites use, tftp-hpa's own
 * sample.rules among them, and what tftp-hpa 5.2 serves for each probe in
 * EXPECT.tsv): every row through tftp_remap_apply() and the -s path
 * policy, for an RRQ from 127.0.0.1.  "DATA:path" must give that path
 * under the root, "ERROR" a refusal.  it_tftpd_remap.sh does the same
 * through in.tftpd and a real client.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests.h"

#include "common/fileio.h"
#include "in.tftpd/tftp_path.h"
#include "in.tftpd/tftp_remap.h"

#define DIR	NB_TESTDATA "/remap"

/* What in.tftpd -s would open for name under map: "DATA:path", "ERROR". */
static void
serve(const char *map, const char *name, char *res, size_t ressz)
{
	struct tftp_remap m = { 0 };
	struct tftp_remap_ctx ctx = { false, 0x7f000001, "" };
	char path[1024], out[1024], rel[1024], *text;
	const char *errstr;
	struct perr err;
	size_t len, which;

	snprintf(path, sizeof(path), DIR "/%s", map);
	ck_assert_int_eq(file_read(path, 1 << 20, &text, &len), 0);
	ck_assert_msg(tftp_remap_parse(&m, text, len, map, &err) == 0, "%s",
	    err.msg);
	free(text);
	if (tftp_remap_apply(&m, name, &ctx, out, sizeof(out), &errstr) != 0 ||
	    tftp_path_resolve(out, true, NULL, 0, rel, sizeof(rel), &which,
	    &errstr) == -1)
		strlcpy(res, "ERROR", ressz);
	else
		snprintf(res, ressz, "DATA:%s", rel);
	tftp_remap_free(&m);
}

START_TEST(test_corpus)
{
	char *buf, *p, *line, *map, *name, res[1100];
	size_t len, rows = 0;

	ck_assert_int_eq(file_read(DIR "/EXPECT.tsv", 1 << 20, &buf, &len),
	    0);
	p = buf;
	while ((line = strsep(&p, "\n")) != NULL) {
		if (line[0] == '#' || line[0] == '\0' ||
		    strncmp(line, "map\t", 4) == 0)
			continue;
		map = strsep(&line, "\t");
		name = strsep(&line, "\t");
		ck_assert_ptr_nonnull(line);
		serve(map, name, res, sizeof(res));
		ck_assert_msg(strcmp(res, line) == 0, "%s %s: %s, want %s",
		    map, name, res, line);
		rows++;
	}
	free(buf);
	ck_assert_uint_eq(rows, 7 * 16);
}
END_TEST

Suite *
tftp_remap_corpus_suite(void)
{
	Suite *s = suite_create("tftp_remap_corpus");
	TCase *tc = tcase_create("corpus");

	tcase_add_test(tc, test_corpus);
	suite_add_tcase(s, tc);
	return s;
}
