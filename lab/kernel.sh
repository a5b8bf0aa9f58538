#!/bin/sh
# SPDX-License-Identifier: ISC
#
# kernel.sh DIR: fetch the stock Debian kernel with apt-get download (the
# package linux-image-amd64 depends on today) and unpack it with dpkg-deb
# into DIR/root (cached: a second run with the same package does nothing).
# Prints the kernel release, e.g. "6.1.0-56-amd64"; the kernel is then
# DIR/root/boot/vmlinuz-<release> and its modules DIR/root/lib/modules/<release>.

set -eu
dir=${1:?usage: kernel.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
    sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
[ -n "$pkg" ] || { echo "kernel.sh: cannot resolve linux-image-amd64" >&2; exit 1; }
rel=${pkg#linux-image-}

if [ "$(cat "$dir/release" 2>/dev/null)" != "$rel" ] ||
    [ ! -f "$dir/root/boot/vmlinuz-$rel" ]; then
	rm -rf "$dir/root" "$dir/deb"
	mkdir -p "$dir/deb"
	# _apt cannot write into build/; the download runs as root there.
	(cd "$dir/deb" && apt-get -q download "$pkg" >&2 2>/dev/null) ||
	    (cd "$dir/deb" && apt-get -q download "$pkg" >&2)
	dpkg-deb -x "$dir"/deb/"$pkg"_*.deb "$dir/root"
	depmod -b "$dir/root" "$rel"
	rm -rf "$dir/deb"
	echo "$rel" > "$dir/release"
fi
echo "$rel"
