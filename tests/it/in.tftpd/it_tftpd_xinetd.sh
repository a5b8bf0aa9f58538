#!/bin/sh
# SPDX-License-Identifier: ISC
#
# in.tftpd under the real xinetd, started with the shipped
# etc/xinetd.d/tftp (server path, directory, transfer log and -t adapted)
# in a namespace: inetd wait mode on fd 0, files of 0, 511, 512, 513 bytes
# and 40 MiB byte-exact through curl, tftp-hpa and atftp, CapEff 0 in the
# xinetd-started listener, the idle exit after -t seconds and xinetd
# starting it again on the next request.  With --threads the listener is
# the transfer too: it stays past -t while a thread serves, then exits.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
B=${NB_BUILD:-$top/build}
T=$B/bin/in.tftpd
P=$B/tests/tftpprobe
[ -x "$T" ] && [ -x "$P" ] || nb_fail "build first: $T, $P"
command -v xinetd > /dev/null || nb_fail "xinetd is not installed"

root=$NB_TMP/root
out=$NB_TMP/out
log=$NB_TMP/xfer.log
mkdir -m 0755 "$root" "$out"
for n in 0 511 512 513 41943040; do
	head -c "$n" /dev/urandom > "$root/f$n"
done
chmod 0644 "$root"/f*

# The shipped service, with this build's paths and a 2 s idle exit.
sed -e "s|^\([[:space:]]*server[[:space:]]*=\).*|\1 $T|" \
    -e "s|-s /tftpboot --xferlog /var/log/tftpd-xfer.log|-s $root --xferlog $log -t 2|" \
    "$top/etc/xinetd.d/tftp" > "$NB_TMP/tftp.svc"
grep -q "server_args.*-s $root --xferlog $log -t 2" "$NB_TMP/tftp.svc" ||
    nb_fail "could not adapt etc/xinetd.d/tftp"
cat > "$NB_TMP/xinetd.conf" <<EOC
defaults
{
	log_type = FILE $NB_TMP/xinetd.log
	instances = 60
}
EOC
cat "$NB_TMP/tftp.svc" >> "$NB_TMP/xinetd.conf"

nb_ns srv
ns=$NB_NS
X="ip netns exec $ns"
nb_spawn "$ns" xinetd -dontfork -stayalive -f "$NB_TMP/xinetd.conf" \
    -pidfile "$NB_TMP/xinetd.pid"
xpid=$NB_PID
nb_wait 10 $X "$P" 127.0.0.1 69 rrq f513 >/dev/null ||
    nb_fail "no answer through xinetd"
nb_ok "xinetd starts in.tftpd for a request on port 69"

# The listener xinetd started: the in.tftpd whose parent is xinetd.
$X "$P" 127.0.0.1 69 rrq f0 >/dev/null || nb_fail "no answer"
lpid=$(pgrep -P "$xpid" -x in.tftpd | head -n 1)
[ -n "$lpid" ] || nb_fail "no in.tftpd under xinetd"
grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$lpid/status" &&
    grep -q '^Uid:[[:space:]]*65534' "/proc/$lpid/status" ||
    nb_fail "in.tftpd under xinetd keeps privileges"
nb_ok "in.tftpd $lpid under xinetd: uid nobody, CapEff 0"

same() {
	cmp -s "$1" "$2" || nb_fail "$3: $2 differs from $1"
}

$X curl -sS --tftp-no-options -o "$out/c" tftp://127.0.0.1/f0 ||
    nb_fail "curl f0"
same "$root/f0" "$out/c" "curl f0"
for n in 511 512 513; do
	for bs in 512 1468 65464; do
		$X curl -sS --tftp-blksize "$bs" -o "$out/c" \
		    "tftp://127.0.0.1/f$n" || nb_fail "curl f$n $bs"
		same "$root/f$n" "$out/c" "curl blksize $bs"
	done
done
for n in 0 511 512 513; do
	rm -f "$out/t" "$out/a"
	(cd "$out" && $X tftp -m binary 127.0.0.1 -c get "f$n" t) ||
	    nb_fail "tftp f$n"
	same "$root/f$n" "$out/t" "tftp-hpa"
	$X atftp --option "blksize 1468" --option "tsize 0" -g -r "f$n" \
	    -l "$out/a" 127.0.0.1 >/dev/null 2>&1 || nb_fail "atftp f$n"
	same "$root/f$n" "$out/a" "atftp"
done
$X atftp --option "blksize 1468" --option "windowsize 8" -g -r f41943040 \
    -l "$out/big" 127.0.0.1 >/dev/null 2>&1 || nb_fail "atftp 40 MiB"
same "$root/f41943040" "$out/big" "atftp 40 MiB"
rm -f "$out/big"
nb_ok "through xinetd: 0/511/512/513 bytes and 40 MiB byte-exact"

$X "$P" 127.0.0.1 69 rrq f0 >/dev/null || nb_fail "no answer"
lpid=$(pgrep -P "$xpid" -x in.tftpd | head -n 1)
[ -n "$lpid" ] || nb_fail "no in.tftpd under xinetd after a request"
sleep 1
kill -0 "$lpid" 2>/dev/null || nb_fail "in.tftpd exited before -t 2"
nb_wait 8 sh -c "! kill -0 $lpid 2>/dev/null" ||
    nb_fail "in.tftpd did not exit after -t 2 idle seconds"
kill -0 "$xpid" || nb_fail "xinetd died"
$X "$P" 127.0.0.1 69 rrq f513 | grep -q '^DATA 1 512$' ||
    nb_fail "xinetd did not take the socket back"
nb_ok "idle exit after -t, xinetd answers the next request again"

# --threads: a client that holds its transfer 3 s (no ACK, port open)
# keeps the listener past -t 1, which then exits once the thread ended.
sed "s|-t 2|-t 1 --threads|" "$NB_TMP/xinetd.conf" > "$NB_TMP/xinetd2.conf"
grep -q -- '-t 1 --threads' "$NB_TMP/xinetd2.conf" ||
    nb_fail "could not adapt the service for --threads"
nb_ns thr
Y="ip netns exec $NB_NS"
nb_spawn "$NB_NS" xinetd -dontfork -stayalive -f "$NB_TMP/xinetd2.conf" \
    -pidfile "$NB_TMP/xinetd2.pid"
ypid=$NB_PID
nb_wait 10 $Y "$P" 127.0.0.1 69 rrq f513 >/dev/null ||
    nb_fail "no answer from in.tftpd --threads"
$Y "$P" -w 3 127.0.0.1 69 rrq f41943040 >/dev/null &
probe=$!
nb_wait 3 sh -c "pgrep -P $ypid -x in.tftpd > $NB_TMP/tpid" ||
    nb_fail "no in.tftpd --threads under xinetd"
tpid=$(head -n 1 "$NB_TMP/tpid")
sleep 2.5
kill -0 "$tpid" 2>/dev/null ||
    nb_fail "in.tftpd --threads left at -t 1 with a transfer running"
[ "$(ls "/proc/$tpid/task" | wc -l)" -gt 1 ] ||
    nb_fail "no transfer thread in $tpid"
wait "$probe"
nb_wait 8 sh -c "! kill -0 $tpid 2>/dev/null" ||
    nb_fail "in.tftpd --threads did not exit once idle"
$Y "$P" 127.0.0.1 69 rrq f513 | grep -q '^DATA 1 512$' ||
    nb_fail "xinetd did not take the socket back from --threads"
nb_ok "--threads: the listener outlives -t while a thread serves, then" \
    "exits and xinetd answers again"

grep -qE ' RRQ f41943040 41943040 [0-9.]+ ok$' "$log" ||
    nb_fail "transfer log under xinetd"
nb_ok "transfer log written under xinetd ($(wc -l < "$log") lines)"
