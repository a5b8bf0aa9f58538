#!/bin/sh
# SPDX-License-Identifier: ISC
#
# netkexec in the virtual cluster: node1 boots through the suite (SeaBIOS,
# iPXE, pxelinux, in.tftpd, dhcpd-pxe) with "nbkexec" in the APPEND line
# pxecfg-gen wrote.  Once up, its /init runs netkexec, which finds the
# same pxelinux.cfg file on in.tftpd, downloads kernel and initramfs and
# kexecs.  The node must report up a second time, in the kernel it fetched
# (nbkexec.done on its command line), with no pass through the firmware
# between the two: SeaBIOS's screen is copied to the serial console
# (LAB_SERCON), and its banner must appear once, before the first report.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_SERCON=1
lab_one_node "nbkexec nbpoweroff"
lab_serve_suite "$LAB_TFTPBOOT"
mac=$(lab_mac 1)
lab_power_on "$mac" node1

powered_off() {
	grep -q " exit $mac " "$LAB_RUN/power.log"
}
con=$LAB_RUN/node1.console
if ! nb_wait 300 powered_off; then
	tr -d '\r' < "$con" | tail -n 20
	nb_fail "node1 did not power off within 300 s"
fi
tr -d '\r' < "$con" > "$NB_TMP/console" && con=$NB_TMP/console

ups=$(grep -c " nodeboot-up node1 192.0.2.101$" "$LAB_RUN/reports.txt")
[ "$ups" = 2 ] || nb_fail "node1 reported up $ups times (2 expected)"
nb_ok "node1 reported up twice over the network"

# The console in order: banner, first up, kexec, second up (in a kernel
# started with nbkexec.done), power-off; one banner in all.
events=$(awk '/SeaBIOS \(version/ { print "bios" }
    /^NODEBOOT-UP node1 192\.0\.2\.101/ { print "up" }
    /nodeboot: kexec into the current boot entry/ { print "kexec" }
    /nodeboot: netkexec failed/ { print "failed" }
    /nodeboot: this kernel came by kexec/ { print "kexeced" }
    /nodeboot: powering off/ { print "off" }' "$con" | tr '\n' ' ')
[ "$events" = "bios up kexec up kexeced off " ] || {
	grep -a -e nodeboot -e netkexec -e SeaBIOS "$con" | tail -n 20
	nb_fail "console events: '$events'"
}
nb_ok "one SeaBIOS banner, then up, kexec, up again in the fetched kernel"

# Both kernels came from in.tftpd: pxelinux's fetch and netkexec's, of
# the same pxelinux.cfg file (the first name both found, in one order).
cfgs=$(awk '$2 == "192.0.2.101" && $4 ~ /^pxelinux\.cfg\// && $7 == "ok" {
    print $4 }' "$LAB_RUN/xfer.log" | sort | uniq -c | tr -s ' ')
[ "$cfgs" = " 2 pxelinux.cfg/C0000265" ] ||
    nb_fail "configuration files sent: '$cfgs'"
for f in vmlinuz rootfs.gz; do
	n=$(grep -c " 192.0.2.101 RRQ $f [0-9]* [0-9.]* ok$" "$LAB_RUN/xfer.log")
	[ "$n" = 2 ] || nb_fail "$f sent $n times to node1 (2 expected)"
done
nb_ok "pxelinux and netkexec each fetched pxelinux.cfg/C0000265, kernel, image"
