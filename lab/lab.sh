# SPDX-License-Identifier: ISC
#
# lab.sh: the virtual cluster's building blocks; source it after
# tests/lib/nb.sh and nb_init (nb.sh's trap then removes the namespace and
# every process in it on any exit).  Everything the lab reads or writes lives
# under $LAB (default build/lab): the kernel cache, ethers, hosts,
# dhcpd.conf, the tftp root and, per run, $LAB_RUN (logs, consoles, capture).
#
#   lab_init TOP             paths, tools; $LAB_TOP, $LAB, $LAB_RUN
#   lab_kernel               fetch + unpack the Debian kernel into
#                            $LAB_KCACHE (build/lab/kernel): $LAB_KREL
#   lab_nodes N              ethers/hosts for node1..nodeN in $LAB/etc
#   lab_tftpboot DIR         pxelinux.0, ldlinux.c32, syslinux.efi,
#                            ldlinux.e64, undionly.kpxe, ipxe.efi and the
#                            kernel (vmlinuz) into DIR; shimx64.efi,
#                            grubx64.efi, mmx64.efi (Secure Boot)
#   lab_net                  namespace $LAB_NS, bridge br0 192.0.2.1/24,
#                            radvd, capture, report listener
#   lab_radvd                router advertisements on br0 (else iPXE waits)
#   lab_power                the WoL power shim on br0 (starts lab/node.sh)
#   lab_power_on MAC [NAME]  wakeup NAME (or MAC) until the shim starts MAC
#   lab_wait_up NAME SECS    wait for NAME's "nodeboot-up" report
#
# Addresses: server 192.0.2.1, node i 192.0.2.(100+i), MAC 52:54:00:0b:00:i.

LAB_SERVER=192.0.2.1
LAB_REPORT_PORT=5140

lab_init() {
	LAB_TOP=$(cd "$1" && pwd)
	[ -f "$LAB_TOP/lab/lab.sh" ] || nb_fail "lab_init: $1 is not the tree"
	LAB=${LAB:-$LAB_TOP/build/lab}
	LAB_RUN=$LAB/run
	LAB_TOOLS=$LAB_TOP/build/tests
	LAB_BIN=$LAB_TOP/build/bin
	rm -rf "$LAB_RUN"
	mkdir -p "$LAB/etc" "$LAB_RUN" || nb_fail "mkdir $LAB"
	chmod 0755 "$LAB" "$LAB_RUN"
}

lab_now() {
	date +%s.%N | cut -c1-14
}

lab_log() {
	printf '[%6.1f s] %s\n' "$(echo "$(lab_now) ${LAB_T0:-$(lab_now)}" |
	    awk '{ print $1 - $2 }')" "$*"
}

lab_kernel() {
	_kc=${LAB_KCACHE:-$LAB_TOP/build/lab/kernel}
	LAB_KREL=$(sh "$LAB_TOP/lab/kernel.sh" "$_kc") ||
	    nb_fail "kernel fetch failed"
	LAB_KROOT=$_kc/root
	LAB_VMLINUZ=$LAB_KROOT/boot/vmlinuz-$LAB_KREL
}

lab_mac() {
	printf '52:54:00:0b:00:%02x' "$1"
}

lab_nodes() {
	: > "$LAB/etc/ethers"
	printf '127.0.0.1\tlocalhost\n%s\tserver\n' "$LAB_SERVER" \
	    > "$LAB/etc/hosts"
	_i=1
	while [ "$_i" -le "$1" ]; do
		echo "$(lab_mac "$_i") node$_i" >> "$LAB/etc/ethers"
		printf '192.0.2.%d\tnode%d\n' $((100 + _i)) "$_i" \
		    >> "$LAB/etc/hosts"
		_i=$((_i + 1))
	done
}

lab_tftpboot() {
	mkdir -p "$1/pxelinux.cfg" || nb_fail "mkdir $1"
	cp /usr/lib/PXELINUX/pxelinux.0 \
	    /usr/lib/syslinux/modules/bios/ldlinux.c32 "$1/" &&
	    cp "$LAB_VMLINUZ" "$1/vmlinuz" || nb_fail "tftpboot files"
	# iPXE to chainload (etc/dhcpd-http.conf), from Debian's ipxe.
	if [ -f /usr/lib/ipxe/ipxe.efi ]; then
		cp /usr/lib/ipxe/undionly.kpxe /usr/lib/ipxe/ipxe.efi "$1/" ||
		    nb_fail "ipxe files"
	fi
	if [ -f /usr/lib/SYSLINUX.EFI/efi64/syslinux.efi ]; then
		cp /usr/lib/SYSLINUX.EFI/efi64/syslinux.efi \
		    /usr/lib/syslinux/modules/efi64/ldlinux.e64 "$1/" ||
		    nb_fail "efi files"
	fi
	# Secure Boot (pxecfg-gen(8)): the Microsoft-signed shim, the
	# Debian-signed GRUB under the name shim loads beside itself, and
	# MokManager; GRUB's prefix is grub/.
	if [ -f /usr/lib/shim/shimx64.efi.signed ]; then
		mkdir -p "$1/grub" &&
		    cp /usr/lib/shim/shimx64.efi.signed "$1/shimx64.efi" &&
		    cp /usr/lib/shim/mmx64.efi.signed "$1/mmx64.efi" &&
		    cp /usr/lib/grub/x86_64-efi-signed/grubnetx64.efi.signed \
		    "$1/grubx64.efi" || nb_fail "Secure Boot files"
	fi
	chmod -R a+rX "$1"
}

# The packet capture is the neutral clock for the timeline: DHCP and TFTP
# requests seen on the bridge, whoever serves them.
lab_net() {
	nb_ns lab
	LAB_NS=$NB_NS
	nb_bridge "$LAB_NS" br0
	# A bridge without an address of its own takes the lowest of its
	# ports'; a node's tap (random address) joining later would change the
	# server's MAC under the nodes already up, whose ARP caches then send
	# to the old one for seconds (make demo lost a node's up report so).
	ip -n "$LAB_NS" link set br0 address 02:00:00:0b:00:fe ||
	    nb_fail "br0 address"
	# A bridge whose ports all lack carrier (every node powered off) loses
	# carrier itself, and the kernel then drops what is sent on it before
	# packet sockets see it: the power shim would miss the next magic
	# packet.  A veth pair on the bridge keeps its carrier up.
	nb_veth "$LAB_NS" keep0 "$LAB_NS" keep1
	ip -n "$LAB_NS" link set keep0 master br0 || nb_fail "keep0 on br0"
	ip -n "$LAB_NS" addr add "$LAB_SERVER/24" dev br0 ||
	    nb_fail "address on br0"
	ip -n "$LAB_NS" addr add 2001:db8:b::1/64 dev br0 nodad ||
	    nb_fail "IPv6 address on br0"
	lab_capture "$LAB_NS" br0 "$LAB_RUN"
	: > "$LAB_RUN/reports.txt"
	nb_spawn "$LAB_NS" busybox nc -ll -p "$LAB_REPORT_PORT" \
	    -e "$LAB_TOP/lab/report.sh" "$LAB_RUN/reports.txt"
	lab_radvd
}

# lab_capture NS IF DIR: DHCP (and PXE's port 4011) and TFTP requests on
# IF into DIR/capture.txt
lab_capture() {
	nb_spawn "$1" tcpdump -tt -n -e -v -l -i "$2" -U \
	    'udp port 67 or udp port 68 or udp port 69 or udp port 4011' \
	    > "$3/capture.txt" 2> "$3/tcpdump.err"
	nb_wait 10 grep -qs 'listening on' "$3/tcpdump.err" ||
	    nb_fail "tcpdump on $2 did not start"
}

lab_radvd() {
	ip netns exec "$LAB_NS" sysctl -qw net.ipv6.conf.all.forwarding=1
	cat > "$LAB_RUN/radvd.conf" <<EOC
interface br0 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 10;
	prefix 2001:db8:b::/64 { };
};
EOC
	nb_spawn "$LAB_NS" radvd -n -m logfile -l "$LAB_RUN/radvd.log" \
	    -C "$LAB_RUN/radvd.conf" -p "$LAB_RUN/radvd.pid"
}

lab_power() {
	[ -x "$LAB_TOOLS/wolshim" ] || nb_fail "no $LAB_TOOLS/wolshim (make all)"
	nb_spawn "$LAB_NS" "$LAB_TOOLS/wolshim" -i br0 -- \
	    sh "$LAB_TOP/lab/node.sh" "$LAB" > "$LAB_RUN/power.log" 2>&1
	LAB_POWER_PID=$NB_PID
	nb_wait 10 grep -qs listening "$LAB_RUN/power.log" ||
	    nb_fail "power shim did not start"
}

# A magic packet, like any frame, can be lost: wakeup TARGET (a name from
# ethers or a MAC) until the power shim has started MAC once more, 3 tries.
lab_power_on() {
	_n=$(grep -c " start $1 " "$LAB_RUN/power.log")
	for _try in 1 2 3; do
		ip netns exec "$LAB_NS" "$LAB_BIN/wakeup" -i br0 \
		    -e "$LAB/etc/ethers" "${2:-$1}" > /dev/null ||
		    nb_fail "wakeup ${2:-$1}: exit $?"
		nb_wait 5 lab_started_more "$1" "$_n" && return 0
	done
	nb_fail "the power shim did not start $1"
}

lab_started_more() {
	[ "$(grep -c " start $1 " "$LAB_RUN/power.log")" -gt "$2" ]
}

# lab_exited_more MAC N: the power shim has seen MAC power off more than N
# times
lab_exited_more() {
	[ "$(grep -c " exit $1 " "$LAB_RUN/power.log")" -gt "$2" ]
}

lab_wait_up() {
	nb_wait "$2" grep -q " nodeboot-up $1 " "$LAB_RUN/reports.txt"
}
