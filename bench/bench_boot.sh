#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_boot.sh: per-phase boot times of one qemu node (TCG, iPXE, SeaBIOS,
# virtio-net) served by the suite (xinetd -> in.tftpd, dhcpd-pxe) and by
# Debian's dnsmasq-base, alternately, in one lab: same node, kernel, image
# (mkrootfs) and pxelinux.cfg (pxecfg-gen).  Phases come from the packet
# capture on the bridge, the power shim and the node's up report (see
# lab/timeline.sh).  BENCH_BOOTS=3 boots per server; medians.  Prints a
# Markdown section.

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
reps=${BENCH_BOOTS:-3}
nb_init
LAB=$top/build/lab-bench
lab_init "$top"
lab_one_node nbpoweroff
tftp=$LAB_TFTPBOOT
mac=$(lab_mac 1)

# exited_more N, started_more N: node1 has powered off (on) more than N
# times
exited_more() {
	[ "$(grep -c " exit $mac " "$LAB_RUN/power.log")" -gt "$1" ]
}
started_more() {
	[ "$(grep -c " start $mac " "$LAB_RUN/power.log")" -gt "$1" ]
}

# boot SERVER: one power-on of node1, its phases appended to $NB_TMP/SERVER
boot() {
	if [ "$1" = suite ]; then
		lab_serve_suite "$tftp"
	else
		lab_serve_dnsmasq "$tftp"
	fi
	echo "$LAB_DHCP" > "$NB_TMP/$1.dhcp"
	_exits=$(grep -c " exit $mac " "$LAB_RUN/power.log")
	_since=$(lab_now)
	_starts=$(grep -c " start $mac " "$LAB_RUN/power.log")
	_try=0
	until started_more "$_starts"; do
		# A magic packet, like any frame, can be lost: send another.
		[ "$_try" -lt 3 ] || nb_fail "$1: the power shim saw no wake"
		ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" -i br0 \
		    -e "$LAB/etc/ethers" node1 > /dev/null || nb_fail "wakeup"
		nb_wait 5 started_more "$_starts"
		_try=$((_try + 1))
	done
	nb_wait 200 exited_more "$_exits" ||
	    nb_fail "$1: node1 did not power off"
	lab_stop_servers
	kill -0 "$LAB_POWER_PID" || nb_fail "the power shim died"
	TL_SINCE=$_since TL_FORMAT=tsv sh "$top/lab/timeline.sh" "$LAB_RUN" \
	    "$LAB/etc/ethers" "$LAB/etc/hosts" >> "$NB_TMP/$1"
	echo "bench_boot: $1: $(tail -n 1 "$NB_TMP/$1")" >&2
}

i=0
while [ "$i" -lt "$reps" ]; do
	boot suite
	boot dnsmasq
	i=$((i + 1))
done

# median COLUMN FILE
median() {
	cut -f "$1" "$2" | grep -v '^-$' | sort -n |
	    awk '{ v[NR] = $1 } END { if (NR == 0) print "-";
		else if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

dhcp=$(cat "$NB_TMP/suite.dhcp")
echo "## Boot: one qemu node, suite vs dnsmasq-base"
echo
echo "\`sh bench/bench_boot.sh\` (BENCH_BOOTS=$reps boots per server, alternating;"
echo "qemu TCG, SeaBIOS + iPXE, virtio-net, Debian kernel $LAB_KREL, mkrootfs image;"
echo "the suite's DHCP: $dhcp). Seconds, medians; ratio = suite / dnsmasq."
echo
echo "| phase | suite | dnsmasq | ratio |"
echo "|---|---:|---:|---:|"
col=2
for ph in firmware offer dhcp pxelinux kernel initrd+up total; do
	s=$(median "$col" "$NB_TMP/suite")
	d=$(median "$col" "$NB_TMP/dnsmasq")
	r=$(echo "$s $d" | awk '$1 != "-" && $2 != "-" && $2 > 0 {
	    printf "%.2f", $1 / $2; exit } { print "-" }')
	echo "| $ph | $s | $d | $r |"
	col=$((col + 1))
done
