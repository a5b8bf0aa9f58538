// SPDX-License-Identifier: ISC
/* The lease journal: load, group commit with fdatasync, atomic compaction. */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/log.h"
#include "dhcpd-pxe/lease_file.h"
#include "dhcpd-pxe/leasedb.h"

#define LEASEDB_COMPACT_MIN	4096	/* records before compaction */

static int
leasedb_load(struct leasedb *db, struct lease_table *t)
{
	struct perr err;
	struct stat st;
	size_t valid, off = 0;
	char *buf;
	ssize_t n;

	if (fstat(db->fd, &st) == -1 || (buf = malloc((size_t)st.st_size +
	    1)) == NULL) {
		log_warn("%s", db->path);
		return -1;
	}
	while (off < (size_t)st.st_size && (n = pread(db->fd, buf + off,
	    (size_t)st.st_size - off, (off_t)off)) > 0)
		off += (size_t)n;
	if (lease_file_parse(t, buf, off, db->path, &valid, &err) == -1) {
		log_warnx("%s", err.msg);
		free(buf);
		return -1;
	}
	for (n = 0; (size_t)n < valid; n++)
		if (strncmp(buf + n, "lease ", 6) == 0)
			db->records++;
	free(buf);
	if (valid < off) {
		/* A torn append from a crash: it was never acknowledged. */
		log_warnx("%s: dropping %zu bytes of an unfinished record",
		    db->path, off - valid);
		if (ftruncate(db->fd, (off_t)valid) == -1 ||
		    fsync(db->fd) == -1) {
			log_warn("%s", db->path);
			return -1;
		}
	}
	return 0;
}

int
leasedb_open(struct leasedb *db, const char *path, struct lease_table *t)
{
	char d[4096], b[4096];

	memset(db, 0, sizeof(*db));
	db->fd = db->dirfd = -1;
	strlcpy(db->path, path, sizeof(db->path));
	strlcpy(d, path, sizeof(d));
	strlcpy(b, path, sizeof(b));
	strlcpy(db->name, basename(b), sizeof(db->name));
	if ((db->dirfd = open(dirname(d), O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1 ||
	    (db->fd = openat(db->dirfd, db->name, O_RDWR | O_CREAT | O_APPEND |
	    O_CLOEXEC | O_NOFOLLOW, 0644)) == -1) {
		log_warn("%s", path);
		return -1;
	}
	return leasedb_load(db, t);
}

int
leasedb_add(struct leasedb *db, const struct lease *l)
{
	char rec[LEASE_RECORD_MAX];
	size_t cap;
	char *v;
	int n;

	if ((n = lease_file_format(l, rec, sizeof(rec))) < 0)
		return 0;	/* offers are never written */
	if (db->len + (size_t)n > db->cap) {
		cap = db->cap == 0 ? 65536 : db->cap * 2;
		while (cap < db->len + (size_t)n)
			cap *= 2;
		if ((v = realloc(db->buf, cap)) == NULL)
			return -1;
		db->buf = v;
		db->cap = cap;
	}
	memcpy(db->buf + db->len, rec, (size_t)n);
	db->len += (size_t)n;
	db->pending++;
	return 0;
}

/* Rewrites the journal with one record per address (atomic rename). */
static int
leasedb_compact(struct leasedb *db, const struct lease_table *t)
{
	char tmp[300], rec[LEASE_RECORD_MAX];
	size_t i, live = 0;
	int fd, n, ok = 0;

	snprintf(tmp, sizeof(tmp), "%s.new", db->name);
	if ((fd = openat(db->dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC | O_NOFOLLOW, 0644)) == -1) {
		log_warn("%s: compaction", db->path);
		return -1;
	}
	for (i = 0; i < t->n && ok == 0; i++) {
		if (t->v[i].state != LEASE_ACTIVE &&
		    t->v[i].state != LEASE_ABANDONED)
			continue;
		if ((n = lease_file_format(&t->v[i], rec, sizeof(rec))) > 0) {
			ok = write_all(fd, rec, (size_t)n);
			live++;
		}
	}
	if (ok == -1 || fsync(fd) == -1 || renameat(db->dirfd, tmp,
	    db->dirfd, db->name) == -1 || fsync(db->dirfd) == -1) {
		log_warn("%s: compaction", db->path);
		close(fd);
		unlinkat(db->dirfd, tmp, 0);
		return -1;
	}
	close(fd);
	close(db->fd);
	if ((db->fd = openat(db->dirfd, db->name, O_WRONLY | O_APPEND |
	    O_CLOEXEC | O_NOFOLLOW)) == -1)
		fatal("%s: reopen after compaction", db->path);
	log_info("%s: compacted %zu records to %zu", db->path, db->records,
	    live);
	db->records = live;
	return 0;
}

int
leasedb_commit(struct leasedb *db, const struct lease_table *t)
{
	size_t live = 0, i;
	off_t end;

	if (db->len == 0)
		return 0;
	end = lseek(db->fd, 0, SEEK_END);
	if (end == -1 || write_all(db->fd, db->buf, db->len) == -1 ||
	    fdatasync(db->fd) == -1) {
		log_warn("%s: lease write", db->path);
		/* Cut a partial write off so the journal stays parseable. */
		if (end != -1 && ftruncate(db->fd, end) == -1)
			log_warn("%s: truncate", db->path);
		db->len = db->pending = 0;
		return -1;
	}
	db->records += db->pending;
	db->len = db->pending = 0;
	if (db->records < LEASEDB_COMPACT_MIN)
		return 0;
	for (i = 0; i < t->n; i++)
		live += t->v[i].state == LEASE_ACTIVE ||
		    t->v[i].state == LEASE_ABANDONED;
	if (db->records > 4 * live)
		return leasedb_compact(db, t);
	return 0;
}
