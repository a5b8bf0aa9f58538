// SPDX-License-Identifier: ISC
/*
 * The kexec itself: kexec_file_load(2) called directly (no kexec-tools in
 * the starter root), then what `kexec -e' does: take the network
 * interfaces down so no NIC keeps writing into memory the new kernel now
 * owns, sync, and reboot(LINUX_REBOOT_CMD_KEXEC).  If that returns, the
 * interfaces come back up and the loaded image is unloaded, so the node
 * keeps running as it was.
 */
#include <sys/ioctl.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/syscall.h>

#include <linux/kexec.h>
#include <linux/reboot.h>
#include <net/if.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "netkexec/netkexec.h"

#define IFDOWN_MAX	64

int
boot_load(int kernel_fd, int initrd_fd, const char *cmdline)
{
	unsigned long flags = initrd_fd == -1 ? KEXEC_FILE_NO_INITRAMFS : 0;

	return (int)syscall(SYS_kexec_file_load, kernel_fd, initrd_fd,
	    strlen(cmdline) + 1, cmdline, flags);
}

/* What a refusal of kexec_file_load(2) means, in the operator's words. */
const char *
boot_strerror(int err)
{
	switch (err) {
	case ENOSYS:
		return "this kernel has no kexec_file_load (CONFIG_KEXEC_FILE)";
	case EPERM:
		return "not permitted (CAP_SYS_BOOT, kexec_load_disabled, "
		    "or lockdown)";
	case ENOEXEC:
		return "not a kernel image this kernel can load";
	case ENODATA:	/* what a locked-down kernel says of an unsigned one */
		return "the kernel image is not signed, and this kernel is "
		    "locked down (Secure Boot) or requires signatures";
	case EKEYREJECTED:
	case EBADMSG:
		return "kernel signature rejected";
	case EBUSY:
		return "another kexec image is being loaded";
	default:
		return strerror(err);
	}
}

/*
 * Takes every interface but loopback down, as kexec-tools' ifdown() does:
 * a NIC left running keeps DMA-writing received frames into buffers the
 * new kernel may already use.  Returns how many; their names in names[].
 */
static int
ifdown(int s, char names[IFDOWN_MAX][IF_NAMESIZE])
{
	struct if_nameindex *ifs, *i;
	struct ifreq ifr;
	int n = 0;

	if ((ifs = if_nameindex()) == NULL)
		return 0;
	for (i = ifs; i->if_index != 0 && n < IFDOWN_MAX; i++) {
		memset(&ifr, 0, sizeof(ifr));
		strlcpy(ifr.ifr_name, i->if_name, sizeof(ifr.ifr_name));
		if (ioctl(s, SIOCGIFFLAGS, &ifr) == -1 ||
		    (ifr.ifr_flags & IFF_LOOPBACK) || !(ifr.ifr_flags & IFF_UP))
			continue;
		ifr.ifr_flags &= ~IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr) == -1) {
			log_warn("%s: cannot take it down", i->if_name);
			continue;
		}
		strlcpy(names[n++], i->if_name, IF_NAMESIZE);
	}
	if_freenameindex(ifs);
	return n;
}

static void
ifup(int s, char names[IFDOWN_MAX][IF_NAMESIZE], int n)
{
	struct ifreq ifr;
	int i;

	for (i = 0; i < n; i++) {
		memset(&ifr, 0, sizeof(ifr));
		strlcpy(ifr.ifr_name, names[i], sizeof(ifr.ifr_name));
		if (ioctl(s, SIOCGIFFLAGS, &ifr) == -1)
			continue;
		ifr.ifr_flags |= IFF_UP;
		if (ioctl(s, SIOCSIFFLAGS, &ifr) == -1)
			log_warn("%s: cannot bring it back up", names[i]);
	}
}

int
boot_exec(void)
{
	char names[IFDOWN_MAX][IF_NAMESIZE];
	int s, n = 0, saved;

	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) != -1)
		n = ifdown(s, names);
	sync();
	reboot(LINUX_REBOOT_CMD_KEXEC);
	saved = errno;
	if (s != -1) {
		ifup(s, names, n);
		close(s);
	}
	syscall(SYS_kexec_file_load, -1, -1, 0UL, NULL,
	    (unsigned long)KEXEC_FILE_UNLOAD);
	errno = saved;
	return -1;
}
