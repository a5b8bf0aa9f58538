#!/bin/sh
# SPDX-License-Identifier: ISC
#
# wakeup's ipmi power back end against real BMCs: each lab node's BMC is
# OpenIPMI's ipmi_sim on the lab network (lab/bmc.sh), driven by wakeup
# through ipmitool -I lanplus; power on starts the node's qemu.
#  - bad input powers nothing: a malformed inventory line (file:line), a
#    credentials file others can read, no ipmitool in PATH;
#  - wakeup --sequential sets a one-time PXE boot and powers node1, waits
#    for its last boot file in in.tftpd's transfer log, gives up on node3
#    (a BMC address nobody serves) after its tries, then powers node2;
#    both boot to /init and report up; no ipmitool command line seen
#    while it runs holds the password;
#  - wakeup --status shows them on, as ipmitool asked directly says;
#  - wakeup --off powers them off: their qemu processes are gone.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
. "$top/lab/bmc.sh"
nb_init
LAB=$NB_TMP/lab
lab_init "$top"
for _p in in.tftpd dhcpd-pxe pxecfg-gen mkrootfs wakeup; do
	[ -x "$LAB_BIN/$_p" ] || nb_fail "no $LAB_BIN/$_p (make all)"
done
lab_kernel
lab_nodes 3
LAB_TFTPBOOT=$LAB/tftpboot
lab_tftpboot "$LAB_TFTPBOOT"
lab_image "$LAB_TFTPBOOT"
lab_configs "$LAB_TFTPBOOT"
lab_net
lab_serve_suite "$LAB_TFTPBOOT"
lab_bmc 2
inv=$LAB/etc/bmc.conf
cred=$LAB/etc/bmc-credentials
# node3's BMC is on the lab network, at an address nobody serves.
printf 'node3\tipmi\t192.0.2.29\t%s\n' "$LAB_BMC_USER" >> "$inv"

wakeup() {
	ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" -e "$LAB/etc/ethers" \
	    --hosts "$LAB/etc/hosts" --tftpboot "$LAB_TFTPBOOT" \
	    --credentials "$cred" "$@"
}

nothing_powered() {
	grep -q ' set ' "$LAB_RUN/bmc.log" &&
	    nb_fail "$1: a BMC was told to do something: $(cat "$LAB_RUN/bmc.log")"
	[ "$(lab_bmc_power 1)$(lab_bmc_power 2)" = offoff ] ||
	    nb_fail "$1: a node is on"
}

# --- bad input: nothing powered ---------------------------------------
printf 'node1 ipmi 192.0.2.21 admin\nnode2 ipmi 192.0.2.22\n' > "$NB_TMP/bad.conf"
wakeup -s -l "$LAB_RUN/xfer.log" --bmc "$NB_TMP/bad.conf" node1 \
    > /dev/null 2> "$NB_TMP/bad.err"
rc=$?
[ "$rc" = 78 ] || nb_fail "malformed inventory: exit $rc, not 78"
grep -q "^wakeup: $NB_TMP/bad.conf:2: node2: ipmi needs a BMC address and a user; nothing powered$" \
    "$NB_TMP/bad.err" || nb_fail "malformed inventory: $(cat "$NB_TMP/bad.err")"
nothing_powered "malformed inventory"
nb_ok "a malformed inventory line is file:line, exit 78, nothing powered"

cp "$cred" "$NB_TMP/open-credentials"
chmod 644 "$NB_TMP/open-credentials"
ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" -e "$LAB/etc/ethers" \
    --credentials "$NB_TMP/open-credentials" --bmc "$inv" node1 \
    > /dev/null 2> "$NB_TMP/open.err"
rc=$?
rm -f "$NB_TMP/open-credentials"
[ "$rc" = 78 ] || nb_fail "world-readable credentials: exit $rc, not 78"
grep -q 'mode 644, owner 0: credentials must be readable by their owner (root) only; refused, nothing powered' \
    "$NB_TMP/open.err" || nb_fail "world-readable credentials: $(cat "$NB_TMP/open.err")"
nothing_powered "world-readable credentials"
nb_ok "a credentials file others can read is refused, nothing powered"

ip netns exec "$LAB_NS" env PATH=/nonexistent "$LAB_BIN/wakeup" \
    -e "$LAB/etc/ethers" --credentials "$cred" --bmc "$inv" node1 \
    > /dev/null 2> "$NB_TMP/noprog.err"
rc=$?
[ "$rc" = 69 ] || nb_fail "no ipmitool in PATH: exit $rc, not 69"
grep -q 'ipmitool: not found in PATH (Debian package ipmitool); nothing powered' \
    "$NB_TMP/noprog.err" || nb_fail "no ipmitool: $(cat "$NB_TMP/noprog.err")"
nothing_powered "no ipmitool"
nb_ok "without ipmitool in PATH: a clear error, nothing powered"

# --- the sequence ---------------------------------------------------------
# Every 0.1 s (at most 3000 times), the command lines of every ipmitool
# running: the password must be in none.
cmdlines() {
	_n=0
	while [ "$_n" -lt 3000 ]; do
		for _c in /proc/[0-9]*/cmdline; do
			tr '\0' ' ' < "$_c" 2>/dev/null | grep '^ipmitool ' &&
			    echo
		done
		sleep 0.1
		_n=$((_n + 1))
	done
}
nb_bg cmdlines > "$NB_TMP/cmdlines" 2>/dev/null
sampler=$NB_PID
printf 'node1\nnode3\nnode2\n' > "$NB_TMP/order"
LAB_T0=$(lab_now)
wakeup -s -t 300 -r 0 -l "$LAB_RUN/xfer.log" --bmc "$inv" -f "$NB_TMP/order" \
    > "$NB_TMP/seq.out" 2> "$NB_TMP/seq.err"
rc=$?
nb_stop "$sampler"
grep -q -- '-U admin -f /dev/fd/3 power status' "$NB_TMP/cmdlines" ||
    nb_fail "no ipmitool command line seen: $(head -3 "$NB_TMP/cmdlines")"
grep -q -- "$LAB_BMC_PASS" "$NB_TMP/cmdlines" &&
    nb_fail "the password is on an ipmitool command line"
nb_ok "ipmitool's command lines while wakeup ran (distinct:" \
    "$(sort -u "$NB_TMP/cmdlines" | grep -c .)) hold no password"
lab_log "wakeup -s: exit $rc"
cat "$NB_TMP/seq.err" "$NB_TMP/seq.out"
[ "$rc" = 69 ] || nb_fail "wakeup -s: exit $rc, not 69 (node3 failed)"
grep -q '^3 nodes in .*: 2 booted, 0 retried, 1 failed (node3)$' \
    "$NB_TMP/seq.out" || nb_fail "wakeup -s: summary"
for n in 1 2; do
	grep -q "\] node$n: ipmi: network boot once, power on; waiting for rootfs.gz$" \
	    "$NB_TMP/seq.err" || nb_fail "node$n not powered on by ipmi"
	grep -q "\] node$n: booted: rootfs.gz served over TFTP in .* after 1 power-on$" \
	    "$NB_TMP/seq.err" || nb_fail "node$n not seen booted"
	grep -q " node$n start $(lab_mac "$n") boot=pxe$" "$LAB_RUN/bmc.log" ||
	    nb_fail "node$n was not started with a one-time PXE boot"
done
[ "$(grep -c 'node3: ipmitool power status at 192.0.2.29: try [123] of 3' \
    "$NB_TMP/seq.err")" = 3 ] || nb_fail "node3 not tried 3 times"
grep -q '\] node3: FAILED: its BMC did not answer$' "$NB_TMP/seq.err" ||
    nb_fail "node3's failure not reported"
nb_ok "a BMC that never answers is tried 3 times, reported, and the rest goes on"
# Paced by the log: node2 was started after node1's last boot file.
t1=$(awk '$4 == "rootfs.gz" && $2 == "192.0.2.101" && $7 == "ok" { print $1; exit }' \
    "$LAB_RUN/xfer.log")
s2=$(awk '$2 == "node2" && $3 == "start" { print $1; exit }' "$LAB_RUN/bmc.log")
s1=$(awk '$2 == "node1" && $3 == "start" { print $1; exit }' "$LAB_RUN/bmc.log")
[ -n "$t1" ] && [ -n "$s2" ] || nb_fail "no node1 rootfs.gz or node2 start"
t1=$(date -d "$t1" +%s.%N | cut -c1-14)
awk -v a="$t1" -v b="$s2" 'BEGIN { exit !(b > a) }' ||
    nb_fail "node2 started ($s2) before node1's rootfs.gz ($t1)"
lab_log "node1 powered on at $s1, its rootfs.gz at $t1, node2 powered on at $s2"
for n in 1 2; do
	lab_wait_up "node$n" 240 || {
		tail -n 20 "$LAB_RUN/node$n.console"
		nb_fail "node$n did not report up"
	}
done
lab_log "both up"
nb_ok "wakeup -s --bmc powered node1, then node2 after node1's rootfs.gz; both up"

# --- status and off ----------------------------------------------------
wakeup --bmc "$inv" --status node1 node2 > "$NB_TMP/status" ||
    nb_fail "wakeup --status: exit $?"
cat "$NB_TMP/status"
for n in 1 2; do
	grep -q "^node$n  *ipmi  *192.0.2.2$n  *on$" "$NB_TMP/status" ||
	    nb_fail "wakeup --status: node$n not on"
	[ "$(lab_bmc_power "$n")" = on ] || nb_fail "ipmitool: node$n not on"
done
nb_ok "wakeup --status shows node1 and node2 on, as ipmitool does"
p1=$(cat "$LAB_RUN/node1.qemu.pid")
p2=$(cat "$LAB_RUN/node2.qemu.pid")
kill -0 "$p1" && kill -0 "$p2" || nb_fail "no qemu running"
wakeup --bmc "$inv" --off node1 node2 || nb_fail "wakeup --off: exit $?"
gone() {
	! kill -0 "$p1" 2>/dev/null && ! kill -0 "$p2" 2>/dev/null
}
nb_wait 10 gone || nb_fail "qemu still running after wakeup --off"
wakeup --bmc "$inv" --status node1 node2 > "$NB_TMP/status" ||
    nb_fail "wakeup --status: exit $?"
for n in 1 2; do
	grep -q "^node$n  *ipmi  *192.0.2.2$n  *off$" "$NB_TMP/status" ||
	    nb_fail "wakeup --status: node$n not off"
	[ "$(lab_bmc_power "$n")" = off ] || nb_fail "ipmitool: node$n not off"
done
nb_ok "wakeup --off: both qemu processes ended; --status and ipmitool say off"
