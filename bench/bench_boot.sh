#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_boot.sh: per-phase boot times of one qemu node (TCG, iPXE, SeaBIOS,
# virtio-net) served by the suite (xinetd -> in.tftpd, dhcpd-pxe) and by
# Debian's dnsmasq-base, alternately, in one lab: same node, kernel, image
# (mkrootfs) and pxelinux.cfg (pxecfg-gen).  Phases come from the packet
# capture on the bridge, the power shim and the node's up report (see
# lab/timeline.sh).  Then the node boots through the suite with nbkexec:
# the time from its first up report to its second, after netkexec, beside
# the time from power-on to the first.  Then the alternating boots again
# beside BENCH_LOAD (2) busy loops, one per core here: a boot server is not
# always idle.  BENCH_BOOTS=3 boots of each kind; medians.  Prints a
# Markdown section.

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
. "$top/bench/boot_lib.sh"
reps=${BENCH_BOOTS:-3}
load=${BENCH_LOAD:-2}
nb_init
LAB=$top/build/lab-bench
lab_init "$top"
lab_one_node nbpoweroff
tftp=$LAB_TFTPBOOT
mac=$(lab_mac 1)


# boot SERVER [TAG]: one power-on of node1, its phases appended to
# $NB_TMP/SERVER (or SERVER-TAG)
boot() {
	if [ "$1" = suite ]; then
		lab_serve_suite "$tftp"
	else
		lab_serve_dnsmasq "$tftp"
	fi
	echo "$LAB_DHCP" > "$NB_TMP/$1.dhcp"
	_since=$(lab_now)
	bl_power_cycle "$1"
	bl_record "$1${2:+-$2}" "$_since"
}

# kexec_boot: node1 boots through the suite, reports up, reboots with
# netkexec (nbkexec) and reports up again; appends "power-on->up
# up->up" (seconds) to $NB_TMP/kexec
kexec_boot() {
	lab_serve_suite "$tftp"
	_ups=$(grep -c " nodeboot-up node1 " "$LAB_RUN/reports.txt")
	bl_power_cycle kexec
	_on=$(awk -v m="$mac" '$2 == "start" && $3 == m { t = $1 } END { print t }' \
	    "$LAB_RUN/power.log")
	awk -v n="$_ups" -v on="$_on" '$2 == "nodeboot-up" && $3 == "node1" &&
	    ++k > n { u[++j] = $1 }
	    END { if (j == 2) printf "%.3f\t%.3f\n", u[1] - on, u[2] - u[1];
		else print "-\t-" }' "$LAB_RUN/reports.txt" >> "$NB_TMP/kexec"
	echo "bench_boot: kexec: $(tail -n 1 "$NB_TMP/kexec")" >&2
}

i=0
while [ "$i" -lt "$reps" ]; do
	boot suite
	boot dnsmasq
	i=$((i + 1))
done

lab_configs "$tftp" "nbkexec nbpoweroff"
i=0
while [ "$i" -lt "$reps" ]; do
	kexec_boot
	i=$((i + 1))
done

lab_configs "$tftp" nbpoweroff
hogs=
i=0
while [ "$i" -lt "$load" ]; do
	nb_bg timeout 1800 sh -c 'while :; do :; done'
	hogs="$hogs $NB_PID"
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$reps" ]; do
	boot suite load
	boot dnsmasq load
	i=$((i + 1))
done
for p in $hogs; do
	nb_stop "$p"
done


dhcp=$(cat "$NB_TMP/suite.dhcp")
echo "## Boot: one qemu node, suite vs dnsmasq-base"
echo
echo "\`sh bench/bench_boot.sh\` (BENCH_BOOTS=$reps boots per server, alternating;"
echo "qemu TCG, SeaBIOS + iPXE, virtio-net, Debian kernel $LAB_KREL, mkrootfs image;"
echo "the suite's DHCP: $dhcp). Seconds, medians; ratio = suite / dnsmasq."
echo
bl_phases suite dnsmasq

echo
echo "### A reboot with netkexec beside a cold boot"
echo
echo "The same node through the suite with \`nbkexec\` in its APPEND line: once up,"
echo "its /init runs netkexec, which fetches the node's pxelinux.cfg entry, kernel"
echo "and initramfs from in.tftpd and kexecs; the node reports up again. Medians"
echo "of $reps, seconds (firmware under TCG: real servers' POST takes minutes)."
echo
echo "| path | seconds | ratio |"
echo "|---|---:|---:|"
c=$(nb_median 1 "$NB_TMP/kexec")
k=$(nb_median 2 "$NB_TMP/kexec")
echo "| power-on → up (firmware, iPXE, pxelinux, kernel, /init) | $c | 1.00 |"
echo "| up → up again (netkexec: fetch, kexec, kernel, /init) | $k |" \
    "$(echo "$k $c" | awk '$1 != "-" && $2 > 0 { printf "%.2f", $1 / $2; exit }
    { print "-" }') |"

if [ "$load" -gt 0 ]; then
	echo
	echo "### The same boots beside $load busy loops"
	echo
	echo "BENCH_LOAD=$load shell loops (\`while :; do :; done\`, nice 0) run on"
	echo "the $(nproc) cores while the node boots $reps times through each"
	echo "server, alternating. Seconds, medians."
	echo
	bl_phases suite dnsmasq -load
fi
