#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_storm.sh: boot storms.  Fleets of simulated PXE clients
# (build/tests/pxefleet: iPXE's DHCP and TFTP, then pxelinux's reads)
# power on at once against each server in turn, in the same run, in
# network namespaces of its own (RFC 2544's 198.18.0.0/20; fl_wide in
# tests/lib/fleet.sh):
#   - nodeboot as shipped (xinetd -> in.tftpd forking a child per
#     transfer, dhcpd-pxe), and with in.tftpd --threads;
#   - dnsmasq-base (DHCP and TFTP) as it ships, and with --no-ping;
#   - ISC dhcpd with tftpd-hpa under xinetd, and with atftpd (unpacked:
#     it conflicts with tftpd-hpa).
# Full storms of BENCH_STORM_SIZES (16 64 256) clients: pxelinux.0,
# ldlinux.c32, the pxelinux.cfg lookups, an 8 MiB kernel and a 32 MiB
# initrd (BENCH_STORM_KIB="8192 32768").  Small storms of
# BENCH_STORM_SMALL (1024) clients: DHCP, pxelinux.0, ldlinux.c32 and the
# cfg only (pxefleet -c), with one more client powered on
# BENCH_STORM_PROBE_AT (3) seconds into the storm: is it answered?
# Per server and N: clients booted and given up, makespan, p50 / p99 per
# phase, the clients' retransmissions, the server's CPU seconds, peak
# memory and peak task count (cgroups of its own: processes and threads,
# DHCP and TFTP together) and the UDP receive-buffer drops in its
# namespace.  Pictures under bench/storm/: per-node timelines of the
# largest full storm of each server, makespan against N.
# Then the full storms of BENCH_STORM_WAKE_N (64 256) nodes against the
# suite paced by wakeup --parallel K for BENCH_STORM_WAKE_K (4 16 64; K
# below N) and auto: a client powers on when its magic packet arrives.
# BENCH_STORM_SERVERS narrows the servers; BENCH_STORM_BASE=REV adds
# in.tftpd built from git revision REV ("suite-base": before a change).
# Alone: make bench BENCH_PART=storm.  Needs root.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
FL_TOP=$top
. "$top/tests/lib/fleet.sh"
. "$top/bench/storm_lib.sh"
. "$top/bench/storm_svg.sh"
sizes=${BENCH_STORM_SIZES-16 64 256}
small=${BENCH_STORM_SMALL-1024}
probe_at=${BENCH_STORM_PROBE_AT:-3}
wake_n=${BENCH_STORM_WAKE_N-64 256}
wake_k=${BENCH_STORM_WAKE_K:-4 16 64}
set -- ${BENCH_STORM_KIB:-8192 32768}
kkib=$1 ikib=$2
servers=${BENCH_STORM_SERVERS:-suite suite-threads dnsmasq dnsmasq-np isc atftpd}
base=${BENCH_STORM_BASE:-}
pics=${BENCH_STORM_PICS:-$top/bench/storm}

die() { echo "bench_storm: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (network namespaces, cgroups)"
[ -x "$FL_TOOL" ] && [ -x "$FL_BIN/in.tftpd" ] || die "build first"
for c in xinetd dnsmasq dhcpd /usr/sbin/in.tftpd; do
	command -v "$c" > /dev/null || die "$c missing (make deps)"
done
ST_ATFTPD=$top/build/bench/atftpd/usr/sbin/atftpd
case " $servers " in *" atftpd "*)
	if [ ! -x "$ST_ATFTPD" ]; then
		# atftpd conflicts with tftpd-hpa: unpacked, not installed.
		mkdir -p "$top/build/bench" && (cd "$top/build/bench" &&
		    apt-get download atftpd > /dev/null 2>&1 &&
		    dpkg-deb -x atftpd_*.deb atftpd) ||
		    die "cannot unpack atftpd"
	fi ;;
esac

nb_init
trap '_rc=$?; for g in $ST_CGS; do st_cgdrop "$g"; done; (exit $_rc);
    nb_cleanup' EXIT
if [ -n "$base" ]; then
	# in.tftpd as it was at $base, built apart
	mkdir "$NB_TMP/base" && git -C "$top" archive "$base" |
	    tar -x -C "$NB_TMP/base" &&
	    make -C "$NB_TMP/base" -j2 build/bin/in.tftpd > /dev/null 2>&1 ||
	    die "cannot build in.tftpd at $base"
	ST_BASE=$NB_TMP/base/build/bin/in.tftpd
	servers="suite-base $servers"
fi

label() {
	case $1 in
	suite) echo "nodeboot (xinetd, in.tftpd forking)" ;;
	suite-threads) echo "nodeboot, in.tftpd --threads" ;;
	suite-base) echo "nodeboot, in.tftpd at $base" ;;
	dnsmasq) echo "dnsmasq" ;;
	dnsmasq-np) echo "dnsmasq --no-ping" ;;
	isc) echo "ISC dhcpd + tftpd-hpa (xinetd)" ;;
	atftpd) echo "ISC dhcpd + atftpd" ;;
	esac
}

fl_wide
fl_net
fl_root "$NB_TMP/root" "$kkib" "$ikib"
find "$NB_TMP/root" -type f -exec cat {} + > /dev/null	# not charged later
st_wrapper
mkdir -p "$pics"

echo "## Boot storms: N PXE clients powered on at once"
echo
cmd="sh bench/bench_storm.sh"
for v in BENCH_STORM_SIZES BENCH_STORM_SMALL BENCH_STORM_KIB \
    BENCH_STORM_SERVERS BENCH_STORM_BASE BENCH_STORM_WAKE_N \
    BENCH_STORM_WAKE_K; do
	eval "val=\${$v-}"
	[ -n "$val" ] && cmd="$v=\"$val\" $cmd"
done
echo "Command: \`$cmd\` (alone: \`make bench BENCH_PART=storm\`)," \
    "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load average" \
    "$(cut -d' ' -f1-3 /proc/loadavg) at the start."
echo "Clients: \`pxefleet\` (iPXE's DISCOVER and PXE retransmission schedule,"
echo "iPXE's TFTP for pxelinux.0, then pxelinux's reads: ldlinux.c32, the"
echo "pxelinux.cfg lookups from UUID down to \`default\`, lock-step),"
echo "in a namespace of their own behind one veth pair. Server cost from"
echo "cgroups of its own (DHCP and TFTP server together; tasks: processes"
echo "and threads); rcvbuf drops: the server namespace's UDP RcvbufErrors."
echo "Phases: p50 / p99 over clients, seconds. A server that fails clients"
echo "is a result: the last column says why they gave up."
echo

ST_PHASES="dhcp nbp ldlinux cfg kernel initrd"
head='| server | N | booted | gave up | makespan s | retrans | dhcp | nbp | ldlinux | cfg | kernel | initrd | CPU s | peak MiB | peak tasks | rcvbuf drops | why clients gave up |'
sep='|---|---:|---:|---:|---:|---:|---|---|---|---|---|---|---:|---:|---:|---:|---|'
: > "$NB_TMP/makespan"
if [ -n "$sizes" ]; then
	echo "### Full storms: pxelinux.0, cfg, $kkib KiB kernel," \
	    "$ikib KiB initrd"
	echo
	echo "$head"
	echo "$sep"
fi
for n in $sizes; do
	for s in $servers; do
		echo "bench_storm: $s, $n clients" >&2
		st_serve "$s" "$NB_TMP/root"
		st_storm "$s-$n" -n "$n" -T 1200 -L 900
		st_stop
		st_row "$s-$n" "$(label "$s")" "$n"
		awk -v s="$(label "$s")" -v n="$n" '/^pxefleet: clients/ {
		    printf "%s\t%s\t%s\t%s\n", s, n, $9, $7 }' \
		    "$NB_TMP/$s-$n.sum" >> "$NB_TMP/makespan"
	done
done
if [ -n "$sizes" ]; then
	last=${sizes##* }
	echo
	for s in $servers; do
		svg_gantt "$NB_TMP/$s-$last.csv" "$(label "$s"): $last clients" \
		    > "$pics/gantt-$s.svg"
	done
	svg_makespan "$NB_TMP/makespan" "Boot storm makespan (full boot)" \
	    > "$pics/makespan.svg"
	echo "Pictures: [makespan against N](bench/storm/makespan.svg);" \
	    "per-node timelines at N = $last:"
	for s in $servers; do
		printf '[%s](bench/storm/gantt-%s.svg)' "$(label "$s")" "$s"
		[ "$s" = "${servers##* }" ] && echo . || echo ","
	done
	echo
fi

if [ -n "$small" ]; then
	echo "### Small storms: $small clients, DHCP, pxelinux.0, ldlinux.c32" \
	    "and cfg only"
	echo
	echo "\`pxefleet -c\`: a client is done once pxelinux has its entry."
	echo "One more client (its own MAC) powers on $probe_at s into each" \
	    "storm; the goal is an answer within 1 s."
	echo
	echo "$head" | sed 's/ kernel | initrd |//'
	echo "$sep" | sed 's/---|---|---|---|---|---|/---|---|---|---|/'
	ST_PHASES="dhcp nbp ldlinux cfg"
	: > "$NB_TMP/probes"
	for s in $servers; do
		echo "bench_storm: $s, $small clients, small phases" >&2
		st_serve "$s" "$NB_TMP/root"
		ST_PROBE_AT=$probe_at st_storm "$s-s$small" -n "$small" -c \
		    -T 600 -L 400
		st_stop
		st_row "$s-s$small" "$(label "$s")" "$small"
		echo "| $(label "$s") | $(st_probe "$s-s$small") |" \
		    >> "$NB_TMP/probes"
	done
	echo
	echo "The client powered on $probe_at s into the storm of $small:"
	echo
	echo "| server | its DHCP, its pxelinux.0, its outcome |"
	echo "|---|---|"
	cat "$NB_TMP/probes"
	echo
fi

# wake RUN N K: the suite, N nodes powered by wakeup -P K; the fleet's
# makespan (first power-on to last boot) and wakeup's summary.
wake() {
	echo "bench_storm: wakeup -P $3, $2 clients" >&2
	st_serve suite "$NB_TMP/root"
	nb_spawn "$FL_C" "$FL_TOOL" -i c0 -n "$2" -w -e "$FL_ETHERS" \
	    -T 1500 -L 900 -o "$NB_TMP/$1.csv" 2> "$NB_TMP/$1.sum"
	_fleet=$NB_PID
	nb_wait 10 grep -q 'waiting for magic' "$NB_TMP/$1.sum" ||
	    nb_fail "the fleet did not start"
	_c0=$(cat "$ST_CG/cpuacct/$ST_GROUP/cpuacct.usage")
	ip netns exec "$FL_S" "$FL_BIN/wakeup" -P "$3" -i s0 -e "$FL_ETHERS" \
	    --hosts "$FL_HOSTS" --tftpboot "$NB_TMP/root" -l "$FL_XFER" \
	    -t 600 -r 1 > "$NB_TMP/$1.wake" 2> "$NB_TMP/$1.wakeerr"
	wait "$_fleet"
	_c1=$(cat "$ST_CG/cpuacct/$ST_GROUP/cpuacct.usage")
	echo "cpu_ms $(((_c1 - _c0) / 1000000))" \
	    "peak_tasks $(cat "$ST_CG/pids/$ST_GROUP/pids.peak")" > "$NB_TMP/$1.m"
	st_stop
	sed -n 's/^pxefleet: clients //p' "$NB_TMP/$1.sum" | awk \
	    -v k="$3" -v cpu="$(st_m "$1" cpu_ms)" \
	    -v tasks="$(st_m "$1" peak_tasks)" \
	    -v w="$(sed -n 's/.*at most \([0-9]*\) at once at the end.*/\1/p' \
	    "$NB_TMP/$1.wake")" '{
		printf "| %s | -P %s | %s | %s | %s | %.1f | %s | %s |\n", $1, k,
		    $3, $7, $10, cpu / 1000, tasks, w == "" ? "-" : w
	}'
}

if [ -n "$wake_n" ]; then
	echo "### Paced by wakeup: the suite, full storms"
	echo
	echo "Each client powers on when its magic packet arrives (\`pxefleet -w\`);"
	echo "\`wakeup -P K\` keeps at most K booting until its initrd is in the"
	echo "transfer log; \`-P auto\` finds K (AIMD, wakeup(8)). Makespan: first"
	echo "power-on to last boot. \"all at once\" is the suite's row above."
	echo
	echo "| N | pacing | booted | makespan s | retrans | CPU s | peak tasks |" \
	    "auto's window at the end |"
	echo "|---:|---|---:|---:|---:|---:|---:|---:|"
	for n in $wake_n; do
		fl_nodes "$n"
		awk -F '\t' -v n="$n" '$1 ~ /^nodeboot \(/ && $2 == n {
		    printf "| %s | all at once | %s | %s | - | - | - | - |\n",
		    n, n - $4, $3 }' "$NB_TMP/makespan"
		for k in $wake_k auto; do
			[ "$k" = auto ] || [ "$k" -lt "$n" ] || continue
			wake "wake-$n-$k" "$n" "$k"
		done
	done
	FL_ETHERS=
	echo
fi
