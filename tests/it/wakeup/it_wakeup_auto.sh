#!/bin/sh
# SPDX-License-Identifier: ISC
#
# wakeup --parallel auto:6 against a fleet of 20 simulated PXE clients
# (build/tests/pxefleet -w: a client powers on when its magic packet
# arrives) booting through the suite (xinetd -> in.tftpd, dhcpd-pxe; a
# 256 KiB kernel, a 512 KiB initrd).  Once 6 clients have booted, 5 %
# packet loss is switched on at the server's side of the link (netem; where
# the kernel has no netem, iptables' statistic match dropping 5 % of what
# the server receives), and off again once wakeup has narrowed.  Checked: the window starts at 2 and
# grows while transfer times stay flat; it narrows after the loss, for a
# reason it states (a transfer slowed down or failed); it never exceeds
# its limit (wakeup's own lines, and the fleet's CSV: never more than 6
# clients booting at once); every client boots in the end.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
FL_TOP=$top
. "$top/tests/lib/fleet.sh"
W=$FL_BIN/wakeup
[ -x "$FL_TOOL" ] && [ -x "$W" ] && [ -x "$FL_BIN/in.tftpd" ] ||
    nb_fail "build first"
for c in xinetd tc iptables; do
	command -v "$c" > /dev/null || nb_fail "$c is not installed"
done
N=20
LIMIT=6
fl_net
fl_root "$NB_TMP/root" 256 512
fl_nodes $N
# Retransmissions after 0.2 s: a lost packet slows a transfer down
# without stalling the test.
fl_serve_suite "$NB_TMP/root" "-T 200000"
nb_spawn "$FL_C" "$FL_TOOL" -i c0 -n $N -w -e "$FL_ETHERS" -T 240 -L 200 \
    -o "$NB_TMP/wol.csv" 2> "$NB_TMP/wol.sum"
fleet=$NB_PID
nb_wait 10 grep -q 'waiting for magic' "$NB_TMP/wol.sum" ||
    nb_fail "the fleet did not start"
nb_spawn "$FL_S" "$W" -P auto:$LIMIT -i s0 -e "$FL_ETHERS" \
    --hosts "$FL_HOSTS" --tftpboot "$NB_TMP/root" -l "$FL_XFER" -t 60 -r 2 \
    > "$NB_TMP/wakeup.out" 2> "$NB_TMP/wakeup.err"
wake=$NB_PID

booted() {
	[ "$(grep -c ' initrd.gz 524288 .* ok$' "$FL_XFER")" -ge "$1" ]
}
nb_wait 60 booted 6 || nb_fail "6 clients did not boot: $(cat "$NB_TMP/wakeup.err")"
mark=$(wc -l < "$NB_TMP/wakeup.err")
if tc -n "$FL_S" qdisc add dev s0 root netem loss 5% 2> /dev/null; then
	loss="netem loss 5%"
	loss_off() { tc -n "$FL_S" qdisc del dev s0 root; }
else
	ip netns exec "$FL_S" iptables -A INPUT -i s0 -p udp -m statistic \
	    --mode random --probability 0.05 -j DROP || nb_fail "iptables"
	loss="no netem in this kernel: iptables, 5 % of UDP in dropped"
	loss_off() { ip netns exec "$FL_S" iptables -F INPUT; }
fi
# The first line after the mark where the window shrank, or nothing.
narrowing() {
	tail -n +"$((mark + 1))" "$NB_TMP/wakeup.err" | awk '
	/at most [0-9]+ at once \(was [0-9]+\): / {
		s = $0; sub(/.*at most /, "", s); n = s + 0
		sub(/.*\(was /, "", s)
		if (n < s + 0) { sub(/.*\): /, ""); print; exit }
	}'
}
narrowed() {
	[ -n "$(narrowing)" ]
}
nb_wait 90 narrowed || nb_fail "no narrowing under 5 % loss ($loss):" \
    "$(cat "$NB_TMP/wakeup.err")"
loss_off || nb_fail "loss off"
why=$(narrowing)
case $why in
*took*"if flat"|"a transfer failed") ;;
*) nb_fail "narrowed for another reason: $why" ;;
esac
nb_ok "narrowed after 5 % loss was switched on ($loss): $why"

wait "$wake" || nb_fail "wakeup: $(cat "$NB_TMP/wakeup.out" "$NB_TMP/wakeup.err")"
wait "$fleet" || nb_fail "not every client booted: $(cat "$NB_TMP/wol.sum")"
[ "$(fl_booted "$NB_TMP/wol.csv")" = $N ] || nb_fail "booted count"
grep -q "^$N nodes in .*: $N booted" "$NB_TMP/wakeup.out" ||
    nb_fail "summary: $(cat "$NB_TMP/wakeup.out")"
first=$(grep -m1 'at most [0-9]* at once (was' "$NB_TMP/wakeup.err")
echo "$first" | grep -q 'at most 3 at once (was 2): nodes boot' ||
    nb_fail "the window did not start at 2 and grow: $first"
most=$(sed -n 's/.*at most \([0-9]*\) at once (was.*/\1/p' \
    "$NB_TMP/wakeup.err" | sort -n | tail -n 1)
[ "$most" -le $LIMIT ] || nb_fail "a window of $most over the limit $LIMIT"
# from the fleet's side: clients booting at once (power-on to boot)
conc=$(awk -F, '$4 == "boot" { print $6, 1; print $7, -1 }' \
    "$NB_TMP/wol.csv" | sort -n -k1,1 -k2,2 |
    awk '{ n += $2; if (n > m) m = n } END { print m }')
[ "$conc" -le $LIMIT ] || nb_fail "$conc clients booted at once, over $LIMIT"
nb_ok "$N clients booted; window from 2 to at most $most, never over" \
    "$LIMIT; at most $conc clients booting at once (fleet's CSV)"
sed -n 's/^/    /p' "$NB_TMP/wakeup.out"
grep 'at once' "$NB_TMP/wakeup.err" | sed 's/^/    /'
fl_stop_servers
