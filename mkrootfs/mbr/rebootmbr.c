// SPDX-License-Identifier: ISC
/*
 * `mkrootfs rebootmbr DEVICE|IMAGE': reads sector 0, refuses another boot
 * loader's code without --force (mkr_mbr.c decides), saves the old sector to
 * a backup file that must not exist yet (so a second run cannot overwrite
 * the original with our own stub), then writes the new sector in place and
 * fsync()s.  The partition table and disk signature are kept.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/fileio.h"
#include "common/log.h"
#include "mkrootfs/mbr/mbr.h"
#include "mkrootfs/mbr/mkr_mbr.h"

/* The old sector to a new file (O_EXCL), fsync()ed with its directory. */
static int
save(const char *path, const uint8_t *sec)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) ==
	    -1) {
		log_warn("backup %s%s", path, errno == EEXIST ?
		    " (keep it; choose another with --backup)" : "");
		return -1;
	}
	if (write_all(fd, sec, MBR_SIZE) == -1 || fsync(fd) == -1) {
		log_warn("backup %s", path);
		close(fd);
		unlink(path);
		return -1;
	}
	close(fd);
	return fsync_dir_of(path);
}

int
rebootmbr(const struct mkr *m, const char *target, const char *backup)
{
	uint8_t old[MBR_SIZE], sec[MBR_SIZE];
	char defbak[PATH_MAX], copy[PATH_MAX];
	const char *errstr;
	ssize_t n;
	int fd, ex = EX_OSERR;

	if ((fd = open(target, O_RDWR | O_CLOEXEC)) == -1) {
		log_warn("%s", target);
		return errno == ENOENT ? EX_NOINPUT : EX_OSERR;
	}
	if ((n = pread(fd, old, MBR_SIZE, 0)) != MBR_SIZE) {
		if (n == -1)
			log_warn("%s", target);
		else
			log_warnx("%s: shorter than a sector", target);
		ex = n == -1 ? EX_IOERR : EX_DATAERR;
		goto out;
	}
	log_info("%s: boot code: %s", target, mbr_kind_name(
	    mbr_classify(old)));
	if (mbr_build(old, sec, m->force, &errstr) == -1) {
		log_warnx("%s: %s", target, errstr);
		ex = EX_DATAERR;
		goto out;
	}
	if (backup == NULL) {
		strlcpy(copy, target, sizeof(copy));
		snprintf(defbak, sizeof(defbak), "%s.mbr", basename(copy));
		backup = defbak;
	}
	if (save(backup, old) == -1) {
		ex = EX_CANTCREAT;
		goto out;
	}
	if (pwrite(fd, sec, MBR_SIZE, 0) != MBR_SIZE || fsync(fd) == -1) {
		log_warn("%s: write", target);
		ex = EX_IOERR;
		goto out;
	}
	log_info("%s: reboot sector written; the old one is in %s", target,
	    backup);
	ex = 0;
out:
	close(fd);
	return ex;
}
