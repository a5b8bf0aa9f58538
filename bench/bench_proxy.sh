#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_proxy.sh: per-phase boot times of one qemu node (TCG, SeaBIOS,
# iPXE, virtio-net) on a network whose addresses the site's DHCP server
# hands out (dnsmasq-base on another host of the link, lab_site_dhcp),
# with the boot answers from dhcpd-pxe in proxy mode (etc/dhcpd-proxy.conf)
# and in.tftpd under xinetd, or from dnsmasq-base in proxy mode
# (dhcp-range=...,proxy and pxe-service) with its own TFTP, alternately, in
# one lab: same node, kernel, image and pxelinux.cfg.  BENCH_BOOTS=3 boots
# of each; medians.  Prints a Markdown section.

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
. "$top/bench/boot_lib.sh"
reps=${BENCH_BOOTS:-3}
nb_init
LAB=$top/build/lab-bench
lab_init "$top"
export LAB_PROXY=1
lab_one_node nbpoweroff
lab_site_dhcp
tftp=$LAB_TFTPBOOT
mac=$(lab_mac 1)

# boot WHO: one power-on of node1 with the boot answers from WHO (proxy:
# dhcpd-pxe; dnsmasq), its phases appended to $NB_TMP/WHO
boot() {
	if [ "$1" = proxy ]; then
		lab_serve_suite "$tftp"
	else
		nb_spawn "$LAB_NS" dnsmasq -d -C /dev/null --port=0 -i br0 \
		    --bind-interfaces --log-dhcp \
		    --dhcp-range=192.0.2.0,proxy,255.255.255.0 \
		    --pxe-service=x86PC,nodeboot,pxelinux --enable-tftp \
		    --tftp-root="$tftp" > "$LAB_RUN/dnsmasq-proxy.log" 2>&1
		LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	fi
	_since=$(lab_now)
	bl_power_cycle "$1"
	bl_record "$1" "$_since"
}

i=0
while [ "$i" -lt "$reps" ]; do
	boot proxy
	boot dnsmasq
	i=$((i + 1))
done
bs=$(grep -c '\.4011: ' "$LAB_RUN/capture.txt")

echo "## ProxyDHCP: one qemu node, dhcpd-pxe beside dnsmasq-base, both in proxy mode"
echo
echo "\`sh bench/bench_proxy.sh\` (BENCH_BOOTS=$reps boots each, alternating; qemu"
echo "TCG, SeaBIOS + iPXE, virtio-net, Debian kernel $LAB_KREL, mkrootfs image)."
echo "The site's DHCP server (dnsmasq-base on another host of the link) hands out"
echo "the addresses in both; the boot answers come from dhcpd-pxe"
echo "(\`proxy-dhcp on\`, etc/dhcpd-proxy.conf) with in.tftpd under xinetd, or from"
echo "dnsmasq-base (\`--dhcp-range=192.0.2.0,proxy --pxe-service=x86PC,...\`) with"
echo "its own TFTP. Seconds, medians; ratio = dhcpd-pxe / dnsmasq. Requests to"
echo "port 4011 in the whole run: $bs (iPXE asks dnsmasq's boot server there after"
echo "its menu answer; dhcpd-pxe's answer names the file, so iPXE asks no more)."
echo
bl_phases proxy dnsmasq
