#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_parallel.sh: real firmware under contention.  `make demo NODES=8
# PARALLEL=8` (lab/demo.sh: qemu TCG, SeaBIOS + iPXE, pxelinux, the Debian
# kernel and a mkrootfs image) powers BENCH_PAR_NODES (8) nodes on at once
# through the suite, then through Debian's dnsmasq-base serving the same
# files, BENCH_PAR_RUNS (1) times each, alternating: TCG is slow.  Prints
# each run's per-node timeline (lab/timeline.sh: firmware, DHCP, pxelinux,
# kernel, initrd and up) and the makespans, as a Markdown section.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
nodes=${BENCH_PAR_NODES:-8}
runs=${BENCH_PAR_RUNS:-1}
lab=$top/build/lab-parallel
out=$(mktemp -d) || exit 1
trap 'rm -rf "$out"' EXIT INT TERM HUP

# run SERVER I: one demo; its timeline in $out/SERVER.I
run() {
	echo "bench_parallel: $1, run $2" >&2
	LAB=$lab NODES=$nodes PARALLEL=$nodes SERVER=$1 \
	    TIMEOUT=${BENCH_PAR_TIMEOUT:-900} sh "$top/lab/demo.sh" >&2 ||
	    echo "bench_parallel: $1: not every node came up" >&2
	cp "$lab/run/timeline.md" "$out/$1.$2" 2> /dev/null ||
	    echo "(no timeline: the demo failed before its end)" > "$out/$1.$2"
}

i=1
while [ "$i" -le "$runs" ]; do
	run suite "$i"
	run dnsmasq "$i"
	i=$((i + 1))
done

echo "## Real firmware under contention: $nodes qemu nodes at once"
echo
echo "\`make demo NODES=$nodes PARALLEL=$nodes\` and the same with"
echo "\`SERVER=dnsmasq\` (\`sh bench/bench_parallel.sh\`): $nodes qemu nodes (TCG,"
echo "SeaBIOS + iPXE, virtio-net) powered on at once by \`wakeup -P $nodes\`,"
echo "each fetching pxelinux, its pxelinux.cfg file, the Debian kernel and the"
echo "mkrootfs initramfs, on $(nproc) cores: the firmware's own CPU, not the"
echo "server, is most of each phase here. Seconds from the bridge's capture."
for s in suite dnsmasq; do
	i=1
	while [ "$i" -le "$runs" ]; do
		echo
		echo "### $s, run $i"
		echo
		cat "$out/$s.$i"
		i=$((i + 1))
	done
done
