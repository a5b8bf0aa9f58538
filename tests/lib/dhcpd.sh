# SPDX-License-Identifier: ISC
#
# dhcpd.sh: helpers for dhcpd-pxe's integration tests (source after nb.sh).
#   dh_server NS ARGS...   start dhcpd-pxe in NS in the foreground with a
#                          lease directory owned by nobody; $DH_PID,
#                          $DH_LEASES; waits until port 67 is bound
#   dh_udhcpc NS IF OUT ARGS...  one busybox udhcpc run (3 tries, 1 s
#                          apart); its script writes the variables to OUT
#   dh_caps PID            fail unless PID runs as nobody with CapEff 0

DH_BIN=${NB_BUILD:-$(cd "$(dirname "$0")/../.." && pwd)/build}/bin/dhcpd-pxe

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
