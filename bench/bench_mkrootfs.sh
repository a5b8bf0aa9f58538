#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_mkrootfs.sh: a 64 MiB root image built and compressed by the seed's
# Makefile pipeline (dd, mke2fs, mount -o loop, cp -a, umount, e2fsck -f,
# gzip) beside mkrootfs (ext2 and cpio formats), in the same run; then the
# image sizes beside gzip -9 and zstd -19 of the same bytes.  The root is
# mkrootfs's starter root plus /usr/lib/x86_64-linux-gnu/perl (~28 MB of
# libraries and text).  Medians of 3 runs.  Needs root (loop mounts).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
mk=$top/build/bin/mkrootfs
[ -x "$mk" ] || { echo "bench_mkrootfs: build first" >&2; exit 1; }
t=$(mktemp -d /tmp/nb-bench.XXXXXX)
trap 'rm -rf "$t"' EXIT INT TERM HUP
reps=3

"$mk" -q starter "$t/tree" 2>/dev/null
mkdir -p "$t/tree/usr/lib"
cp -a /usr/lib/x86_64-linux-gnu/perl "$t/tree/usr/lib/perl"
treemb=$(du -sm "$t/tree" | cut -f1)

# The seed's Makefile: newfs, mount, copyfs, umount, check, compress.
seed() {
	unshare -m sh -ec '
	cd "$1"
	rm -f newfs rootfs
	mkdir -p loop1
	dd if=/dev/zero of=newfs bs=1k count=65536 2>/dev/null
	mke2fs -q -F -L ROOT newfs < /dev/null
	mount -o loop newfs loop1
	cp -a "$2"/* loop1
	umount loop1
	mv newfs rootfs
	e2fsck -f -n rootfs > /dev/null
	gzip -c rootfs | dd of=seed.gz 2>/dev/null' sh "$t/seed" "$t/tree"
}
mk_ext2() {
	"$mk" -q -F ext2 -r "$t/tree" -w "$t/w" -o "$t/ext2.gz" compress \
	    2>/dev/null
}
mk_cpio() {
	"$mk" -q -r "$t/tree" -o "$t/cpio.gz" compress 2>/dev/null
}
mk_cpio9() {
	"$mk" -q -l 9 -r "$t/tree" -o "$t/cpio9.gz" compress 2>/dev/null
}
mk_zstd() {
	"$mk" -q -z zstd -r "$t/tree" -o "$t/cpio.zst" compress 2>/dev/null
}
mkdir -p "$t/seed" "$t/w"

# median SECONDS...: the middle one of three
median() {
	printf '%s\n' "$@" | sort -n | sed -n 2p
}
timeit() {
	s=$(date +%s.%N)
	"$@"
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.2f\n", e - s }'
}
for f in seed mk_ext2 mk_cpio mk_cpio9 mk_zstd; do
	set --
	i=0
	while [ $i -lt $reps ]; do
		set -- "$@" "$(timeit $f)"
		i=$((i + 1))
	done
	eval "t_$f=$(median "$@")"
done

size() {
	stat -c %s "$1"
}
gzip -9 -c "$t/seed/rootfs" > "$t/ext2.gz9"
zstd -q -19 -c "$t/seed/rootfs" > "$t/ext2.zst19"
"$mk" -q -z none -r "$t/tree" -o "$t/cpio" compress 2>/dev/null
gzip -9 -c "$t/cpio" > "$t/cpio.gz9"
zstd -q -19 -c "$t/cpio" > "$t/cpio.zst19"
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'
}

echo "## mkrootfs: build and compress a 64 MiB root"
echo
echo "Command: \`make bench\` (bench/bench_mkrootfs.sh); a ${treemb} MB tree"
echo "(starter root + /usr/lib/x86_64-linux-gnu/perl), medians of $reps runs."
echo
echo "| pipeline | time (s) | vs seed | image (bytes) |"
echo "|---|---:|---:|---:|"
echo "| seed Makefile: dd, mke2fs, mount, cp -a, umount, e2fsck, gzip (-6) | $t_seed | 1.00 | $(size "$t/seed/seed.gz") |"
echo "| \`mkrootfs -F ext2 compress\` (zlib 6) | $t_mk_ext2 | $(ratio "$t_mk_ext2" "$t_seed") | $(size "$t/ext2.gz") |"
echo "| \`mkrootfs compress\` (cpio, zlib 6: the default) | $t_mk_cpio | $(ratio "$t_mk_cpio" "$t_seed") | $(size "$t/cpio.gz") |"
echo "| \`mkrootfs -l 9 compress\` (cpio, zlib 9) | $t_mk_cpio9 | $(ratio "$t_mk_cpio9" "$t_seed") | $(size "$t/cpio9.gz") |"
echo "| \`mkrootfs -z zstd compress\` (cpio, zstd 9, a thread per CPU) | $t_mk_zstd | $(ratio "$t_mk_zstd" "$t_seed") | $(size "$t/cpio.zst") |"
echo
echo "| same bytes compressed by | ext2 image (bytes) | cpio archive (bytes) |"
echo "|---|---:|---:|"
echo "| mkrootfs, zlib 6 (the default) | $(size "$t/ext2.gz") | $(size "$t/cpio.gz") |"
echo "| mkrootfs -l 9, zlib 9 | | $(size "$t/cpio9.gz") |"
echo "| mkrootfs -z zstd, zstd 9 | | $(size "$t/cpio.zst") |"
echo "| \`gzip -9\` | $(size "$t/ext2.gz9") | $(size "$t/cpio.gz9") |"
echo "| \`zstd -19\` | $(size "$t/ext2.zst19") | $(size "$t/cpio.zst19") |"
