#!/bin/sh
# SPDX-License-Identifier: ISC
#
# initramfs.sh KROOT RELEASE OUT: the lab's stand-in starter root, a gzip'd
# cpio newc initramfs made with cpio(1) from busybox-static, the kernel's NIC
# modules (virtio_net, e1000 and what modules.dep says they need, in load
# order) and lab/init.  It lets the lab boot without mkrootfs (issue 6), and
# is what the dnsmasq comparison path serves.

set -eu
kroot=${1:?usage: initramfs.sh KROOT RELEASE OUT}
rel=${2:?release}
out=${3:?out}
here=$(cd "$(dirname "$0")" && pwd)
mods=$kroot/lib/modules/$rel
[ -f "$mods/modules.dep" ] || { echo "initramfs.sh: no $mods/modules.dep" >&2; exit 1; }

tree=$(mktemp -d "${out%/*}/.initramfs.XXXXXX")
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/bin" "$tree/dev" "$tree/proc" "$tree/sys" "$tree/etc" \
    "$tree/lib/modules" "$tree/tmp"
cp /bin/busybox "$tree/bin/busybox"
ln -s busybox "$tree/bin/sh"
cp "$here/init" "$tree/init"
chmod 0755 "$tree/init"

# Load order: each module after the modules it depends on (modules.dep
# lists a module's dependencies, the deepest last).
deps() {
	line=$(grep "/$1\.ko:" "$mods/modules.dep") || {
		echo "initramfs.sh: $1 not in modules.dep (built in?)" >&2
		return 0
	}
	path=${line%%:*}
	for d in $(echo "${line#*:}" | tr ' ' '\n' | sed '1!G;h;$!d'); do
		echo "$d"
	done
	echo "$path"
}
: > "$tree/etc/modules"
for m in failover net_failover virtio virtio_ring virtio_pci_legacy_dev \
    virtio_pci_modern_dev virtio_pci virtio_net e1000; do
	deps "$m"
done | awk '!seen[$0]++' | while read -r p; do
	cp "$mods/$p" "$tree/lib/modules/"
	echo "${p##*/}" >> "$tree/etc/modules"
done

(cd "$tree" && find . -mindepth 1 | LC_ALL=C sort |
    cpio --quiet -o -H newc -R 0:0) | gzip -9n > "$out.tmp"
mv "$out.tmp" "$out"
