#!/bin/sh
# SPDX-License-Identifier: ISC
#
# wakeup --sequential and --parallel against simulated nodes: five network
# namespaces on a bridge with the boot server's.  Each node waits for its
# own magic packet (tests/tools/wolcap), then does what a PXE node does over
# TFTP with a real client (tftp-hpa or curl) against the real in.tftpd:
# pxelinux.0, a missing UUID config, its pxelinux.cfg file, the kernel and
# its initrd(s).  node4 never boots: it only counts its magic packets.
# in.tftpd's transfer log then shows that --sequential never had two nodes
# downloading at once, --parallel 2 never more than two (and did use two),
# node4 was retried and reported without stopping the rest, and stale log
# lines from before the run were not taken for boots.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

W=$NB_BUILD/bin/wakeup
T=$NB_BUILD/bin/in.tftpd
CAP=$NB_BUILD/tests/wolcap
for t in "$W" "$T" "$CAP"; do
	[ -x "$t" ] || nb_fail "$t not built"
done

# --- the boot server's files: each node finds a different pxelinux.cfg file.
ROOT=$NB_TMP/tftpboot
mkdir -p "$ROOT/pxelinux.cfg"
head -c 30000 /dev/urandom > "$ROOT/pxelinux.0"
head -c 400000 /dev/urandom > "$ROOT/vmlinuz"
for f in rootfs.gz initrd-n1.gz extra.gz default.gz; do
	head -c 600000 /dev/urandom > "$ROOT/$f"
done
# node1 by MAC; initrd named with a leading slash.
printf 'DEFAULT linux\nLABEL linux\n  KERNEL vmlinuz\n  APPEND initrd=/initrd-n1.gz root=/dev/ram rw\n' \
    > "$ROOT/pxelinux.cfg/01-02-00-00-00-00-11"
# node2 by its full hex address; two initrds, the last one counts.
printf 'DEFAULT n2\nLABEL n2\n  KERNEL vmlinuz\n  INITRD extra.gz,rootfs.gz\n' \
    > "$ROOT/pxelinux.cfg/C000020C"
# nodes 3, 4, 5 by the group prefix C000020 (192.0.2.0-15).
printf 'DEFAULT linux\nLABEL linux\n  KERNEL vmlinuz\n  APPEND initrd=rootfs.gz root=/dev/ram rw\n' \
    > "$ROOT/pxelinux.cfg/C000020"
printf 'DEFAULT linux\nLABEL linux\n  KERNEL vmlinuz\n  APPEND initrd=default.gz\n' \
    > "$ROOT/pxelinux.cfg/default"

ETHERS=$NB_TMP/ethers
HOSTS=$NB_TMP/hosts
: > "$ETHERS"
printf '127.0.0.1 localhost\n192.0.2.1 boot\n' > "$HOSTS"
for i in 1 2 3 4 5; do
	echo "02:00:00:00:00:1$i node$i" >> "$ETHERS"
	echo "192.0.2.1$i node$i" >> "$HOSTS"
done

# What each node fetches, in order ('?' marks a probe that must fail).
files() {
	case $1 in
	1) echo "pxelinux.0 ?pxelinux.cfg/uuid pxelinux.cfg/01-02-00-00-00-00-11 vmlinuz initrd-n1.gz" ;;
	2) echo "pxelinux.0 ?pxelinux.cfg/uuid pxelinux.cfg/C000020C vmlinuz extra.gz rootfs.gz" ;;
	*) echo "pxelinux.0 ?pxelinux.cfg/uuid pxelinux.cfg/C000020 vmlinuz rootfs.gz" ;;
	esac
}

# --- the network: server and nodes on a bridge, no IPv6 chatter.
nb_ns srv
SRV=$NB_NS
ip netns exec "$SRV" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec "$SRV" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
nb_bridge "$SRV" br0
ip -n "$SRV" addr add 192.0.2.1/24 dev br0
NODES=
for i in 1 2 3 4 5; do
	nb_ns "n$i"
	NODES="$NODES $NB_NS"
	ip netns exec "$NB_NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec "$NB_NS" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	nb_veth "$NB_NS" eth0 "$SRV" "v$i"
	ip -n "$SRV" link set "v$i" master br0
	ip -n "$NB_NS" link set eth0 address "02:00:00:00:00:1$i"
	ip -n "$NB_NS" addr add "192.0.2.1$i/24" dev eth0
done
set -- $NODES
NS1=$1 NS2=$2 NS3=$3 NS4=$4 NS5=$5
nb_wait 10 ip netns exec "$NS5" ping -c 1 -W 1 192.0.2.1 >/dev/null ||
    nb_fail "no path from node5 to the server"

# The simulated node: waits for its magic packet, POSTs, fetches its files.
NODE=$NB_TMP/node.sh
cat > "$NODE" <<'EON'
i=$1 cap=$2 dir=$3
shift 3
"$cap" -m "02:00:00:00:00:1$i" -n 1 eth0 90 > /dev/null 2> "$dir.cap" ||
    exit 1
sleep 0.4
mkdir -p "$dir" && cd "$dir" || exit 1
for f; do
	probe=false
	case $f in \?*) probe=true; f=${f#\?} ;; esac
	if [ $((i % 2)) = 1 ]; then
		tftp -m binary 192.0.2.1 -c get "$f" got > err 2>&1
	else
		curl -sS --tftp-blksize 1428 -o got "tftp://192.0.2.1/$f" \
		    > err 2>&1
	fi
	rc=$?
	$probe || [ "$rc" = 0 ] || { echo "node$i: $f failed"; exit 1; }
	sleep 0.15
done
echo "node$i booted"
EON

# start_nodes RUN: nodes 1-3 and 5 boot on their packet, node4 counts two.
start_nodes() {
	PIDS=
	mkdir -p "$NB_TMP/$1"
	for i in 1 2 3 5; do
		eval ns=\$NS$i
		nb_spawn "$ns" sh "$NODE" "$i" "$CAP" "$NB_TMP/$1/n$i" \
		    $(files "$i") > "$NB_TMP/$1.n$i" 2>&1
		PIDS="$PIDS $NB_PID"
	done
	nb_spawn "$NS4" "$CAP" -m 02:00:00:00:00:14 -n 2 eth0 90 \
	    > "$NB_TMP/$1.n4" 2> "$NB_TMP/$1.n4.err"
	N4PID=$NB_PID
	for i in 1 2 3 5; do
		nb_wait 5 grep -q ready "$NB_TMP/$1/n$i.cap" ||
		    nb_fail "node$i not ready"
	done
	nb_wait 5 grep -q ready "$NB_TMP/$1.n4.err" || nb_fail "node4 not ready"
}

# windows LOGPART: "ip start_ms end_ms" per node, from the log lines: the
# span from its first request's start (end - seconds) to its last end.
windows() {
	while read -r when ip op file bytes secs res; do
		end=$(date -u -d "$when" +%s%3N) || nb_fail "bad time $when"
		ms=$(echo "$secs" | awk '{ printf "%d", $1 * 1000 }')
		echo "$ip $((end - ms)) $end"
	done < "$1" | awk '
	    !($1 in s) || $2 < s[$1] { s[$1] = $2 }
	    !($1 in e) || $3 > e[$1] { e[$1] = $3 }
	    END { for (ip in s) print ip, s[ip], e[ip] }' | sort -k2n
}

# maxconc WINDOWS: most nodes downloading at one instant (an end at the
# same millisecond as a start counts as before it).
maxconc() {
	awk '{ print $2, 1; print $3, 0 }' "$1" | sort -k1n -k2n | awk '
	    $2 == 1 { n++; if (n > m) m = n } $2 == 0 { n-- }
	    END { print m + 0 }'
}

# check_run RUN MODE...: runs wakeup in the server namespace against the
# current log, then checks exit status, summary, node4 and the log.
check_run() {
	run=$1
	shift
	before=$(wc -l < "$LOG" 2>/dev/null || echo 0)
	start_nodes "$run"
	rc=0
	ip netns exec "$SRV" "$W" "$@" -e "$ETHERS" --hosts "$HOSTS" \
	    --tftpboot "$ROOT" -l "$LOG" --timeout 4 --retries 1 -a \
	    > "$NB_TMP/$run.out" 2> "$NB_TMP/$run.err" || rc=$?
	cat "$NB_TMP/$run.err"
	[ "$rc" = 69 ] || nb_fail "$run: exit $rc, want 69 (a node failed)"
	grep -Eq '^5 nodes in [0-9.]+ s: 4 booted, 1 retried, 1 failed \(node4\)$' \
	    "$NB_TMP/$run.out" || nb_fail "$run: summary $(cat "$NB_TMP/$run.out")"
	for p in $PIDS; do
		wait "$p" || nb_fail "$run: a node did not boot"
	done
	wait "$N4PID" || nb_fail "$run: node4 did not get 2 magic packets"
	[ "$(wc -l < "$NB_TMP/$run.n4")" = 2 ] ||
	    nb_fail "$run: node4 got $(wc -l < "$NB_TMP/$run.n4") packets"
	grep -q 'node4: not booted after 4.0 s: magic packet again (attempt 2 of 2)' \
	    "$NB_TMP/$run.err" || nb_fail "$run: no retry reported"
	grep -q 'node4: FAILED: not booted after 2 magic packets' \
	    "$NB_TMP/$run.err" || nb_fail "$run: no failure reported"
	grep -q '\[5/5\] node5: booted: rootfs.gz served' "$NB_TMP/$run.err" ||
	    nb_fail "$run: node5 (after node4) not booted"
	tail -n +"$((before + 1))" "$LOG" > "$NB_TMP/$run.log"
	grep -q ' 192.0.2.11 RRQ initrd-n1.gz [0-9]* [0-9.]* ok$' \
	    "$NB_TMP/$run.log" || nb_fail "$run: node1's initrd not in the log"
	grep -q ' 192.0.2.12 RRQ pxelinux.cfg/uuid 0 [0-9.]* fail:' \
	    "$NB_TMP/$run.log" || nb_fail "$run: no failed probe in the log"
	windows "$NB_TMP/$run.log" > "$NB_TMP/$run.win"
	[ "$(wc -l < "$NB_TMP/$run.win")" = 4 ] ||
	    nb_fail "$run: $(wc -l < "$NB_TMP/$run.win") nodes downloaded"
	sed 's/^/    window /' "$NB_TMP/$run.win"
	MAX=$(maxconc "$NB_TMP/$run.win")
	echo "    $run: at most $MAX nodes downloading at once"
}

LOG=$NB_TMP/xfer.log
# Stale lines: boots of node1 and node2 from before wakeup started.
printf '%s\n' \
    "2026-11-24T01:00:00.000Z 192.0.2.11 RRQ initrd-n1.gz 600000 0.100 ok" \
    "2026-11-24T01:00:01.000Z 192.0.2.12 RRQ rootfs.gz 600000 0.100 ok" \
    > "$LOG"
nb_spawn "$SRV" "$T" -L -a 192.0.2.1:69 -s "$ROOT" --xferlog "$LOG"
TPID=$NB_PID
listening() {
	ip netns exec "$SRV" ss -Huln 'sport = :69' | grep -q .
}
nb_wait 10 listening || nb_fail "in.tftpd not listening"

check_run seq --sequential -i br0
[ "$MAX" = 1 ] || nb_fail "--sequential: $MAX nodes downloading at once"
nb_ok "--sequential: one node downloading at a time; node4 retried, failed, node5 still booted"

# --parallel 2 with a log that does not exist yet when wakeup starts:
# in.tftpd is restarted on a new log only after wakeup is following it.
nb_stop "$TPID"
LOG=$NB_TMP/xfer2.log
start_nodes par
nb_spawn "$SRV" "$W" --parallel 2 --udp --to 192.0.2.255 -e "$ETHERS" \
    --hosts "$HOSTS" \
    --tftpboot "$ROOT" -l "$LOG" --timeout 4 --retries 1 -a \
    > "$NB_TMP/par.out" 2> "$NB_TMP/par.err"
WPID=$NB_PID
nb_wait 5 grep -q 'magic packet sent' "$NB_TMP/par.err" ||
    nb_fail "wakeup --parallel did not start"
[ -e "$LOG" ] && nb_fail "the log exists too early"
nb_spawn "$SRV" "$T" -L -a 192.0.2.1:69 -s "$ROOT" --xferlog "$LOG"
TPID=$NB_PID
rc=0
wait "$WPID" || rc=$?
cat "$NB_TMP/par.err"
[ "$rc" = 69 ] || nb_fail "par: exit $rc, want 69"
grep -Eq '^5 nodes in [0-9.]+ s: 4 booted, 1 retried, 1 failed \(node4\)$' \
    "$NB_TMP/par.out" || nb_fail "par: summary $(cat "$NB_TMP/par.out")"
for p in $PIDS; do
	wait "$p" || nb_fail "par: a node did not boot"
done
wait "$N4PID" || nb_fail "par: node4 did not get 2 magic packets"
windows "$LOG" > "$NB_TMP/par.win"
[ "$(wc -l < "$NB_TMP/par.win")" = 4 ] || nb_fail "par: not 4 nodes in the log"
sed 's/^/    window /' "$NB_TMP/par.win"
MAX=$(maxconc "$NB_TMP/par.win")
echo "    par: at most $MAX nodes downloading at once"
[ "$MAX" = 2 ] || nb_fail "--parallel 2: $MAX nodes downloading at once"
nb_ok "--parallel 2: two nodes downloading at once, never three; log created after start"

# --- the log truncated under wakeup's feet (an admin's ': > log'): the
# follower reads it again from the start and still sees node1's boot.
head -c 20000 /dev/zero | tr '\0' '#' > "$LOG"
echo >> "$LOG"
mkdir -p "$NB_TMP/trunc"
nb_spawn "$NS1" sh "$NODE" 1 "$CAP" "$NB_TMP/trunc/n1" $(files 1) \
    > "$NB_TMP/trunc.n1" 2>&1
NPID=$NB_PID
nb_wait 5 grep -q ready "$NB_TMP/trunc/n1.cap" || nb_fail "node1 not ready"
nb_spawn "$SRV" "$W" -s -i br0 -e "$ETHERS" --hosts "$HOSTS" \
    --tftpboot "$ROOT" -l "$LOG" --timeout 4 --retries 0 node1 \
    > "$NB_TMP/trunc.out" 2> "$NB_TMP/trunc.err"
WPID=$NB_PID
nb_wait 5 grep -q 'magic packet sent' "$NB_TMP/trunc.err" ||
    nb_fail "truncation run did not start"
: > "$LOG"
wait "$WPID" || nb_fail "truncated log: exit $?; $(cat "$NB_TMP/trunc.err")"
wait "$NPID" || nb_fail "truncated log: node1 did not boot"
grep -Eq '^1 node in [0-9.]+ s: 1 booted, 0 retried, 0 failed$' \
    "$NB_TMP/trunc.out" || nb_fail "truncated log: $(cat "$NB_TMP/trunc.out")"
nb_ok "a log truncated while wakeup follows it"
