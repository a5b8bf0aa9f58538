#!/bin/sh
# SPDX-License-Identifier: ISC
#
# RFC 2090 multicast against atftp's client (atftp --option multicast),
# the independent peer: a server namespace with a bridge and four client
# namespaces on it.
#   1. Four clients fetch the same 32 MiB file at once: byte-exact, one
#      session (the server's log), every client "ok" in the transfer log,
#      and the server sent the file about once (its DATA count).
#   2. A client joins once the first has half the file: it gets the rest
#      from the group and the first half when it is master; one session.
#   3. The master is killed mid-file: the listener is made master and
#      finishes; the log says timeout for the dead one.
#   4. A client without the option gets plain unicast, as before; a
#      missing file asked by multicast gets ERROR 1 (the unicast path).
#   5. 10 % of packets lost each way (netem, or an iptables statistic
#      match where the kernel has none): four clients of an 8 MiB file,
#      byte-exact (lock-step under loss is slow; a smaller file keeps it
#      within a minute).  A hostile multicast option is for the fuzz
#      harness and the unit tests.
#   6. Under the real xinetd (wait = yes, the shipped etc/xinetd.d/tftp
#      with --mcast-range added): two clients, one session, byte-exact,
#      and the listener's idle exit (-t) comes only after the session.
# Every wait is bounded; everything is removed on exit.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
B=$(cd "${NB_BUILD:-$top/build}" && pwd) || nb_fail "no build folder"
T=$B/bin/in.tftpd
[ -x "$T" ] || nb_fail "build first: $T"
command -v atftp > /dev/null || nb_fail "atftp missing (make deps)"

root=$NB_TMP/root
mkdir -m 0755 "$root"
head -c 33554432 /dev/urandom > "$root/big"
head -c 8388608 /dev/urandom > "$root/mid"
chmod 0644 "$root"/*

nb_ns srv
srv=$NB_NS
nb_bridge "$srv" br0
ip -n "$srv" addr add 192.0.2.1/24 dev br0
nb_hosts "$srv" br0 4
log=$NB_TMP/tftpd.log
xfer=$NB_TMP/xfer.log
# -T 20 ms (a veth's round trip is far below), 10 retries doubling to
# 160 ms: a master silent for ~1.4 s loses its turn, well before atftp's
# listeners (5 s timeout, 5 retries) give up on silence; under loss each
# lost packet costs 20 ms, not the default 1 s.
nb_spawn "$srv" "$T" -L -v -a 192.0.2.1:69 -s "$root" -T 20000 \
    --mcast-range 239.255.1.1-239.255.1.4:1758-1759 \
    --xferlog "$xfer" 2> "$log"
tftpd=$NB_PID
nb_wait 5 ip netns exec "$NB_PREFIX-c1" atftp -g -r mid -l /dev/null 192.0.2.1 \
    > /dev/null 2>&1 || nb_fail "no unicast answer across the bridge"

# get N FILE OUT [atftp options]: client N fetches FILE by multicast into
# OUT in the background; its pid in $NB_PID, its stderr in OUT.err
get() {
	_c=$NB_PREFIX-c$1
	_f=$2
	_o=$3
	shift 3
	nb_bg ip netns exec "$_c" atftp --option multicast \
	    --option "blksize 1432" "$@" -g -r "$_f" -l "$_o" 192.0.2.1 \
	    2> "$_o.err"
}

# done_ok PID OUT FILE: the client exited 0 with FILE's bytes
done_ok() {
	wait "$1" || {
		tail -n 20 "$2.err"
		echo "in.tftpd's log:"
		grep -v ': [0-9]* bytes$' "$log" | tail -n 20
		nb_fail "atftp into $2 failed"
	}
	cmp -s "$2" "$root/$3" || nb_fail "$2 differs from $3"
}

# all4 FILE OUT [atftp options]: the four clients fetch FILE at once
# into OUT.1 .. OUT.4, all byte-exact
all4() {
	_f=$1
	_out=$2
	shift 2
	_pids=
	for _n in 1 2 3 4; do
		get "$_n" "$_f" "$_out.$_n" "$@"
		_pids="$_pids $NB_PID"
	done
	_n=1
	for _p in $_pids; do
		done_ok "$_p" "$_out.$_n" "$_f"
		_n=$((_n + 1))
	done
}

# sessions FILE: the sessions the server began for FILE
sessions() {
	grep -c "RRQ $1: multicast session [0-9]*, .*, new" "$log"
}

# bigger_than FILE BYTES
bigger_than() {
	[ -f "$1" ] && [ "$(stat -c %s "$1")" -gt "$2" ]
}

# 1. four at once
all4 big "$NB_TMP/s1"
[ "$(sessions big)" = 1 ] || nb_fail "4 clients at once: $(sessions big) sessions"
oks=$(grep -c ' RRQ big 33554432 [0-9.]* ok$' "$xfer")
[ "$oks" = 4 ] || nb_fail "4 clients at once: $oks ok lines in the transfer log"
sent=$(sed -n 's/.*multicast session 1 over: 4 clients, \([0-9]*\) blocks.*/\1/p' \
    "$log")
[ -n "$sent" ] || nb_fail "session 1 did not end with 4 clients"
# 23432 blocks in the file; re-sends for the ones that missed some
[ "$sent" -lt 35148 ] || nb_fail "sent $sent blocks for a 23432-block file"
nb_ok "4 clients, one 32 MiB file at once: byte-exact, 1 session, 4 ok," \
    "$sent blocks sent for 23432"

# 2. a late joiner: client 2 asks once client 1 has half the file
o=$NB_TMP/s2
get 1 big "$o.1"
p1=$NB_PID
nb_wait 60 bigger_than "$o.1" 16777216 || nb_fail "client 1 got no half"
get 2 big "$o.2"
p2=$NB_PID
done_ok "$p1" "$o.1" big
done_ok "$p2" "$o.2" big
[ "$(sessions big)" = 2 ] || nb_fail "late joiner: a session of its own"
nb_ok "a client joining after half the file went out: byte-exact, same session"

# 3. the master killed mid-file
o=$NB_TMP/s3
get 1 big "$o.1"
p1=$NB_PID
nb_wait 10 grep -q "RRQ big: multicast session 3, .*, new" "$log" ||
    nb_fail "no session 3"
get 2 big "$o.2"
p2=$NB_PID
nb_wait 60 bigger_than "$o.1" 8388608 || nb_fail "client 1 got no 8 MiB"
kill -KILL "$p1"
wait "$p1" 2> /dev/null
done_ok "$p2" "$o.2" big
# its second turn as master times out too (~7 s each): then it fails
nb_wait 30 grep -q ' 192\.0\.2\.11 RRQ big [0-9]* [0-9.]* fail:timeout$' \
    "$xfer" || nb_fail "the dead master is not logged as timed out"
[ "$(sessions big)" = 3 ] || nb_fail "master killed: $(sessions big) sessions"
nb_ok "master killed mid-file: the other client became master, byte-exact"

# 4. unicast as before: no option, or a file that is not there
o=$NB_TMP/s4
ip netns exec "$NB_PREFIX-c3" atftp --option "blksize 1432" -g -r mid -l "$o" \
    192.0.2.1 2> /dev/null || nb_fail "unicast beside multicast"
cmp -s "$o" "$root/mid" || nb_fail "unicast: $o differs"
[ "$(sessions mid)" = 0 ] || nb_fail "a request without multicast made a session"
ip netns exec "$NB_PREFIX-c3" atftp --option multicast -g -r nothere -l "$o" \
    192.0.2.1 > "$o.err" 2>&1 && nb_fail "a missing file was served"
grep -q 'File not found' "$o.err" || nb_fail "no ERROR 1 for a missing file"
nb_ok "without the option: unicast; a missing file: ERROR 1, no session"

# 5. 10 % loss each way, four clients of 8 MiB
lossy() {	# NS DEV: 10 % of what arrives on DEV is dropped
	if ip netns exec "$1" tc qdisc replace dev "$2" root netem \
	    loss 10% 2> /dev/null; then
		return 0
	fi
	ip netns exec "$1" iptables-legacy -A INPUT -i "$2" -m statistic \
	    --mode random --probability 0.1 -j DROP ||
	    nb_fail "neither tc netem nor iptables-legacy statistic works"
}
lossy "$srv" br0
for n in 1 2 3 4; do
	lossy "$NB_PREFIX-c$n" eth0
done
all4 mid "$NB_TMP/s5" --tftp-timeout 1
[ "$(sessions mid)" = 1 ] || nb_fail "under loss: $(sessions mid) sessions"
nb_ok "10 % loss each way: 4 clients of 8 MiB byte-exact, 1 session"

# 6. under xinetd: the listener keeps the session, then exits when idle
command -v xinetd > /dev/null || nb_fail "xinetd is not installed"
unlossy() {
	ip netns exec "$1" tc qdisc del dev "$2" root 2> /dev/null
	ip netns exec "$1" iptables-legacy -F INPUT 2> /dev/null
	return 0
}
unlossy "$srv" br0
for n in 1 2 3 4; do
	unlossy "$NB_PREFIX-c$n" eth0
done
nb_stop "$tftpd"
xlog=$NB_TMP/xfer-x.log
tabs="-s $root --xferlog $xlog -t 2 --mcast-range 239.255.3.1"
sed -e "s|^\([[:space:]]*server[[:space:]]*=\).*|\1 $T|" \
    -e "s|-s /tftpboot --xferlog /var/log/tftpd-xfer.log|$tabs|" \
    "$top/etc/xinetd.d/tftp" > "$NB_TMP/xinetd.conf"
grep -q -- "--mcast-range 239.255.3.1" "$NB_TMP/xinetd.conf" ||
    nb_fail "could not adapt etc/xinetd.d/tftp"
nb_spawn "$srv" xinetd -dontfork -stayalive -f "$NB_TMP/xinetd.conf" \
    -pidfile "$NB_TMP/xinetd.pid"
xpid=$NB_PID
nb_wait 10 ip netns exec "$NB_PREFIX-c1" atftp -g -r mid -l /dev/null \
    192.0.2.1 > /dev/null 2>&1 || nb_fail "no answer through xinetd"
o=$NB_TMP/s6
get 1 big "$o.1"
p1=$NB_PID
get 2 big "$o.2"
p2=$NB_PID
done_ok "$p1" "$o.1" big
done_ok "$p2" "$o.2" big
oks=$(grep -c ' RRQ big 33554432 [0-9.]* ok$' "$xlog")
[ "$oks" = 2 ] || nb_fail "under xinetd: $oks ok lines, want 2"
lpid=$(pgrep -P "$xpid" -x in.tftpd | head -n 1)
[ -n "$lpid" ] || nb_fail "no listener under xinetd after the session"
nb_wait 10 sh -c "! kill -0 $lpid 2> /dev/null" ||
    nb_fail "the listener did not exit after -t idle seconds"
nb_ok "under xinetd: 2 clients by multicast, byte-exact; then the idle exit"
