#!/bin/sh
# SPDX-License-Identifier: ISC
#
# proxyDHCP in the virtual cluster: the site's DHCP server (Debian's
# dnsmasq-base on another host of the link, no boot options) hands out
# every address; dhcpd-pxe reads the shipped etc/dhcpd-proxy.conf
# (proxy-dhcp on) and gives the boot answers only.  A BIOS node (qemu's
# iPXE ROM) and a UEFI node (OVMF's own PXE client) boot to up, each with
# the address the site server gave it.  A machine not in ethers gets its
# address from the site server and nothing from dhcpd-pxe; a plain udhcpc
# client on the same link gets its lease and never sees a packet from
# dhcpd-pxe (both read from a capture on the bridge).  Whether a firmware
# asked port 4011 is printed from the same capture.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
nb_init
[ -f /usr/share/OVMF/OVMF_CODE_4M.fd ] || nb_fail "no OVMF (make deps)"
LAB=$NB_TMP/lab
lab_init "$top"
export LAB_PROXY=1 LAB_EDK2PXE_NODES=node2
for p in in.tftpd dhcpd-pxe pxecfg-gen mkrootfs; do
	[ -x "$LAB_BIN/$p" ] || nb_fail "no $LAB_BIN/$p (make all)"
done
lab_kernel
lab_nodes 2
LAB_TFTPBOOT=$LAB/tftpboot
lab_tftpboot "$LAB_TFTPBOOT"
lab_image "$LAB_TFTPBOOT"
lab_configs "$LAB_TFTPBOOT" nbpoweroff
grep -q '^proxy-dhcp on;' "$LAB/etc/dhcpd.conf" ||
    nb_fail "dhcpd.conf: not the proxy example"
lab_net
lab_power
lab_site_dhcp
lab_serve_suite "$LAB_TFTPBOOT"
nb_wait 10 grep -qs 'proxy-dhcp on' "$LAB_RUN/dhcpd.log" ||
    nb_fail "dhcpd-pxe did not start in proxy mode"

# replies_from IP MAC: DHCP replies (port 67 or 4011) from IP whose chaddr
# is MAC, on the bridge
replies_from() {
	awk -v ip="$1" -v mac="$2" '
	    / > [0-9.]+\.(67|68|4011): / { from = $1; sub(/\.[0-9]+$/, "", from)
		port = $1; sub(/.*\./, "", port) }
	    /Client-Ethernet-Address/ && from == ip && (port == 67 || port == 4011) &&
		tolower($2) == mac { n++ }
	    END { print n + 0 }' "$LAB_RUN/capture.txt"
}

for i in 1 2; do
	lab_power_on "$(lab_mac "$i")" "node$i"
	if ! nb_wait 240 lab_exited_more "$(lab_mac "$i")" 0; then
		tr -d '\r' < "$LAB_RUN/node$i.console" | tail -n 20
		tail -n 20 "$LAB_RUN/dhcpd.log" "$LAB_RUN/xfer.log"
		nb_fail "node$i did not power off within 240 s"
	fi
	lab_wait_up "node$i" 5 || nb_fail "node$i did not report up"
	grep -q "dnsmasq-dhcp.*DHCPACK(eth0) 192.0.2.10$i $(lab_mac "$i")" \
	    "$LAB_RUN/site-dhcp.log" ||
	    nb_fail "node$i: no lease of 192.0.2.10$i from the site server"
	n=$(replies_from 192.0.2.1 "$(lab_mac "$i")")
	[ "$n" -ge 1 ] || nb_fail "node$i: no answer from dhcpd-pxe"
	grep -q "DHCPACK on 192.0.2.10$i" "$LAB_RUN/dhcpd.log" &&
	    nb_fail "dhcpd-pxe gave node$i an address"
	bs=$(grep -c '\.4011: ' "$LAB_RUN/capture.txt")
	echo "node$i: $n answers from dhcpd-pxe; port 4011 packets so far: $bs"
done
nb_ok "BIOS (iPXE) and UEFI (OVMF) nodes booted: address from the site, boot file from dhcpd-pxe"
awk '/RRQ/ { print $2, $3, $4 }' "$LAB_RUN/xfer.log" | sort -u | head -n 20

# A machine missing from ethers: the site gives it an address, dhcpd-pxe
# nothing (it keeps asking, in its firmware, until the test ends).
mac=52:54:00:0b:00:63
lab_power_on "$mac"
got_lease() {
	grep -q "DHCPACK(eth0) 192.0.2.1[5-9][0-9] $mac" "$LAB_RUN/site-dhcp.log"
}
nb_wait 120 got_lease || nb_fail "the stranger got no lease from the site"
sleep 10
[ "$(replies_from 192.0.2.1 "$mac")" = 0 ] ||
    nb_fail "dhcpd-pxe answered a machine not in ethers"
nb_ok "a machine not in ethers: a lease from the site, no answer from dhcpd-pxe"

# A plain DHCP client on the same link.
nb_ns plain
nb_veth "$LAB_NS" plain0 "$NB_NS" eth0
ip -n "$LAB_NS" link set plain0 master br0 || nb_fail "plain0 on br0"
pmac=02:00:00:0b:00:99
ip -n "$NB_NS" link set eth0 address "$pmac" || nb_fail "plain MAC"
ip netns exec "$NB_NS" timeout 30 busybox udhcpc -i eth0 -n -q -t 5 -T 2 \
    -s /bin/true > "$LAB_RUN/udhcpc.log" 2>&1 ||
    nb_fail "udhcpc got no lease: $(cat "$LAB_RUN/udhcpc.log")"
grep -q "DHCPACK(eth0) 192.0.2.1[5-9][0-9] $pmac" "$LAB_RUN/site-dhcp.log" ||
    nb_fail "udhcpc's lease did not come from the site server"
sleep 2
[ "$(replies_from 192.0.2.1 "$pmac")" = 0 ] ||
    nb_fail "dhcpd-pxe answered udhcpc"
nb_ok "udhcpc: a lease from the site server, not a packet from dhcpd-pxe"
sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" "$LAB/etc/hosts"
