#!/bin/sh
# SPDX-License-Identifier: ISC
#
# wakeup's magic packets on the wire, captured in a network namespace by
# tests/tools/wolcap: the exact bytes of raw 0x0842 frames and of UDP
# datagrams, with and without a SecureOn password, byte for byte the same
# as the real ether-wake (Debian's etherwake) and wakeonlan send; names from
# an ethers file; UDP without privilege, raw refused without it; a bad MAC,
# an unknown name or a bad password sends nothing at all; and the raw
# socket's privilege is gone (CapEff 0, NoNewPrivs) once it is open.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

W=$NB_BUILD/bin/wakeup
CAP=$NB_BUILD/tests/wolcap
for t in "$W" "$CAP"; do
	[ -x "$t" ] || nb_fail "$t not built"
done
command -v etherwake >/dev/null ||
    nb_fail "etherwake (Debian package etherwake) is not installed"
command -v wakeonlan >/dev/null ||
    nb_fail "wakeonlan (Debian package wakeonlan) is not installed"

nb_ns snd
S=$NB_NS
nb_ns rcv
R=$NB_NS
for ns in "$S" "$R"; do
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
done
nb_veth "$S" va "$R" vb
ip -n "$S" link set va address 02:00:00:00:0a:01
ip -n "$S" addr add 192.0.2.1/24 dev va
ip -n "$R" addr add 192.0.2.2/24 dev vb

E=$NB_TMP/ethers
printf 'fe:ed:fa:ce:de:ad node1\nbe:ef:fe:ed:fa:ce node2\n' > "$E"
SRC=02000000 SRC=${SRC}0a01

# magic MAC [PWHEX]: the payload in hex, built here independently.
magic() {
	_m=$(echo "$1" | tr -d ':')
	_p=ffffffffffff
	for _i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
		_p=$_p$_m
	done
	echo "$_p${2:-}"
}

# cap_start N [PORT]: capture N packets on vb in the background.
cap_start() {
	rm -f "$NB_TMP/cap" "$NB_TMP/cap.err"
	nb_spawn "$R" "$CAP" -n "$1" -p "${2:-9}" vb 10 \
	    > "$NB_TMP/cap" 2> "$NB_TMP/cap.err"
	CAP_PID=$NB_PID
	nb_wait 5 grep -q ready "$NB_TMP/cap.err" || nb_fail "wolcap not ready"
}

# cap_end EXPECTED-LINE...: the capture holds exactly these lines.
cap_end() {
	wait "$CAP_PID" || nb_fail "capture: fewer packets than expected"
	printf '%s\n' "$@" > "$NB_TMP/want"
	diff -u "$NB_TMP/want" "$NB_TMP/cap" || nb_fail "captured bytes differ"
}

in_s() {
	ip netns exec "$S" "$@"
}

# --- raw frames: ours, then etherwake's, must both be the expected bytes.
M1=fe:ed:fa:ce:de:ad
M2=be:ef:fe:ed:fa:ce
BC=ffffffffffff

cap_start 2
in_s "$W" -i va $M1 || nb_fail "wakeup -i va exit $?"
in_s etherwake -i va $M1
cap_end "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1)" \
    "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1)"
nb_ok "raw frame to the target's MAC, same bytes as ether-wake"

cap_start 2
in_s "$W" -i va -b -p 00:11:22:33:44:55 -e "$E" node2 || nb_fail "exit $?"
in_s etherwake -i va -b -p 00:11:22:33:44:55 $M2
cap_end "raw ${BC}${SRC}0842$(magic $M2 001122334455)" \
    "raw ${BC}${SRC}0842$(magic $M2 001122334455)"
nb_ok "-b broadcast, 6-byte password, name from -e ethers"

cap_start 2
in_s "$W" -i va -p 192.0.2.1 $M1 || nb_fail "exit $?"
in_s etherwake -i va -p 192.0.2.1 $M1
cap_end "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1 c0000201)" \
    "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1 c0000201)"
nb_ok "4-byte dotted password"

cap_start 2
in_s "$W" -i va -p a:b:c:d -D $M1 2> "$NB_TMP/dbg" || nb_fail "exit $?"
in_s etherwake -i va -p 0a:0b:0c:0d $M1
cap_end "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1 0a0b0c0d)" \
    "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1 0a0b0c0d)"
grep -q '^frame (120 bytes):' "$NB_TMP/dbg" || nb_fail "-D printed no frame"
nb_ok "4-byte hex password; -D shows the frame"

# --- UDP: ours and wakeonlan's datagrams.
cap_start 2
in_s "$W" --udp --to 192.0.2.255 -e "$E" node1 || nb_fail "exit $?"
in_s wakeonlan -i 192.0.2.255 -p 9 $M1 > /dev/null
cap_end "udp 192.0.2.255:9 $(magic $M1)" "udp 192.0.2.255:9 $(magic $M1)"
nb_ok "UDP broadcast to port 9, same payload as wakeonlan"

cap_start 1 7
in_s "$W" --port 7 --to 192.0.2.2 -p 192.0.2.1 $M2 || nb_fail "exit $?"
cap_end "udp 192.0.2.2:7 $(magic $M2 c0000201)"
nb_ok "--port 7 with a password"

# --- privilege: UDP needs none, raw refuses cleanly without CAP_NET_RAW.
NOBODY="setpriv --reuid=nobody --regid=nogroup --clear-groups"
cap_start 1
in_s $NOBODY "$W" --udp --to 192.0.2.255 -e "$E" node2 ||
    nb_fail "UDP as nobody: exit $?"
cap_end "udp 192.0.2.255:9 $(magic $M2)"
rc=0
in_s $NOBODY "$W" -i va $M1 2> "$NB_TMP/err" || rc=$?
[ "$rc" = 77 ] || nb_fail "raw as nobody: exit $rc, want 77 (EX_NOPERM)"
grep -q CAP_NET_RAW "$NB_TMP/err" || nb_fail "no CAP_NET_RAW hint"
nb_ok "UDP as nobody works; raw as nobody exits 77"

# --- bad input: a clear error, the documented status, and nothing sent.
# A marker packet sent afterwards must be the first and only one captured.
# bad STATUS MESSAGE ARGS...
bad() {
	_want=$1
	_msg=$2
	shift 2
	_rc=0
	in_s "$W" "$@" > "$NB_TMP/out" 2> "$NB_TMP/err" || _rc=$?
	[ "$_rc" = "$_want" ] || nb_fail "wakeup $*: exit $_rc, want $_want"
	grep -qF -- "$_msg" "$NB_TMP/err" ||
	    nb_fail "wakeup $*: no '$_msg' in: $(cat "$NB_TMP/err")"
}
printf 'node1\n# comment\n\nnode2\nfe:ed:fa:ce:de\n' > "$NB_TMP/list"
printf 'fe:ed:fa:ce:de:ad node1\nfe:ed:fa:ce:de node2\n' > "$NB_TMP/badethers"
# For -l: node1 has an address but no pxelinux.cfg entry, node2 has no
# address, the default entry of another root boots from disk.
printf '192.0.2.2 node1\n' > "$NB_TMP/hosts"
mkdir -p "$NB_TMP/tb/pxelinux.cfg" "$NB_TMP/tb2/pxelinux.cfg"
printf 'DEFAULT disk\nLABEL disk\n  LOCALBOOT 0\n' \
    > "$NB_TMP/tb2/pxelinux.cfg/default"
# ... and in a third, a menu whose labels an INCLUDE brings waits for a key.
mkdir -p "$NB_TMP/tb3/pxelinux.cfg"
printf 'UI menu.c32\nINCLUDE pxelinux.cfg/labels\n' \
    > "$NB_TMP/tb3/pxelinux.cfg/default"
printf 'LABEL x\n  KERNEL vmlinuz\n' > "$NB_TMP/tb3/pxelinux.cfg/labels"
SEQ="-i va -s -l $NB_TMP/xfer.log -e $E --hosts $NB_TMP/hosts"
cap_start 1
bad 78 "node1: no pxelinux.cfg entry in $NB_TMP/tb/pxelinux.cfg (tried 01-fe-ed-fa-ce-de-ad, C0000202 .. C, default)" \
    $SEQ --tftpboot "$NB_TMP/tb" node1
bad 78 "node2: not in hosts ($NB_TMP/hosts)" $SEQ --tftpboot "$NB_TMP/tb2"
bad 78 "node1: $NB_TMP/tb2/pxelinux.cfg/default boots from local disk" \
    $SEQ --tftpboot "$NB_TMP/tb2" node1
bad 78 "node1: $NB_TMP/tb3/pxelinux.cfg/default waits for a key in pxelinux: no boot file to wait for ($NB_TMP/tb3/pxelinux.cfg/default:1: the menu has no TIMEOUT)" \
    $SEQ --tftpboot "$NB_TMP/tb3" node1
bad 64 "-a, -f, -l and --http-log go with --sequential or --parallel" -i va -a
bad 65 "fe:ed:fa:ce:de: malformed MAC address; nothing sent" \
    -i va fe:ed:fa:ce:de
bad 65 "node9: unknown host in $E; nothing sent" -i va -e "$E" node9
bad 65 "node9: unknown host" -i va -e "$E" node1 node9
bad 65 "$NB_TMP/list:5: fe:ed:fa:ce:de: malformed MAC address" \
    -i va -s --delay 0.1 -e "$E" -f "$NB_TMP/list"
bad 78 "$NB_TMP/badethers:2:" -i va -e "$NB_TMP/badethers" node1
bad 64 "password must be" -i va -p 1:2:3 $M1
bad 64 "no target given" -i va
bad 64 "nosuch0" -i nosuch0 $M1
in_s "$W" -i va 02:00:00:00:00:99 || nb_fail "marker: exit $?"
cap_end "raw 020000000099${SRC}0842$(magic 02:00:00:00:00:99)"
nb_ok "malformed MAC, unknown name, bad file, bad password, node without address or entry: nothing sent"

# --- the raw socket stays, the privilege goes: CapEff 0 and no_new_privs
# while a --sequential run (no log: a fixed delay) is between two nodes.
cap_start 2
nb_spawn "$S" "$W" -i va -s --delay 1.5 -e "$E" > "$NB_TMP/out" \
    2> "$NB_TMP/err"
WPID=$NB_PID
nb_wait 5 test -s "$NB_TMP/cap" || nb_fail "first node not woken"
grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$WPID/status" ||
    nb_fail "capabilities left: $(grep Cap "/proc/$WPID/status")"
grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$WPID/status" ||
    nb_fail "no_new_privs not set"
wait "$WPID" || nb_fail "wakeup -s exit $?"
cap_end "raw $(echo $M1 | tr -d :)${SRC}0842$(magic $M1)" \
    "raw $(echo $M2 | tr -d :)${SRC}0842$(magic $M2)"
grep -q '^2 nodes in .*: 2 woken (not confirmed: no transfer log)$' \
    "$NB_TMP/out" || nb_fail "summary: $(cat "$NB_TMP/out")"
# Each node held its slot for the delay: two nodes take at least 3 s.
awk '{ exit !($4 >= 2.95) }' "$NB_TMP/out" ||
    nb_fail "delays not kept: $(cat "$NB_TMP/out")"
nb_ok "capabilities dropped after opening the raw socket; -s --delay wakes all of ethers"

# --- nodes from a file, woken in its order (UDP this time).
printf '# boot order\nnode2\n\nfe:ed:fa:ce:de:ad  # node1 by MAC\n' \
    > "$NB_TMP/order"
cap_start 2
in_s "$W" --udp --to 192.0.2.255 -s --delay 0.2 -e "$E" -f "$NB_TMP/order" \
    > "$NB_TMP/out" 2>&1 || nb_fail "-f: exit $?"
cap_end "udp 192.0.2.255:9 $(magic $M2)" "udp 192.0.2.255:9 $(magic $M1)"
nb_ok "-f nodes file: its order, names and MACs"

# --- on a terminal: a status line with the node's place, what it waits
# for and the time elapsed, redrawn until the summary.
ip netns exec "$S" script -qec "$W -i va -s --delay 1.2 -e $E node1" \
    /dev/null > "$NB_TMP/tty" 2>&1 || nb_fail "under script: exit $?"
grep -q '\[1/1\] node1: delay [0-9.]* of 1.2 s' "$NB_TMP/tty" ||
    nb_fail "no status line on a terminal: $(cat -v "$NB_TMP/tty")"
grep -q '1 node in [0-9.]* s: 1 woken' "$NB_TMP/tty" || nb_fail "no summary"
nb_ok "status line on a terminal"
