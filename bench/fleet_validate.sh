#!/bin/sh
# SPDX-License-Identifier: ISC
#
# fleet_validate.sh: checks the fleet load generator (build/tests/pxefleet)
# against real peers, once; prints a Markdown section.  Not part of make
# bench (a qemu boot and eight storms take minutes): run it by hand as root.
#
# 1. One qemu node (iPXE ROM, pxelinux, the lab of lab/) boots through the
#    suite; then, on the same bridge and server, the generator boots one
#    client with the node's MAC and qemu's zero UUID under iPXE's schedule.
#    From the bridge's capture: the DHCP messages, the DISCOVER's option
#    codes and every TFTP request (name and options, in order) of each,
#    which must be equal, and when each came after the DHCP ACK.
# 2. Storms of FLEET_SIZES (16 64) clients powered on at once, PXE
#    schedule, against the suite, dnsmasq-base (default, and --no-ping),
#    ISC dhcpd + tftpd-hpa; 1 MiB kernel, 2 MiB initrd: booted, makespan,
#    retransmissions, per-phase p50 and max per client.

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
FL_TOP=$top
. "$top/tests/lib/fleet.sh"
nb_init
sizes=${FLEET_SIZES:-16 64}

# Lines $2..$3 of the capture: DHCP message types, the DISCOVER's option
# codes and the RRQs of client $1 (an address), one a line, with the time
# after the first ACK.
seq_of() {
	sed -n "$2,$3p" "$LAB_RUN/capture.txt" | awk -v ip="$1" '
	/^[0-9]+\.[0-9]+ / { t = $1; disc = 0 }
	/DHCP-Message \(53\)/ {
		print "dhcp " $NF
		if ($NF == "ACK" && !t0) t0 = t
		disc = $NF == "Discover"
	}
	disc && /^\t    [A-Za-z-]+ \([0-9]+\), length/ {
		c = $0; sub(/.*\(/, "", c); sub(/\).*/, "", c)
		codes = codes " " c
	}
	/: TFTP, .* RRQ / && index($1, ip ".") == 1 {
		r = $0; sub(/.* RRQ /, "", r)
		printf "rrq %s @%.3f\n", r, t - t0
	}
	END { print "discover-options" codes }'
}

# --- 1. one qemu node, then one generated client, same server ----------
LAB=$NB_TMP/lab
LAB_KCACHE=$top/build/lab/kernel
lab_init "$top"
lab_one_node nbpoweroff
lab_serve_suite "$LAB_TFTPBOOT"
mac=$(lab_mac 1)
lab_power_on "$mac" node1
nb_wait 240 grep -q " exit $mac " "$LAB_RUN/power.log" ||
    nb_fail "the qemu node did not power off"
grep -q ' nodeboot-up node1 ' "$LAB_RUN/reports.txt" ||
    nb_fail "the qemu node did not report up"
mark=$(($(wc -l < "$LAB_RUN/capture.txt") + 1))
nb_ns fleet
FL_C=$NB_NS
nb_veth "$LAB_NS" fl0 "$FL_C" c0
ip -n "$LAB_NS" link set fl0 master br0 || nb_fail "fl0 on br0"
fl_run one -n 1 -m "$mac" -u zero -S ipxe -T 60 -L 50 ||
    nb_fail "the generated client did not boot: $(cat "$NB_TMP/one.sum")"
sleep 1
seq_of 192.0.2.101 1 "$((mark - 1))" > "$NB_TMP/qemu.seq"
seq_of 192.0.2.101 "$mark" '$' > "$NB_TMP/fleet.seq"
sed 's/ @.*//' "$NB_TMP/qemu.seq" > "$NB_TMP/qemu.names"
sed 's/ @.*//' "$NB_TMP/fleet.seq" > "$NB_TMP/fleet.names"
if cmp -s "$NB_TMP/qemu.names" "$NB_TMP/fleet.names"; then
	same="identical"
else
	same="DIFFERENT"
fi

echo "## Fleet generator: validation against real peers"
echo
echo "One qemu node (qemu's iPXE ROM, SeaBIOS, Debian's pxelinux) booted"
echo "through the suite in the lab, then one generated client with its MAC"
echo "and zero UUID (\`pxefleet -n 1 -m $mac -u zero -S ipxe\`) on the same"
echo "bridge and server. From the bridge's capture, in order (times: seconds"
echo "after the DHCP ACK): the two sequences are **$same**."
echo
echo '| qemu node | t | pxefleet | t |'
echo '|---|---|---|---|'
paste -d'|' "$NB_TMP/qemu.seq" "$NB_TMP/fleet.seq" | awk -F'|' '
function t(s) { return match(s, / @[-0-9.]+$/) ? substr(s, RSTART + 2) : "" }
function w(s) { return match(s, / @[-0-9.]+$/) ? substr(s, 1, RSTART - 1) : s }
{ printf "| `%s` | %s | `%s` | %s |\n", w($1), t($1), w($2), t($2) }'
echo
[ "$same" = identical ] || diff "$NB_TMP/qemu.names" "$NB_TMP/fleet.names" |
    sed 's/^/    /'
lab_stop_servers
nb_stop "$LAB_POWER_PID"

# --- 2. storms against the suite and the peers --------------------------
ip netns del "$FL_C" 2>/dev/null
fl_net
fl_root "$NB_TMP/root" 1024 2048

# phase p50 and max over clients (a client's phase: first start to last end)
phases() {
	awk -F, 'NR > 1 && $4 != "boot" {
		k = $1 " " $4
		if (!(k in s) || $6 < s[k]) s[k] = $6
		if ($7 > e[k]) e[k] = $7
	} END { for (k in s) { split(k, w, " "); print w[2], e[k] - s[k] } }' \
	    "$1" | sort -k1,1 -k2,2n | awk '
	{ v[$1, ++n[$1]] = $2 }
	END {
		split("dhcp nbp ldlinux cfg kernel initrd", ph, " ")
		for (i = 1; i <= 6; i++) {
			p = ph[i]; c = n[p]
			if (!c) { printf " | -"; continue }
			printf " | %.2f / %.2f", v[p, int((c + 1) / 2)], v[p, c]
		}
	}'
}

storm() {
	_name=$1
	shift
	fl_run "$_name" "$@"
	_sum=$(sed -n 's/^pxefleet: clients //p' "$NB_TMP/$_name.sum")
	set -- $_sum
	# "N booted B not M makespan S s retrans R frames ..."
	printf '| %s | %s | %s | %s | %s%s |' "$server" "$1" "$3" "$7" "${10}" \
	    "$(phases "$NB_TMP/$_name.csv")"
	_why=$(awk -F, '$4 == "boot" && $NF != "booted" { print $NF }' \
	    "$NB_TMP/$_name.csv" | sort | uniq -c | sort -rn | head -n 2 |
	    awk '{ $1 = $1 "x"; print }' | paste -sd';' -)
	echo " ${_why:--} |"
}

echo "Storms: N clients powered on at once (PXE schedule, iPXE's DISCOVER),"
echo "each fetching pxelinux.0, ldlinux.c32, its pxelinux.cfg lookups down to"
echo "\`default\`, a 1 MiB kernel and a 2 MiB initrd. Phases: p50 / max over"
echo "clients, seconds."
echo
echo "| server | N | booted | makespan s | retrans | dhcp | nbp | ldlinux |" \
    "cfg | kernel | initrd | not booted |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in $sizes; do
	server=suite
	fl_serve_suite "$NB_TMP/root"
	storm "suite$n" -n "$n" -T 150 -L 140
	fl_stop_servers
	server=dnsmasq
	fl_serve_dnsmasq "$NB_TMP/root"
	storm "dnsmasq$n" -n "$n" -T 150 -L 140
	fl_stop_servers
	server="dnsmasq --no-ping"
	fl_serve_dnsmasq "$NB_TMP/root" --no-ping
	storm "dnsmasqnp$n" -n "$n" -T 150 -L 140
	fl_stop_servers
	server="ISC dhcpd + tftpd-hpa"
	fl_serve_isc "$NB_TMP/root"
	storm "isc$n" -n "$n" -T 150 -L 140
	fl_stop_servers
done
