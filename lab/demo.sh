#!/bin/sh
# SPDX-License-Identifier: ISC
#
# demo.sh: `make demo`, the virtual cluster.  After `make deps` and `make
# all` it fetches the Debian kernel (apt-get download, dpkg-deb -x; cached
# in build/lab/kernel), builds the image with mkrootfs, writes dhcpd.conf
# and pxelinux.cfg (pxecfg-gen) in build/lab, starts the server side in a
# network namespace (xinetd -> in.tftpd, dhcpd-pxe, radvd) and the power
# shim, and lets `wakeup --sequential` power on the qemu nodes one after
# the other (or PARALLEL at once).  It prints a per-node timeline and the makespan, and removes
# the namespace and every process on exit or Ctrl-C.
#
#   NODES=4          how many nodes
#   PARALLEL=1       nodes booting at once (wakeup --parallel; 1 is
#                    --sequential, auto lets wakeup find it; the suite's
#                    transfer log paces them, dnsmasq's boots go by -d 20)
#   PROFILE=bios     bios (SeaBIOS, virtio-net), e1000 (SeaBIOS, e1000),
#                    uefi (OVMF, virtio-net: option 93 -> syslinux.efi);
#                    over HTTP (etc/dhcpd-http.conf, nginx): http (SeaBIOS,
#                    whose iPXE ROM fetches its script, kernel and image
#                    over HTTP), uefi-http (OVMF by UEFI HTTP Boot, no
#                    TFTP), mixed (by turns: http, OVMF chainloading
#                    ipxe.efi over TFTP then HTTP, uefi-http, secureboot);
#                    secureboot (OVMF with Secure Boot on and Microsoft's
#                    keys: etc/dhcpd-secureboot.conf, shim, signed GRUB
#                    and kernel over TFTP)
#   RACK=1           the even nodes on a rack (lab/rack.sh): a second
#                    subnet behind dhcrelay, served by a boot helper's
#                    in.tftpd and nginx cache; implies HTTP (PROFILE=http
#                    unless mixed or uefi-http)
#   SERVER=suite     or dnsmasq (Debian's dnsmasq-base serves the same files)
#   DHCP=suite       or proxy: the site's DHCP server (dnsmasq-base on
#                    another host of the link) hands out the addresses,
#                    dhcpd-pxe in proxy mode (etc/dhcpd-proxy.conf) only
#                    the boot answers; PROFILE bios, e1000 or uefi
#   STAY=1           nodes stay up (a shell on the serial console) until
#                    Ctrl-C, instead of powering off once up
#   KEXEC=1          once up, each node reboots with netkexec into the entry
#                    it booted (no firmware) and reports up a second time
#   TIMEOUT=120      seconds per node
#   POWER=wol        or ipmi: each node has a BMC (OpenIPMI's ipmi_sim,
#                    lab/bmc.sh) and wakeup --bmc powers it through ipmitool
#                    (one-time PXE boot, power on) instead of a magic packet;
#                    the power states are shown at the end (wakeup --status)

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/lab/lab.sh"
. "$top/lab/serve.sh"
. "$top/lab/rack.sh"
. "$top/lab/bmc.sh"

NODES=${NODES:-4}
PROFILE=${PROFILE:-bios}
SERVER=${SERVER:-suite}
TIMEOUT=${TIMEOUT:-120}
PARALLEL=${PARALLEL:-1}
RACK=${RACK:-}
DHCP=${DHCP:-suite}
case $DHCP/$SERVER/$PROFILE in
suite/*) ;;
proxy/suite/bios|proxy/suite/e1000|proxy/suite/uefi) ;;
proxy/*) nb_fail "DHCP=proxy: with SERVER=suite and PROFILE bios, e1000" \
    "or uefi" ;;
*) nb_fail "DHCP=$DHCP: suite or proxy" ;;
esac
POWER=${POWER:-wol}
[ -z "$RACK" ] || [ "$PROFILE" = mixed ] || [ "$PROFILE" = uefi-http ] ||
    PROFILE=http
case $NODES in
''|*[!0-9]*) nb_fail "NODES=$NODES: not a number" ;;
esac
case $PARALLEL in
auto|auto:*) [ "$SERVER" = dnsmasq ] &&
	nb_fail "PARALLEL=auto paces by in.tftpd's transfer log: not with dnsmasq" ;;
''|*[!0-9]*) nb_fail "PARALLEL=$PARALLEL: a number or auto" ;;
esac
[ "$NODES" -ge 1 ] && [ "$NODES" -le 99 ] || nb_fail "NODES: 1 to 99"
case $POWER in
wol) ;;
ipmi) [ "$NODES" -le 79 ] || nb_fail "POWER=ipmi: NODES 1 to 79 (BMCs at" \
	"192.0.2.21..99, below the nodes' addresses)" ;;
*) nb_fail "POWER=$POWER: wol or ipmi" ;;
esac

nb_init
lab_init "$top"
LAB_T0=$(lab_now)
for p in in.tftpd dhcpd-pxe pxecfg-gen mkrootfs wakeup; do
	[ -x "$LAB_BIN/$p" ] || nb_fail "no $LAB_BIN/$p: run make all first"
done

lab_log "fetching the Debian kernel (apt-get download; cached)"
lab_kernel
lab_log "kernel $LAB_KREL"
lab_nodes "$NODES"
export LAB_NIC=virtio-net-pci LAB_UEFI_NODES='' LAB_EDK2PXE_NODES='' \
    LAB_HTTPBOOT_NODES='' LAB_HTTP='' LAB_SECBOOT='' LAB_SECBOOT_NODES='' \
    LAB_PROXY=''
[ "$DHCP" = proxy ] && LAB_PROXY=1
i=1
while [ "$i" -le "$NODES" ]; do
	case $PROFILE in
	bios) ;;
	e1000) LAB_NIC=e1000 ;;
	uefi) LAB_UEFI_NODES="$LAB_UEFI_NODES node$i" ;;
	http) LAB_HTTP=1 ;;
	uefi-http) LAB_HTTP=1
		LAB_HTTPBOOT_NODES="$LAB_HTTPBOOT_NODES node$i" ;;
	secureboot) LAB_SECBOOT=1
		LAB_SECBOOT_NODES="$LAB_SECBOOT_NODES node$i" ;;
	mixed) LAB_HTTP=1
		case $((i % 4)) in
		2) LAB_EDK2PXE_NODES="$LAB_EDK2PXE_NODES node$i" ;;
		3) LAB_HTTPBOOT_NODES="$LAB_HTTPBOOT_NODES node$i" ;;
		0) LAB_SECBOOT_NODES="$LAB_SECBOOT_NODES node$i" ;;
		esac ;;
	*) nb_fail "PROFILE=$PROFILE: bios, e1000, uefi, http, uefi-http," \
	    "secureboot or mixed" ;;
	esac
	i=$((i + 1))
done

if [ -n "$RACK" ]; then
	[ "$SERVER" = suite ] || nb_fail "RACK=1: with SERVER=suite"
	i=2 rack=
	while [ "$i" -le "$NODES" ]; do
		rack="$rack node$i"
		i=$((i + 2))
	done
	# shellcheck disable=SC2086
	[ -z "$rack" ] || lab_rack_nodes $rack
fi
tftp=$LAB/tftpboot
rm -rf "$tftp"
lab_tftpboot "$tftp"
lab_log "building the image with mkrootfs"
lab_image "$tftp"
after=nbpoweroff
[ -n "${STAY:-}" ] && after=
[ -n "${KEXEC:-}" ] && after="nbkexec $after"
lab_configs "$tftp" "$after"
lab_log "pxecfg-gen wrote $(ls "$tftp/pxelinux.cfg" | wc -l) files in $tftp/pxelinux.cfg"

lab_net
[ -z "${LAB_RACK_NODES:-}" ] || lab_rack_net
if [ "$POWER" = ipmi ]; then
	lab_bmc "$NODES"
	power="--bmc $LAB/etc/bmc.conf --credentials $LAB/etc/bmc-credentials"
	lab_log "BMCs: ipmi_sim for each node at 192.0.2.21.. on br0"
else
	lab_power
	power="-i br0"
fi
[ -z "$LAB_PROXY" ] || lab_site_dhcp
if [ "$SERVER" = dnsmasq ]; then
	lab_serve_dnsmasq "$tftp"
	log=
else
	lab_serve_suite "$tftp"
	log="-l $LAB_RUN/xfer.log"
fi
if [ -n "$LAB_HTTP" ]; then
	[ "$SERVER" = suite ] || nb_fail "PROFILE=$PROFILE: with SERVER=suite"
	lab_nginx "$tftp"
	log="$log --http-log $LAB_RUN/http.log"
fi
if [ -n "${LAB_RACK_NODES:-}" ]; then
	lab_rack_serve "$tftp"
	log="$log --http-log $LAB_RUN/rack/http.log"
	lab_log "rack: $LAB_RACK_NODES on 198.51.100.0/24, through dhcrelay;" \
	    "helper: in.tftpd and an nginx cache of the server"
fi
[ -z "$LAB_PROXY" ] || LAB_DHCP="site dnsmasq (addresses) + $LAB_DHCP (proxy)"
lab_log "server: DHCP $LAB_DHCP, TFTP $LAB_TFTP${LAB_HTTPD:+, HTTP $LAB_HTTPD}," \
    "radvd, $([ "$POWER" = ipmi ] && echo "a BMC per node" || echo "wolshim") on br0"
lab_log "waking $NODES node(s), $PARALLEL at once, profile $PROFILE" \
    "(consoles: $LAB_RUN/*.console)"

# shellcheck disable=SC2086
ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" -P "$PARALLEL" $power -e "$LAB/etc/ethers" \
    --hosts "$LAB/etc/hosts" --tftpboot "$tftp" -t "$TIMEOUT" -d 20 $log \
    -a 2>&1 | tee "$LAB_RUN/wakeup.log"

i=1
fail=0
while [ "$i" -le "$NODES" ]; do
	if lab_wait_up "node$i" "$TIMEOUT"; then
		lab_log "node$i up"
	else
		lab_log "node$i did not report up (see $LAB_RUN/node$i.console)"
		fail=1
	fi
	i=$((i + 1))
done
if [ "$POWER" = ipmi ]; then
	lab_log "power states, as the BMCs say (wakeup --status):"
	ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" --bmc "$LAB/etc/bmc.conf" \
	    --credentials "$LAB/etc/bmc-credentials" --status
fi
echo
echo "## Per-node timeline (seconds; SERVER=$SERVER, PROFILE=$PROFILE," \
    "PARALLEL=$PARALLEL)"
echo
sh "$top/lab/timeline.sh" "$LAB_RUN" "$LAB/etc/ethers" "$LAB/etc/hosts" |
    tee "$LAB_RUN/timeline.md"
if [ -n "${STAY:-}" ] && [ "$fail" = 0 ]; then
	lab_log "nodes are up (serial consoles in $LAB_RUN); Ctrl-C stops the lab"
	# wait returns at once on a signal (a foreground sleep would delay it)
	nb_bg sleep 86400
	wait "$NB_PID"
fi
exit "$fail"
