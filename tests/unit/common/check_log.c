// SPDX-License-Identifier: ISC
/*
 * Tests of common/log.c: messages on stderr (captured in a file), errno
 * appended and preserved, -v levels, the child's process name, one
 * write(2) per line, and fatal's exit status.  Each test runs in Check's
 * forked child, so redirecting stderr there touches nothing else.
 */
#include <sys/socket.h>

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

/*
 * Each line is one write(2): with stderr on a datagram socket every write
 * is a datagram, so a line made of several writes (prefix, message,
 * newline: what stdio did) arrives in pieces.  Concurrent children under
 * -L interleaved those pieces.  A line too long for the buffer is cut
 * short and still ends in a newline.
 */
START_TEST(test_one_write)
{
	char buf[8192], big[6000];
	int sv[2];
	ssize_t n;

	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	ck_assert_int_eq(dup2(sv[0], STDERR_FILENO), STDERR_FILENO);
	log_init(LOG_TO_STDERR, 2, LOG_DAEMON);
	log_procinit("transfer");
	log_warnx("peer %s: %d", "x", 42);
	errno = ENOENT;
	log_warn("open %s", "f");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	log_debug("%s", big);
	ck_assert_int_eq(n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 32);
	ck_assert(memcmp(buf, "check_all[transfer]: peer x: 42\n", 32) == 0);
	ck_assert_int_eq(n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 55);
	ck_assert(memcmp(buf, "check_all[transfer]: open f: "
	    "No such file or directory\n", 55) == 0);
	ck_assert_int_eq(n = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), 4096);
	ck_assert(memcmp(buf, "check_all[transfer]: aaa", 24) == 0);
	ck_assert_int_eq(buf[4094], 'a');
	ck_assert_int_eq(buf[4095], '\n');
	ck_assert_int_eq(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT), -1);
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
	tcase_add_test(tc, test_one_write);
	tcase_add_exit_test(tc, test_fatalx_status, EX_CONFIG);
	suite_add_tcase(s, tc);
	return s;
}
