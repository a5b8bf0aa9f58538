// SPDX-License-Identifier: ISC
/*
 * Unit tests for common/fileio.c and atomic.c: atomic replacement leaves the
 * whole new file with its mode and no temporary, and a reader of the old
 * file keeps reading it; an abort, or SIGKILL before the commit, leaves the
 * old file intact and nothing else (the temporary has no name), and so
 * does the named fallback after an abort;
 * bounded reads refuse what is too large or not a regular file, and a FIFO
 * at once, without blocking in open(2) (the test's timeout catches that).
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests.h"

#include "common/ethers.h"
#include "common/atomic.h"
#include "common/fileio.h"
#include "common/hosts.h"

static char dir[64];

static void
setup(void)
{
	strlcpy(dir, "/tmp/nb-fileio.XXXXXX", sizeof(dir));
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void
teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static int
count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..")
		    != 0)
			n++;
	closedir(d);
	return n;
}

START_TEST(test_atomic_write)
{
	char path[128], *buf;
	struct stat st;
	size_t len;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "old\n", 4, 0644), 0);
	ck_assert_int_eq(atomic_write(path, "new data\n", 9, 0600), 0);
	ck_assert_int_eq(file_read(path, 100, &buf, &len), 0);
	ck_assert_uint_eq(len, 9);
	ck_assert_str_eq(buf, "new data\n");
	free(buf);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0600);
	ck_assert_int_eq(count_entries(), 1);
}
END_TEST

START_TEST(test_atomic_abort)
{
	struct atomic_file af;
	char path[128], *buf;
	size_t len;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "old\n", 4, 0644), 0);
	ck_assert_int_eq(atomic_open(&af, path, 0644), 0);
	ck_assert_int_eq(write_all(af.fd, "partial", 7), 0);
	/* /tmp (tmpfs) has O_TMPFILE: the temporary has no name */
	ck_assert(!af.named);
	ck_assert_int_eq(count_entries(), 1);
	atomic_abort(&af);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(file_read(path, 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "old\n");
	free(buf);
}
END_TEST

/* The fallback where there is no O_TMPFILE: a named temporary. */
START_TEST(test_atomic_named)
{
	struct atomic_file af;
	char path[128], *buf;
	size_t len;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "old\n", 4, 0644), 0);
	ck_assert_int_eq(atomic_open_named(&af, path, 0644), 0);
	ck_assert(af.named);
	ck_assert_int_eq(strncmp(af.tmp + strlen(dir), "/.f.", 4), 0);
	ck_assert_int_eq(write_all(af.fd, "partial", 7), 0);
	ck_assert_int_eq(count_entries(), 2);
	atomic_abort(&af);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(atomic_open_named(&af, path, 0600), 0);
	ck_assert_int_eq(write_all(af.fd, "named\n", 6), 0);
	ck_assert_int_eq(atomic_commit(&af), 0);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(file_read(path, 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "named\n");
	free(buf);
}
END_TEST

/*
 * Unnamed until the commit; af.tmp opens it for another program (mke2fs);
 * the swap is a rename: a reader of the old file keeps the old bytes.
 */
START_TEST(test_atomic_swap)
{
	struct atomic_file af;
	char path[128], b[16];
	int old, other;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "old\n", 4, 0644), 0);
	ck_assert_int_ne(old = open(path, O_RDONLY), -1);
	ck_assert_int_eq(atomic_open(&af, path, 0644), 0);
	ck_assert_int_ne(other = open(af.tmp, O_RDWR), -1);
	ck_assert_int_eq(write_all(other, "new\n", 4), 0);
	close(other);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(atomic_commit(&af), 0);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(pread(old, b, sizeof(b), 0), 4);
	ck_assert_int_eq(memcmp(b, "old\n", 4), 0);
	close(old);
	ck_assert_int_ne(old = open(path, O_RDONLY), -1);
	ck_assert_int_eq(pread(old, b, sizeof(b), 0), 4);
	ck_assert_int_eq(memcmp(b, "new\n", 4), 0);
	close(old);
}
END_TEST

/* SIGKILL in the middle of a write (defect 8): nothing is left. */
START_TEST(test_atomic_killed)
{
	struct atomic_file af;
	char path[128], *buf;
	size_t len;
	pid_t pid;
	int st;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "old\n", 4, 0644), 0);
	if ((pid = fork()) == 0) {
		if (atomic_open(&af, path, 0644) == 0 &&
		    write_all(af.fd, "partial", 7) == 0)
			raise(SIGKILL);
		_exit(1);
	}
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	ck_assert_int_eq(count_entries(), 1);
	ck_assert_int_eq(file_read(path, 100, &buf, &len), 0);
	ck_assert_str_eq(buf, "old\n");
	free(buf);
}
END_TEST

START_TEST(test_atomic_errors)
{
	char path[PATH_MAX + 8];

	ck_assert_int_eq(atomic_write("/nonexistent-nb/f", "x", 1, 0644), -1);
	ck_assert_int_eq(errno, ENOENT);
	memset(path, 'a', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	ck_assert_int_eq(atomic_write(path, "x", 1, 0644), -1);
	ck_assert_int_eq(errno, ENAMETOOLONG);
}
END_TEST

START_TEST(test_file_read_limits)
{
	char path[128], *buf;
	size_t len;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "0123456789", 10, 0644), 0);
	ck_assert_int_eq(file_read(path, 9, &buf, &len), -1);
	ck_assert_int_eq(errno, EFBIG);
	ck_assert_int_eq(file_read(path, 10, &buf, &len), 0);
	ck_assert_uint_eq(len, 10);
	free(buf);
	ck_assert_int_eq(file_read(dir, 10, &buf, &len), -1);
	ck_assert_int_eq(errno, EINVAL);
}
END_TEST

START_TEST(test_file_fifo)
{
	struct ethers e = { 0 };
	struct perr err;
	char path[128], want[256], *buf;
	size_t len;

	snprintf(path, sizeof(path), "%s/fifo", dir);
	ck_assert_int_eq(mkfifo(path, 0644), 0);
	ck_assert_int_eq(file_read(path, 100, &buf, &len), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_int_eq(ethers_load(&e, path, &err), -1);
	snprintf(want, sizeof(want), "%s: not a regular file", path);
	ck_assert_str_eq(err.msg, want);
	ck_assert_uint_eq(err.line, 0);
}
END_TEST

START_TEST(test_file_open_regular)
{
	char path[128];
	int fd, dfd;

	snprintf(path, sizeof(path), "%s/f", dir);
	ck_assert_int_eq(atomic_write(path, "x", 1, 0644), 0);
	ck_assert_int_ne(dfd = open(dir, O_RDONLY | O_DIRECTORY), -1);
	ck_assert_int_ne(fd = file_open_regular(dfd, "f"), -1);
	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	ck_assert_int_ne(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	close(fd);
	ck_assert_int_eq(file_open_regular(dfd, "."), -1);
	ck_assert_int_eq(errno, EINVAL);
	ck_assert_str_eq(file_strerror(EINVAL), "not a regular file");
	ck_assert_int_eq(file_open_regular(dfd, "none"), -1);
	ck_assert_int_eq(errno, ENOENT);
	close(dfd);
}
END_TEST

START_TEST(test_load)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	struct perr err;
	char path[128], want[256];

	snprintf(path, sizeof(path), "%s/ethers", dir);
	ck_assert_int_eq(atomic_write(path, "fe:ed:fa:ce:de:ad n1\nbad\n",
	    25, 0644), 0);
	ck_assert_int_eq(ethers_load(&e, path, &err), -1);
	snprintf(want, sizeof(want), "%s:2: bad MAC address 'bad'", path);
	ck_assert_str_eq(err.msg, want);
	ck_assert_uint_eq(e.n, 1);
	ethers_free(&e);
	snprintf(path, sizeof(path), "%s/hosts", dir);
	ck_assert_int_eq(hosts_load(&h, path, &err), -1);
	snprintf(want, sizeof(want), "%s: No such file or directory", path);
	ck_assert_str_eq(err.msg, want);
	ck_assert_int_eq(atomic_write(path, "192.0.2.1 n1\n", 13, 0644), 0);
	ck_assert_int_eq(hosts_load(&h, path, &err), 0);
	ck_assert_uint_eq(h.n, 1);
	hosts_free(&h);
}
END_TEST

Suite *
fileio_suite(void)
{
	Suite *s = suite_create("fileio");
	TCase *tc = tcase_create("io"), *tk = tcase_create("killed");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_atomic_write);
	tcase_add_test(tc, test_atomic_abort);
	tcase_add_test(tc, test_atomic_named);
	tcase_add_test(tc, test_atomic_swap);
	tcase_add_test(tc, test_atomic_errors);
	tcase_add_test(tc, test_file_read_limits);
	tcase_add_test(tc, test_file_fifo);
	tcase_add_test(tc, test_file_open_regular);
	tcase_add_test(tc, test_load);
	suite_add_tcase(s, tc);
	tcase_set_tags(tk, "fork");	/* forks by design */
	tcase_add_checked_fixture(tk, setup, teardown);
	tcase_add_test(tk, test_atomic_killed);
	suite_add_tcase(s, tk);
	return s;
}
