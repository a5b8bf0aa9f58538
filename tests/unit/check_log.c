// SPDX-License-Identifier: ISC
/*
 * Tests of common/log.c: messages on stderr (captured in a file), errno
 * appended and preserved, -v levels, the child's process name, and fatal's
 * exit status.  Each test runs in Check's forked child, so redirecting
 * stderr there touches nothing else.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sysexits.h>
#include <unistd.h>

#include "tests.h"

#include "common/log.h"

static char path[64];

static void
capture(void)
{
	int fd;

	strlcpy(path, "/tmp/nb-log.XXXXXX", sizeof(path));
	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_int_eq(dup2(fd, STDERR_FILENO), STDERR_FILENO);
	close(fd);
}

static void
captured(char *buf, size_t len)
{
	FILE *f;
	size_t n;

	fflush(stderr);
	ck_assert_ptr_nonnull(f = fopen(path, "r"));
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
	unlink(path);
}

START_TEST(test_levels)
{
	char buf[1024];

	capture();
	log_init(LOG_TO_STDERR, 1, LOG_DAEMON);
	log_warnx("peer %s: %d", "x", 42);
	log_info("info");
	log_debug("hidden");
	log_setverbose(2);
	ck_assert_int_eq(log_getverbose(), 2);
	log_debug("shown");
	captured(buf, sizeof(buf));
	ck_assert_str_eq(buf, "check_all: peer x: 42\ncheck_all: info\n"
	    "check_all: shown\n");
}
END_TEST

START_TEST(test_errno)
{
	char buf[1024];

	capture();
	log_init(LOG_TO_STDERR, 0, LOG_DAEMON);
	log_procinit("child");
	errno = ENOENT;
	log_warn("open %s", "f");
	ck_assert_int_eq(errno, ENOENT);
	errno = 0;
	log_warn("plain");
	captured(buf, sizeof(buf));
	ck_assert_str_eq(buf, "check_all[child]: open f: "
	    "No such file or directory\ncheck_all[child]: plain\n");
}
END_TEST

START_TEST(test_fatalx_status)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	log_init(LOG_TO_STDERR, 0, LOG_DAEMON);
	log_setfatalstatus(EX_CONFIG);
	fatalx("bad config");
}
END_TEST

Suite *
log_suite(void)
{
	Suite *s = suite_create("log");
	TCase *tc = tcase_create("stderr");

	tcase_set_tags(tc, "fork");	/* exits or forks by design */
	tcase_add_test(tc, test_levels);
	tcase_add_test(tc, test_errno);
	tcase_add_exit_test(tc, test_fatalx_status, EX_CONFIG);
	suite_add_tcase(s, tc);
	return s;
}
