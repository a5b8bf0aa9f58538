#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The starter root boots the stock Debian kernel under qemu (TCG) to /init:
#  - gzip'd cpio, virtio-net (modules from modules.dep), static ip=: the
#    console shows NODEBOOT-UP with the host name and address from ip=,
#    and nbpoweroff powers the machine off (qemu exits by itself);
#  - zstd cpio, e1000, DHCP (qemu's user network inside a namespace of
#    our own), nbup=PORT: the report line reaches a listener on the DHCP
#    server's side.
# The kernel is fetched once with apt-get download (cached in
# build/lab/kernel, the lab's place for it).

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
mk=$NB_BUILD/bin/mkrootfs
t=$NB_TMP
kdir=$NB_BUILD/lab/kernel

pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
    sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
[ -n "$pkg" ] || nb_fail "cannot resolve linux-image-amd64"
rel=${pkg#linux-image-}
if [ "$(cat "$kdir/release" 2>/dev/null)" != "$rel" ] ||
    [ ! -f "$kdir/root/boot/vmlinuz-$rel" ]; then
	rm -rf "$kdir/root" "$kdir/deb"
	mkdir -p "$kdir/deb"
	(cd "$kdir/deb" && apt-get -q download "$pkg") >&2 ||
	    nb_fail "apt-get download $pkg"
	dpkg-deb -x "$kdir"/deb/"$pkg"_*.deb "$kdir/root" || nb_fail "dpkg-deb"
	depmod -b "$kdir/root" "$rel" || nb_fail "depmod"
	rm -rf "$kdir/deb"
	echo "$rel" > "$kdir/release"
fi
kernel=$kdir/root/boot/vmlinuz-$rel

"$mk" starter "$t/root" --kernel-modules "$kdir/root/lib/modules/$rel" \
    --netkexec "$NB_BUILD/bin/netkexec" 2> "$t/err" ||
    nb_fail "starter: $(cat "$t/err")"
for m in virtio_pci virtio_net e1000 failover; do
	grep -q "/$m.ko$" "$t/root/lib/modules/$rel/nodeboot.load" ||
	    nb_fail "$m not in nodeboot.load"
done
grep -n 'failover.ko$' "$t/root/lib/modules/$rel/nodeboot.load" |
    head -n 1 | grep -q '^[0-9]*:kernel/net/core/failover.ko$' ||
    nb_fail "failover not before net_failover"
[ -x "$t/root/init" ] && [ -L "$t/root/bin/sh" ] || nb_fail "init, sh"
busybox sh -n "$t/root/init" && busybox sh -n "$t/root/etc/udhcpc.script" ||
    nb_fail "script syntax"
[ "$(readlink "$t/root/sbin/init")" = /init ] || nb_fail "/sbin/init"
[ -x "$t/root/sbin/netkexec" ] &&
    cmp -s "$NB_BUILD/bin/netkexec" "$t/root/sbin/netkexec" ||
    nb_fail "/sbin/netkexec is not build/bin/netkexec"
readelf -l "$t/root/sbin/netkexec" | grep -q 'program interpreter' &&
    nb_fail "/sbin/netkexec is not static (it has an ELF interpreter)"
nb_ok "starter root: busybox, /init, NIC modules in dependency order, netkexec"

"$mk" -q -r "$t/root" -o "$t/rootfs.gz" compress || nb_fail "gzip image"
"$mk" -q -r "$t/root" -z zstd -o "$t/rootfs.zst" compress ||
    nb_fail "zstd image"

# [NS=netns] run_qemu LOG ARGS: bounded; 0 if qemu exited by itself.
run_qemu() {
	log=$1
	shift
	${NS:+ip netns exec "$NS"} timeout -k 5 150 qemu-system-x86_64 -M pc -accel tcg -m 256 \
	    -display none -monitor none -serial stdio -no-reboot \
	    -kernel "$kernel" "$@" > "$log" 2>&1
}

run_qemu "$t/boot1.log" -initrd "$t/rootfs.gz" \
    -append "console=ttyS0 quiet ip=198.51.100.5:198.51.100.1::255.255.255.0:node1:eth0:off nbup=198.51.100.1:5140 nbpoweroff" \
    -netdev hubport,id=n0,hubid=0 -device virtio-net-pci,netdev=n0 ||
    nb_fail "boot 1 did not power off: $(tail -20 "$t/boot1.log")"
grep -q '^NODEBOOT-UP node1 198.51.100.5' "$t/boot1.log" ||
    nb_fail "no marker: $(tail -20 "$t/boot1.log")"
grep -q 'reboot: Power down' "$t/boot1.log" || nb_fail "no power down"
grep -q 'nodeboot: report to 198.51.100.1:5140 failed' "$t/boot1.log" ||
    nb_fail "an unreachable report server went unnoticed"
nb_ok "gzip cpio + virtio-net + ip=: NODEBOOT-UP node1 198.51.100.5," \
    "report failure shown, powered off"

nb_ns boot
ns=$NB_NS
# The listener starts only once the node's first try was refused: the
# report must arrive by a later try.
: > "$t/boot2.log"
nb_spawn "$ns" timeout 150 sh -c 'until grep -q "can.t connect" "$1"; do
	sleep 0.1; done; exec busybox nc -l -p 5140' sh "$t/boot2.log" \
    > "$t/report"
# qemu's user network: its DHCP server and 10.0.2.2 -> 127.0.0.1 of ns.
NS=$ns run_qemu "$t/boot2.log" -initrd "$t/rootfs.zst" \
    -append "console=ttyS0 quiet nbup=5140 nbpoweroff" \
    -netdev user,id=n0,hostname=node7 -device e1000,netdev=n0 ||
    nb_fail "boot 2: $(tail -20 "$t/boot2.log")"
grep -q 'lease of 10.0.2.15 obtained' "$t/boot2.log" ||
    nb_fail "no DHCP lease: $(tail -20 "$t/boot2.log")"
grep -q '^NODEBOOT-UP node7 10.0.2.15' "$t/boot2.log" || nb_fail "marker 2"
nb_wait 5 grep -q '^nodeboot-up node7 10.0.2.15$' "$t/report" ||
    nb_fail "no report: '$(cat "$t/report")'"
grep -q "nc: can't connect" "$t/boot2.log" || nb_fail "no refused first try"
! grep -q 'report to .* failed' "$t/boot2.log" ||
    nb_fail "report said failed: $(tail -20 "$t/boot2.log")"
nb_ok "zstd cpio + e1000 + DHCP: NODEBOOT-UP node7 10.0.2.15, report" \
    "(nbup=PORT: to the DHCP server) received over TCP after a refused try"
