#!/bin/sh
# SPDX-License-Identifier: ISC
#
# ping-check: a host in its own namespace already holds the pool's first
# address (192.0.2.100) without a lease and answers pings.  Without
# ping-check, busybox udhcpc is offered that address; with `ping-check
# true', dhcpd-pxe pings it first, hears the echo reply, abandons the
# address (logged, and on disk as abandoned) and offers the next one,
# which stays quiet for ping-timeout; meanwhile a second client on
# another interface is served (the wait blocks nobody); the daemon still
# has CapEff 0.

. "$(dirname "$0")/../../lib/nb.sh"
. "$(dirname "$0")/../../lib/dhcpd.sh"
nb_init

dh_net
S=$DH_S
C=$DH_C
# The squatter: reached from the server through s1, by a host route.
nb_ns hog
H=$NB_NS
nb_veth "$S" s1 "$H" h0
ip -n "$H" addr add 192.0.2.100/24 dev h0
ip -n "$S" route add 192.0.2.100/32 dev s1 src 192.0.2.1
ip netns exec "$S" ping -c 1 -W 2 192.0.2.100 >/dev/null ||
    nb_fail "the squatter does not answer pings"
ip -n "$C" link set c0 address 02:00:00:00:00:21
# A second client, with a fixed address (never pinged), on s2.
nb_ns cli2
C2=$NB_NS
nb_veth "$S" s2 "$C2" c2
ip -n "$S" addr add 198.51.100.1/24 dev s2
ip -n "$C2" link set c2 address 02:00:00:00:00:22

conf() {
	cat > "$NB_TMP/dhcpd.conf" <<EOC
authoritative;
$1
subnet 192.0.2.0 netmask 255.255.255.0 {
  range 192.0.2.100 192.0.2.110;
}
subnet 198.51.100.0 netmask 255.255.255.0 {
  host two { hardware ethernet 02:00:00:00:00:22;
    fixed-address 198.51.100.22; }
}
EOC
}

conf "ping-check false;"
dh_server "$S" -cf "$NB_TMP/dhcpd.conf" s0 s2 2> "$NB_TMP/log1"
dh_udhcpc "$C" c0 "$NB_TMP/u1" || nb_fail "no lease without ping-check"
grep -qx ip=192.0.2.100 "$NB_TMP/u1" ||
    nb_fail "without ping-check: $(tr '\n' ' ' < "$NB_TMP/u1")"
nb_stop "$DH_PID"
nb_ok "without ping-check: the squatter's address 192.0.2.100 is offered"

rm -f "$DH_LEASES"
conf "ping-check true;
ping-timeout 3;"
dh_server "$S" -cf "$NB_TMP/dhcpd.conf" s0 s2 2> "$NB_TMP/log2"
dh_caps "$DH_PID"
t0=$(date +%s%N)
dh_udhcpc "$C" c0 "$NB_TMP/u2" -t 6 &
u2=$!
nb_wait 5 grep -q "answers a ping" "$NB_TMP/log2" ||
    nb_fail "no ping answered: $(cat "$NB_TMP/log2")"
dh_udhcpc "$C2" c2 "$NB_TMP/u3" || nb_fail "second client not served"
grep -qx ip=198.51.100.22 "$NB_TMP/u3" ||
    nb_fail "second client: $(tr '\n' ' ' < "$NB_TMP/u3")"
grep -q "DHCPOFFER on 192.0.2.101" "$NB_TMP/log2" &&
    nb_fail "the second client waited for the first one's ping"
wait "$u2" || nb_fail "no lease with ping-check"
t1=$(date +%s%N)
grep -qx ip=192.0.2.101 "$NB_TMP/u2" ||
    nb_fail "with ping-check: $(tr '\n' ' ' < "$NB_TMP/u2")"
grep -q "192.0.2.100: answers a ping: abandoned, not offered to 02:00:00:00:00:21" \
    "$NB_TMP/log2" || nb_fail "no abandon line in: $(cat "$NB_TMP/log2")"
awk '/^lease 192.0.2.100 /{ f = 1 } f && /binding state abandoned;/{ ok = 1 }
    /^}/{ f = 0 } END { exit !ok }' "$DH_LEASES" ||
    nb_fail "192.0.2.100 not abandoned on disk: $(cat "$DH_LEASES")"
# 192.0.2.101 was offered only after its ping went unanswered for 3 s.
[ $(((t1 - t0) / 1000000)) -ge 3000 ] ||
    nb_fail "offer after $(((t1 - t0) / 1000000)) ms: no ping wait"
dh_caps "$DH_PID"
nb_ok "ping-check: 192.0.2.100 answered, abandoned and logged; 192.0.2.101 offered after 3 s, another client served meanwhile; CapEff 0"
