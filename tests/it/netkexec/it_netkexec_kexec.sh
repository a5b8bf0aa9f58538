#!/bin/sh
# SPDX-License-Identifier: ISC
#
# netkexec's kexec path for real: a qemu node (TCG, stock Debian kernel,
# e1000) boots a busybox initramfs holding the static netkexec, which finds
# pxelinux.cfg/default on qemu's own TFTP server (slirp, 10.0.2.2, learnt
# from netkexec.server= on the kernel command line), downloads kernel and
# initramfs, and kexecs.  The node must come back up in the fetched kernel
# with the entry's command line (a second marker on the serial console)
# without going through the firmware again (one SeaBIOS banner only).  The
# first name tried is the SMBIOS UUID of qemu -uuid, in pxelinux's order.
# No network leaves qemu: slirp serves TFTP inside the qemu process.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

nk=$NB_BUILD/bin/netkexec
[ -x "$nk" ] || nb_fail "no $nk (make all first)"
command -v qemu-system-x86_64 >/dev/null || nb_fail "no qemu-system-x86_64"
[ -x /bin/busybox ] || nb_fail "no /bin/busybox (busybox-static)"

# The stock Debian kernel, fetched once into build/ (apt-get download).
kdir=$NB_BUILD/kernel
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
    sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
[ -n "$pkg" ] || nb_fail "cannot resolve linux-image-amd64"
rel=${pkg#linux-image-}
if [ ! -f "$kdir/root/boot/vmlinuz-$rel" ]; then
	rm -rf "$kdir" && mkdir -p "$kdir/deb" || nb_fail "mkdir $kdir"
	(cd "$kdir/deb" && apt-get -q download "$pkg" >/dev/null 2>&1) ||
	    nb_fail "apt-get download $pkg"
	dpkg-deb -x "$kdir"/deb/"$pkg"_*.deb "$kdir/root" ||
	    nb_fail "dpkg-deb -x"
	rm -rf "$kdir/deb"
fi
e1000=$(find "$kdir/root/lib/modules/$rel" -name e1000.ko | head -n 1)
[ -n "$e1000" ] || nb_fail "no e1000.ko in $pkg"

# The node's initramfs: busybox, netkexec, the NIC driver and an /init
# that boots first with netkexec and second with a marker only.
r=$NB_TMP/root
tftp=$NB_TMP/tftp
mkdir -p "$r/bin" "$r/sbin" "$r/proc" "$r/sys" "$r/dev" "$tftp/pxelinux.cfg"
cp /bin/busybox "$r/bin/" && cp "$nk" "$r/sbin/" && cp "$e1000" "$r/" ||
    nb_fail "copy into the initramfs"
for a in sh mount cat grep ip insmod poweroff; do
	ln -s busybox "$r/bin/$a"
done
cat > "$r/init" <<'EOI'
#!/bin/sh
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
insmod /e1000.ko
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
if grep -q nk.second /proc/cmdline; then
	echo "NK-MARKER second up: $(cat /proc/cmdline)"
	poweroff -f
fi
echo "NK-MARKER first up"
netkexec -n -v
netkexec -v -u none
echo "NK-MARKER netkexec returned $?"
poweroff -f
EOI
chmod +x "$r/init"
(cd "$r" && find . | cpio -o -H newc --quiet | gzip -1) > "$tftp/rootfs.gz" ||
    nb_fail "cpio"
cp "$kdir/root/boot/vmlinuz-$rel" "$tftp/vmlinuz"
printf 'DEFAULT node\nLABEL node\n  KERNEL vmlinuz\n  INITRD rootfs.gz\n'`
    `'  APPEND console=ttyS0 nk.second\n  IPAPPEND 2\n' \
    > "$tftp/pxelinux.cfg/default"

log=$NB_TMP/serial.log
timeout -k 5 300 qemu-system-x86_64 -m 768 -nographic -no-reboot \
    -kernel "$tftp/vmlinuz" -initrd "$tftp/rootfs.gz" \
    -append "console=ttyS0 netkexec.server=10.0.2.2" \
    -uuid 11223344-5566-7788-99aa-bbccddeeff00 \
    -netdev "user,id=n0,restrict=on,tftp=$tftp" \
    -device e1000,netdev=n0,mac=52:54:00:12:34:56 > "$log" 2>&1 ||
    nb_fail "qemu failed or timed out; serial: $(tail -20 "$log")"
tr -d '\r' < "$log" > "$log.txt" && log=$log.txt

grep -q 'NK-MARKER first up' "$log" || nb_fail "first boot: no marker"
grep -q '^server 10.0.2.2$' "$log" || nb_fail "dry run: no server line"
grep -q '^config pxelinux.cfg/default$' "$log" || nb_fail "dry run: config"
grep -q '^kernel vmlinuz$' "$log" || nb_fail "dry run: no kernel line"
grep -q '^cmdline console=ttyS0 nk.second BOOTIF=01-52-54-00-12-34-56' \
    "$log" || nb_fail "dry run: wrong command line"
# qemu stores -uuid's first three fields little-endian in SMBIOS; the
# name pxelinux asks for first shows the bytes as stored.
grep -q '^netkexec: pxelinux.cfg/44332211-6655-8877-99aa-bbccddeeff00: ' \
    "$log" || nb_fail "UUID name not tried first: $(grep -a netkexec "$log")"
nb_ok "first boot: netkexec -n found pxelinux.cfg/default on 10.0.2.2"
nb_ok "SMBIOS UUID read from the DMI table, in pxelinux's byte order"
grep -q 'kexec_core: Starting new kernel' "$log" ||
    nb_fail "no kexec; serial: $(grep -a -e netkexec -e NK-MARKER "$log")"
second=$(grep -a 'NK-MARKER second up' "$log")
[ "$second" = "NK-MARKER second up: console=ttyS0 nk.second BOOTIF=01-52-54-00-12-34-56" ] ||
    nb_fail "second boot: '$second'"
nb_ok "second boot in the fetched kernel with the entry's command line"
n=$(grep -a -c 'SeaBIOS (version' "$log")
[ "$n" = 1 ] || nb_fail "$n SeaBIOS banners: the reboot went through the BIOS"
awk '/kexec_core: Starting new kernel/ { k = NR } /SeaBIOS \(version/ { b = NR }
    END { exit !(k > b) }' "$log" || nb_fail "BIOS after the kexec"
nb_ok "no firmware between the two boots (one SeaBIOS banner)"
