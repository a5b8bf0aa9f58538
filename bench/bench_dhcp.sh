#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_dhcp.sh: dhcpd-pxe beside dnsmasq (dnsmasq-base), ISC dhcpd
# (isc-dhcp-server's binary, run by hand) and kea-dhcp4 (memfile, persisted)
# under Kea's perfdhcp, every server in its own network namespace, same
# pools, same run.  perfdhcp acts as a relay agent.  A rate ladder (RATES,
# SECS seconds each) with 200 clients from 198.51.100.1 (an RFC 5737 /24
# must hold them; each comes back many times), and an avalanche of 1000
# clients (perfdhcp --scenario avalanche) from 198.18.0.1 into a /22 of the
# RFC 2544 benchmarking range 198.18.0.0/15, which exists only inside the
# namespaces made here; REPS repetitions each; medians.  Every run is
# captured on the server's interface (tcpdump) and build/tests/dhcplat
# reads the REQUEST->ACK percentiles and the time to all-bound from the
# capture.  Prints a Markdown section.  Note: dhcpd-pxe and ISC dhcpd
# fsync every lease before its ACK; Kea's memfile and dnsmasq do not.  No
# server pings an address before offering it (ping-check false; dnsmasq:
# --no-ping, and --dhcp-lease-max past its default of 1000).

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/tests/lib/dhcpd.sh"
nb_init
RATES=${RATES-"500 1000 2000 4000"}
SECS=${SECS:-4}
REPS=${REPS:-3}
AVTIME=${AVTIME:-30}
B=${NB_BUILD:-$top/build}
[ -x "$B/tests/dhcplat" ] || { echo "bench: no $B/tests/dhcplat" >&2; exit 1; }

dh_net 198.51.100.0/24 198.18.0.0/22
S=$DH_S
C=$DH_C
W=$NB_TMP
mkdir "$W/lease" && chown nobody "$W/lease"

cat > "$W/ours.conf" <<EOC
authoritative;
ping-check false;
subnet 192.0.2.0 netmask 255.255.255.0 { }
subnet 198.51.100.0 netmask 255.255.255.0 { range 198.51.100.10 198.51.100.250; }
subnet 198.18.0.0 netmask 255.255.252.0 { range 198.18.0.10 198.18.3.254; }
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
      "pools": [ { "pool": "198.51.100.10 - 198.51.100.250" } ] },
    { "id": 3, "subnet": "198.18.0.0/22",
      "pools": [ { "pool": "198.18.0.10 - 198.18.3.254" } ] } ],
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
	    --dhcp-lease-max=4096 \
	    --interface=s0 --user=root --dhcp-authoritative \
	    --dhcp-range=198.51.100.10,198.51.100.250,255.255.255.0,12h \
	    --dhcp-range=198.18.0.10,198.18.3.254,255.255.252.0,12h \
	    --dhcp-range=192.0.2.0,static \
	    --dhcp-leasefile="$W/dnsmasq.leases" --pid-file="$W/dnsmasq.pid" ;;
	esac > "$W/$1.log" 2>&1
	SPID=$NB_PID
	nb_wait 10 sh -c "ip netns exec $S ss -uln | grep -q ':67 '" ||
	    { echo "bench: $1 did not start" >&2; exit 1; }
	sleep 0.3
}

# cap_start / cap_stop: a capture of the DHCP traffic on the server's
# interface; cap_stop prints dhcplat's line for it.
cap_start() {
	rm -f "$W/cap" "$W/tcpdump.log"
	nb_spawn "$S" tcpdump -n -i s0 -B 16384 -s 400 -w "$W/cap" \
	    udp port 67 or udp port 68 2> "$W/tcpdump.log"
	CPID=$NB_PID
	nb_wait 10 grep -q listening "$W/tcpdump.log" ||
	    { echo "bench: tcpdump did not start" >&2; exit 1; }
}

cap_stop() {
	sleep 1		# let tcpdump read what the kernel holds
	nb_stop "$CPID"
	"$B/tests/dhcplat" "$W/cap"
}

# field NAME: the value after NAME in a dhcplat line on stdin
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }'; }

# perf ARGS...: one perfdhcp run; prints "ack_rate drop% avg_ms max_ms p99_ms"
perf() {
	cap_start
	ip netns exec "$C" perfdhcp -4 -l 198.51.100.1 -R 200 -W 1000000 \
	    "$@" 192.0.2.1 > "$W/perf.out" 2>/dev/null
	p99=$(cap_stop | field p99)
	awk -v secs="$SECS" -v p99="$p99" '
	BEGIN { ra = 0 }
	/Statistics for: REQUEST-ACK/ { ra = 1 }
	/^sent packets:/ { sent[ra] = $3 }
	/^received packets:/ { rcv[ra] = $3 }
	/^avg delay:/ && ra { avg = $3 }
	/^max delay:/ && ra { max = $3 }
	END {
		d = sent[0] ? 100 * (sent[0] - rcv[1]) / sent[0] : 100
		printf "%d %.2f %.3f %.3f %s\n", rcv[1] / secs, d, avg, max, p99
	}' "$W/perf.out"
}

# avalanche: 1000 clients at once; prints "perfdhcp_s capture_s clients
# resent naks" (perfdhcp_s = AVTIME if it did not finish)
avalanche() {
	cap_start
	timeout "$AVTIME" ip netns exec "$C" perfdhcp -4 -l 198.18.0.1 \
	    -R 1000 --scenario avalanche 192.0.2.1 > "$W/av.out" 2>&1
	cap_stop > "$W/av.lat"
	t=$(sed -n 's/^It took \([0-9:.]*\) to provision.*/\1/p' "$W/av.out" |
	    awk -F: '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 }')
	echo "${t:-$AVTIME} $(field all-bound < "$W/av.lat")" \
	    "$(field clients < "$W/av.lat")" \
	    "$(sed -n 's/^Requests resent: //p' "$W/av.out" | grep . || echo -)" \
	    "$(field naks < "$W/av.lat")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

load0=$(cut -d' ' -f1-3 /proc/loadavg)
SERVERS=${SERVERS:-"dhcpd-pxe kea-dhcp4 isc-dhcpd dnsmasq"}
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
		avalanche >> "$W/$s.av"
		nb_stop "$SPID"
	done
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)

# col FILE N: the median of column N of FILE
col() { cut -d' ' -f"$2" "$1" | median; }

echo "## DHCP: dhcpd-pxe vs Kea, ISC dhcpd and dnsmasq (perfdhcp)"
echo
echo "Command, per server and rate (medians of $REPS runs of ${SECS} s; every server"
echo "restarted with an empty lease file for each run; load average $load0"
echo "before, $load1 after, $(nproc) CPUs):"
echo
echo '```'
echo "ip netns exec CLI perfdhcp -4 -l 198.51.100.1 -R 200 -W 1000000 -r RATE -p $SECS 192.0.2.1"
echo '```'
echo
echo "ACKs/s, drops (DISCOVERs without an ACK) and REQUEST->ACK delay: average"
echo "and maximum as perfdhcp reports them, p99 from a tcpdump capture on the"
echo "server's interface read by \`build/tests/dhcplat\` (each REQUEST paired"
echo "with its ACK by xid and chaddr).  dhcpd-pxe and ISC dhcpd fsync each lease"
echo "before its ACK (dhcpd-pxe: one fdatasync per batch); Kea's memfile and"
echo "dnsmasq write without fsync."
echo
echo "| offered/s | server | ACK/s | drop % | avg ms | p99 ms | max ms | ACK/s vs dhcpd-pxe |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for r in $RATES; do
	ours=$(col "$W/dhcpd-pxe.$r" 1)
	for s in $SERVERS; do
		f=$W/$s.$r
		a=$(col "$f" 1)
		ratio=$(echo "$a $ours" | awk '{ printf "%.2f", $2 ? $1 / $2 : 0 }')
		echo "| $r | $s | $a | $(col "$f" 2) | $(col "$f" 3) |" \
		    "$(col "$f" 5) | $(col "$f" 4) | $ratio |"
	done
done
echo
echo "Avalanche: 1000 clients at once, relayed from 198.18.0.1 into a /22 pool"
echo "of 1013 addresses (RFC 2544's benchmarking range, inside the namespaces),"
echo "each retransmitting with back-off until bound; median of $REPS:"
echo
echo '```'
echo "ip netns exec CLI perfdhcp -4 -l 198.18.0.1 -R 1000 --scenario avalanche 192.0.2.1"
echo '```'
echo
echo "Time to all-bound as perfdhcp reports it (\"It took ... to provision\";"
echo "$AVTIME means not done in $AVTIME s) and from the capture (first DHCP"
echo "packet to the ACK that bound the last client), clients bound in the"
echo "capture, requests perfdhcp resent, NAKs in the capture.  perfdhcp"
echo "retries a NAKed REQUEST instead of starting over with a DISCOVER, so a"
echo "server that offers one address to two clients never finishes."
echo
echo "| server | all-bound s | capture s | clients | resent | NAKs | time vs dhcpd-pxe |"
echo "|---|---:|---:|---:|---:|---:|---:|"
ours=$(col "$W/dhcpd-pxe.av" 1)
for s in $SERVERS; do
	f=$W/$s.av
	t=$(col "$f" 1)
	ratio=$(echo "$t $ours" | awk '{ printf "%.2f", $2 ? $1 / $2 : 0 }')
	echo "| $s | $t | $(col "$f" 2) | $(col "$f" 3) | $(col "$f" 4) |" \
	    "$(col "$f" 5) | $ratio |"
done
