#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_http.sh: a 256 MiB initrd over TFTP lock-step, TFTP windowsize and
# HTTP, at 0, 1 and 5 ms of round trip (issue 21).  A server namespace
# (in.tftpd standalone, nginx with the shipped site) and a client
# namespace are joined through a third that holds tests/tools/delaybr, a
# bridge that holds each frame half the round trip (this kernel has no
# sch_netem); the round trip is measured with ping, not assumed.  Clients:
# atftp 0.8 at blksize 1432 (what iPXE and pxelinux ask), lock-step and
# windowsize 16 (RFC 7440), and curl.  Lock-step at 5 ms moves about 0.3
# MB/s, so the TFTP runs fetch a prefix of the file (BENCH_HTTP_TFTP_MIB,
# 16 MiB) and the table gives the rate and what 256 MiB takes at it; HTTP
# fetches all 256 MiB.  BENCH_HTTP_RUNS (3) runs each, medians.  Alone:
# make bench BENCH_PART=http.  Needs root.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/tests/lib/nginx.sh"
. "$top/bench/http_lib.sh"
runs=${BENCH_HTTP_RUNS:-3}
tmib=${BENCH_HTTP_TFTP_MIB:-16}
rtts=${BENCH_HTTP_RTT_MS:-0 1 5}
hl_check bench_http

nb_init
root=$NB_TMP/root
mkdir -m 0755 "$root"
head -c 268435456 /dev/urandom > "$root/initrd.img"
head -c $((tmib * 1048576)) "$root/initrd.img" > "$root/part.img"
chmod 0644 "$root/initrd.img" "$root/part.img"

hl_net "$root"

# seconds of one command, to the millisecond
timed() {
	_t0=$(date +%s%N)
	"$@" > /dev/null 2>&1 || return 1
	echo "$(( ($(date +%s%N) - _t0) / 1000000 ))" |
	    awk '{ printf "%.3f\n", $1 / 1000 }'
}

run() {
	_i=0
	while [ "$_i" -lt "$runs" ]; do
		timed ip netns exec "$cli" "$@" || echo -
		_i=$((_i + 1))
	done | nb_median 1
}

echo "## A 256 MiB initrd: TFTP lock-step, TFTP windowsize, HTTP (nginx)"
echo
echo "One client, one server, joined by \`delaybr\` holding each frame half"
echo "the round trip (the RTT column is ping's median, measured). TFTP:"
echo "atftp 0.8, blksize 1432, on a $tmib MiB prefix, rate and 256 MiB at"
echo "that rate; HTTP: curl, the whole 256 MiB from nginx with the shipped"
echo "site (sendfile). Medians of $runs runs. Goal (issue 21): HTTP at least"
echo "5x faster than lock-step at 1 ms."
echo
echo "| target RTT | RTT (ms) | lock-step MB/s | 256 MiB lock-step (s) | windowsize 16 MB/s | 256 MiB windowsize (s) | HTTP 256 MiB (s) | HTTP MB/s | HTTP vs lock-step |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cd "$NB_TMP" || nb_fail "cd"
for ms in $rtts; do
	hl_delay "$ms"
	lock=$(run atftp --option "blksize 1432" -g -r part.img -l /dev/null \
	    192.0.2.1)
	win=$(run atftp --option "blksize 1432" --option "windowsize 16" -g \
	    -r part.img -l /dev/null 192.0.2.1)
	http=$(run curl -sf -o /dev/null http://192.0.2.1/initrd.img)
	echo "$ms $hl_rtt $lock $win $http $tmib" | awk '
	function rate(mib, s) { return s > 0 ? mib * 1.048576 / s : 0 }
	{
		lr = rate($6, $3); wr = rate($6, $4); hr = rate(256, $5)
		printf "| %s ms | %.2f | %.2f | %.0f | %.2f | %.1f | %.2f | %.0f | %.0fx |\n",
		    $1, $2, lr, 268.435456 / lr, wr, 268.435456 / wr, $5, hr,
		    (268.435456 / lr) / $5
	}'
done
echo
echo "Lock-step TFTP moves one 1432-byte block per round trip, so its time"
echo "grows with the RTT; a window of 16 divides that by about 16; HTTP's"
echo "TCP window covers the round trip, so its time hardly moves. Only the"
echo "first stage (ipxe.efi, 0.8 MiB) needs TFTP."
