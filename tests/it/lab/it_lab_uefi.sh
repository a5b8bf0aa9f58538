#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The virtual cluster's EFI path, one node: qemu with Debian's OVMF
# firmware (x86-64 UEFI, virtio-net) asks with client architecture 7
# (option 93); dhcpd-pxe's class on that option answers with syslinux.efi,
# in.tftpd under xinetd serves syslinux.efi, ldlinux.e64, the pxelinux.cfg
# file pxecfg-gen wrote, the Debian kernel and the mkrootfs initramfs, and
# the node's /init reports up.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
[ -f /usr/share/OVMF/OVMF_CODE_4M.fd ] || nb_fail "no OVMF (make deps)"
[ -f /usr/lib/SYSLINUX.EFI/efi64/syslinux.efi ] ||
    nb_fail "no syslinux.efi (make deps: syslinux-efi)"
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_UEFI_NODES=node1
lab_one_node nbpoweroff
lab_serve_suite "$LAB_TFTPBOOT"
lab_power_on "$(lab_mac 1)" node1
if ! lab_wait_up node1 240; then
	tail -n 20 "$LAB_RUN/node1.console" "$LAB_RUN/xfer.log"
	nb_fail "node1 (UEFI) did not report up"
fi
nb_ok "node1 booted with OVMF through the suite and reported up"

# The firmware's DISCOVER carried arch 7 and the answer named syslinux.efi.
awk '/ARCH \(93\), length 2: 7$/ { a = 1 } a && /file "syslinux.efi"/ { f = 1 }
    END { exit !f }' "$LAB_RUN/capture.txt" ||
    nb_fail "no arch-7 request answered with syslinux.efi on the bridge"
nb_ok "option 93 = 7 (EFI x86-64) was answered with filename syslinux.efi"
for f in syslinux.efi ldlinux.e64 vmlinuz rootfs.gz; do
	grep -q " 192.0.2.101 RRQ $f [0-9]* [0-9.]* ok$" "$LAB_RUN/xfer.log" ||
	    nb_fail "in.tftpd did not send $f to node1"
done
grep -q ' 192.0.2.101 RRQ pxelinux.0 ' "$LAB_RUN/xfer.log" &&
    nb_fail "the UEFI node fetched the BIOS pxelinux.0"
nb_ok "in.tftpd sent syslinux.efi, ldlinux.e64, kernel and image, no pxelinux.0"
sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" "$LAB/etc/hosts"
