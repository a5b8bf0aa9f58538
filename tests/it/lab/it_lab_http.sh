#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The virtual cluster over HTTP (issue 21): dhcpd-pxe serving the shipped
# etc/dhcpd-http.conf, in.tftpd under xinetd for the first stage only,
# nginx with the shipped etc/nginx/nodeboot.conf for the rest, and
# wakeup --sequential paced on both logs.  Three nodes, one of each path:
#   node1  SeaBIOS: the NIC's ROM is iPXE, so its first DHCP already
#          carries user class "iPXE" and gets its script's URL: HTTP only;
#   node2  OVMF's own PXE (no iPXE ROM on the NIC): the firmware gets
#          ipxe.efi over TFTP, iPXE asks again and fetches script, kernel
#          and image over HTTP;
#   node3  OVMF, UEFI HTTP Boot: arch 16, "HTTPClient", a URL answer; it
#          fetches ipxe.efi over HTTP itself, and no TFTP request of its
#          reaches the bridge.
# Each reports up, and wakeup counts each booted from the log that served
# its last boot file, then wakes the next.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
[ -f /usr/share/OVMF/OVMF_CODE_4M.fd ] || nb_fail "no OVMF (make deps)"
[ -f /usr/lib/ipxe/ipxe.efi ] || nb_fail "no ipxe.efi (make deps: ipxe)"
command -v nginx > /dev/null || nb_fail "no nginx (make deps: nginx-light)"
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_EDK2PXE_NODES=node2 LAB_HTTPBOOT_NODES=node3 LAB_HTTP=1
lab_kernel
lab_nodes 3
tftp=$LAB/tftpboot
lab_tftpboot "$tftp"
lab_image "$tftp"
lab_configs "$tftp" nbpoweroff
for i in 1 2 3; do
	grep -q "^initrd http://$LAB_SERVER/rootfs.gz$" \
	    "$tftp/ipxe/192.0.2.10$i.ipxe" ||
	    nb_fail "pxecfg-gen wrote no http:// script for node$i"
done
lab_net
lab_power
lab_serve_suite "$tftp"
lab_nginx "$tftp"
ip netns exec "$LAB_NS" timeout 600 "$LAB_BIN/wakeup" -s -i br0 \
    -e "$LAB/etc/ethers" --hosts "$LAB/etc/hosts" --tftpboot "$tftp" \
    -t 200 -r 0 -l "$LAB_RUN/xfer.log" --http-log "$LAB_RUN/http.log" -a \
    > "$LAB_RUN/wakeup.out" 2> "$LAB_RUN/wakeup.log"
rc=$?
cat "$LAB_RUN/wakeup.log" "$LAB_RUN/wakeup.out"
[ "$rc" = 0 ] || nb_fail "wakeup --sequential exited $rc"
grep -q '^3 nodes in .*: 3 booted, 0 retried, 0 failed' \
    "$LAB_RUN/wakeup.out" || nb_fail "wakeup did not count 3 boots"
for i in 1 2 3; do
	grep -q "node$i.*booted: rootfs.gz served over HTTP" \
	    "$LAB_RUN/wakeup.log" ||
	    nb_fail "wakeup did not see node$i's rootfs.gz in nginx's log"
	lab_wait_up "node$i" 120 || {
		tail -n 20 "$LAB_RUN/node$i.console"
		nb_fail "node$i did not report up"
	}
	for f in "ipxe/192.0.2.10$i.ipxe" vmlinuz rootfs.gz; do
		grep -q " 192.0.2.10$i GET 200 [0-9]* [0-9.]* ok /$f$" \
		    "$LAB_RUN/http.log" ||
		    nb_fail "nginx did not send $f to node$i"
	done
done
nb_ok "3 nodes booted over HTTP, paced by wakeup on nginx's log, and up"

grep -q ' 192.0.2.101 ' "$LAB_RUN/xfer.log" &&
    nb_fail "node1 (iPXE ROM) used TFTP"
grep -q " 192.0.2.102 RRQ ipxe.efi [0-9]* [0-9.]* ok$" "$LAB_RUN/xfer.log" ||
    nb_fail "node2 did not get ipxe.efi over TFTP"
grep -q " 192.0.2.102 RRQ rootfs.gz " "$LAB_RUN/xfer.log" &&
    nb_fail "node2 fetched its image over TFTP"
nb_ok "node1 used no TFTP; node2 only for ipxe.efi (TFTP -> iPXE -> HTTP)"

# node3: the firmware's DISCOVER was arch 16 "HTTPClient", the answer a URL
# with option 60 echoed, ipxe.efi came over HTTP, and nothing of node3's
# went to the TFTP port.
# Per packet (a header line starts with the time): node3's DISCOVER with
# arch 16, and a server reply for node3's hardware address (broadcast: the
# firmware sets the flag) naming the URL with "HTTPClient" echoed.
awk '/^[0-9]/ { from = /^[0-9.]* 52:54:00:0b:00:03 >/
	srv = /^[0-9.]* 02:00:00:0b:00:fe >/; c = 0; u = 0 }
    from && /ARCH \(93\), length 2: 16$/ { a = 1 }
    srv && /Client-Ethernet-Address 52:54:00:0b:00:03$/ { c = 1 }
    c && /file "http:\/\/192.0.2.1\/ipxe.efi"/ { u = 1 }
    u && /Vendor-Class \(60\), length 10: "HTTPClient"/ { v = 1 }
    END { exit !(a && v) }' "$LAB_RUN/capture.txt" ||
    nb_fail "no arch-16 DISCOVER from node3 answered with the ipxe.efi URL" \
	"and HTTPClient"
grep -q " 192.0.2.103 GET 200 [0-9]* [0-9.]* ok /ipxe.efi$" \
    "$LAB_RUN/http.log" || nb_fail "node3 did not fetch ipxe.efi over HTTP"
grep -q ' 192.0.2.103 ' "$LAB_RUN/xfer.log" && nb_fail "node3 used TFTP"
grep -q '192.0.2.103\.[0-9]* > 192.0.2.1.69:' "$LAB_RUN/capture.txt" &&
    nb_fail "a TFTP request from node3 on the bridge"
nb_ok "node3 booted by UEFI HTTP Boot: arch 16, a URL, no TFTP packet"
sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" "$LAB/etc/hosts"
