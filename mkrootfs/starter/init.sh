#!/bin/sh
# /init of the nodeboot starter root (mkrootfs starter; see mkrootfs(8)).
# Kernel arguments read: ip= (client:server:gw:mask:host:dev:autoconf, or
# dhcp; absent: DHCP), nfsusr=server:/path (/usr read-only over NFS),
# nbup=[IP:]PORT (report "nodeboot-up HOST IP [secureboot=on|off]" over
# TCP; the last field on UEFI machines only), nbpoweroff (power
# off once up), nbdev=IFACE (the interface when ip= names none), nbkexec
# (once up, kexec into the node's boot entry with netkexec, once).
PATH=/sbin:/bin:/usr/sbin:/usr/bin
export PATH
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null || mdev -s
mkdir -p /dev/pts /run /tmp
mount -t devpts devpts /dev/pts
[ -c /dev/console ] && exec </dev/console >/dev/console 2>&1

say() { echo "nodeboot: $*"; }
# arg NAME: the value of NAME= on the kernel command line ("1" for a bare
# NAME); false if absent.
arg() {
	for a in $(cat /proc/cmdline); do
		case $a in
		"$1="*) echo "${a#*=}"; return 0 ;;
		"$1") echo 1; return 0 ;;
		esac
	done
	return 1
}

# NIC drivers (and their dependencies) in the order mkrootfs computed
# from modules.dep: the stock Debian kernel has them as modules.
kver=$(uname -r)
if [ -f "/lib/modules/$kver/nodeboot.load" ]; then
	while read -r m; do
		n=${m##*/}
		n=${n%%.ko*}
		[ -d "/sys/module/$(echo "$n" | tr - _)" ] && continue
		# efivarfs refuses to load on a machine without UEFI
		[ "$n" = efivarfs ] && [ ! -d /sys/firmware/efi ] && continue
		insmod "/lib/modules/$kver/$m" || say "insmod $m failed"
	done < "/lib/modules/$kver/nodeboot.load"
elif [ -d /lib/modules ]; then
	say "no modules for kernel $kver"
fi

# ip=client:server:gw:mask:host:dev:autoconf (the seed's APPEND line)
ipa=$(arg ip) || ipa=dhcp
dev=$(arg nbdev) || dev=
oldifs=$IFS
IFS=:
set -- $ipa
IFS=$oldifs
client=$1 server=$2 gw=$3 mask=$4 host=$5 auto=$7
[ -n "$6" ] && dev=$6
case $ipa in
dhcp|on|any|both|bootp|'') client= ;;
off|none) auto=none ;;
esac
case $auto in
dhcp|on|any|both|bootp) client= ;;
esac

# the interface: named, or the first that is not lo (drivers bind late)
i=0
while [ $i -lt 100 ]; do
	if [ -z "$dev" ]; then
		for d in /sys/class/net/*; do
			[ "${d##*/}" != lo ] && [ -e "$d" ] && dev=${d##*/} && break
		done
	fi
	[ -n "$dev" ] && [ -e "/sys/class/net/$dev" ] && break
	i=$((i + 1))
	sleep 0.1
done
ifconfig lo 127.0.0.1 up
[ -n "$host" ] && hostname "$host"
if [ "$auto" = none ] && [ -z "$client" ]; then
	say "network: off"
elif [ -z "$dev" ] || [ ! -e "/sys/class/net/$dev" ]; then
	say "network: no interface ${dev:-found}"
elif [ -n "$client" ]; then
	ifconfig "$dev" "$client" netmask "${mask:-255.255.255.0}" up
	# a NIC just set up may take seconds to get a link (autonegotiation):
	# until then the kernel drops what is sent on it, ARP too
	i=0
	while [ $i -lt 50 ]; do
		case $(cat "/sys/class/net/$dev/operstate" 2>/dev/null) in
		up|unknown) break ;;
		esac
		i=$((i + 1))
		sleep 0.1
	done
	[ -n "$gw" ] && route add default gw "$gw" dev "$dev"
	echo "$client" > /run/nodeboot.ip
	say "network: $dev $client (ip=)"
else
	udhcpc -i "$dev" -t 10 -T 2 -n -s /etc/udhcpc.script ||
	    say "network: DHCP on $dev failed"
fi
ip=$(cat /run/nodeboot.ip 2>/dev/null)

# /usr read-only from the server (the seed's layout)
if nfsusr=$(arg nfsusr); then
	if mount -t nfs -o ro,nolock "$nfsusr" /usr; then
		say "/usr: $nfsusr"
	else
		say "/usr: mount $nfsusr failed"
	fi
fi

# UEFI Secure Boot: the SecureBoot variable's value byte, after 4 bytes
# of attributes, read from efivarfs
sb=
if [ -d /sys/firmware/efi ]; then
	v=/sys/firmware/efi/efivars
	mount -t efivarfs efivarfs "$v" || say "cannot mount efivarfs"
	# shellcheck disable=SC2046 # the five bytes, one field each
	set -- $(od -An -tu1 \
	    "$v/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c" 2>/dev/null)
	case ${5:-} in
	1) sb=" secureboot=on" ;;
	0) sb=" secureboot=off" ;;
	*) sb=" secureboot=unknown" ;;
	esac
fi
name=$(hostname)
[ "$name" = "(none)" ] && name=${ip:-unknown}
echo "NODEBOOT-UP $name ${ip:-none}$sb"
# nbup=IP:PORT, or nbup=PORT: the server of ip= or of the DHCP lease
if up=$(arg nbup); then
	case $up in
	*:*) ;;
	*) up=${server:-$(cat /run/nodeboot.server 2>/dev/null)}:$up ;;
	esac
	# three tries: a busy server or a lost SYN is no reason to stay unseen
	i=1
	until echo "nodeboot-up $name ${ip:-none}$sb" |
	    timeout 5 nc -w 3 "${up%:*}" "${up##*:}"; do
		if [ $i -ge 3 ]; then
			say "report to $up failed"
			break
		fi
		i=$((i + 1))
		sleep 1
	done
fi
# nbkexec: once up, kexec into this node's current pxelinux entry; the
# kernel it boots sees nbkexec.done and does not do it again
if arg nbkexec >/dev/null && ! arg nbkexec.done >/dev/null; then
	say "kexec into the current boot entry (nbkexec)"
	lease=
	[ -s /run/nodeboot.lease ] && lease="-L /run/nodeboot.lease"
	netkexec $lease -A nbkexec.done || say "netkexec failed ($?)"
elif arg nbkexec.done >/dev/null; then
	say "this kernel came by kexec (nbkexec.done)"
fi
if arg nbpoweroff >/dev/null; then
	say "powering off (nbpoweroff)"
	sync
	poweroff -f
fi
while :; do
	setsid cttyhack sh -l
	sleep 1
done
