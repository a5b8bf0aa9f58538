// SPDX-License-Identifier: ISC
/*
 * Tests of common/priv.c.  A child drops privileges and waits; the parent
 * reads the child's /proc/PID/status, so the result is checked by the
 * kernel's account, not by priv_verify() itself.  The cases that switch
 * user or chroot need root (CI runs as root); without it they say so on
 * stderr and only the no-user case runs.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "tests.h"

#include "common/priv.h"

struct status {
	char	uid[64];
	char	capeff[32];
	char	capprm[32];
	char	capbnd[32];
	char	nnp[8];
};

static void
field(const char *line, const char *key, char *dst, size_t len)
{
	size_t klen = strlen(key);

	if (strncmp(line, key, klen) == 0) {
		strlcpy(dst, line + klen + strspn(line + klen, "\t "), len);
		dst[strcspn(dst, "\n")] = '\0';
	}
}

/* Forks a child that runs priv_drop(ps); fills st from its status. */
static void
drop_in_child(const struct priv_spec *ps, struct status *st)
{
	int up[2], down[2], wst;
	char path[64], line[256], c;
	pid_t pid;
	FILE *f;

	ck_assert_int_eq(pipe(up), 0);
	ck_assert_int_eq(pipe(down), 0);
	if ((pid = fork()) == 0) {
		priv_drop(ps);
		(void)write(up[1], "x", 1);
		(void)read(down[0], &c, 1);
		_exit(0);
	}
	ck_assert_int_gt(pid, 0);
	ck_assert_int_eq(read(up[0], &c, 1), 1);
	memset(st, 0, sizeof(*st));
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		field(line, "Uid:", st->uid, sizeof(st->uid));
		field(line, "CapEff:", st->capeff, sizeof(st->capeff));
		field(line, "CapPrm:", st->capprm, sizeof(st->capprm));
		field(line, "CapBnd:", st->capbnd, sizeof(st->capbnd));
		field(line, "NoNewPrivs:", st->nnp, sizeof(st->nnp));
	}
	fclose(f);
	ck_assert_int_eq(write(down[1], "x", 1), 1);
	ck_assert_int_eq(waitpid(pid, &wst, 0), pid);
	ck_assert(WIFEXITED(wst) && WEXITSTATUS(wst) == 0);
}

static char root[64];

static void
mkroot(mode_t mode)
{
	strlcpy(root, "/tmp/nb-priv.XXXXXX", sizeof(root));
	ck_assert_ptr_nonnull(mkdtemp(root));
	ck_assert_int_eq(chmod(root, mode), 0);
}

START_TEST(test_nobody_chroot)
{
	struct priv_spec ps = { .user = "nobody", .chroot = root };
	struct passwd *pw = getpwnam("nobody");
	struct status st;
	char want[64];

	ck_assert_ptr_nonnull(pw);
	mkroot(0755);
	drop_in_child(&ps, &st);
	rmdir(root);
	snprintf(want, sizeof(want), "%u\t%u\t%u\t%u", pw->pw_uid, pw->pw_uid,
	    pw->pw_uid, pw->pw_uid);
	ck_assert_str_eq(st.uid, want);
	ck_assert_str_eq(st.capeff, "0000000000000000");
	ck_assert_str_eq(st.capprm, "0000000000000000");
	ck_assert_str_eq(st.capbnd, "0000000000000000");
	ck_assert_str_eq(st.nnp, "1");
}
END_TEST

START_TEST(test_keep_net_raw)
{
	static const cap_value_t keep[] = { CAP_NET_RAW };
	struct priv_spec ps = { .user = "nobody", .keep = keep, .nkeep = 1 };
	struct status st;

	drop_in_child(&ps, &st);
	ck_assert_str_eq(st.capeff, "0000000000002000");
	ck_assert_str_eq(st.capprm, "0000000000002000");
	ck_assert_str_eq(st.capbnd, "0000000000002000");
	ck_assert_str_eq(st.nnp, "1");
}
END_TEST

static void
rmroot(void)
{
	rmdir(root);
}

/* The expected fatal message would only clutter the run's output. */
static void
quiet(void)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
}

START_TEST(test_writable_root_refused)
{
	struct priv_spec ps = { .user = "nobody", .chroot = root };

	mkroot(0777);
	atexit(rmroot);
	quiet();
	priv_drop(&ps);		/* exits EX_NOPERM */
}
END_TEST

START_TEST(test_unknown_user)
{
	struct priv_spec ps = { .user = "no-such-user-nb" };

	quiet();
	priv_drop(&ps);		/* exits EX_NOPERM */
}
END_TEST

START_TEST(test_no_user)
{
	struct priv_spec ps = { 0 };
	struct status st;

	drop_in_child(&ps, &st);
	ck_assert_str_eq(st.capeff, "0000000000000000");
	ck_assert_str_eq(st.capprm, "0000000000000000");
	ck_assert_str_eq(st.nnp, "1");
}
END_TEST

Suite *
priv_suite(void)
{
	Suite *s = suite_create("priv");
	TCase *tc = tcase_create("drop");

	tcase_set_tags(tc, "fork");	/* exits or forks by design */
	tcase_add_test(tc, test_no_user);
	if (geteuid() == 0) {
		tcase_add_test(tc, test_nobody_chroot);
		tcase_add_test(tc, test_keep_net_raw);
		tcase_add_exit_test(tc, test_writable_root_refused, EX_NOPERM);
		tcase_add_exit_test(tc, test_unknown_user, EX_NOPERM);
	} else
		fprintf(stderr, "priv: not root: user and chroot cases "
		    "not run\n");
	suite_add_tcase(s, tc);
	return s;
}
