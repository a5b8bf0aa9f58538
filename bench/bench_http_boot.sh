#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_http_boot.sh: one qemu node (TCG, SeaBIOS, virtio-net) booting an
# initrd padded to 256 MiB, over TFTP lock-step (pxelinux, the lab's
# default) and over HTTP (its iPXE ROM, etc/dhcpd-http.conf, nginx with
# the shipped site), alternately, in one lab (issue 21).  The padding is
# an uncompressed cpio of random data appended to mkrootfs's image (the
# kernel unpacks both); the node has 1536 MiB.  Per boot: the lab's
# timeline phases, and the initrd's download as the server logged it
# (in.tftpd's transfer log, nginx's $request_time).  Neither firmware
# client speaks RFC 7440, so windowsize is in bench_http.sh only.
# BENCH_BOOTS (2) boots of each; medians.  Alone: make bench
# BENCH_PART=http_boot.  Needs root.

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
reps=${BENCH_BOOTS:-2}
nb_init
LAB=$top/build/lab-bench
lab_init "$top"
export LAB_MEM=1536
lab_one_node nbpoweroff
tftp=$LAB_TFTPBOOT
mac=$(lab_mac 1)
mkdir -p "$NB_TMP/pad" || nb_fail mkdir
head -c 268435456 /dev/urandom > "$NB_TMP/pad/pad.bin" &&
    (cd "$NB_TMP/pad" && echo pad.bin | cpio -o -H newc --quiet) \
    >> "$tftp/rootfs.gz" || nb_fail "padding"
LAB_HTTP=1
lab_configs "$tftp" nbpoweroff
size=$(wc -c < "$tftp/rootfs.gz")


# boot tftp|http: one power-on of node1; its phases and the initrd's
# download time appended to $NB_TMP/MODE
boot() {
	LAB_HTTP=
	[ "$1" = http ] && LAB_HTTP=1
	lab_dhcpd_conf
	lab_serve_suite "$tftp"
	[ "$1" = http ] && lab_nginx "$tftp"
	_since=$(lab_now)
	_exits=$(grep -c " exit $mac " "$LAB_RUN/power.log")
	lab_power_on "$mac" node1
	nb_wait 600 lab_exited_more "$mac" "$_exits" ||
	    nb_fail "$1: node1 did not finish"
	lab_stop_servers
	if [ "$1" = http ]; then
		_dl=$(awk -v s="$size" '$3 == "GET" && $4 == 200 && $5 == s &&
		    $8 == "/rootfs.gz" { t = $6 } END { print t ? t : "-" }' \
		    "$LAB_RUN/http.log")
	else
		_dl=$(awk -v s="$size" '$4 == "rootfs.gz" && $5 == s &&
		    $7 == "ok" { t = $6 } END { print t ? t : "-" }' \
		    "$LAB_RUN/xfer.log")
	fi
	printf '%s\t%s\n' "$(TL_SINCE=$_since TL_FORMAT=tsv \
	    sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" \
	    "$LAB/etc/hosts")" "$_dl" >> "$NB_TMP/$1"
	echo "bench_http_boot: $1: $(tail -n 1 "$NB_TMP/$1")" >&2
}

i=0
while [ "$i" -lt "$reps" ]; do
	boot tftp
	boot http
	i=$((i + 1))
done


echo "## One qemu node, a 256 MiB initrd: TFTP lock-step vs HTTP"
echo
echo "\`sh bench/bench_http_boot.sh\` ($reps boots each, alternating; qemu TCG,"
echo "SeaBIOS, virtio-net, 1536 MiB, Debian kernel $LAB_KREL; initrd"
echo "$size bytes: mkrootfs's image and 256 MiB of random data). TFTP:"
echo "pxelinux lock-step from in.tftpd under xinetd; HTTP: the NIC's iPXE"
echo "ROM from nginx. No added delay (the lab's bridge). Seconds, medians."
echo
echo "| phase | TFTP lock-step | HTTP | TFTP / HTTP |"
echo "|---|---:|---:|---:|"
col=2
for ph in firmware offer dhcp "pxelinux (or iPXE)" kernel "initrd+up" total \
    "initrd download (server's log)"; do
	t=$(nb_median "$col" "$NB_TMP/tftp")
	h=$(nb_median "$col" "$NB_TMP/http")
	r=$(echo "$t $h" | awk '$1 != "-" && $2 != "-" && $2 > 0 {
	    printf "%.1f", $1 / $2; exit } { print "-" }')
	echo "| $ph | $t | $h | $r |"
	col=$((col + 1))
done
