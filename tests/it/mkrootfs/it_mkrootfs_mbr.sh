#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs rebootmbr, proved under qemu (SeaBIOS, TCG, -no-reboot: qemu
# exits when the machine resets):
#  - the sector keeps the partition table and disk signature, gets 0x55AA,
#    and the old sector is saved first; another boot loader is refused
#    without --force; the backup is never overwritten;
#  - a disk carrying the stub resets the machine (qemu exits by itself);
#  - the stub with its 8042 and 0xCF9 fallbacks turned into NOPs still
#    resets it: the zero-limit IDT and int 3 triple fault alone work;
#  - the seed's `lidt [0]; int 3' does NOT reset SeaBIOS (still running
#    after 15 s);
#  - boot order network-then-disk with no DHCP answer falls to the disk
#    and the stub resets the machine.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
mk=$NB_BUILD/bin/mkrootfs
t=$NB_TMP
cd "$t" || nb_fail "cd"

# A 1 MiB disk with a disk signature and one partition entry (type 0x83,
# LBA 2048, 0 sectors: nothing is read from it).
truncate -s 1M disk.img
printf '\336\255\276\357\000\000\200\040\041\000\203\376\377\377\000\010\000\000\000\000\000\000' |
    dd of=disk.img bs=1 seek=440 conv=notrunc status=none
dd if=disk.img bs=1 skip=440 count=70 status=none > table.before
cp disk.img pristine.img

"$mk" rebootmbr --backup disk.bak disk.img 2> err ||
    nb_fail "rebootmbr: $(cat err)"
grep -q "boot code: no boot code" err || nb_fail "$(cat err)"
cmp -n 512 disk.bak pristine.img || nb_fail "backup is not the old sector"
dd if=disk.img bs=1 skip=440 count=70 status=none | cmp - table.before ||
    nb_fail "partition table or disk signature changed"
[ "$(od -An -tx1 -j510 -N2 disk.img | tr -d ' ')" = 55aa ] ||
    nb_fail "no 0x55AA"
cmp -i 512 disk.img pristine.img || nb_fail "bytes after sector 0 changed"
nb_ok "table and signature kept, 0x55AA set, old sector backed up"

"$mk" rebootmbr --backup disk.bak disk.img 2> err
[ $? = 73 ] || nb_fail "an existing backup was not refused (EX_CANTCREAT)"
"$mk" rebootmbr --backup disk.bak2 disk.img 2> err ||
    nb_fail "rerun: $(cat err)"
grep -q "boot code: the nodeboot reboot stub" err || nb_fail "$(cat err)"
cp pristine.img grub.img
printf '\353\143\220GRUB' | dd of=grub.img conv=notrunc status=none
cp grub.img grub.orig
"$mk" rebootmbr --backup grub.bak grub.img 2> err
[ $? = 65 ] || nb_fail "foreign boot code not refused with EX_DATAERR"
grep -q "another boot loader (use --force)" err || nb_fail "$(cat err)"
cmp grub.img grub.orig || nb_fail "refused disk was changed"
[ -e grub.bak ] && nb_fail "refused disk got a backup"
"$mk" rebootmbr --force --backup grub.bak grub.img 2>/dev/null ||
    nb_fail "--force"
cmp -n 512 grub.bak grub.orig || nb_fail "forced: backup"
"$mk" rebootmbr --backup x nonexistent.img 2>/dev/null
[ $? = 66 ] || nb_fail "missing target is not EX_NOINPUT"
nb_ok "backup never overwritten; another boot loader refused unless --force"

# boot DISK SECONDS [qemu args]: 0 if qemu exited by itself (reset).
boot() {
	img=$1 secs=$2
	shift 2
	start=$(date +%s)
	timeout -k 5 "$secs" qemu-system-x86_64 -M pc -accel tcg -m 32 \
	    -display none -monitor none -serial none -parallel none \
	    -no-reboot -drive file="$img",format=raw,if=ide "$@"
	rc=$?
	took=$(($(date +%s) - start))
	[ "$rc" = 0 ]
}

boot disk.img 30 -nic none -boot c ||
    nb_fail "the stub did not reset the machine (qemu rc $rc)"
nb_ok "the stub resets SeaBIOS: qemu -no-reboot exited after $took s"

# The same stub with 8042 and 0xCF9 resets NOPed out (offsets 0x0f-0x18).
cp disk.img idt.img
printf '\220\220\220\220\220\220\220\220\220\220' |
    dd of=idt.img bs=1 seek=15 conv=notrunc status=none
boot idt.img 30 -nic none -boot c ||
    nb_fail "the zero-limit IDT triple fault did not reset (rc $rc)"
nb_ok "zero-limit IDT + int 3 alone resets: qemu exited after $took s"

# The seed's bytes: lidt [0]; int 3 (DS = 0 loads the IVT: no fault).
cp pristine.img seed.img
printf '\017\001\036\000\000\315\003' |
    dd of=seed.img bs=1 conv=notrunc status=none
printf '\125\252' | dd of=seed.img bs=1 seek=510 conv=notrunc status=none
boot seed.img 15 -nic none -boot c &&
    nb_fail "the seed's bytes reset the machine after all"
[ "$rc" = 124 ] || nb_fail "qemu failed on the seed's disk (rc $rc)"
nb_ok "the seed's lidt [0]; int 3 does not reset SeaBIOS (killed after 15 s)"

# Network first, nobody answers DHCP (a hub with no other port), then disk.
boot disk.img 90 -netdev hubport,id=n0,hubid=0 \
    -device virtio-net-pci,netdev=n0 -boot order=nc ||
    nb_fail "network-then-disk did not reset (rc $rc)"
nb_ok "boot order network, disk, no DHCP: reset after $took s"
