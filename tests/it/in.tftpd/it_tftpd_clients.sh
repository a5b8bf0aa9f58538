#!/bin/sh
# SPDX-License-Identifier: ISC
#
# in.tftpd against real clients (curl, tftp-hpa's tftp, atftp) on loopback
# in a namespace: files of 0, 511, 512, 513 bytes, 16149 and 16384 (the
# server reads 16 KiB ahead: 11 blocks of 1468 and one byte, 32 of 512
# and an empty last block) and 40 MiB (block numbers roll over at 512)
# compared byte for byte at blksize 512, 1468 and 65464 with tsize and
# windowsize; netascii; the exact OACK; ERROR 5
# to a foreign TID but none to a foreign ERROR; on the listening port no
# answer to anything but RRQ and WRQ; a traversal corpus refused with
# nothing outside the root read (atime); WRQ refused without -c and working with it; CapEff 0
# in the listener and a child; the transfer log's 7-field lines.
# IT_TFTPD_THREADS=1 (it_tftpd_threads.sh) runs it all with --threads and
# checks the threads instead of the children: CapEff 0, none left behind
# and no descriptor leaked.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
B=${NB_BUILD:-build}
T=$B/bin/in.tftpd
P=$B/tests/tftpprobe
[ -x "$T" ] && [ -x "$P" ] || nb_fail "build first: $T, $P"
M=
[ -n "${IT_TFTPD_THREADS:-}" ] && M=--threads

"$T" --help | grep -q 'usage: in.tftpd' || nb_fail "--help"
"$T" --bogus /tmp 2>/dev/null
[ $? -eq 64 ] || nb_fail "bad option should exit 64 (EX_USAGE)"
"$T" /tmp < /dev/null 2>/dev/null
[ $? -eq 64 ] || nb_fail "fd 0 not a socket should exit 64"
nb_ok "--help, EX_USAGE for a bad option and for fd 0 not a socket"

root=$NB_TMP/root
mkdir -m 0755 "$root" "$root/sub" "$NB_TMP/out" "$NB_TMP/outside"
sizes="0 511 512 513 16149 16384"
for n in $sizes; do
	head -c "$n" /dev/urandom > "$root/f$n"
done
head -c 41943040 /dev/urandom > "$root/big"
printf 'line one\nline two\r\n\rthree\n' > "$root/text"
echo secret > "$NB_TMP/outside/secret"
ln -s ../outside/secret "$root/link-out"
ln -s /etc/passwd "$root/link-abs"
echo private > "$root/noread"
chmod 0600 "$root/noread"
echo keep > "$root/ro"
: > "$root/ww"
chmod 0644 "$root"/f* "$root/big" "$root/text" "$root/ro"
chmod 0666 "$root/ww"

nb_ns srv
ns=$NB_NS
X="ip netns exec $ns"
log=$NB_TMP/xfer.log
# Remap rules as tftp-hpa users write them (backslashes, case, a prefix).
printf '%s\n' 'rg \\ /' 'r ^alias/(.*)$ \1' 'ri ^PXELINUX\.0$ f513' \
    'a ^forbidden' > "$NB_TMP/map"
# 25 transfers at once from 127.0.0.1 below: more than the default
# --max-per-source (8), which the flood checks at the end test.
nb_spawn "$ns" "$T" $M -L -a 127.0.0.1:69 -s "$root" -T 200000 \
    --xferlog "$log" -P "$NB_TMP/pid" -m "$NB_TMP/map" --max-per-source 64
nb_wait 5 test -s "$NB_TMP/pid" || nb_fail "no pid file"
pid=$(cat "$NB_TMP/pid")
nb_wait 5 $X "$P" 127.0.0.1 69 rrq f0 >/dev/null || nb_fail "no answer"
tasks() {
	ls "/proc/$pid/task" | wc -l
}
one_task() {
	[ "$(tasks)" = 1 ]
}
more_tasks() {
	[ "$(tasks)" -gt 1 ]
}
nb_wait 5 one_task || nb_fail "the first transfer's thread stays"
fds=$(ls "/proc/$pid/fd" | wc -l)

same() {
	cmp -s "$1" "$2" || nb_fail "$3: $2 differs from $1"
}

out=$NB_TMP/out
# curl 7.88 cannot fetch an empty file once an OACK carries tsize=0 (it
# fails the same way against tftpd-hpa): f0 goes without options there.
rm -f "$out/c"
$X curl -sS --tftp-no-options -o "$out/c" tftp://127.0.0.1/f0 ||
    nb_fail "curl f0"
same "$root/f0" "$out/c" "curl without options"
for n in $sizes; do
	for bs in 512 1468 65464; do
		[ "$n" = 0 ] && continue
		rm -f "$out/c"
		$X curl -sS --tftp-blksize "$bs" -o "$out/c" \
		    "tftp://127.0.0.1/f$n" || nb_fail "curl f$n blksize $bs"
		same "$root/f$n" "$out/c" "curl blksize $bs"
	done
	rm -f "$out/t" "$out/a"
	(cd "$out" && $X tftp -m binary 127.0.0.1 -c get "f$n" t) ||
	    nb_fail "tftp f$n"
	same "$root/f$n" "$out/t" "tftp-hpa"
	$X atftp --option "blksize 1468" --option "windowsize 4" \
	    --option "tsize 0" -g -r "f$n" -l "$out/a" 127.0.0.1 \
	    >/dev/null 2>&1 || nb_fail "atftp f$n"
	same "$root/f$n" "$out/a" "atftp windowsize 4"
done
nb_ok "0/511/512/513/16149/16384 bytes: curl 512/1468/65464, tftp-hpa," \
    "atftp window 4"

# Mid-transfer, a packet from a foreign TID gets its ERROR 5 (the child
# drains that socket every 0.1 s) and the transfer goes on.
$X curl -sS --tftp-blksize 512 -o "$out/big1" tftp://127.0.0.1/big &
cpid=$!
port=
i=0
while [ -z "$port" ] && [ "$i" -lt 50 ]; do
	sleep 0.1
	port=$($X ss -Hunp state established | awk '/"in\.tftpd"/ {
	    sub(/.*:/, "", $3); print $3; exit }')
	i=$((i + 1))
done
[ -n "$port" ] || nb_fail "no transfer port seen for the 40 MiB curl"
# An ERROR from a foreign TID gets no answer (RFC 1350: an ERROR is never
# answered; answered, a spoofed one bounces between two transfers' ports,
# CVE-2024-2169).  The ACK after it still gets ERROR 5, so the port was
# being drained all along.
e=$($X "$P" -q 1 127.0.0.1 "$port" hex 0005000073706f6f6600)
o=$($X "$P" 127.0.0.1 "$port" hex 00040001)
wait "$cpid" || nb_fail "curl big"
[ -z "$e" ] || nb_fail "ERROR from a foreign TID answered: $e"
case $o in
"ERROR 5 "*) ;;
*) nb_fail "foreign TID during a transfer: $o" ;;
esac
same "$root/big" "$out/big1" "40 MiB at 512 (rollover)"
rm -f "$out/big1"
$X atftp --option "blksize 1468" --option "windowsize 16" -g -r big \
    -l "$out/big2" 127.0.0.1 >/dev/null 2>&1 || nb_fail "atftp big"
same "$root/big" "$out/big2" "40 MiB at 1468, window 16"
rm -f "$out/big2"
nb_ok "40 MiB byte-exact: curl blksize 512 (81920 blocks) with ERROR 5 to" \
    "a foreign TID meanwhile (its ERROR unanswered), atftp window 16"

# Concurrent transfers (threads share the listener's memory): 24 at once,
# every one byte-exact.
i=0
pids=
while [ "$i" -lt 24 ]; do
	case $((i % 3)) in
	0) f=f16149 bs=512 ;;
	1) f=f513 bs=1468 ;;
	*) f=f16384 bs=65464 ;;
	esac
	$X curl -sS --tftp-blksize "$bs" -o "$out/p$i" \
	    "tftp://127.0.0.1/$f" && cmp -s "$root/$f" "$out/p$i" ||
	    echo "$i $f" >> "$out/pfail" &
	pids="$pids $!"
	i=$((i + 1))
done
$X atftp --option "blksize 1468" --option "windowsize 16" -g -r big \
    -l "$out/pbig" 127.0.0.1 >/dev/null 2>&1 || echo big >> "$out/pfail"
wait $pids
[ -e "$out/pfail" ] && nb_fail "concurrent transfers: $(cat "$out/pfail")"
same "$root/big" "$out/pbig" "40 MiB beside 24 others"
rm -f "$out"/p*
nb_ok "24 transfers at once beside a 40 MiB one, all byte-exact"

# Partial ACKs: tftpwin keeps a random prefix of each window (a few times
# none), so in.tftpd resends from inside the window it sent, through a
# ring of blocks that wraps thousands of times.
for a in "1468 16 1" "512 4 2" "65464 8 3" "1468 1 4"; do
	set -- $a
	$X "$B/tests/tftpwin" 127.0.0.1 69 big "$1" "$2" "$3" > "$out/w" ||
	    nb_fail "tftpwin big $a"
	same "$root/big" "$out/w" "tftpwin blksize $1 window $2"
done
rm -f "$out/w"
nb_ok "40 MiB byte-exact with windows acknowledged in part (tftpwin):" \
    "blksize 1468/512/65464/1468, windowsize 16/4/8/1"

# RFC 1350 lets a client close right after its final ACK; if that ACK is
# lost, the resent final block meets a closed port.  tftpwin -n never sends
# it: the transfer counts as complete.  A client gone before the final
# block (tftpprobe takes DATA 1 of 10 and leaves) is a failure.
head -c 5000 /dev/urandom > "$root/lastack"
chmod 0644 "$root/lastack"
$X "$B/tests/tftpwin" -n 127.0.0.1 69 lastack 512 4 5 > "$out/w" ||
    nb_fail "tftpwin -n"
same "$root/lastack" "$out/w" "tftpwin -n"
nb_wait 5 grep -qE ' RRQ lastack 5000 [0-9.]+ ok$' "$log" ||
    nb_fail "final ACK lost, port closed: not logged ok with 5000 bytes"
$X "$P" 127.0.0.1 69 rrq lastack > /dev/null || nb_fail "no DATA 1"
nb_wait 5 grep -qE ' RRQ lastack 0 [0-9.]+ fail:unreachable$' "$log" ||
    nb_fail "client gone after DATA 1: not logged fail:unreachable"
nb_ok "port closed after the final block: ok, 5000 bytes;" \
    "after the first: fail:unreachable"

(cd "$out" && $X tftp -m ascii 127.0.0.1 -c get text t2) || nb_fail "ascii"
same "$root/text" "$out/t2" "netascii round trip"
nb_ok "netascii"

o=$($X "$P" 127.0.0.1 69 rrq f513 blksize 70000 tsize 0 windowsize 4 \
    timeout 3 foo bar)
[ "$o" = "OACK blksize=65464 tsize=513 windowsize=4 timeout=3" ] ||
    nb_fail "OACK: $o"
o=$($X "$P" -f 127.0.0.1 69 rrq f513)
echo "$o" | grep -q '^FOREIGN ERROR 5 ' || nb_fail "foreign TID: $o"
o=$($X "$P" 127.0.0.1 69 hex 0001663000)
[ "$o" = "ERROR 4 mode not terminated" ] || nb_fail "no mode: $o"
nb_ok "OACK, ERROR 5 to a foreign TID, ERROR 4 to a bad request"

# On the listening port only RRQ and WRQ are answered (tftp-hpa, OpenBSD):
# ERROR (full, short, code only), ACK, DATA, OACK, opcodes 0 and 7 and a
# lone byte get nothing, and the server still serves after them.
: > "$out/silent"
pids=
for h in 0005000073706f6f6600 0005 00050001 00040001 000300016869 \
    0006626c6b73697a650035313200 0000663000 0007663000 00; do
	$X "$P" -q 1 127.0.0.1 69 hex "$h" >> "$out/silent" &
	pids="$pids $!"
done
wait $pids
[ -s "$out/silent" ] && nb_fail "listener answered: $(cat "$out/silent")"
$X "$P" 127.0.0.1 69 rrq f0 > /dev/null || nb_fail "no answer after those"
nb_ok "listening port: no answer to ERROR, ACK, DATA, OACK, opcode 0/7," \
    "a lone byte"

rm -f "$out/m"
$X atftp -g -r 'alias\sub\..\PxeLinux.0' -l "$out/m" 127.0.0.1 \
    >/dev/null 2>&1 && nb_fail "remap let .. through"
$X atftp -g -r 'alias\PxeLinux.0' -l "$out/m" 127.0.0.1 >/dev/null 2>&1 ||
    nb_fail "remapped name not served"
same "$root/f513" "$out/m" "remap"
o=$($X "$P" 127.0.0.1 69 rrq forbidden)
[ "${o%% *}" = ERROR ] || nb_fail "remap a rule: $o"
nb_ok "remap file: backslashes, case folding, prefix, deny rule"

# Traversal: every name refused with ERROR 1 or 2; the secret's atime
# (older than its mtime, so relatime would update it) shows it unread.
touch -a -d 2000-01-01 "$NB_TMP/outside/secret"
a0=$(stat -c %X "$NB_TMP/outside/secret")
esc=$(printf 'a\033b')
for name in ../outside/secret ../../outside/secret /../outside/secret \
    sub/../../outside/secret link-out link-abs noread "$NB_TMP/outside/secret" \
    sub/ . / "$esc" "sub/..//../outside/secret"; do
	o=$($X "$P" 127.0.0.1 69 rrq "$name")
	case $o in
	"ERROR 1 "*|"ERROR 2 "*) ;;
	*) nb_fail "traversal $name: $o" ;;
	esac
done
$X curl -s --path-as-is -o "$out/s" tftp://127.0.0.1/../outside/secret &&
    nb_fail "curl ../ accepted"
[ -s "$out/s" ] && nb_fail "curl got bytes for ../"
[ "$(stat -c %X "$NB_TMP/outside/secret")" = "$a0" ] ||
    nb_fail "the file outside the root was read"
cat "$NB_TMP/outside/secret" > /dev/null
[ "$(stat -c %X "$NB_TMP/outside/secret")" != "$a0" ] ||
    nb_fail "atime does not move here: the check above proves nothing"
nb_ok "traversal corpus refused, nothing outside the root read"

head -c 3000 /dev/urandom > "$NB_TMP/up"
chmod 0644 "$NB_TMP/up"
o=$($X "$P" 127.0.0.1 69 wrq newfile)
case $o in "ERROR "*) ;; *) nb_fail "WRQ without -c: $o" ;; esac
[ -e "$root/newfile" ] && nb_fail "WRQ without -c created a file"
o=$($X "$P" 127.0.0.1 69 wrq ro)
[ "${o%% *}" = ERROR ] || nb_fail "WRQ to a file not o+w: $o"
[ "$(cat "$root/ro")" = keep ] || nb_fail "read-only file changed"
(cd "$NB_TMP" && $X tftp -m binary 127.0.0.1 -c put up ww) ||
    nb_fail "WRQ to an o+w file"
same "$NB_TMP/up" "$root/ww" "WRQ to an existing o+w file"
nb_ok "WRQ refused without -c (new and not o+w files), allowed to o+w"

wroot=$NB_TMP/wroot
mkdir -m 0777 "$wroot"
nb_spawn "$ns" "$T" $M -L -a 127.0.0.2:69 -s -c -U 022 "$wroot" \
    --xferlog "$log" -B 1024 -R 40000:40009 -r windowsize -T 100000 \
    --retries 2
nb_wait 5 $X "$P" 127.0.0.2 69 rrq none >/dev/null || nb_fail "no -c server"
(cd "$NB_TMP" && $X tftp -m binary 127.0.0.2 -c put up created) ||
    nb_fail "WRQ with -c"
same "$NB_TMP/up" "$wroot/created" "WRQ with -c"
[ "$(stat -c '%a %U' "$wroot/created")" = "644 nobody" ] ||
    nb_fail "created file: $(stat -c '%a %U' "$wroot/created")"
$X atftp -p -l "$NB_TMP/up" -r w2 --option "blksize 1468" \
    --option "windowsize 4" 127.0.0.2 >/dev/null 2>&1 || nb_fail "atftp put"
same "$NB_TMP/up" "$wroot/w2" "WRQ with windowsize 4"
nb_ok "WRQ with -c -U 022: file created 0644 by nobody, byte-exact"
o=$($X "$P" -p 127.0.0.2 69 rrq created blksize 1468 windowsize 8 tsize 0)
port=$(echo "$o" | sed -n 's/^PORT //p')
[ "$(echo "$o" | head -n 1)" = "OACK blksize=1024 tsize=3000" ] ||
    nb_fail "-B 1024 / -r windowsize: $o"
[ "$port" -ge 40000 ] && [ "$port" -le 40009 ] || nb_fail "-R: port $port"
nb_ok "-B caps blksize, -r refuses windowsize, -R picks the port"
# A client that stops answering but keeps its port (no ICMP) is given up
# after --retries 2: DATA at 0, 0.1 and 0.3 s, the last wait ends at 0.7 s
# (the default 10 would wait 7.1 s).
$X "$P" -w 2 127.0.0.2 69 rrq created > /dev/null || nb_fail "no DATA"
grep -qE ' RRQ created 0 0\.[5-9][0-9]{2} fail:timeout$' "$log" ||
    nb_fail "silent client not given up after 2 retries: $(tail -n 1 "$log")"
nb_ok "--retries 2: a silent client's transfer ends in 0.7 s (fail:timeout)"

caps() {
	grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$1/status" &&
	    grep -q '^CapPrm:[[:space:]]*0000000000000000$' "/proc/$1/status" &&
	    grep -q '^Uid:[[:space:]]*65534' "/proc/$1/status"
}
caps "$pid" || nb_fail "listener keeps privileges"
$X "$P" -w 3 127.0.0.1 69 rrq big > /dev/null &
probe=$!
if [ -n "$M" ]; then
	nb_wait 3 more_tasks || nb_fail "no transfer thread"
	for k in $(ls "/proc/$pid/task"); do
		caps "$pid/task/$k" || nb_fail "thread $k keeps privileges"
	done
	wait "$probe"
	nb_ok "CapEff/CapPrm 0 and uid nobody in every thread of $pid"
	nb_wait 10 one_task || nb_fail "threads left after" \
	    "their transfers: $(tasks)"
	[ "$(ls "/proc/$pid/fd" | wc -l)" = "$fds" ] ||
	    nb_fail "descriptors leaked: $fds before, now" \
	    "$(ls "/proc/$pid/fd" | wc -l)"
	nb_ok "no thread and no descriptor left ($fds open, as at the start)"
else
	nb_wait 3 sh -c "pgrep -P $pid > $NB_TMP/kids" || nb_fail "no child"
	# A child of an earlier transfer may exit meanwhile: only one gone
	# from /proc is excused; the probe's child is still there.
	checked=0
	for k in $(cat "$NB_TMP/kids"); do
		if ! caps "$k"; then
			[ -e "/proc/$k" ] && nb_fail "child $k keeps privileges"
			continue
		fi
		checked=$((checked + 1))
	done
	[ "$checked" -gt 0 ] || nb_fail "no child left to check"
	wait "$probe"
	nb_ok "CapEff/CapPrm 0 and uid nobody in listener $pid and its child"
	nb_wait 10 sh -c "! pgrep -P $pid >/dev/null" ||
	    nb_fail "children left after their transfers"
	ps -o stat= --ppid "$pid" | grep -q Z && nb_fail "zombies"
	nb_ok "no child and no zombie left"
fi

re='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z '
re="$re"'127\.0\.0\.1 (RRQ|WRQ) [^ ]+ [0-9]+ [0-9]+\.[0-9]{3} '
re="$re"'(ok|fail:[A-Za-z0-9]+)$'
bad=$(grep -cvE "$re" "$log")
[ "$bad" = 0 ] || nb_fail "$bad transfer-log lines malformed"
grep -qE ' RRQ big 41943040 [0-9.]+ ok$' "$log" || nb_fail "no big line"
grep -qE ' RRQ \.\./outside/secret 0 [0-9.]+ fail:E2$' "$log" ||
    nb_fail "no fail:E2 line"
grep -qE ' RRQ a\\033b 0 [0-9.]+ fail:E2$' "$log" ||
    nb_fail "control character not vis-encoded"
grep -qE ' WRQ created 3000 [0-9.]+ ok$' "$log" || nb_fail "no WRQ line"
nb_ok "transfer log: $(wc -l < "$log") lines of 7 fields"

# Limits.  A flood of 300 RRQs never answered, from 127.0.0.9, holds no
# more transfers than the default --max-per-source (8), in both modes,
# and 127.0.0.10 still gets its file meanwhile; a second flood from
# 127.0.0.11 fills --max-transfers 12 and no more.  A request arriving
# then is not dropped: it waits in the listening socket, in order, and is
# served once slots come free (one request, never sent again, answered).
# Per-source drops are logged at a bounded rate, each stderr line whole.
# Once the floods' ports close the transfers end, the listener reaps them
# (no zombie) and gives their room back: 127.0.0.9 is served again.
nb_spawn "$ns" "$T" $M -L -a 127.0.0.3:69 -s "$root" -T 200000 \
    --max-transfers 12 -P "$NB_TMP/pid3" 2> "$NB_TMP/limits.err"
nb_wait 5 test -s "$NB_TMP/pid3" || nb_fail "no pid file (limits)"
pid3=$(cat "$NB_TMP/pid3")
load() {
	if [ -n "$M" ]; then
		echo $(($(ls "/proc/$pid3/task" | wc -l) - 1))
	else
		pgrep -P "$pid3" | wc -l
	fi
}
sent() {
	[ -s "$1" ]
}
nb_bg $X "$B/tests/tftpflood" -b 127.0.0.9 -w 8 127.0.0.3 69 300 big \
    > "$out/flood9"
nb_wait 5 sent "$out/flood9" || nb_fail "flood from 127.0.0.9 not sent"
sleep 0.3
l=$(load)
[ "$l" -eq 8 ] || nb_fail "flood from one address holds $l transfers, not 8"
rm -f "$out/c"
$X curl -sS -m 10 --interface 127.0.0.10 -o "$out/c" \
    tftp://127.0.0.3/f16384 || nb_fail "127.0.0.10 not served during a flood"
same "$root/f16384" "$out/c" "another address during a flood"
nb_bg $X "$B/tests/tftpflood" -b 127.0.0.11 -w 4 127.0.0.3 69 300 big \
    > "$out/flood11"
nb_wait 5 sent "$out/flood11" || nb_fail "flood from 127.0.0.11 not sent"
sleep 0.3
l=$(load)
[ "$l" -eq 12 ] || nb_fail "two floods hold $l transfers, not 12"
nb_ok "limits: 300 requests from one address hold 8 transfers" \
    "(--max-per-source), another address is served; two floods hold 12" \
    "(--max-transfers 12)"
nb_bg $X "$P" -q 30 127.0.0.3 69 rrq f513 > "$out/queued"
queued=$NB_PID
idle3() {
	[ "$(load)" -eq 0 ]
}
nb_wait 20 idle3 || nb_fail "transfers left after the floods: $(load)"
[ -z "$M" ] && ps -o stat= --ppid "$pid3" | grep -q Z && nb_fail "zombies"
rm -f "$out/c"
$X curl -sS -m 10 --interface 127.0.0.9 -o "$out/c" \
    tftp://127.0.0.3/f513 || nb_fail "127.0.0.9 not served after its flood"
same "$root/f513" "$out/c" "the flooding address afterwards"
n=$(grep -c 'request dropped' "$NB_TMP/limits.err")
grep -q '127\.0\.0\.9: request dropped: --max-per-source reached' \
    "$NB_TMP/limits.err" || nb_fail "per-source drop not logged"
wait "$queued" || nb_fail "a request made while every slot was taken" \
    "was not answered: $(cat "$out/queued")"
grep -q '^DATA 1 512' "$out/queued" || nb_fail "queued: $(cat "$out/queued")"
grep -q 'request dropped: --max-transfers reached' "$NB_TMP/limits.err" &&
    nb_fail "a request dropped over --max-transfers rather than queued"
nb_ok "limits: a request sent once while all 12 slots were taken waited" \
    "in the socket and was answered"
[ "$n" -le 20 ] || nb_fail "$n drop lines for 600 drops: not rate limited"
bad=$(grep -cvE '^in\.tftpd(\[transfer\])?: [0-9.]+: [^ ]' \
    "$NB_TMP/limits.err")
[ "$bad" = 0 ] || nb_fail "$bad malformed stderr lines (-L)"
nb_ok "limits: transfers reaped and their room given back, no zombie;" \
    "$n drop lines for about 580 per-source drops, every stderr line whole"
