#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench.sh: runs every bench/bench_*.sh; each prints a Markdown section on
# stdout.  BENCH_ONLY=name runs one and prints it instead of writing the
# file; so does BENCH_PART=part when bench/bench_part.sh exists (make bench
# BENCH_PART=storm), else BENCH_PART is left to the scripts (bench_tftp.sh
# reads it for its tables).  The sections, under a header naming
# the commit, the machine and the date, become BENCHMARKS.md.  Ratios are
# computed within one run, beside Debian's peers, since the machine is
# shared and noisy.

set -u
out=BENCHMARKS.md
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM HUP
n=0
if [ -n "${BENCH_PART:-}" ] && [ -f "bench/bench_$BENCH_PART.sh" ]; then
	BENCH_ONLY=bench_$BENCH_PART
	unset BENCH_PART
fi
{
	echo "# nodeboot benchmarks"
	echo
	echo "Written by \`make bench\` ($(git rev-parse --short HEAD 2>/dev/null ||
	    echo unknown), $(date -u +%Y-%m-%d), $(nproc) cores,"
	echo "$(uname -r)). Every ratio compares programs measured in the same run."
	echo
} > "$tmp"
for b in bench/bench_*.sh; do
	[ -f "$b" ] || continue
	name=${b##*/}
	name=${name%.sh}
	[ -n "${BENCH_ONLY:-}" ] && [ "$BENCH_ONLY" != "$name" ] && continue
	echo "bench: $name" >&2
	sh "$b" >> "$tmp" || { echo "bench: $name failed" >&2; exit 1; }
	echo >> "$tmp"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "bench: no benchmark found" >&2; exit 1; }
if [ -n "${BENCH_ONLY:-}" ]; then
	cat "$tmp"
	exit 0
fi
cp "$tmp" "$out"
echo "bench: wrote $out ($n sections)" >&2
