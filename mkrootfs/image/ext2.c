// SPDX-License-Identifier: ISC
/*
 * The seed's image steps without mount(8) and losetup(8): a zero-filled
 * (sparse) image file with mke2fs on it, a loop device taken through
 * /dev/loop-control and configured with LO_FLAGS_AUTOCLEAR, a mount in a
 * private mount namespace, e2fsck.  Nothing can leak: the namespace dies
 * with the process (taking its mounts), and an autoclear loop device is
 * released when its last mount or descriptor goes, even after SIGKILL.
 */
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/wait.h>

#include <linux/loop.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

/* Runs argv (mke2fs, e2fsck) and waits; 0 if it exited 0. */
static int
run_cmd(char *const argv[])
{
	pid_t pid;
	int st, fd;

	log_debug("running %s", argv[0]);
	if ((pid = fork()) == -1) {
		log_warn("fork");
		return -1;
	}
	if (pid == 0) {
		/*
		 * The seed's `mke2fs ... < /dev/null': never prompt.  Their
		 * reports only with -v; errors still reach stderr.
		 */
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, 0);
			if (log_getverbose() < 2)
				dup2(fd, 1);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR) {
			log_warn("waitpid");
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		log_warnx("%s: exit status %d%s", argv[0], WEXITSTATUS(st),
		    log_getverbose() < 2 ? " (-v shows its report)" : "");
	else
		log_warnx("%s: killed by signal %d", argv[0], WTERMSIG(st));
	return -1;
}

/* Once per run, before the first mount: a mount namespace of our own. */
int
ns_enter(struct mkr *m)
{
	if (m->ns)
		return 0;
	if (unshare(CLONE_NEWNS) == -1) {
		log_warn("unshare(CLONE_NEWNS)");
		return -1;
	}
	/* or our mounts would propagate back to the host's namespace */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == -1) {
		log_warn("mount --make-rprivate /");
		return -1;
	}
	m->ns = true;
	return 0;
}

int
ext2_newfs(const struct mkr *m, const char *path)
{
	struct atomic_file af;
	/* af.tmp: /proc/PID/fd/N while the temporary has no name */
	char *argv[] = { "mke2fs", "-F", "-q", "-t", "ext2", "-L", "ROOT",
	    af.tmp, NULL };

	if (atomic_open(&af, path, 0600) == -1) {
		log_warn("%s", path);
		return -1;
	}
	/* sparse: reads as the seed's dd zeros, costs no time or space */
	if (ftruncate(af.fd, (off_t)(m->size_mib << 20)) == -1) {
		log_warn("%s", path);
		goto bad;
	}
	if (run_cmd(argv) == -1 || mkr_interrupted())
		goto bad;
	if (atomic_commit(&af) == -1) {
		log_warn("%s", path);
		return -1;
	}
	log_info("%s: new %llu MiB ext2 file system", path,
	    (unsigned long long)m->size_mib);
	return 0;
bad:
	atomic_abort(&af);
	return -1;
}

/* A free loop device bound to image; its descriptor, or -1. */
static int
loop_attach(const char *image, bool rdonly, char *dev, size_t devsz)
{
	struct loop_config cfg;
	int ctl, img, lfd = -1, n, tries, err;

	if ((img = open(image, (rdonly ? O_RDONLY : O_RDWR) | O_CLOEXEC)) ==
	    -1) {
		log_warn("%s", image);
		return -1;
	}
	if ((ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC)) == -1) {
		log_warn("/dev/loop-control");
		close(img);
		return -1;
	}
	memset(&cfg, 0, sizeof(cfg));
	cfg.fd = (uint32_t)img;
	cfg.info.lo_flags = LO_FLAGS_AUTOCLEAR | (rdonly ? LO_FLAGS_READ_ONLY :
	    0);
	strlcpy((char *)cfg.info.lo_file_name, image, LO_NAME_SIZE);
	/* another process may take the same free device: try again */
	for (tries = 0; tries < 16; tries++) {
		if ((n = ioctl(ctl, LOOP_CTL_GET_FREE)) == -1) {
			log_warn("LOOP_CTL_GET_FREE");
			break;
		}
		snprintf(dev, devsz, "/dev/loop%d", n);
		if ((lfd = open(dev, (rdonly ? O_RDONLY : O_RDWR) |
		    O_CLOEXEC)) == -1) {
			log_warn("%s", dev);
			break;
		}
		if (ioctl(lfd, LOOP_CONFIGURE, &cfg) == 0)
			break;
		if ((err = errno) != EBUSY)
			log_warn("%s: LOOP_CONFIGURE", dev);
		close(lfd);
		lfd = -1;
		if (err != EBUSY)
			break;
	}
	close(ctl);
	close(img);
	return lfd;
}

/*
 * image on dir through a loop device.  The loop descriptor is closed
 * right after mount(2): from then on the mount alone holds the device,
 * and unmounting (or the namespace dying) frees it.
 */
int
ext2_mount(const char *image, const char *dir, bool rdonly)
{
	unsigned long fl = rdonly ? MS_RDONLY : 0;
	char dev[32];
	int lfd, r;

	if ((lfd = loop_attach(image, rdonly, dev, sizeof(dev))) == -1)
		return -1;
	/* kernels without the ext2 driver mount ext2 with ext4's */
	if ((r = mount(dev, dir, "ext2", fl, NULL)) == -1 && errno == ENODEV)
		r = mount(dev, dir, "ext4", fl, NULL);
	if (r == -1)
		log_warn("mount %s (%s) on %s", image, dev, dir);
	else
		log_debug("%s: mounted on %s through %s", image, dir, dev);
	/* autoclear: the device goes with the mount (or now, on failure) */
	close(lfd);
	return r;
}

int
ext2_umount(const char *dir)
{
	int i;

	for (i = 0; i < 50; i++) {
		if (umount2(dir, 0) == 0)
			return 0;
		if (errno != EBUSY)
			break;
		usleep(100000);
	}
	log_warn("umount %s", dir);
	return -1;
}

int
ext2_check(const char *image)
{
	char *argv[] = { "e2fsck", "-f", "-n", (char *)(uintptr_t)image, NULL };

	if (run_cmd(argv) == -1) {
		log_warnx("%s: e2fsck -f found errors", image);
		return -1;
	}
	log_info("%s: e2fsck -f: clean", image);
	return 0;
}
