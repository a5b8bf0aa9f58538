// SPDX-License-Identifier: ISC
/*
 * `mkrootfs starter DIR': a root for diskless nodes from busybox-static.
 * The static busybox and a symlink per applet (its own --list-full), the
 * /init and udhcpc scripts (scripts.c), /sbin/init -> /init so an ext2
 * image boots the same way, a few /etc files and, with --kernel-modules,
 * the NIC drivers the stock Debian kernel builds as modules plus their
 * dependencies from modules.dep, listed in load order for /init.
 */
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/fileio.h"
#include "common/log.h"
#include "common/path.h"
#include "mkrootfs/starter/starter.h"

#define BUSYBOX	"/bin/busybox"

static const char *dirs[] = { "bin", "sbin", "etc", "proc", "sys", "dev",
    "tmp", "run", "root", "mnt", "usr", "usr/bin", "usr/sbin", "var",
    "lib", "lib/modules" };

/*
 * What the lab's qemu NICs need: virtio (with its PCI transport), e1000;
 * and efivarfs, for /init to tell whether UEFI Secure Boot is on.
 */
static char *nic_modules[] = { "virtio_pci", "virtio_net", "e1000",
    "efivarfs" };

/* dir/name holding text, atomically, with mode. */
static int
put(const char *dir, const char *name, const char *text, mode_t mode)
{
	char path[PATH_MAX];

	if (path_join(path, dir, name) == -1)
		return -1;
	if (atomic_write(path, text, strlen(text), mode) == -1) {
		log_warn("%s", path);
		return -1;
	}
	return 0;
}

static int
copy_file(const char *from, const char *to, mode_t mode)
{
	char *buf;
	size_t len;
	int r;

	if (file_read(from, 256u << 20, &buf, &len) == -1) {
		log_warnx("%s: %s", from, file_strerror(errno));
		return -1;
	}
	if ((r = atomic_write(to, buf, len, mode)) == -1)
		log_warn("%s", to);
	free(buf);
	return r;
}

/* One symlink per applet, as `busybox --list-full' names them. */
static int
applets(const char *dir, const char *busybox)
{
	char line[256], path[PATH_MAX];
	FILE *f;
	int n = 0, st;

	snprintf(line, sizeof(line), "'%s' --list-full", busybox);
	if (strchr(busybox, '\'') != NULL || (f = popen(line, "r")) == NULL) {
		log_warnx("%s: cannot list applets", busybox);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		/* /sbin/init and /linuxrc are ours: they run /init */
		if (line[0] == '\0' || strcmp(line, "sbin/init") == 0 ||
		    strcmp(line, "linuxrc") == 0 || strchr(line, '/') == NULL)
			continue;
		if (path_join(path, dir, line) == -1) {
			pclose(f);
			return -1;
		}
		if (symlink("/bin/busybox", path) == -1 && errno != EEXIST) {
			log_warn("%s", path);
			pclose(f);
			return -1;
		}
		n++;
	}
	if ((st = pclose(f)) != 0 || n == 0) {
		log_warnx("%s --list-full failed (status %d)", busybox, st);
		return -1;
	}
	log_info("%s: %d busybox applets", dir, n);
	return 0;
}

/*
 * /dev/console and /dev/null before devtmpfs is mounted.  Only root may
 * make them; without them a cpio image still boots (the kernel's built-in
 * initramfs has /dev/console) but an ext2 image has no console for init.
 */
static int
nodes(const char *dir)
{
	char path[PATH_MAX];

	if (path_join(path, dir, "dev/console") == -1)
		return -1;
	if (mknod(path, S_IFCHR | 0600, makedev(5, 1)) == -1 &&
	    errno != EEXIST) {
		/* the kernel's built-in initramfs has it; an ext2 needs it */
		log_warn("%s (needed by the ext2 format)", path);
	}
	if (path_join(path, dir, "dev/null") == -1)
		return -1;
	if (mknod(path, S_IFCHR | 0666, makedev(1, 3)) == -1 &&
	    errno != EEXIST)
		log_warn("%s", path);
	return 0;
}

/*
 * Builds or refreshes the starter root in dir (made if missing; existing
 * files are replaced, others kept).  modules: NULL/0 for the NIC list.
 * netkexec: the static netkexec(8) to install as /sbin/netkexec, or NULL.
 */
int
starter_build(const struct mkr *m, const char *dir, const char *kmods,
    char **modules, int nmodules, const char *busybox, const char *netkexec)
{
	char path[PATH_MAX];
	size_t i;

	if (busybox == NULL)
		busybox = BUSYBOX;
	if (mkdirs_p(dir) == -1)
		return -1;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (path_join(path, dir, dirs[i]) == -1 ||
		    mkdirs_p(path) == -1)
			return -1;
	}
	if (path_join(path, dir, "tmp") == -1 || chmod(path, 01777) == -1 ||
	    path_join(path, dir, "bin/busybox") == -1)
		return -1;
	if (copy_file(busybox, path, 0755) == -1 || applets(dir, busybox) == -1)
		return -1;
	if (path_join(path, dir, "sbin/init") == -1)
		return -1;
	if ((unlink(path) == -1 && errno != ENOENT) ||
	    symlink("/init", path) == -1) {
		log_warn("%s", path);
		return -1;
	}
	if (put(dir, "init", starter_init, 0755) == -1 ||
	    put(dir, "etc/udhcpc.script", starter_udhcpc, 0755) == -1 ||
	    put(dir, "etc/passwd", "root:x:0:0:root:/root:/bin/sh\n", 0644) ==
	    -1 || put(dir, "etc/group", "root:x:0:\n", 0644) == -1 ||
	    put(dir, "etc/hosts", "127.0.0.1\tlocalhost\n", 0644) == -1 ||
	    nodes(dir) == -1)
		return -1;
	if (kmods != NULL && starter_modules(dir, kmods, nmodules ? modules :
	    nic_modules, nmodules ? nmodules : (int)(sizeof(nic_modules) /
	    sizeof(nic_modules[0]))) == -1)
		return -1;
	if (netkexec != NULL && (path_join(path, dir, "sbin/netkexec") == -1 ||
	    copy_file(netkexec, path, 0755) == -1))
		return -1;
	log_info("%s: starter root ready (kernel arguments: mkrootfs(8))",
	    dir);
	return 0;
}
