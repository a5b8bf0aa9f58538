#!/bin/sh
# SPDX-License-Identifier: ISC
#
# A small boot storm: 16 simulated PXE clients (build/tests/pxefleet) power
# on at once against the suite as it ships (xinetd with etc/xinetd.d/tftp
# -> in.tftpd, dhcpd-pxe), each fetching pxelinux.0, ldlinux.c32, its
# pxelinux.cfg lookups (misses included), a 1 MiB kernel and a 2 MiB
# initrd.  Every client boots, asks pxelinux's names in pxelinux's order,
# and the transfer log and the lease journal agree with the generator's
# CSV (and the check that says so fails on a log with a line missing).
# Then the Wake-on-LAN mode paired with wakeup --parallel 2: four clients
# power on only when their magic packet arrives, never more than two at
# once.  Then the generator against Debian's peers, 16 clients each:
# dnsmasq-base (DHCP and TFTP; --no-ping, see bench/bench_fleet_check.sh
# for its default) and ISC dhcpd with tftpd-hpa under xinetd.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
FL_TOP=$top
. "$top/tests/lib/fleet.sh"
[ -x "$FL_TOOL" ] && [ -x "$FL_BIN/in.tftpd" ] || nb_fail "build first"
for c in xinetd dnsmasq dhcpd /usr/sbin/in.tftpd; do
	command -v "$c" > /dev/null || nb_fail "$c is not installed"
done
N=16
fl_net
fl_root "$NB_TMP/root" 1024 2048

# --- the storm against the suite ---------------------------------------
fl_serve_suite "$NB_TMP/root"
fl_run suite -n $N -T 60 -L 50 ||
    nb_fail "not every client booted: $(cat "$NB_TMP/suite.sum")"
[ "$(fl_booted "$NB_TMP/suite.csv")" = $N ] || nb_fail "booted count"
sed -n 's/^pxefleet: clients/suite:/p' "$NB_TMP/suite.sum"
nb_ok "$N clients booted through xinetd/in.tftpd and dhcpd-pxe"

# client 3's requests, in pxelinux's order (its UUID carries its MAC)
order=$(awk -F, '$1 == 3 && $4 != "dhcp" && $4 != "boot" { print $5 }' \
    "$NB_TMP/suite.csv" | tr '\n' ' ')
ip=$(awk -F, '$1 == 3 && $4 == "boot" { print $3 }' "$NB_TMP/suite.csv")
hex=$(printf '%02X%02X%02X%02X' $(echo "$ip" | tr . ' '))
want="pxelinux.0 ldlinux.c32"
want="$want pxelinux.cfg/6e62666c-0000-4000-8000-525400f10003"
want="$want pxelinux.cfg/01-52-54-00-f1-00-03"
for l in 8 7 6 5 4 3 2 1; do
	want="$want pxelinux.cfg/$(echo "$hex" | cut -c1-$l)"
done
want="$want pxelinux.cfg/default vmlinuz initrd.gz "
[ "$order" = "$want" ] || nb_fail "client 3 asked: $order; want: $want"
# the log is in the order the transfers' children wrote it: compare sets
logged=$(awk -v ip="$ip" '$2 == ip { print $4 }' "$FL_XFER" | sort)
[ "$logged" = "$(echo $want | tr ' ' '\n' | sort)" ] ||
    nb_fail "the log has for $ip: $logged"
nb_ok "requests in pxelinux's order: UUID, 01-MAC, $hex shortened, default"

fl_check_logs "$NB_TMP/suite.csv" "$FL_XFER" "$FL_LEASES" ||
    nb_fail "the transfer log or the lease journal disagrees with the CSV"
nb_ok "every booted client has its lease and its files in the logs"
awk '!cut && / vmlinuz / { cut = 1; next } 1' "$FL_XFER" > "$NB_TMP/cut.log"
fl_check_logs "$NB_TMP/suite.csv" "$NB_TMP/cut.log" "$FL_LEASES" \
    > "$NB_TMP/cut.out" && nb_fail "the check passed a log with a line cut"
grep -q 'not in the transfer log: [0-9.]* vmlinuz 1048576' "$NB_TMP/cut.out" ||
    nb_fail "the check missed the cut line: $(cat "$NB_TMP/cut.out")"
nb_ok "the same check fails on a transfer log missing a line"
fl_stop_servers

# --- Wake-on-LAN: the fleet powered by wakeup --parallel 2 ---------------
fl_nodes 4
fl_serve_suite "$NB_TMP/root"
nb_spawn "$FL_C" "$FL_TOOL" -i c0 -n 4 -w -e "$FL_ETHERS" -T 40 -L 30 \
    -o "$NB_TMP/wol.csv" 2> "$NB_TMP/wol.sum"
fleet=$NB_PID
nb_wait 10 grep -q 'waiting for magic' "$NB_TMP/wol.sum" ||
    nb_fail "the fleet did not start"
ip netns exec "$FL_S" "$FL_BIN/wakeup" -P 2 -i s0 -e "$FL_ETHERS" \
    --hosts "$FL_HOSTS" --tftpboot "$NB_TMP/root" -l "$FL_XFER" -t 20 \
    > "$NB_TMP/wakeup.log" 2>&1 || nb_fail "wakeup: $(cat "$NB_TMP/wakeup.log")"
wait "$fleet" ||
    nb_fail "not every woken client booted: $(cat "$NB_TMP/wol.sum")"
[ "$(fl_booted "$NB_TMP/wol.csv")" = 4 ] || nb_fail "wol: booted count"
most=$(awk -F, '$4 == "boot" { print $6, 1; print $7, -1 }' "$NB_TMP/wol.csv" |
    sort -n -k1,1 -k2,2 | awk '{ n += $2; if (n > m) m = n } END { print m }')
[ "$most" -le 2 ] || nb_fail "$most clients booted at once under -P 2"
awk -F, '$4 == "boot" && $3 != "192.0.2." 100 + $1' "$NB_TMP/wol.csv" |
    grep . && nb_fail "a client without its fixed address"
nb_ok "4 clients powered on by magic packets, at most $most at once"
fl_stop_servers

# --- the same storm against Debian's peers --------------------------------
fl_serve_dnsmasq "$NB_TMP/root" --no-ping
fl_run dnsmasq -n $N -T 60 -L 50 ||
    nb_fail "dnsmasq: $(cat "$NB_TMP/dnsmasq.sum")"
sed -n 's/^pxefleet: clients/dnsmasq:/p' "$NB_TMP/dnsmasq.sum"
nb_ok "$N clients booted through dnsmasq-base"
fl_stop_servers
fl_serve_isc "$NB_TMP/root"
fl_run isc -n $N -T 60 -L 50 || nb_fail "ISC: $(cat "$NB_TMP/isc.sum")"
sed -n 's/^pxefleet: clients/isc+tftpd-hpa:/p' "$NB_TMP/isc.sum"
nb_ok "$N clients booted through ISC dhcpd and tftpd-hpa"
fl_stop_servers
