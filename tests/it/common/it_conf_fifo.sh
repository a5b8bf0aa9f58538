#!/bin/sh
# SPDX-License-Identifier: ISC
#
# A FIFO where a config or /etc file should be: every program refuses it
# at once with "PATH: not a regular file" and its config exit status,
# instead of blocking in open(2) until a writer comes (common/fileio.c's
# file_open_regular()).  Each run is bounded by timeout(1): a hang is
# exit 124.  No network, no namespace.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
b=$NB_BUILD/bin
t=$NB_TMP
mkfifo "$t/fifo" || nb_fail "mkfifo"
echo "02:00:00:00:00:01 node1" > "$t/ethers"
echo "192.0.2.11 node1" > "$t/hosts"
cat > "$t/eh-ethers.conf" <<EOF
subnet 192.0.2.0 netmask 255.255.255.0 { next-server 192.0.2.1; }
ethers-hosts "$t/fifo" "$t/hosts";
EOF
cat > "$t/eh-hosts.conf" <<EOF
subnet 192.0.2.0 netmask 255.255.255.0 { next-server 192.0.2.1; }
ethers-hosts "$t/ethers" "$t/fifo";
EOF

# refused WANT_STATUS CMD...: CMD exits WANT_STATUS within 10 s, saying so.
refused() {
	want=$1
	shift
	timeout -k 2 10 "$@" > "$t/out" 2>&1
	rc=$?
	[ "$rc" != 124 ] && [ "$rc" != 137 ] || nb_fail "blocked: $*"
	[ "$rc" = "$want" ] || nb_fail "exit $rc, not $want: $* ($(cat "$t/out"))"
	grep -q "fifo: not a regular file" "$t/out" ||
	    nb_fail "$*: $(cat "$t/out")"
	nb_ok "refused with exit $rc: ${*#"$b/"}"
}

refused 78 "$b/dhcpd-pxe" -t -cf "$t/fifo"
refused 78 "$b/dhcpd-pxe" -t -cf "$t/eh-ethers.conf"
refused 78 "$b/dhcpd-pxe" -t -cf "$t/eh-hosts.conf"
refused 74 "$b/pxecfg-gen" -n -d "$t" -C "$t/fifo" -c none -e none
refused 74 "$b/pxecfg-gen" -n -d "$t" -C none -c "$t/fifo" -e none
refused 74 "$b/pxecfg-gen" -n -d "$t" -C none -c none -e "$t/fifo" \
    -H "$t/hosts"
refused 74 "$b/pxecfg-gen" -n -d "$t" -C none -c none -e "$t/ethers" \
    -H "$t/fifo"
refused 78 "$b/mkrootfs" -q -c "$t/fifo" compress
refused 66 "$b/wakeup" --udp --to 127.0.0.1 -e "$t/fifo" node1
refused 66 "$b/wakeup" --udp --to 127.0.0.1 -s -d 0.01 -e "$t/ethers" -f "$t/fifo"
refused 66 "$b/wakeup" --udp --to 127.0.0.1 -s -d 0.01 -e "$t/ethers" --hosts "$t/fifo" \
    -l "$t/xferlog" node1
refused 71 "$b/in.tftpd" -L -a "127.0.0.1:$((20000 + $$ % 10000))" \
    -m "$t/fifo" "$t"
