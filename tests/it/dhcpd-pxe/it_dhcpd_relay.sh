#!/bin/sh
# SPDX-License-Identifier: ISC
#
# dhcpd-pxe serves a second subnet through ISC dhcrelay in its own
# namespace: client -- relay (198.51.100.1 | 192.0.2.2) -- server
# (192.0.2.1).  The subnet is chosen by giaddr and the reply goes back to
# the relay.  dhcrelay comes from isc-dhcp-relay (make deps installs it
# without starting its service).

. "$(dirname "$0")/../../lib/nb.sh"
. "$(dirname "$0")/../../lib/dhcpd.sh"
nb_init

relay=$(command -v dhcrelay) || nb_fail "no dhcrelay: run make deps"

nb_ns srv
S=$NB_NS
nb_ns rly
R=$NB_NS
nb_ns cli
C=$NB_NS
nb_veth "$S" s0 "$R" r0
nb_veth "$R" r1 "$C" c0
ip -n "$S" addr add 192.0.2.1/24 dev s0
ip -n "$S" route add 198.51.100.0/24 via 192.0.2.2
ip -n "$R" addr add 192.0.2.2/24 dev r0
ip -n "$R" addr add 198.51.100.1/24 dev r1
ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1
ip -n "$C" link set c0 address 02:00:00:00:01:01

cat > "$NB_TMP/dhcpd.conf" <<EOC
subnet 192.0.2.0 netmask 255.255.255.0 { }
subnet 198.51.100.0 netmask 255.255.255.0 {
  option routers 198.51.100.1;
  next-server 192.0.2.1;
  filename "pxelinux.0";
  range 198.51.100.50 198.51.100.60;
  host far1 { hardware ethernet 02:00:00:00:01:01; fixed-address 198.51.100.11; }
}
EOC
dh_server "$S" -cf "$NB_TMP/dhcpd.conf" s0
nb_spawn "$R" "$relay" -4 -d -q -pf "$NB_TMP/relay.pid" -iu r0 -id r1 \
    192.0.2.1
sleep 0.5

dh_udhcpc "$C" c0 "$NB_TMP/u1" || nb_fail "no lease through the relay"
for want in ip=198.51.100.11 router=198.51.100.1 boot_file=pxelinux.0; do
	grep -qx "$want" "$NB_TMP/u1" ||
	    nb_fail "relayed: no $want in $(tr '\n' ' ' < "$NB_TMP/u1")"
done
nb_ok "fixed host on a relayed subnet"
ip -n "$C" addr flush dev c0
ip -n "$C" link set c0 address 02:00:00:00:01:02
dh_udhcpc "$C" c0 "$NB_TMP/u2" || nb_fail "no dynamic lease via the relay"
grep -qx ip=198.51.100.50 "$NB_TMP/u2" ||
    nb_fail "relayed dynamic: $(tr '\n' ' ' < "$NB_TMP/u2")"
nb_ok "dynamic lease from the relayed subnet's pool"
