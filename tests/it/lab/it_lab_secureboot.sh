#!/bin/sh
# SPDX-License-Identifier: ISC
#
# UEFI Secure Boot in the virtual cluster, one node: qemu q35 with SMM,
# OVMF's Secure Boot build and Microsoft's keys enrolled, its own PXE
# client (no option ROM).  dhcpd-pxe reads the shipped
# etc/dhcpd-secureboot.conf and answers arch 7 with shimx64.efi; in.tftpd
# under xinetd serves the Microsoft-signed shim, the Debian-signed GRUB as
# grubx64.efi, grub/grub.cfg and the node's grub.cfg-01-<mac> that
# pxecfg-gen --grub wrote, the Debian-signed kernel and the mkrootfs
# initramfs.  The node must report up with secureboot=on (read from
# efivarfs on the node), then kexec with netkexec into the same entry
# under the locked-down kernel and report up again, without a second pass
# through the firmware.  Then the negative proof: given the unsigned
# syslinux.efi instead, the firmware refuses to run it.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
for f in /usr/share/OVMF/OVMF_CODE_4M.secboot.fd \
    /usr/share/OVMF/OVMF_VARS_4M.ms.fd /usr/lib/shim/shimx64.efi.signed \
    /usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed \
    /usr/lib/SYSLINUX.EFI/efi64/syslinux.efi; do
	[ -f "$f" ] || nb_fail "no $f (make deps)"
done
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_SECBOOT=1 LAB_SECBOOT_NODES=node1
lab_one_node "nbkexec nbpoweroff"
lab_serve_suite "$LAB_TFTPBOOT"
mac=$(lab_mac 1)
lab_power_on "$mac" node1
con=$LAB_RUN/node1.console
if ! nb_wait 300 lab_exited_more "$mac" 0; then
	tr -d '\r' < "$con" | tail -n 20
	tail -n 20 "$LAB_RUN/xfer.log"
	nb_fail "node1 (Secure Boot) did not power off within 300 s"
fi
tr -d '\r' < "$con" > "$NB_TMP/console" && con=$NB_TMP/console

ups=$(grep -c " nodeboot-up node1 192.0.2.101 secureboot=on$" \
    "$LAB_RUN/reports.txt")
[ "$ups" = 2 ] || {
	cat "$LAB_RUN/reports.txt"
	nb_fail "node1 reported up with secureboot=on $ups times (2 expected)"
}
nb_ok "node1 reported up twice, with Secure Boot on (efivarfs)"

# The DISCOVER said arch 7; the answer named the shim.
awk '/ARCH \(93\), length 2: 7$/ { a = 1 } a && /file "shimx64.efi"/ { f = 1 }
    END { exit !f }' "$LAB_RUN/capture.txt" ||
    nb_fail "no arch-7 request answered with shimx64.efi on the bridge"
# In order: shim, GRUB beside it, grub.cfg, the node's own file, kernel,
# image; and the same kernel and image again for netkexec.
seq=$(awk '$2 == "192.0.2.101" && $3 == "RRQ" && $NF == "ok" { print $4 }' \
    "$LAB_RUN/xfer.log" | grep -v -e '^pxelinux.cfg/' | tr '\n' ' ')
want="shimx64.efi grubx64.efi /grub/grub.cfg"
want="$want /grub/grub.cfg-01-52-54-00-0b-00-01 /vmlinuz /rootfs.gz"
want="$want vmlinuz rootfs.gz "
[ "$seq" = "$want" ] || nb_fail "files sent: '$seq', expected '$want'"
nb_ok "shim, GRUB, grub.cfg, grub.cfg-01-<mac>, kernel, image; again for kexec"

events=$(awk '/Start PXE over IPv4/ { print "pxe" }
    /^NODEBOOT-UP node1 192\.0\.2\.101 secureboot=on/ { print "up" }
    /nodeboot: netkexec failed/ { print "failed" }
    /nodeboot: this kernel came by kexec/ { print "kexeced" }
    /nodeboot: powering off/ { print "off" }' "$con" | tr '\n' ' ')
[ "$events" = "pxe up up kexeced off " ] || {
	grep -a -e nodeboot -e netkexec -e PXE "$con" | tail -n 20
	nb_fail "console events: '$events'"
}
nb_ok "netkexec under lockdown: the signed kernel came up again, no firmware pass"

# The negative proof: the same node, answered with the unsigned
# syslinux.efi.  The firmware loads it over TFTP and refuses to start it;
# syslinux.efi never asks for its ldlinux.e64.
lab_stop_servers
sed -i 's/filename "shimx64.efi";/filename "syslinux.efi";/' \
    "$LAB/etc/dhcpd.conf"
grep -q 'filename "syslinux.efi";' "$LAB/etc/dhcpd.conf" ||
    nb_fail "dhcpd.conf: no shimx64.efi to replace"
: > "$LAB_RUN/node1.console"
lab_serve_suite "$LAB_TFTPBOOT"
lab_power_on "$mac" node1
denied() {
	tr -d '\r' < "$LAB_RUN/node1.console" |
	    grep -a -q 'failed to load Boot.*Access Denied'
}
if ! nb_wait 240 denied; then
	tr -d '\r' < "$LAB_RUN/node1.console" | tail -n 20
	nb_fail "the firmware did not refuse the unsigned syslinux.efi"
fi
grep -q ' 192.0.2.101 RRQ syslinux.efi [0-9]* [0-9.]* ok$' \
    "$LAB_RUN/xfer.log" || nb_fail "in.tftpd did not send syslinux.efi"
grep -q ' RRQ ldlinux.e64 ' "$LAB_RUN/xfer.log" &&
    nb_fail "syslinux.efi ran (it asked for ldlinux.e64)"
nb_ok "the unsigned syslinux.efi was sent and refused: Access Denied"
