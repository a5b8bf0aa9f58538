#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_dhcp.sh: dhcpd-pxe beside dnsmasq (dnsmasq-base), ISC dhcpd
# (isc-dhcp-server's binary, run by hand) and kea-dhcp4 (memfile, persisted)
# under Kea's perfdhcp, every server in its own network namespace, same
# pool, same run.  perfdhcp acts as a relay agent from 198.51.100.1 with
# 200 clients (an RFC 5737 /24 must hold them; each comes back many
# times).  A rate ladder (RATES, SECS seconds each) and an avalanche (the
# 200 clients as fast as perfdhcp goes), REPS repetitions each; medians.
# Prints a Markdown section.  Note: dhcpd-pxe and ISC dhcpd fsync every
# lease before its ACK; Kea's memfile and dnsmasq do not.  No server
# pings an address before offering it (dnsmasq: --no-ping).

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
nb_init
RATES=${RATES:-"500 1000 2000 4000"}
SECS=${SECS:-4}
REPS=${REPS:-3}
B=${NB_BUILD:-$top/build}

nb_ns srv
S=$NB_NS
nb_ns cli
C=$NB_NS
nb_veth "$S" s0 "$C" c0
ip -n "$S" addr add 192.0.2.1/24 dev s0
ip -n "$C" addr add 192.0.2.2/24 dev c0
ip -n "$C" addr add 198.51.100.1/24 dev c0
ip -n "$S" route add 198.51.100.0/24 via 192.0.2.2
W=$NB_TMP
mkdir "$W/lease" && chown nobody "$W/lease"

cat > "$W/ours.conf" <<EOC
authoritative;
subnet 192.0.2.0 netmask 255.255.255.0 { }
subnet 198.51.100.0 netmask 255.255.255.0 { range 198.51.100.10 198.51.100.250; }
EOC
cp "$W/ours.conf" "$W/isc.conf"
cat > "$W/kea.json" <<EOC
{ "Dhcp4": {
  "interfaces-config": { "interfaces": [ "s0" ], "dhcp-socket-type": "udp" },
  "lease-database": { "type": "memfile", "persist": true,
    "name": "$W/kea.leases", "lfc-interval": 0 },
  "valid-lifetime": 43200,
  "subnet4": [
    { "id": 1, "subnet": "192.0.2.0/24" },
    { "id": 2, "subnet": "198.51.100.0/24",
      "pools": [ { "pool": "198.51.100.10 - 198.51.100.250" } ] } ],
  "loggers": [ { "name": "kea-dhcp4", "severity": "ERROR",
    "output_options": [ { "output": "stderr" } ] } ] } }
EOC

start() {
	rm -f "$W"/lease/* "$W"/isc.leases "$W"/kea.leases* "$W"/dnsmasq.leases
	case $1 in
	dhcpd-pxe) nb_spawn "$S" "$B/bin/dhcpd-pxe" -f -cf "$W/ours.conf" \
	    -lf "$W/lease/dhcpd.leases" -pf "$W/pid" s0 ;;
	isc-dhcpd) touch "$W/isc.leases"
		nb_spawn "$S" dhcpd -4 -f -q -cf "$W/isc.conf" \
		    -lf "$W/isc.leases" -pf "$W/isc.pid" s0 ;;
	kea-dhcp4) nb_spawn "$S" env KEA_PIDFILE_DIR="$W" \
	    KEA_LOCKFILE_DIR="$W" kea-dhcp4 -c "$W/kea.json" ;;
	dnsmasq) nb_spawn "$S" dnsmasq -k -C /dev/null --port=0 --no-ping \
	    --interface=s0 --user=root --dhcp-authoritative \
	    --dhcp-range=198.51.100.10,198.51.100.250,255.255.255.0,12h \
	    --dhcp-range=192.0.2.0,static \
	    --dhcp-leasefile="$W/dnsmasq.leases" --pid-file="$W/dnsmasq.pid" ;;
	esac > "$W/$1.log" 2>&1
	SPID=$NB_PID
	nb_wait 10 sh -c "ip netns exec $S ss -uln | grep -q ':67 '" ||
	    { echo "bench: $1 did not start" >&2; exit 1; }
	sleep 0.3
}

# perf ARGS...: one perfdhcp run; prints "ack_rate drop% avg_ms max_ms"
perf() {
	ip netns exec "$C" perfdhcp -4 -l 198.51.100.1 -R 200 -W 1000000 \
	    "$@" 192.0.2.1 2>/dev/null | awk -v secs="$SECS" '
	BEGIN { ra = 0 }
	/Statistics for: REQUEST-ACK/ { ra = 1 }
	/^sent packets:/ { sent[ra] = $3 }
	/^received packets:/ { rcv[ra] = $3 }
	/^avg delay:/ && ra { avg = $3 }
	/^max delay:/ && ra { max = $3 }
	END {
		d = sent[0] ? 100 * (sent[0] - rcv[1]) / sent[0] : 100
		printf "%d %.2f %.3f %.3f\n", rcv[1] / secs, d, avg, max
	}'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

SERVERS="dhcpd-pxe kea-dhcp4 isc-dhcpd dnsmasq"
for s in $SERVERS; do
	for r in $RATES; do
		: > "$W/$s.$r"
		for i in $(seq "$REPS"); do
			start "$s"
			perf -r "$r" -p "$SECS" >> "$W/$s.$r"
			nb_stop "$SPID"
		done
	done
	: > "$W/$s.av"
	for i in $(seq "$REPS"); do
		start "$s"
		t0=$(date +%s.%N)
		ip netns exec "$C" perfdhcp -4 -l 198.51.100.1 -R 200 -n 200 \
		    -r 20000 -W 3000000 192.0.2.1 > "$W/av.out" 2>&1
		t1=$(date +%s.%N)
		rcv=$(awk '/REQUEST-ACK/{f=1} f && /^received packets:/{print $3; exit}' "$W/av.out")
		echo "$t0 $t1 $rcv" | awk '{ printf "%.3f %d\n", $2 - $1, $3 }' >> "$W/$s.av"
		nb_stop "$SPID"
	done
done

echo "## DHCP: dhcpd-pxe vs Kea, ISC dhcpd and dnsmasq (perfdhcp)"
echo
echo "Command, per server and rate (medians of $REPS runs of ${SECS} s; every server"
echo "restarted with an empty lease file for each run):"
echo
echo '```'
echo "ip netns exec CLI perfdhcp -4 -l 198.51.100.1 -R 200 -W 1000000 -r RATE -p $SECS 192.0.2.1"
echo '```'
echo
echo "ACKs/s, drops (DISCOVERs without an ACK) and REQUEST->ACK delay (perfdhcp"
echo "reports average and maximum, not percentiles).  dhcpd-pxe and ISC dhcpd"
echo "fsync each lease before its ACK (dhcpd-pxe: one fdatasync per batch); Kea's"
echo "memfile and dnsmasq write without fsync."
echo
echo "| offered/s | server | ACK/s | drop % | avg ms | max ms | ACK/s vs dhcpd-pxe |"
echo "|---:|---|---:|---:|---:|---:|---:|"
for r in $RATES; do
	ours=$(cut -d' ' -f1 "$W/dhcpd-pxe.$r" | median)
	for s in $SERVERS; do
		a=$(cut -d' ' -f1 "$W/$s.$r" | median)
		d=$(cut -d' ' -f2 "$W/$s.$r" | median)
		g=$(cut -d' ' -f3 "$W/$s.$r" | median)
		m=$(cut -d' ' -f4 "$W/$s.$r" | median)
		ratio=$(echo "$a $ours" | awk '{ printf "%.2f", $2 ? $1 / $2 : 0 }')
		echo "| $r | $s | $a | $d | $g | $m | $ratio |"
	done
done
echo
echo "Avalanche: the 200 clients' DORA as fast as perfdhcp sends"
echo "(\`perfdhcp ... -R 200 -n 200 -r 20000 -W 3000000\`), wall time"
echo "including perfdhcp's 3 s exit wait, median of $REPS:"
echo
echo "| server | seconds | ACKs |"
echo "|---|---:|---:|"
for s in $SERVERS; do
	echo "| $s | $(cut -d' ' -f1 "$W/$s.av" | median) | $(cut -d' ' -f2 "$W/$s.av" | median) |"
done
