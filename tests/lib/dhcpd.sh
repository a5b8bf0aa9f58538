# SPDX-License-Identifier: ISC
#
# dhcpd.sh: helpers for dhcpd-pxe's integration tests and benchmark
# (source after nb.sh).
#   dh_net [NET/LEN...]    namespaces $DH_S (server) and $DH_C (clients)
#                          joined by veth s0 -- c0, 192.0.2.1/24 on s0;
#                          for each NET (a.b.c.d/len, d even) c0 gets
#                          192.0.2.2/24 and NET's first address (d + 1),
#                          and $DH_S a route to NET through it, so that
#                          perfdhcp -l can play a relay agent on NET
#   dh_server NS ARGS...   start dhcpd-pxe in NS in the foreground with a
#                          lease directory owned by nobody; $DH_PID,
#                          $DH_LEASES; waits until port 67 is bound
#   dh_udhcpc NS IF OUT ARGS...  one busybox udhcpc run (3 tries, 1 s
#                          apart); its script writes the variables to OUT
#   dh_caps PID            fail unless PID runs as nobody with CapEff 0
#   $DH_BIN, $DH_LAT       dhcpd-pxe and the capture reader dhcplat

DH_BUILD=${NB_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/build}
DH_BIN=$DH_BUILD/bin/dhcpd-pxe
DH_LAT=$DH_BUILD/tests/dhcplat

dh_net() {
	nb_ns srv
	DH_S=$NB_NS
	nb_ns cli
	DH_C=$NB_NS
	nb_veth "$DH_S" s0 "$DH_C" c0
	ip -n "$DH_S" addr add 192.0.2.1/24 dev s0 || nb_fail "addr s0"
	[ $# = 0 ] && return 0
	ip -n "$DH_C" addr add 192.0.2.2/24 dev c0 || nb_fail "addr c0"
	for _net; do
		_a=${_net%/*}
		ip -n "$DH_C" addr add "${_a%.*}.$((${_a##*.} + 1))/${_net#*/}" \
		    dev c0 || nb_fail "addr $_net on c0"
		ip -n "$DH_S" route add "$_net" via 192.0.2.2 ||
		    nb_fail "route to $_net"
	done
}

dh_server() {
	_ns=$1
	shift
	mkdir -p "$NB_TMP/lease"
	chown nobody "$NB_TMP/lease"
	DH_LEASES=$NB_TMP/lease/dhcpd.leases
	nb_spawn "$_ns" "$DH_BIN" -d -v -lf "$DH_LEASES" -pf "$NB_TMP/pid" \
	    "$@"
	DH_PID=$NB_PID
	nb_wait 5 sh -c "ip netns exec $_ns ss -uln | grep -q ':67 '" ||
	    nb_fail "dhcpd-pxe did not bind port 67"
}

dh_udhcpc() {
	_ns=$1 _if=$2 _out=$3
	shift 3
	cat > "$NB_TMP/udhcpc.sh" <<'EOS'
#!/bin/sh
[ "$1" = bound ] && env | grep -E '^(ip|siaddr|boot_file|subnet|router|opt[0-9]+)=' | sort > "$DH_OUT"
exit 0
EOS
	chmod +x "$NB_TMP/udhcpc.sh"
	rm -f "$_out"
	DH_OUT=$_out ip netns exec "$_ns" busybox udhcpc -i "$_if" -n -q -f \
	    -t 3 -T 1 -s "$NB_TMP/udhcpc.sh" "$@" >/dev/null 2>&1
}

dh_caps() {
	_st=/proc/$(pgrep -P "$1" dhcpd-pxe || echo "$1")/status
	grep -q '^CapEff:[[:space:]]*0000000000000000$' "$_st" ||
	    nb_fail "dhcpd-pxe has capabilities: $(grep CapEff "$_st")"
	grep -q "^Uid:[[:space:]]*$(id -u nobody)[[:space:]]" "$_st" ||
	    nb_fail "dhcpd-pxe does not run as nobody"
}
