#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The virtual cluster end to end, one node: wakeup sends a magic packet,
# the power shim starts qemu (TCG, iPXE), dhcpd-pxe answers, xinetd starts
# in.tftpd with the shipped etc/xinetd.d/tftp, pxelinux reads the file
# pxecfg-gen wrote, the Debian kernel boots the initramfs mkrootfs built,
# and its /init reports up (console marker and a TCP line to the server).
# Beside it a machine missing from ethers is powered on: under "deny
# unknown-clients" it must get no DHCP answer and fetch nothing.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
LAB=$NB_TMP/lab
lab_init "$top"
lab_one_node nbpoweroff
lab_serve_suite "$LAB_TFTPBOOT"
echo "DHCP: $LAB_DHCP; TFTP: $LAB_TFTP"

stranger=52:54:00:0b:00:99
grep -qi "$stranger" "$LAB/etc/ethers" && nb_fail "stranger in ethers"
lab_power_on "$(lab_mac 1)" node1
lab_power_on "$stranger"

if ! lab_wait_up node1 180; then
	tail -n 20 "$LAB_RUN/node1.console" "$LAB_RUN/xfer.log"
	nb_fail "node1 did not report up"
fi
grep -q '^NODEBOOT-UP node1 192.0.2.101' "$LAB_RUN/node1.console" ||
    nb_fail "node1's console has no /init marker"
nb_ok "node1 booted through the suite to /init and reported up"
grep -q ' 192.0.2.101 RRQ rootfs.gz .* ok$' "$LAB_RUN/xfer.log" ||
    nb_fail "in.tftpd's transfer log has no rootfs.gz for node1"
nb_ok "in.tftpd logged node1's downloads"

# The stranger has been asking for as long as node1 took to boot; give it
# a few more DISCOVERs, then it must have had no OFFER and no file.
asked3() {
	[ "$(grep -c "^[0-9.]* $stranger > " "$LAB_RUN/capture.txt")" -ge 3 ]
}
nb_wait 30 asked3 || nb_fail "the stranger sent fewer than 3 DHCP requests"
sleep 5
# Every OFFER or ACK on the bridge, by destination MAC: node1's only.
answers=$(awk '/^[0-9]+\.[0-9]+ / { dst = $4 }
    /DHCP-Message \(53\).*(Offer|ACK)$/ { print dst }' "$LAB_RUN/capture.txt" |
    sort -u | tr -d , | tr '\n' ' ')
[ "$answers" = "$(lab_mac 1) " ] ||
    nb_fail "DHCP answers went to: $answers(only node1 expected)"
awk '/\.69: TFTP.* RRQ / && $1 !~ /^192\.0\.2\.101\./' \
    "$LAB_RUN/capture.txt" | grep . && nb_fail "a TFTP request not from node1"
nb_ok "a machine missing from ethers gets no answer and does not boot"
sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" "$LAB/etc/hosts"
