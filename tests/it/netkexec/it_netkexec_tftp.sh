#!/bin/sh
# SPDX-License-Identifier: ISC
#
# netkexec against real TFTP servers, tftpd-hpa's in.tftpd and nodeboot's,
# across a veth pair between two namespaces: the node (192.0.2.10, MAC
# 52:54:00:12:34:56)
# finds its entry in pxelinux's order (default, hex IP prefix, 01-MAC,
# UUID), --dry-run prints what the served files say, kernel and initrds
# download intact (--download), and every failure (no entry, no server,
# missing kernel, bad entry, kexec refused) exits with its sysexits code
# and leaves the node running.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

nk=$NB_BUILD/bin/netkexec
data=$(cd "$(dirname "$0")/../../data/netkexec" && pwd)
[ -x "$nk" ] || nb_fail "no $nk (make all first)"
[ -x /usr/sbin/in.tftpd ] || nb_fail "no /usr/sbin/in.tftpd (tftpd-hpa)"
[ -x "$NB_BUILD/bin/in.tftpd" ] || nb_fail "no $NB_BUILD/bin/in.tftpd"

nb_ns srv
srv=$NB_NS
nb_ns node
node=$NB_NS
nb_veth "$srv" veth0 "$node" eth0
ip -n "$node" link set eth0 address 52:54:00:12:34:56
ip -n "$srv" addr add 192.0.2.1/24 dev veth0
ip -n "$node" addr add 192.0.2.10/24 dev eth0
ip -n "$node" route add default via 192.0.2.1

root=$NB_TMP/tftpboot
mkdir -p "$root/pxelinux.cfg" "$NB_TMP/dl"
# Sizes around block edges at blksize 1408 and 512, and one over 65535
# blocks of 512 bytes (a rollover for a server that ignores blksize).
head -c 4227072 /dev/urandom > "$root/vmlinuz"		# 3002 * 1408
head -c 33554945 /dev/urandom > "$root/rootfs.gz"	# 65536 * 512 + 513
head -c 1 /dev/urandom > "$root/extra.cpio"
cp "$root/vmlinuz" "$root/linux"

# start_server IN.TFTPD [OPTION...]: standalone on 192.0.2.1:69, $root
start_server() {
	_d=$1
	shift
	nb_spawn "$srv" "$_d" -L -s "$root" -a 192.0.2.1:69 "$@"
	server=$NB_PID
	nb_wait 5 sh -c "ip netns exec $srv ss -uln | grep -q 192.0.2.1:69" ||
	    nb_fail "$1 did not start"
}

# run EXPECTED-STATUS ARGS...: netkexec in the node; output in $out/$errout
run() {
	want=$1
	shift
	ip netns exec "$node" "$nk" "$@" > "$NB_TMP/out" 2> "$NB_TMP/err"
	rc=$?
	out=$(cat "$NB_TMP/out")
	errout=$(cat "$NB_TMP/err")
	[ "$rc" = "$want" ] || nb_fail "netkexec $*: exit $rc, want $want" \
	    "(stdout: $out) (stderr: $errout)"
}

# dry_is CONFIG LABEL KERNEL INITRD CMDLINE: the --dry-run report
dry_is() {
	want=$(printf 'server 192.0.2.1\nconfig %s\nlabel %s\nkernel %s\n'`
	    `'initrd %s\ncmdline %s' "$1" "$2" "$3" "$4" "$5")
	[ "$out" = "$want" ] || nb_fail "dry run printed:
$out
wanted:
$want"
}

seed_cmdline='root=/dev/ram rw ip=192.168.1.2:192.168.1.1:192.168.1.1:255.255.255.0:node1:eth0:off'

# suite NAME IN.TFTPD: every case against one server
suite() {
	name=$1
	rm -f "$root"/pxelinux.cfg/*
	cp "$data/seed.cfg" "$root/pxelinux.cfg/default"
	chmod -R a+rX "$root"
	start_server "$2"
	run 0 -n -s 192.0.2.1 -u none
	dry_is pxelinux.cfg/default - linux rootfs.gz "$seed_cmdline"
	nb_ok "$name: seed's default: DEFAULT linux with a global APPEND"
	run 0 -n -s 192.0.2.1 -u none -A "nbkexec.done x=1"
	dry_is pxelinux.cfg/default - linux rootfs.gz \
	    "$seed_cmdline nbkexec.done x=1"
	nb_ok "$name: -A adds words after the entry's command line"

	cp "$data/labels.cfg" "$root/pxelinux.cfg/C000020"
	run 0 -n -s 192.0.2.1 -u none
	dry_is pxelinux.cfg/C000020 node vmlinuz rootfs.gz,extra.cpio \
	    "rdinit=/init quiet BOOTIF=01-52-54-00-12-34-56"
	nb_ok "$name: hex IP prefix C000020 before default; LABEL, INITRD, IPAPPEND 2"

	# IPAPPEND 1: address, server, gateway and netmask as the node has them.
	printf 'DEFAULT n\nLABEL n\nKERNEL vmlinuz\nIPAPPEND 3\n' \
	    > "$root/pxelinux.cfg/C000020"
	run 0 -n -s 192.0.2.1 -u none
	dry_is pxelinux.cfg/C000020 n vmlinuz - "ip=192.0.2.10:192.0.2.1:`
	    `192.0.2.1:255.255.255.0 BOOTIF=01-52-54-00-12-34-56"
	nb_ok "$name: IPAPPEND 3 from the interface and the default route"

	printf 'DEFAULT vmlinuz mac=1\n' > "$root/pxelinux.cfg/01-52-54-00-12-34-56"
	run 0 -n -s 192.0.2.1 -u none
	dry_is pxelinux.cfg/01-52-54-00-12-34-56 - vmlinuz - "mac=1"
	nb_ok "$name: 01-MAC before the hex IP"

	printf 'DEFAULT vmlinuz uuid=1\n' > \
	    "$root/pxelinux.cfg/44332211-6655-8877-99aa-bbccddeeff00"
	run 0 -n -s 192.0.2.1 -u 44332211-6655-8877-99aa-bbccddeeff00
	dry_is pxelinux.cfg/44332211-6655-8877-99aa-bbccddeeff00 - vmlinuz - "uuid=1"
	nb_ok "$name: UUID first"

	# The search as the server saw it: every name in pxelinux's order.
	rm "$root/pxelinux.cfg/01-52-54-00-12-34-56" "$root/pxelinux.cfg/C000020"
	run 0 -n -v -s 192.0.2.1 -u 00112233-4455-6677-8899-aabbccddeeff
	tried=$(printf '%s\n' "$errout" | sed -n 's/^netkexec: pxelinux.cfg\/\([^:]*\): server error 1.*/\1/p' | tr '\n' ' ')
	[ "$tried" = "00112233-4455-6677-8899-aabbccddeeff 01-52-54-00-12-34-56 C000020A C000020 C00002 C0000 C000 C00 C0 C " ] ||
	    nb_fail "lookup order: $tried"
	nb_ok "$name: lookup order UUID, 01-MAC, C000020A .. C, default"

	# Downloads: kernel and both initrds, concatenated with 4-byte padding.
	cp "$data/labels.cfg" "$root/pxelinux.cfg/01-52-54-00-12-34-56"
	run 0 -v -s 192.0.2.1 -u none -D "$NB_TMP/dl"
	cmp "$root/vmlinuz" "$NB_TMP/dl/kernel" || nb_fail "kernel differs"
	{ cat "$root/rootfs.gz"; head -c 3 /dev/zero; cat "$root/extra.cpio"; } |
	    cmp - "$NB_TMP/dl/initrd" || nb_fail "initrd differs"
	nb_ok "$name: kernel and initrds downloaded intact (blksize 1408)"
	run 0 -s 192.0.2.1 -u none -b 0 -D "$NB_TMP/dl"
	cmp "$root/vmlinuz" "$NB_TMP/dl/kernel" || nb_fail "kernel differs (512)"
	head -c 33554945 "$NB_TMP/dl/initrd" | cmp - "$root/rootfs.gz" ||
	    nb_fail "initrd differs (512, 65537 blocks)"
	nb_ok "$name: without blksize: 512-byte blocks, block number rollover"

	# A server that acknowledges no option: plain RFC 1350, no OACK.
	nb_stop "$server"
	start_server "$2" -r blksize -r tsize
	run 0 -v -s 192.0.2.1 -u none -D "$NB_TMP/dl"
	cmp "$root/vmlinuz" "$NB_TMP/dl/kernel" || nb_fail "kernel (no OACK)"
	nb_stop "$server"
	start_server "$2"
	nb_ok "$name: server refusing blksize and tsize: DATA without OACK"

	# A path prefix (DHCP option 210): config and relative names under it.
	mkdir -p "$root/boot/pxelinux.cfg"
	printf 'DEFAULT boot\nLABEL boot\nKERNEL vmlinuz\nINITRD ::extra.cpio\n' \
	    > "$root/boot/pxelinux.cfg/default"
	cp "$root/vmlinuz" "$root/boot/vmlinuz"
	chmod -R a+rX "$root/boot"
	run 0 -n -s 192.0.2.1 -u none -P boot
	dry_is boot/pxelinux.cfg/default boot boot/vmlinuz extra.cpio ""
	run 0 -s 192.0.2.1 -u none -P boot/ -D "$NB_TMP/dl"
	cmp "$root/extra.cpio" "$NB_TMP/dl/initrd" || nb_fail "-P initrd"
	nb_ok "$name: path prefix -P, ::name absolute"

	# The server from a udhcpc lease dump instead of -s.
	printf 'interface=eth0\nip=192.0.2.10\nsiaddr=192.0.2.1\n' > "$NB_TMP/lease"
	run 0 -n -u none -L "$NB_TMP/lease"
	dry_is pxelinux.cfg/01-52-54-00-12-34-56 node vmlinuz rootfs.gz,extra.cpio \
	    "rdinit=/init quiet BOOTIF=01-52-54-00-12-34-56"
	nb_ok "$name: boot server from the lease file (siaddr)"

	# Failures: each with its code, a clear message, and the node still up.
	run 71 -s 192.0.2.1 -u none
	printf '%s\n' "$errout" | grep -q 'kexec_file_load vmlinuz: ' ||
	    nb_fail "kexec refusal not reported: $errout"
	ip -n "$node" link show eth0 | grep -q 'state UP' || nb_fail "eth0 down"
	nb_ok "$name: kexec refused (random bytes are no kernel): exit 71, eth0 up"

	printf 'DEFAULT x\nLABEL\n' > "$root/pxelinux.cfg/01-52-54-00-12-34-56"
	run 65 -n -s 192.0.2.1 -u none
	[ "$errout" = "netkexec: pxelinux.cfg/01-52-54-00-12-34-56:2: LABEL without a name" ] ||
	    nb_fail "bad entry message: $errout"
	nb_ok "$name: bad entry: file:line message, exit 65"

	printf 'DEFAULT gone\n' > "$root/pxelinux.cfg/01-52-54-00-12-34-56"
	run 69 -s 192.0.2.1 -u none
	printf '%s\n' "$errout" | grep -q '^netkexec: gone: server error 1' ||
	    nb_fail "missing kernel message: $errout"
	nb_ok "$name: missing kernel: exit 69"

	rm -f "$root"/pxelinux.cfg/*
	run 66 -n -s 192.0.2.1 -u none
	printf '%s\n' "$errout" | grep -q 'no pxelinux entry for this node' ||
	    nb_fail "no entry message: $errout"
	nb_ok "$name: no entry: exit 66"

	nb_stop "$server"
	run 69 -n -s 192.0.2.1 -u none -t 200 -r 1
	printf '%s\n' "$errout" | grep -q 'no answer from the server' ||
	    nb_fail "no server message: $errout"
	nb_ok "$name: no server: exit 69"
	run 78 -n -u none
	nb_ok "$name: no boot server known: exit 78"
}

suite tftpd-hpa /usr/sbin/in.tftpd
suite nodeboot "$NB_BUILD/bin/in.tftpd"
