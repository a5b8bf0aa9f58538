#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_mcast.sh: a boot storm's big file by multicast (RFC 2090).
# BENCH_MCAST_N (16 64) clients, each atftp 0.8 in a network namespace of
# its own on one bridge (atftp binds the group's port, so one per
# namespace), fetch the same BENCH_MCAST_MIB (32) MiB initrd at once, at
# blksize 1432, from a server in another namespace:
#   - in.tftpd (standalone, forking, defaults) lock-step, by unicast;
#   - the same with windowsize 16;
#   - in.tftpd --mcast-range, by multicast;
#   - atftpd (Debian's, unpacked: it conflicts with tftpd-hpa) by its
#     multicast, defaults.
# Per mode and N: the makespan (all started, to the last done), clients
# that failed, the bytes the server sent (its bridge's transmit counter:
# a multicast frame counts once) against the file's size, and the server's
# CPU seconds (a cgroup of its own).  Then one client alone by each mode:
# where multicast loses.  BENCH_MCAST_RUNS (1) runs each, medians.
# Alone: make bench BENCH_PART=mcast.  Needs root.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
sizes=${BENCH_MCAST_N:-16 64}
mib=${BENCH_MCAST_MIB:-32}
runs=${BENCH_MCAST_RUNS:-1}
T=$top/build/bin/in.tftpd
A=$top/build/bench/atftpd/usr/sbin/atftpd
CG=/sys/fs/cgroup/cpuacct

die() { echo "bench_mcast: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (network namespaces, cgroups)"
[ -x "$T" ] || die "build first"
command -v atftp > /dev/null || die "atftp missing (make deps)"
if [ ! -x "$A" ]; then
	mkdir -p "$top/build/bench" && (cd "$top/build/bench" &&
	    apt-get download atftpd > /dev/null 2>&1 &&
	    dpkg-deb -x atftpd_*.deb atftpd) || die "cannot unpack atftpd"
fi

nb_init
grp=nb$$-mcast
mkdir "$CG/$grp" || die "cgroup $CG/$grp"
trap '_rc=$?; for _t in $(cat "$CG/$grp/tasks" 2>/dev/null); do
    kill -KILL "$_t" 2>/dev/null; done; sleep 0.2; rmdir "$CG/$grp";
    (exit $_rc); nb_cleanup' EXIT
root=$NB_TMP/root
mkdir -m 0755 "$root"
head -c $((mib * 1048576)) /dev/urandom > "$root/initrd.img"
chmod 0644 "$root/initrd.img"
nblocks=$((mib * 1048576 / 1432 + 1))

nb_ns srv
srv=$NB_NS
nb_bridge "$srv" br0
ip -n "$srv" addr add 192.0.2.1/24 dev br0
max=0
for n in $sizes; do
	[ "$n" -gt "$max" ] && max=$n
done
[ "$max" -le 200 ] || die "at most 200 clients"
nb_hosts "$srv" br0 "$max"
ns() { echo "$NB_PREFIX-c$1"; }

# serve MODE: the server for MODE in the cgroup; its pid in $spid
serve() {
	case $1 in
	atftpd-mcast)
		set -- "$A" --daemon --no-fork --bind-address 192.0.2.1 \
		    --port 69 --user nobody --group nogroup --logfile /dev/null \
		    --mcast-addr 239.255.2.1-8 --mcast-port 1758 "$root" ;;
	suite-mcast)
		set -- "$T" -L -a 192.0.2.1:69 -s "$root" \
		    --mcast-range 239.255.1.1-239.255.1.8:1758 ;;
	*)	set -- "$T" -L -a 192.0.2.1:69 -s "$root" ;;
	esac
	# into the cgroup before ip netns exec hides /sys/fs/cgroup
	nb_bg sh -c "echo \$\$ > $CG/$grp/tasks &&
	    exec ip netns exec $srv \"\$@\"" sh "$@" 2>> "$NB_TMP/server.log"
	spid=$NB_PID
	nb_wait 10 sh -c "ip netns exec $srv ss -uln | grep -q ':69 '" ||
	    die "$1: nothing on port 69"
}

# opts MODE: atftp's options for MODE
opts() {
	case $1 in
	suite-window16) echo "windowsize 16" ;;
	*-mcast) echo multicast ;;
	*) echo ;;
	esac
}

# run MODE N: N clients at once; appends "N makespan failed MiB cpu" to
# $NB_TMP/MODE
run() {
	serve "$1"
	_o=$(opts "$1")
	_b0=$(ip netns exec "$srv" cat /sys/class/net/br0/statistics/tx_bytes)
	_c0=$(cat "$CG/$grp/cpuacct.usage")
	_t0=$(date +%s.%N)
	_pids=
	_i=1
	while [ "$_i" -le "$2" ]; do
		_out=/dev/null
		[ "$_i" = 1 ] && _out=$NB_TMP/out
		if [ -n "$_o" ]; then
			ip netns exec "$(ns "$_i")" atftp --option "blksize 1432" \
			    --option "$_o" -g -r initrd.img -l "$_out" \
			    192.0.2.1 > /dev/null 2>&1 &
		else
			ip netns exec "$(ns "$_i")" atftp --option "blksize 1432" \
			    -g -r initrd.img -l "$_out" 192.0.2.1 \
			    > /dev/null 2>&1 &
		fi
		_pids="$_pids $!"
		_i=$((_i + 1))
	done
	_fail=0
	for _p in $_pids; do
		wait "$_p" || _fail=$((_fail + 1))
	done
	_t1=$(date +%s.%N)
	_c1=$(cat "$CG/$grp/cpuacct.usage")
	_b1=$(ip netns exec "$srv" cat /sys/class/net/br0/statistics/tx_bytes)
	cmp -s "$NB_TMP/out" "$root/initrd.img" || _fail=$((_fail + 1))
	rm -f "$NB_TMP/out"
	nb_stop "$spid"
	echo "$2 $_t0 $_t1 $_fail $_b0 $_b1 $_c0 $_c1" | awk '{
		printf "%d %.2f %d %.1f %.2f\n", $1, $3 - $2, $4,
		    ($6 - $5) / 1048576, ($8 - $7) / 1e9 }' >> "$NB_TMP/$1"
	echo "bench_mcast: $1, $2 clients: $(tail -n 1 "$NB_TMP/$1")" >&2
}

modes="suite-unicast suite-window16 suite-mcast atftpd-mcast"
r=0
while [ "$r" -lt "$runs" ]; do
	for n in 1 $sizes; do
		for m in $modes; do
			run "$m" "$n"
		done
	done
	r=$((r + 1))
done

# med MODE N COL: the median of column COL over the runs of MODE at N
med() {
	awk -v n="$2" -v c="$3" '$1 == n { print $c }' "$NB_TMP/$1" | sort -n |
	    awk '{ v[NR] = $1 } END { if (NR == 0) print "-";
		else if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

label() {
	case $1 in
	suite-unicast) echo "in.tftpd, unicast lock-step" ;;
	suite-window16) echo "in.tftpd, unicast windowsize 16" ;;
	suite-mcast) echo "in.tftpd --mcast-range (RFC 2090)" ;;
	atftpd-mcast) echo "atftpd, multicast (RFC 2090)" ;;
	esac
}

echo "## Boot storm by multicast: one $mib MiB initrd to N clients at once"
echo
echo "\`sh bench/bench_mcast.sh\` (alone: \`make bench BENCH_PART=mcast\`)," \
    "$(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, BENCH_MCAST_RUNS=$runs"
echo "(medians). Clients: atftp 0.8, one per network namespace on one bridge,"
echo "blksize 1432 ($nblocks blocks), all started at once; servers"
echo "standalone with their defaults (in.tftpd forking, retransmission 1 s)."
echo "Sent: the server's bridge transmit counter (a multicast frame counts"
echo "once), against the file's $mib MiB. CPU: the server's cgroup."
echo
echo "| mode | N | makespan s | failed | sent MiB | sent / file | server CPU s | makespan / lock-step's |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for n in 1 $sizes; do
	base=$(med suite-unicast "$n" 2)
	for m in $modes; do
		mk=$(med "$m" "$n" 2)
		sent=$(med "$m" "$n" 4)
		echo "| $(label "$m") | $n | $mk | $(med "$m" "$n" 3) | $sent |" \
		    "$(echo "$sent $mib" | awk '{ printf "%.2f", $1 / $2 }') |" \
		    "$(med "$m" "$n" 5) |" \
		    "$(echo "$mk $base" | awk '$2 > 0 { printf "%.2f", $1 / $2 }') |"
	done
done
