#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_http_storm.sh: the boot storm's big files (an 8 MiB kernel, then a
# 32 MiB initrd, as bench_storm.sh's full storm) to N clients at once, by
# TFTP lock-step from in.tftpd and by HTTP from nginx with the shipped
# site (issue 21).  Clients are processes, not pxefleet (it has no HTTP
# client yet): atftp 0.8 at blksize 1432, as pxelinux asks, and curl; all
# in one client namespace, so in.tftpd runs with --max-per-source at its
# largest.  Per N and protocol: the makespan (all started, to the last
# done), the clients that failed or got a wrong file, and the median and
# slowest client.  BENCH_HTTP_STORM_N (64 256) clients, at each round trip
# of BENCH_HTTP_STORM_RTT_MS (0 1 5): between the two namespaces sits
# tests/tools/delaybr, holding each frame half of it (this kernel has no
# sch_netem).  Alone: make bench BENCH_PART=http_storm.  Needs root.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/tests/lib/nginx.sh"
. "$top/bench/http_lib.sh"
sizes=${BENCH_HTTP_STORM_N:-64 256}
rtts=${BENCH_HTTP_STORM_RTT_MS:-0 1 5}
hl_check bench_http_storm

nb_init
root=$NB_TMP/root
mkdir -m 0755 "$root" "$NB_TMP/c"
head -c 8388608 /dev/urandom > "$root/vmlinuz"
head -c 33554432 /dev/urandom > "$root/initrd.img"
chmod 0644 "$root/vmlinuz" "$root/initrd.img"
ksum=$(cksum < "$root/vmlinuz")
isum=$(cksum < "$root/initrd.img")
hl_net "$root" --max-per-source 4096 --max-transfers 4096

# client PROTO I: kernel then initrd into $NB_TMP/c/I.*; prints the
# seconds it took and 0, or 1 if a file failed or differs
client() {
	_k=$NB_TMP/c/$2.k _r=$NB_TMP/c/$2.i
	_t0=$(date +%s%N)
	if [ "$1" = http ]; then
		ip netns exec "$cli" curl -sf -o "$_k" \
		    http://192.0.2.1/vmlinuz &&
		    ip netns exec "$cli" curl -sf -o "$_r" \
		    http://192.0.2.1/initrd.img
	else
		ip netns exec "$cli" atftp --option "blksize 1432" -g \
		    -r vmlinuz -l "$_k" 192.0.2.1 > /dev/null 2>&1 &&
		    ip netns exec "$cli" atftp --option "blksize 1432" -g \
		    -r initrd.img -l "$_r" 192.0.2.1 > /dev/null 2>&1
	fi
	_ok=$?
	_t1=$(date +%s%N)
	[ "$_ok" = 0 ] && [ "$(cksum < "$_k")" = "$ksum" ] &&
	    [ "$(cksum < "$_r")" = "$isum" ] || _ok=1
	rm -f "$_k" "$_r"
	echo "$(( (_t1 - _t0) / 1000000 )) $_ok"
}

# storm PROTO N: N clients at once; appends "N makespan failed p50 max"
# to $NB_TMP/PROTO-$ms
storm() {
	_t0=$(date +%s%N)
	_i=1 _pids=
	while [ "$_i" -le "$2" ]; do
		(client "$1" "$_i" > "$NB_TMP/c/$_i.res") &
		_pids="$_pids $!"
		_i=$((_i + 1))
	done
	for _p in $_pids; do
		wait "$_p"
	done
	_t1=$(date +%s%N)
	sort -n "$NB_TMP"/c/*.res |
	    awk -v n="$2" -v ms=$(( (_t1 - _t0) / 1000000 )) '
	    { t[NR] = $1; f += $2 }
	    END { printf "%d %.2f %d %.2f %.2f\n", n, ms / 1000, f + (n - NR),
		    t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }' >> "$NB_TMP/$1-$ms"
	rm -f "$NB_TMP"/c/*.res
	echo "bench_http_storm: $1, $ms ms: $(tail -n 1 "$NB_TMP/$1-$ms")" >&2
}

for ms in $rtts; do
	hl_delay "$ms"
	echo "$hl_rtt" > "$NB_TMP/rtt-$ms"
	for n in $sizes; do
		storm http "$n"
		storm tftp "$n"
	done
done

label() {
	case $1 in
	http) echo "nginx, HTTP (curl)" ;;
	tftp) echo "in.tftpd, TFTP lock-step (atftp, blksize 1432)" ;;
	esac
}

echo "## Boot storm over HTTP: kernel and initrd to N clients at once"
echo
echo "\`sh bench/bench_http_storm.sh\` (alone: \`make bench BENCH_PART=http_storm\`),"
echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores. Each client fetches an"
echo "8 MiB kernel, then a 32 MiB initrd (bench_storm.sh's files), all"
echo "started at once from one client namespace: curl from nginx with the"
echo "shipped site, or atftp at blksize 1432 from in.tftpd (standalone,"
echo "forking). Processes, not pxefleet: no DHCP or firmware timers here."
echo "Failed counts a missing or differing file. Between the namespaces,"
echo "\`delaybr\` holds each frame half the target round trip (RTT: ping's"
echo "median, measured, the bridge's own cost included). One run each."
echo
echo "| server | target RTT | RTT ms | N | makespan s | failed | client p50 s | slowest client s | makespan / TFTP's |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for ms in $rtts; do
	for n in $sizes; do
		base=$(awk -v n="$n" '$1 == n { print $2 }' "$NB_TMP/tftp-$ms")
		for p in http tftp; do
			awk -v n="$n" -v b="$base" -v l="$(label "$p")" \
			    -v ms="$ms" -v rtt="$(cat "$NB_TMP/rtt-$ms")" '$1 == n {
			    printf "| %s | %s ms | %s | %d | %.1f | %d | %.1f | %.1f | %.2f |\n",
				l, ms, rtt, n, $2, $3, $4, $5,
				(b > 0 ? $2 / b : 0) }' "$NB_TMP/$p-$ms"
		done
	done
done
