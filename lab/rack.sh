# SPDX-License-Identifier: ISC
#
# rack.sh: the virtual cluster's second subnet, a rack behind a DHCP relay
# with a boot helper of its own (README, "A second boot server per rack");
# source it after lab.sh and serve.sh.  The rack's namespace routes
# between the two subnets, relays DHCP to the main server with ISC's
# dhcrelay, and is the helper: in.tftpd for the first stage, nginx caching
# the main server's /tftpboot for the rest.
#
#   lab_rack_nodes NAME...   NAMEs move to the rack: 198.51.100.(100+i)
#                            in hosts, their taps on the rack's bridge
#   lab_rack_conf            the rack's subnet into the lab's dhcpd.conf:
#                            the example's, pointing at the helper
#   lab_rack_net             namespace $LAB_RACK_NS: br1 198.51.100.1/24,
#                            up0 192.0.2.2 on the lab's br0, forwarding,
#                            radvd, capture, dhcrelay to $LAB_SERVER
#   lab_rack_serve DIR       the helper: in.tftpd serving the first stage
#                            (DIR's ipxe.efi and undionly.kpxe, copied to
#                            its own tree) and nginx caching
#                            http://$LAB_SERVER/; logs in $LAB_RUN/rack/
#
# Addresses: helper 198.51.100.1 (rack side), 192.0.2.2 (lab side).

LAB_RACK_SERVER=198.51.100.1

lab_rack_nodes() {
	LAB_RACK_NODES="$*"
	export LAB_RACK_NODES
	for _n in "$@"; do
		sed -i "s/^192\.0\.2\.\([0-9]*\)\t$_n$/198.51.100.\1\t$_n/" \
		    "$LAB/etc/hosts" || nb_fail "hosts"
		grep -q "^198\.51\.100\.[0-9]*	$_n$" "$LAB/etc/hosts" ||
		    nb_fail "lab_rack_nodes: no $_n in hosts"
	done
}

lab_rack_conf() {
	awk '/^subnet 192\.0\.2\.0 /, /^}/' "$LAB_TOP/etc/dhcpd-http.conf" |
	    sed "s/192\.0\.2\./198.51.100./g" >> "$LAB/etc/dhcpd.conf" &&
	    grep -q "^subnet 198.51.100.0 " "$LAB/etc/dhcpd.conf" ||
	    nb_fail "etc/dhcpd-http.conf: no subnet to copy for the rack"
}

lab_rack_net() {
	nb_ns rack
	LAB_RACK_NS=$NB_NS
	export LAB_RACK_NS
	mkdir -p "$LAB_RUN/rack" && chmod 0755 "$LAB_RUN/rack" ||
	    nb_fail "mkdir rack"
	nb_bridge "$LAB_RACK_NS" br1
	ip -n "$LAB_RACK_NS" link set br1 address 02:00:00:0b:01:fe &&
	    ip -n "$LAB_RACK_NS" addr add "$LAB_RACK_SERVER/24" dev br1 &&
	    ip -n "$LAB_RACK_NS" addr add 2001:db8:c::1/64 dev br1 nodad ||
	    nb_fail "br1"
	nb_veth "$LAB_RACK_NS" keep2 "$LAB_RACK_NS" keep3
	ip -n "$LAB_RACK_NS" link set keep2 master br1 || nb_fail "keep2"
	nb_veth "$LAB_RACK_NS" up0 "$LAB_NS" rk0
	ip -n "$LAB_NS" link set rk0 master br0 &&
	    ip -n "$LAB_RACK_NS" addr add 192.0.2.2/24 dev up0 &&
	    ip -n "$LAB_NS" route add 198.51.100.0/24 via 192.0.2.2 &&
	    ip netns exec "$LAB_RACK_NS" sysctl -qw net.ipv4.ip_forward=1 ||
	    nb_fail "routing between the lab and the rack"
	lab_capture "$LAB_RACK_NS" br1 "$LAB_RUN/rack"
	ip netns exec "$LAB_RACK_NS" sysctl -qw net.ipv6.conf.all.forwarding=1
	sed -e 's/br0/br1/' -e 's/2001:db8:b::/2001:db8:c::/' \
	    "$LAB_RUN/radvd.conf" > "$LAB_RUN/rack/radvd.conf"
	nb_spawn "$LAB_RACK_NS" radvd -n -m logfile -l "$LAB_RUN/rack/radvd.log" \
	    -C "$LAB_RUN/rack/radvd.conf" -p "$LAB_RUN/rack/radvd.pid"
	nb_spawn "$LAB_RACK_NS" dhcrelay -4 -d -q \
	    -pf "$LAB_RUN/rack/dhcrelay.pid" -iu up0 -id br1 "$LAB_SERVER" \
	    > "$LAB_RUN/rack/dhcrelay.log" 2>&1
}

lab_rack_serve() {
	mkdir -p "$LAB_RUN/rack/boot" &&
	    cp "$1/ipxe.efi" "$1/undionly.kpxe" "$LAB_RUN/rack/boot/" &&
	    chmod -R a+rX "$LAB_RUN/rack/boot" || nb_fail "the helper's tree"
	nb_spawn "$LAB_RACK_NS" "$LAB_BIN/in.tftpd" -L -l -a "$LAB_RACK_SERVER" \
	    --xferlog "$LAB_RUN/rack/xfer.log" -s "$LAB_RUN/rack/boot" \
	    > "$LAB_RUN/rack/in.tftpd.log" 2>&1
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
	. "$LAB_TOP/tests/lib/nginx.sh"
	nb_nginx_rack "$LAB_TOP" "$LAB_RACK_NS" "$LAB_RACK_SERVER" \
	    "$LAB_SERVER" "$LAB_RUN/rack"
	LAB_SERVER_PIDS="$LAB_SERVER_PIDS $NB_PID"
}
