#!/bin/sh
# SPDX-License-Identifier: ISC
#
# node.sh LAB MAC: powers on the lab node with MAC (the power shim runs it
# in the lab's namespace): a tap "t-NAME" on br0 and qemu-system-x86_64
# under TCG booting from the network with qemu's own iPXE ROM, serial
# console to LAB/run/NAME.console (NAME from LAB/etc/ethers, else x +
# the MAC's last 6 hex digits).  It returns when the machine powers off.
#   LAB_NIC          virtio-net-pci (default) or e1000
#   LAB_UEFI_NODES   names booted with OVMF instead of SeaBIOS
#   LAB_EDK2PXE_NODES   names booted with OVMF's own PXE client: the NIC
#                    has no option ROM (with qemu's iPXE ROM the firmware
#                    runs iPXE, whose DHCP says user class "iPXE")
#   LAB_HTTPBOOT_NODES  names booted with OVMF by UEFI HTTP Boot: no
#                    option ROM, and the firmware's PXE entries off, so
#                    HTTPv4 is the first it tries (DESIGN.md)
#   LAB_SECBOOT_NODES  names booted with OVMF with Secure Boot on and
#                    Microsoft's keys enrolled (q35, SMM), by OVMF's own
#                    PXE client: no option ROM (with iPXE's, shim rejects
#                    GRUB; DESIGN.md)
#   LAB_MEM          MiB of RAM (default 512)
#   LAB_RACK_NODES   names on the rack's bridge (br1 in namespace
#                    $LAB_RACK_NS, lab/rack.sh) instead of the lab's br0
#   LAB_SERCON=1     SeaBIOS's screen (its banner, iPXE, pxelinux) copied to
#                    the serial console too, so one log shows every pass
#                    through the firmware
set -eu
lab=$1
mac=$2
name=$(awk -v m="$mac" 'tolower($1) == m { print $2; exit }' "$lab/etc/ethers")
# A machine missing from ethers (the lab's stranger) is named by its MAC.
[ -n "$name" ] || name=x$(echo "$mac" | tr -d : | cut -c7-)
tap=t-$name
in=
br=br0
for n in ${LAB_RACK_NODES:-}; do
	[ "$n" = "$name" ] || continue
	in="ip netns exec $LAB_RACK_NS"
	br=br1
done
# shellcheck disable=SC2086
$in ip link show "$tap" >/dev/null 2>&1 || {
	$in ip tuntap add dev "$tap" mode tap
	$in ip link set "$tap" master "$br"
	$in ip link set "$tap" up
}
fw=
rom=
ovmf="-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd
    -drive if=pflash,format=raw,file=$lab/run/$name.vars"
for n in ${LAB_UEFI_NODES:-}; do
	[ "$n" = "$name" ] || continue
	cp /usr/share/OVMF/OVMF_VARS_4M.fd "$lab/run/$name.vars"
	fw=$ovmf
done
for n in ${LAB_EDK2PXE_NODES:-}; do
	[ "$n" = "$name" ] || continue
	cp /usr/share/OVMF/OVMF_VARS_4M.fd "$lab/run/$name.vars"
	fw=$ovmf
	rom=,romfile=
done
for n in ${LAB_HTTPBOOT_NODES:-}; do
	[ "$n" = "$name" ] || continue
	cp /usr/share/OVMF/OVMF_VARS_4M.fd "$lab/run/$name.vars"
	fw="$ovmf -fw_cfg name=opt/org.tianocore/IPv4PXESupport,string=n
	    -fw_cfg name=opt/org.tianocore/IPv6PXESupport,string=n"
	rom=,romfile=
done
machine=pc
for n in ${LAB_SECBOOT_NODES:-}; do
	[ "$n" = "$name" ] || continue
	cp /usr/share/OVMF/OVMF_VARS_4M.ms.fd "$lab/run/$name.vars"
	fw="-drive if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.secboot.fd
	    -drive if=pflash,format=raw,file=$lab/run/$name.vars
	    -global driver=cfi.pflash01,property=secure,value=on"
	machine=q35,smm=on
	rom=,romfile=
done
if [ -n "${LAB_SERCON:-}" ] && [ -z "$fw" ]; then
	# fw_cfg etc/sercon-port: the I/O port, a little-endian integer
	printf '\370\003' > "$lab/run/$name.sercon"
	fw="-fw_cfg name=etc/sercon-port,file=$lab/run/$name.sercon"
fi
# shellcheck disable=SC2086
exec $in qemu-system-x86_64 -name "$name" -machine "$machine,accel=tcg" \
    -m "${LAB_MEM:-512}" \
    -nodefaults -display none -monitor none \
    -serial "file:$lab/run/$name.console" $fw \
    -netdev "tap,id=n0,ifname=$tap,script=no,downscript=no" \
    -device "${LAB_NIC:-virtio-net-pci},netdev=n0,mac=$mac$rom" \
    -boot n
