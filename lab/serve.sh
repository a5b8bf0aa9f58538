# SPDX-License-Identifier: ISC
#
# serve.sh: the lab's server side, sourced after lab.sh.  The same node,
# kernel, image and pxelinux.cfg can be served by the suite or by Debian's
# dnsmasq-base, so the two can be timed side by side.
#
#   lab_image DIR            mkrootfs starter root + NIC modules, compressed
#                            into DIR/rootfs.gz
#   lab_configs DIR [APPEND] the lab's dhcpd.conf, and pxecfg-gen writing
#                            DIR/pxelinux.cfg from ethers and hosts
#   lab_serve_suite DIR      xinetd (the shipped etc/xinetd.d/tftp, paths
#                            adapted) -> in.tftpd on DIR; dhcpd-pxe
#   lab_serve_dnsmasq DIR    dnsmasq-base: DHCP and TFTP on DIR
#   lab_nginx DIR            nginx (the shipped etc/nginx/nodeboot.conf,
#                            paths adapted) serving DIR; $LAB_RUN/http.log
#   lab_stop_servers         stops what the last lab_serve_* started
#   lab_one_node [APPEND]    the one-node lab of the tests and the boot
#                            benchmark: kernel, node1, $LAB_TFTPBOOT with
#                            image and configs, network, power shim
#
# Both serve only the hosts in ethers ("deny unknown-clients").  With
# LAB_HTTP=1, dhcpd.conf is the shipped etc/dhcpd-http.conf (iPXE, then
# HTTP) and pxecfg-gen writes iPXE scripts with http:// URLs as well; with
# LAB_SECBOOT=1 it is etc/dhcpd-secureboot.conf (shim for UEFI); with
# LAB_PROXY=1 etc/dhcpd-proxy.conf (proxyDHCP), beside the site's own DHCP
# server (lab_site_dhcp), which hands out the addresses.
# pxecfg-gen writes GRUB's files too (--grub), for shim and GRUB.

LAB_SERVER_PIDS=

lab_image() {
	rm -rf "$LAB/starter"
	"$LAB_BIN/mkrootfs" starter "$LAB/starter" \
	    --kernel-modules "$LAB_KROOT/lib/modules/$LAB_KREL" \
	    --netkexec "$LAB_BIN/netkexec" > "$LAB_RUN/mkrootfs.log" 2>&1 &&
	    "$LAB_BIN/mkrootfs" -q -r "$LAB/starter" -o "$1/rootfs.gz" \
	    compress >> "$LAB_RUN/mkrootfs.log" 2>&1 ||
	    nb_fail "mkrootfs failed: $(tail -n 3 "$LAB_RUN/mkrootfs.log")"
}

# dhcpd.conf in the ISC subset dhcpd-pxe reads: fixed hosts, and a range
# that "deny unknown-clients" keeps from everyone else (so a machine missing
# from ethers could get an address but must not); the BIOS boot file by
# default and syslinux.efi for x86-64 UEFI (option 93 = 7).
lab_dhcpd_conf() {
	if [ -n "${LAB_PROXY:-}" ]; then
		lab_dhcpd_sample "$LAB_TOP/etc/dhcpd-proxy.conf"
		return
	fi
	if [ -n "${LAB_SECBOOT:-}" ]; then
		lab_dhcpd_sample "$LAB_TOP/etc/dhcpd-secureboot.conf"
		return
	fi
	if [ -n "${LAB_HTTP:-}" ]; then
		lab_dhcpd_sample "$LAB_TOP/etc/dhcpd-http.conf"
		return
	fi
	{
		echo "# The virtual cluster's dhcpd.conf (lab/serve.sh)."
		echo "ddns-update-style none;"
		echo "deny unknown-clients;"
		echo "option arch code 93 = unsigned integer 16;"
		echo "subnet 192.0.2.0 netmask 255.255.255.0 {"
		echo "	option routers $LAB_SERVER;"
		echo "	next-server $LAB_SERVER;"
		echo "	filename \"pxelinux.0\";"
		echo "	range 192.0.2.200 192.0.2.250;"
		echo "	class \"uefi64\" {"
		echo "		match if option arch = 00:07;"
		echo "		filename \"syslinux.efi\";"
		echo "	}"
		awk 'NR == FNR && NF >= 2 && !/^#/ { ip[$2] = $1; next }
		    NF >= 2 && !/^#/ {
			printf "\thost %s { hardware ethernet %s; " \
			    "fixed-address %s; }\n", $2, $1, ip[$2]
		    }' "$LAB/etc/hosts" "$LAB/etc/ethers"
		echo "}"
	} > "$LAB/etc/dhcpd.conf"
}

# lab_dhcpd_sample FILE: a shipped example with the lab's hosts instead of
# its sample ones (its addresses are the lab's): everything before its
# "# One host per node" line.  A Secure Boot node (LAB_SECBOOT_NODES) gets
# shimx64.efi in its host block, which wins over the subnet's choice.
lab_dhcpd_sample() {
	[ "$LAB_SERVER" = 192.0.2.1 ] || nb_fail "$1: 192.0.2.1"
	grep -q '^# One host per node' "$1" || nb_fail "$1: no host section"
	{
		sed '/^# One host per node/,$d' "$1"
		awk -v sb=" ${LAB_SECBOOT_NODES:-} " '
		    NR == FNR && NF >= 2 && !/^#/ { ip[$2] = $1; next }
		    NF >= 2 && !/^#/ {
			printf "host %s { hardware ethernet %s; " \
			    "fixed-address %s;%s }\n", $2, $1, ip[$2],
			    index(sb, " " $2 " ") ? \
			    " filename \"shimx64.efi\";" : ""
		    }' "$LAB/etc/hosts" "$LAB/etc/ethers"
	} > "$LAB/etc/dhcpd.conf" || nb_fail "$1"
}

# pxelinux 6 (Debian's) applies a global APPEND only to LABELs: a bare
# "DEFAULT kernel" boots without initrd= and console=, so the lab's profile
# has a LABEL.
lab_configs() {
	lab_dhcpd_conf
	[ -z "${LAB_RACK_NODES:-}" ] || lab_rack_conf
	cat > "$LAB/etc/pxecfg-gen.conf" <<EOC
# The virtual cluster's pxecfg-gen.conf (lab/serve.sh).
default-profile lab;
profile lab {
	pxelinux "DEFAULT node" "LABEL node" "  KERNEL \${kernel}"
	    "  APPEND initrd=\${initrd} ip=\${ipconf} \${append}";
	ipxe "#!ipxe"
	    "kernel \${base}\${kernel} initrd=\${initrdname} ip=\${ipconf} \${append}"
	    "initrd \${base}\${initrd}" "boot";
	grub "set timeout=0" "menuentry node {"
	    "	linux /\${kernel} ip=\${ipconf} \${append}"
	    "	initrd /\${initrd}" "}";
}
EOC
	# The lab's one subnet is given; with a rack (lab/rack.sh) the
	# subnets come from dhcpd.conf, and the scripts name their files
	# by path, so a rack's node fetches them from its helper.
	if [ -n "${LAB_RACK_NODES:-}" ]; then
		set -- "$1" "${2:-}" -c "$LAB/etc/dhcpd.conf"
	else
		set -- "$1" "${2:-}" -c none --server "$LAB_SERVER" \
		    --netmask 255.255.255.0 --gateway "$LAB_SERVER" \
		    ${LAB_HTTP:+--http "http://$LAB_SERVER/"}
	fi
	_d=$1 _a=$2
	shift 2
	"$LAB_BIN/pxecfg-gen" -f -d "$_d" -e "$LAB/etc/ethers" \
	    -H "$LAB/etc/hosts" -k vmlinuz -i rootfs.gz \
	    -C "$LAB/etc/pxecfg-gen.conf" --no-default ${LAB_HTTP:+--ipxe} --grub \
	    -a "console=ttyS0 quiet nbup=$LAB_SERVER:$LAB_REPORT_PORT $_a" "$@" \
	    > "$LAB_RUN/pxecfg-gen.log" 2>&1 ||
	    nb_fail "pxecfg-gen failed: $(tail -n 3 "$LAB_RUN/pxecfg-gen.log")"
}

lab_xinetd_conf() {
	sed -e "s|^\([[:space:]]*server[[:space:]]*=\).*|\1 $LAB_BIN/in.tftpd|" \
	    -e "s|-s /tftpboot|-s $1|" \
	    -e "s|/var/log/tftpd-xfer.log|$LAB_RUN/xfer.log|" \
	    "$LAB_TOP/etc/xinetd.d/tftp" > "$LAB_RUN/xinetd.conf" ||
	    nb_fail "etc/xinetd.d/tftp"
	grep -q "$LAB_BIN/in.tftpd" "$LAB_RUN/xinetd.conf" ||
	    nb_fail "etc/xinetd.d/tftp: no server line to adapt"
}

lab_serve_suite() {
	lab_xinetd_conf "$1"
	nb_spawn "$LAB_NS" xinetd -dontfork -f "$LAB_RUN/xinetd.conf" \
	    -filelog "$LAB_RUN/xinetd.log"
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	nb_wait 10 grep -qs 'Started working' "$LAB_RUN/xinetd.log" ||
	    nb_fail "xinetd did not start"
	# The lease journal's directory becomes dhcpd-pxe's chroot, writable
	# by the user it runs as.
	mkdir -p "$LAB_RUN/dhcpd" && chown nobody "$LAB_RUN/dhcpd" ||
	    nb_fail "lease directory"
	nb_spawn "$LAB_NS" "$LAB_BIN/dhcpd-pxe" -d -cf "$LAB/etc/dhcpd.conf" \
	    -lf "$LAB_RUN/dhcpd/dhcpd.leases" -pf "$LAB_RUN/dhcpd.pid" br0 \
	    > "$LAB_RUN/dhcpd.log" 2>&1
	LAB_DHCP=dhcpd-pxe
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	LAB_TFTP="xinetd -> in.tftpd"
}

lab_nginx() {
	. "$LAB_TOP/tests/lib/nginx.sh"
	nb_nginx "$LAB_TOP" "$LAB_NS" "$LAB_SERVER" "$1" "$LAB_RUN"
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	LAB_HTTPD=nginx
}

lab_serve_dnsmasq() {
	lab_dnsmasq "$1" > "$LAB_RUN/dnsmasq.log" 2>&1
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	LAB_DHCP=dnsmasq
	LAB_TFTP=dnsmasq
}

# dnsmasq for the known hosts; TFTP on DIR when DIR is given.
lab_dnsmasq() {
	set -- "$1" $(awk 'NR == FNR && NF >= 2 && !/^#/ { ip[$2] = $1; next }
	    NF >= 2 && !/^#/ { printf " --dhcp-host=%s,%s,%s", $1, ip[$2], $2 }' \
	    "$LAB/etc/hosts" "$LAB/etc/ethers")
	_root=$1
	shift
	nb_spawn "$LAB_NS" dnsmasq -d -C /dev/null --port=0 -i br0 \
	    --bind-interfaces --dhcp-range=192.0.2.0,static,255.255.255.0,1h \
	    --dhcp-ignore=tag:!known --log-dhcp \
	    --dhcp-leasefile="$LAB_RUN/dnsmasq.leases" \
	    --dhcp-match=set:efi,option:client-arch,7 \
	    --dhcp-boot=tag:efi,syslinux.efi,,$LAB_SERVER \
	    --dhcp-boot=tag:!efi,pxelinux.0,,$LAB_SERVER \
	    ${_root:+--enable-tftp --tftp-root="$_root"} "$@"
}

lab_one_node() {
	for _p in in.tftpd dhcpd-pxe pxecfg-gen mkrootfs wakeup netkexec; do
		[ -x "$LAB_BIN/$_p" ] || nb_fail "no $LAB_BIN/$_p (make all)"
	done
	lab_kernel
	lab_nodes 1
	LAB_TFTPBOOT=$LAB/tftpboot
	lab_tftpboot "$LAB_TFTPBOOT"
	lab_image "$LAB_TFTPBOOT"
	lab_configs "$LAB_TFTPBOOT" "${1:-}"
	lab_net
	lab_power
}

# lab_site_dhcp: the site's DHCP server, which nodeboot does not run:
# Debian's dnsmasq-base on another host of the link (namespace "site",
# 192.0.2.2 on br0), handing out addresses and no boot options; the lab's
# nodes get their /etc/hosts address, any other client one of the range.
# lab_stop_servers leaves it running: it is not the lab's server.
lab_site_dhcp() {
	_sv=$NB_NS
	nb_ns site
	LAB_SITE_NS=$NB_NS
	NB_NS=$_sv
	nb_veth "$LAB_NS" site0 "$LAB_SITE_NS" eth0
	ip -n "$LAB_NS" link set site0 master br0 &&
	    ip -n "$LAB_SITE_NS" addr add 192.0.2.2/24 dev eth0 ||
	    nb_fail "the site server's link"
	# shellcheck disable=SC2046
	set -- $(awk 'NR == FNR && NF >= 2 && !/^#/ { ip[$2] = $1; next }
	    NF >= 2 && !/^#/ { printf " --dhcp-host=%s,%s", $1, ip[$2] }' \
	    "$LAB/etc/hosts" "$LAB/etc/ethers")
	nb_spawn "$LAB_SITE_NS" dnsmasq -d -C /dev/null --port=0 -i eth0 \
	    --bind-interfaces --log-dhcp \
	    --dhcp-range=192.0.2.150,192.0.2.199,255.255.255.0,1h \
	    --dhcp-leasefile="$LAB_RUN/site.leases" "$@" \
	    > "$LAB_RUN/site-dhcp.log" 2>&1
	nb_wait 10 grep -qs 'DHCP, IP range' "$LAB_RUN/site-dhcp.log" ||
	    nb_fail "the site's dnsmasq did not start"
}

lab_stop_servers() {
	for _p in $LAB_SERVER_PIDS; do
		nb_stop "$_p"
	done
	LAB_SERVER_PIDS=
}
