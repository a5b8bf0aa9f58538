#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_etc_load.sh: loading a big cluster's node list.  N nodes (default
# 100000; BENCH_NODES=n, BENCH_FULL=1 adds 400000) as N ethers + N hosts
# lines behind a dhcpd.conf `ethers-hosts' statement, checked by
# `dhcpd-pxe -t' and planned by `pxecfg-gen -n'; beside the same nodes as
# N host blocks of dhcpd.conf.  Every load must stay linear: a lookup per
# line that scans the table made 40000 ethers lines take a minute.  Medians
# of 3 runs.  No root, no network.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=$top/build/bin
for p in dhcpd-pxe pxecfg-gen; do
	[ -x "$bin/$p" ] || { echo "bench_etc_load: build first" >&2; exit 1; }
done
t=$(mktemp -d /tmp/nb-bench.XXXXXX)
trap 'rm -rf "$t"' EXIT INT TERM HUP
sizes=${BENCH_NODES:-100000}
[ "${BENCH_FULL:-0}" = 1 ] && sizes="$sizes 400000"

# gen N DIR: node<i> is 02:00:00:<i> at 10.<i>, one subnet 10.0.0.0/8.
gen() {
	mkdir -p "$2/tftp"
	awk -v n="$1" -v d="$2" 'BEGIN {
		s = "subnet 10.0.0.0 netmask 255.0.0.0 { next-server 10.255.255.254; }"
		print s > (d "/eh.conf")
		printf "ethers-hosts \"%s/ethers\" \"%s/hosts\";\n", d, d >> (d "/eh.conf")
		print s > (d "/hosts.conf")
		for (i = 1; i <= n; i++) {
			a = int(i / 65536); b = int(i / 256) % 256; c = i % 256
			m = sprintf("02:00:00:%02x:%02x:%02x", a, b, c)
			ip = sprintf("10.%d.%d.%d", a, b, c)
			printf "%s node%d\n", m, i > (d "/ethers")
			printf "%s node%d\n", ip, i > (d "/hosts")
			printf "host node%d { hardware ethernet %s; fixed-address %s; }\n", \
			    i, m, ip >> (d "/hosts.conf")
		}
	}'
}
median() {
	printf '%s\n' "$@" | sort -n | sed -n 2p
}
# timeit CMD...: median wall seconds of three runs; a failure is fatal.
timeit() {
	rs=
	for r in 1 2 3; do
		s=$(date +%s.%N)
		"$@" > /dev/null ||
		    { echo "bench_etc_load: $* failed" >&2; exit 1; }
		e=$(date +%s.%N)
		rs="$rs $(awk -v s="$s" -v e="$e" \
		    'BEGIN { printf "%.3f", e - s }')"
	done
	# shellcheck disable=SC2086
	median $rs
}

echo "## Loading a big cluster's nodes: ethers + hosts"
echo
echo "Command: \`sh bench/bench_etc_load.sh\` (\`BENCH_NODES=n\` sets the"
echo "size, \`BENCH_FULL=1\` adds 400000); N nodes = N lines of ethers(5) + N"
echo "of hosts(5) behind \`ethers-hosts\`, or N host blocks. Medians of 3 runs."
echo
echo "| nodes | load | time (s) | µs per node |"
echo "|---:|---|---:|---:|"
for n in $sizes; do
	d=$t/$n
	gen "$n" "$d"
	for c in eh hb pg; do
		case $c in
		eh) what='`dhcpd-pxe -t`, ethers-hosts'
		    s=$(timeit "$bin/dhcpd-pxe" -t -cf "$d/eh.conf") ;;
		hb) what='`dhcpd-pxe -t`, host blocks'
		    # a config may weigh 16 MiB (FILE_READ_MAX)
		    if [ "$(stat -c %s "$d/hosts.conf")" -gt 16777216 ]; then
			    printf '| %s | %s | over 16 MiB | |\n' "$n" "$what"
			    continue
		    fi
		    s=$(timeit "$bin/dhcpd-pxe" -t -cf "$d/hosts.conf") ;;
		pg) what='`pxecfg-gen -n`, ethers-hosts'
		    s=$(timeit "$bin/pxecfg-gen" -n -d "$d/tftp" -c \
		    "$d/eh.conf" -C none) ;;
		esac
		printf '| %s | %s | %s | %s |\n' "$n" "$what" "$s" \
		    "$(awk -v s="$s" -v n="$n" 'BEGIN { printf "%.1f", s * 1e6 / n }')"
	done
	rm -rf "$d"
done
