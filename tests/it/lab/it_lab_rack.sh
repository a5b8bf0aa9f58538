#!/bin/sh
# SPDX-License-Identifier: ISC
#
# A second boot server, the scale-out recipe (issue 21): the lab gets a
# rack, subnet 198.51.100.0/24 behind ISC's dhcrelay, whose helper runs
# in.tftpd for the first stage and nginx (the shipped nodeboot-rack.conf)
# caching the main server's /tftpboot.  The central dhcpd-pxe, from the
# shipped etc/dhcpd-http.conf with the rack's subnet pointing at the
# helper, gives every address.  Two rack nodes:
#   node1  OVMF's own PXE: ipxe.efi over TFTP from the helper, then its
#          script, kernel and image over HTTP from the helper's cache;
#   node2  SeaBIOS (iPXE ROM): HTTP from the helper's cache.
# Both report up through the rack's router, wakeup --sequential paces
# them on the helper's nginx log, and the main server's log shows each
# big file sent once, to the helper: the second node was served from the
# cache.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
. "$top/lab/rack.sh"
nb_init
[ -f /usr/share/OVMF/OVMF_CODE_4M.fd ] || nb_fail "no OVMF (make deps)"
[ -f /usr/lib/ipxe/ipxe.efi ] || nb_fail "no ipxe.efi (make deps: ipxe)"
command -v nginx > /dev/null || nb_fail "no nginx (make deps: nginx-light)"
command -v dhcrelay > /dev/null || nb_fail "no dhcrelay (make deps)"
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_EDK2PXE_NODES=node1 LAB_HTTP=1
lab_kernel
lab_nodes 2
lab_rack_nodes node1 node2
tftp=$LAB/tftpboot
lab_tftpboot "$tftp"
lab_image "$tftp"
lab_configs "$tftp" nbpoweroff
grep -q "^kernel /vmlinuz .*ip=198.51.100.101:198.51.100.1:198.51.100.1:" \
    "$tftp/ipxe/198.51.100.101.ipxe" ||
    nb_fail "no script for node1 on the rack's subnet"
lab_net
lab_rack_net
lab_power
lab_serve_suite "$tftp"
lab_nginx "$tftp"
lab_rack_serve "$tftp"
ip netns exec "$LAB_NS" timeout 600 "$LAB_BIN/wakeup" -s -i br0 \
    -e "$LAB/etc/ethers" --hosts "$LAB/etc/hosts" --tftpboot "$tftp" \
    -t 200 -r 0 -l "$LAB_RUN/xfer.log" --http-log "$LAB_RUN/http.log" \
    --http-log "$LAB_RUN/rack/http.log" -a \
    > "$LAB_RUN/wakeup.out" 2> "$LAB_RUN/wakeup.log"
rc=$?
cat "$LAB_RUN/wakeup.log" "$LAB_RUN/wakeup.out"
[ "$rc" = 0 ] || nb_fail "wakeup --sequential exited $rc"
for i in 1 2; do
	grep -q "node$i.*booted: rootfs.gz served over HTTP" \
	    "$LAB_RUN/wakeup.log" ||
	    nb_fail "wakeup did not see node$i's rootfs.gz in the rack's log"
	lab_wait_up "node$i" 120 || {
		tail -n 20 "$LAB_RUN/node$i.console"
		nb_fail "node$i did not report up"
	}
	# node1 is OVMF (UEFI): its report says Secure Boot is off
	sb=
	[ "$i" = 1 ] && sb=" secureboot=off"
	grep -q " nodeboot-up node$i 198.51.100.10$i$sb$" \
	    "$LAB_RUN/reports.txt" ||
	    nb_fail "node$i's report is not from its rack address"
	for f in "ipxe/198.51.100.10$i.ipxe" vmlinuz rootfs.gz; do
		grep -q " 198.51.100.10$i GET 200 [0-9]* [0-9.]* ok /$f$" \
		    "$LAB_RUN/rack/http.log" ||
		    nb_fail "the helper did not send $f to node$i"
	done
done
nb_ok "2 rack nodes booted through the relay and the helper, and are up"

grep -q " 198.51.100.101 RRQ ipxe.efi [0-9]* [0-9.]* ok$" \
    "$LAB_RUN/rack/xfer.log" || nb_fail "the helper's in.tftpd did not" \
    "send ipxe.efi to node1"
grep -qs ' 198\.51\.100\.' "$LAB_RUN/xfer.log" &&
    nb_fail "the main in.tftpd served a rack node"
grep -q 'Gateway-IP 198.51.100.1' "$LAB_RUN/capture.txt" ||
    nb_fail "no relayed DHCP on the main bridge"
nb_ok "DHCP came through the relay; TFTP from the helper only"

for f in vmlinuz rootfs.gz; do
	n=$(grep -c " GET 200 [0-9]* [0-9.]* ok /$f$" "$LAB_RUN/http.log")
	from=$(grep " GET 200 [0-9]* [0-9.]* ok /$f$" "$LAB_RUN/http.log" |
	    awk '{ print $2 }' | sort -u)
	[ "$n" = 1 ] && [ "$from" = 192.0.2.2 ] || {
		cat "$LAB_RUN/http.log"
		nb_fail "the main server sent $f $n times (to $from), not once" \
		    "to the helper"
	}
done
nb_ok "the main server sent kernel and image once, to the helper's cache"
