#!/bin/sh
# SPDX-License-Identifier: ISC
#
# dhcpd-pxe with clients churning through a small pool (issue 16): 80
# busybox udhcpc clients, each with its own MAC, take and release one of 4
# addresses in turn (the old MAC index filled with stale entries and the
# server hung at about the 64th, fixed hosts included, deaf to SIGTERM);
# a fixed host is still answered after them; a restart on the journal they
# left answers a stranger at once (the hang survived restarts); perfdhcp's
# clients exhaust the pool and the server says "no free leases" at its
# default log level, at most 10 lines a minute; SIGTERM ends it.

. "$(dirname "$0")/../../lib/nb.sh"
. "$(dirname "$0")/../../lib/dhcpd.sh"
nb_init

dh_net 198.51.100.0/24
S=$DH_S
C=$DH_C
conf=$NB_TMP/dhcpd.conf
cat > "$conf" <<EOC
authoritative;
subnet 192.0.2.0 netmask 255.255.255.0 {
  range 192.0.2.100 192.0.2.103;
  host node1 { hardware ethernet 02:00:00:00:01:01; fixed-address 192.0.2.11; }
}
subnet 198.51.100.0 netmask 255.255.255.0 {
  range 198.51.100.10 198.51.100.13;
}
EOC
mkdir -p "$NB_TMP/lease"
chown nobody "$NB_TMP/lease"
leases=$NB_TMP/lease/dhcpd.leases

# serve LOG: dhcpd-pxe at its default log level (no -v), stderr to LOG.
serve() {
	nb_spawn "$S" "$DH_BIN" -d -lf "$leases" -pf "$NB_TMP/pid" -cf "$conf" \
	    s0 2> "$1"
	DH_PID=$NB_PID
	nb_wait 5 sh -c "ip netns exec $S ss -uln | grep -q ':67 '" ||
	    nb_fail "dhcpd-pxe did not bind port 67"
}

# client MAC OUT: a udhcpc with that MAC binds (its script puts the address
# on c0 and writes it to OUT), is told to release (SIGUSR2: busybox sends
# the RELEASE from the bound address; with -q it would send none), and
# stops.  Fails if no lease came within 5 s or no release within 3 s.
cat > "$NB_TMP/rel.sh" <<'EOS'
#!/bin/sh
case $1 in
bound) ip addr add "$ip/32" dev "$interface"; echo "ip=$ip" > "$OUT" ;;
deconfig) [ -s "$OUT" ] && ip addr del "$(sed 's/^ip=//' "$OUT")/32" \
    dev "$interface" 2>/dev/null; rm -f "$OUT" ;;
esac
exit 0
EOS
chmod +x "$NB_TMP/rel.sh"
client() {
	ip -n "$C" link set c0 address "$1" || nb_fail "set MAC $1"
	rm -f "$2"
	OUT=$2 nb_spawn "$C" busybox udhcpc -i c0 -f -T 1 \
	    -s "$NB_TMP/rel.sh" >/dev/null 2>&1
	_u=$NB_PID
	nb_wait 5 test -s "$2" || { nb_stop "$_u"; return 1; }
	cp "$2" "$2.got"
	kill -USR2 "$_u"
	nb_wait 3 test ! -e "$2" || nb_fail "$1: no release"
	nb_stop "$_u"
}

serve "$NB_TMP/log1"
i=1
while [ "$i" -le 80 ]; do
	mac=$(printf '02:00:00:00:10:%02x' "$i")
	client "$mac" "$NB_TMP/u" ||
	    nb_fail "client $i ($mac) got no lease: $(tail -3 "$NB_TMP/log1")"
	grep -qx 'ip=192.0.2.10[0-3]' "$NB_TMP/u.got" ||
	    nb_fail "client $i: $(cat "$NB_TMP/u.got")"
	i=$((i + 1))
done
nb_ok "80 clients took and released an address of a 4-address pool"
client 02:00:00:00:01:01 "$NB_TMP/u" || nb_fail "fixed host not answered"
grep -qx ip=192.0.2.11 "$NB_TMP/u.got" ||
    nb_fail "fixed host: $(cat "$NB_TMP/u.got")"
nb_ok "the fixed host is answered after them"
[ "$(grep -c '^lease ' "$leases")" -ge 160 ] ||
    nb_fail "journal: $(grep -c '^lease ' "$leases") records"
nb_stop "$DH_PID"

serve "$NB_TMP/log2"
client 02:00:00:00:20:01 "$NB_TMP/u" ||
    nb_fail "after a restart on the journal a stranger got no lease"
nb_ok "restart on a journal of 80 clients on 4 addresses: a stranger served"

# Exhaustion: 40 clients via a relay for 4 addresses, no release.
ip netns exec "$C" perfdhcp -4 -l 198.51.100.1 -r 40 -p 3 -R 40 \
    -b mac=00:0c:03:00:00:00 192.0.2.1 > "$NB_TMP/p" 2>&1
nofree=$(grep -c 'DHCPDISCOVER from 00:0c:03:.* via s0: no free leases' \
    "$NB_TMP/log2")
[ "$nofree" -ge 1 ] && [ "$nofree" -le 20 ] ||
    nb_fail "$nofree 'no free leases' lines: $(tail -3 "$NB_TMP/log2")"
grep -q 'no free leases (more this minute not logged)' "$NB_TMP/log2" ||
    nb_fail "no rate-limit note: $(tail -3 "$NB_TMP/log2")"
nb_ok "pool exhausted: $nofree 'no free leases' lines without -v"

kill -TERM "$DH_PID"
nb_wait 3 sh -c "! kill -0 $DH_PID 2>/dev/null" ||
    nb_fail "dhcpd-pxe did not exit on SIGTERM"
nb_ok "SIGTERM ends it"
