# SPDX-License-Identifier: ISC
#
# fleet.sh: a boot storm of simulated PXE clients (build/tests/pxefleet)
# against a server in namespaces; source after nb.sh and nb_init.
#
#   fl_wide                  before fl_net: the address plan for fleets of
#                            up to 2048 (RFC 2544's 198.18.0.0/20: server
#                            198.18.0.1, range 198.18.1.0 up, fixed hosts
#                            198.18.8.1 up) instead of 192.0.2.0/24
#   fl_net                   namespaces $FL_S (server, s0 $FL_SERVER) and
#                            $FL_C (the fleet, c0 without an address)
#   fl_root DIR [KIB] [KIB]  a tftp root: pxelinux.0 and ldlinux.c32 (Debian's
#                            when installed, else stand-ins of their size),
#                            a kernel and an initrd of KIB KiB (default 1024
#                            and 2048) and pxelinux.cfg/default booting them
#   fl_nodes N               $FL_ETHERS and $FL_HOSTS for node1..nodeN: the
#                            generator's MACs (52:54:00:f1:00:01 up) at
#                            192.0.2.101 up (fl_wide: 198.18.8.1 up);
#                            fl_dhcpd_conf then fixes them
#   fl_dhcpd_conf FILE       the ISC-syntax dhcpd.conf both dhcpd-pxe and
#                            ISC dhcpd read: a range, next-server, pxelinux.0
#   fl_serve_suite DIR [ARGS]  xinetd (the shipped etc/xinetd.d/tftp, paths
#                            adapted) -> in.tftpd on DIR (ARGS added, e.g.
#                            --threads; $FL_TFTPD instead of the build's
#                            in.tftpd when set); dhcpd-pxe
#   fl_serve_dnsmasq DIR [ARG...]  dnsmasq-base: DHCP and TFTP on DIR (ARGs
#                            added, e.g. --no-ping)
#   fl_serve_isc DIR         ISC dhcpd; xinetd -> tftpd-hpa's in.tftpd on DIR
#   fl_serve_atftpd DIR BIN  ISC dhcpd; atftpd (BIN) standalone on DIR
#   fl_stop_servers          stops what the last fl_serve_* started
#   fl_run NAME ARGS...      pxefleet -i c0 ARGS in $FL_C; CSV in
#                            $NB_TMP/NAME.csv, summary in $NB_TMP/NAME.sum;
#                            returns pxefleet's status
#   fl_booted CSV            clients whose boot line says "booted"
#   fl_check_logs CSV XFERLOG LEASES  every booted client has its lease and
#                            each of its files read whole in the log
#
# $FL_WRAP, when set, is a command the servers are started under (e.g. one
# that puts itself into cgroups and execs the rest).
# Logs of the servers go to $NB_TMP/<server>.log; $FL_XFER and $FL_LEASES
# name the suite's transfer log and lease journal.

FL_TOP=${FL_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
FL_BIN=${NB_BUILD:-$FL_TOP/build}/bin
FL_TOOL=${NB_BUILD:-$FL_TOP/build}/tests/pxefleet
FL_SERVER=192.0.2.1
FL_PLEN=24
FL_SUBNET=192.0.2.0
FL_MASK=255.255.255.0
FL_RANGE="192.0.2.10 192.0.2.99"
FL_FIXED=192.0.2.100	# node i: this + i
FL_SERVER_PIDS=
FL_WRAP=${FL_WRAP:-}

fl_wide() {
	FL_SERVER=198.18.0.1
	FL_PLEN=20
	FL_SUBNET=198.18.0.0
	FL_MASK=255.255.240.0
	FL_RANGE="198.18.1.0 198.18.7.255"
	FL_FIXED=198.18.8.0
}

# The dotted quad of FL_FIXED + $1.
fl_addr() {
	set -- "$1" $(echo "$FL_FIXED" | tr . ' ')
	_a=$(($2 * 16777216 + $3 * 65536 + $4 * 256 + $5 + $1))
	printf '%d.%d.%d.%d' $((_a >> 24 & 255)) $((_a >> 16 & 255)) \
	    $((_a >> 8 & 255)) $((_a & 255))
}

fl_net() {
	nb_ns srv
	FL_S=$NB_NS
	nb_ns fleet
	FL_C=$NB_NS
	nb_veth "$FL_S" s0 "$FL_C" c0
	ip -n "$FL_S" addr add "$FL_SERVER/$FL_PLEN" dev s0 ||
	    nb_fail "addr s0"
	# the fleet's kernel must not answer for what the clients own
	ip netns exec "$FL_C" sysctl -qw net.ipv6.conf.c0.disable_ipv6=1
}

# A file of $2 bytes: a copy of $3 when it exists, else zeros.
fl_file() {
	if [ -f "$3" ]; then
		cp "$3" "$1"
	else
		head -c "$2" /dev/zero > "$1"
	fi
}

fl_root() {
	mkdir -p "$1/pxelinux.cfg" || nb_fail "mkdir $1"
	fl_file "$1/pxelinux.0" 42430 /usr/lib/PXELINUX/pxelinux.0
	fl_file "$1/ldlinux.c32" 119524 \
	    /usr/lib/syslinux/modules/bios/ldlinux.c32
	head -c "$((${2:-1024} * 1024))" /dev/urandom > "$1/vmlinuz"
	head -c "$((${3:-2048} * 1024))" /dev/urandom > "$1/initrd.gz"
	cat > "$1/pxelinux.cfg/default" <<EOC
DEFAULT node
LABEL node
  KERNEL vmlinuz
  APPEND initrd=initrd.gz ip=dhcp console=ttyS0
EOC
	chmod -R a+rX "$1"
}

fl_nodes() {
	FL_ETHERS=$NB_TMP/ethers
	FL_HOSTS=$NB_TMP/hosts
	printf '127.0.0.1\tlocalhost\n%s\tserver\n' "$FL_SERVER" > "$FL_HOSTS"
	: > "$FL_ETHERS"
	_i=1
	while [ "$_i" -le "$1" ]; do
		_m=$((0xf10000 + _i))	# pxefleet's MACs, from :f1:00:01
		printf '52:54:00:%02x:%02x:%02x node%d\n' $((_m >> 16)) \
		    $((_m >> 8 & 255)) $((_m & 255)) "$_i" >> "$FL_ETHERS"
		printf '%s\tnode%d\n' "$(fl_addr "$_i")" "$_i" >> "$FL_HOSTS"
		_i=$((_i + 1))
	done
}

fl_dhcpd_conf() {
	{
		echo "ddns-update-style none;"
		echo "default-lease-time 3600;"
		echo "subnet $FL_SUBNET netmask $FL_MASK {"
		echo "	range $FL_RANGE;"
		echo "	option routers $FL_SERVER;"
		echo "	next-server $FL_SERVER;"
		echo "	filename \"pxelinux.0\";"
		[ -n "${FL_ETHERS:-}" ] && awk '
		    NR == FNR && NF >= 2 && !/^#/ { ip[$2] = $1; next }
		    NF >= 2 && !/^#/ { printf "\thost %s { hardware ethernet " \
			"%s; fixed-address %s; }\n", $2, $1, ip[$2] }' \
		    "$FL_HOSTS" "$FL_ETHERS"
		echo "}"
	} > "$1"
}

# xinetd's tftp service from the shipped file: server $1, its arguments $2.
fl_xinetd() {
	sed -e "s|^\([[:space:]]*server[[:space:]]*=\).*|\1 $1|" \
	    -e "s|^\([[:space:]]*server_args[[:space:]]*=\).*|\1 $2|" \
	    "$FL_TOP/etc/xinetd.d/tftp" > "$NB_TMP/xinetd.conf" ||
	    nb_fail "etc/xinetd.d/tftp"
	rm -f "$NB_TMP/xinetd.log"
	nb_spawn "$FL_S" $FL_WRAP xinetd -dontfork -stayalive \
	    -f "$NB_TMP/xinetd.conf" -filelog "$NB_TMP/xinetd.log"
	FL_SERVER_PIDS="$FL_SERVER_PIDS $NB_PID"
	nb_wait 10 grep -qs 'Started working' "$NB_TMP/xinetd.log" ||
	    nb_fail "xinetd did not start"
}

fl_wait67() {
	nb_wait 10 sh -c "ip netns exec $FL_S ss -uln | grep -q ':67 '" ||
	    nb_fail "$1 did not bind port 67"
}

fl_serve_suite() {
	FL_XFER=$NB_TMP/xfer.log
	: > "$FL_XFER"
	fl_xinetd "${FL_TFTPD:-$FL_BIN/in.tftpd}" \
	    "${2:+$2 }-s $1 --xferlog $FL_XFER"
	mkdir -p "$NB_TMP/lease" && chown nobody "$NB_TMP/lease" ||
	    nb_fail "lease directory"
	FL_LEASES=$NB_TMP/lease/dhcpd.leases
	fl_dhcpd_conf "$NB_TMP/dhcpd.conf"
	nb_spawn "$FL_S" $FL_WRAP "$FL_BIN/dhcpd-pxe" -d \
	    -cf "$NB_TMP/dhcpd.conf" -lf "$FL_LEASES" -pf "$NB_TMP/dhcpd.pid" s0 \
	    > "$NB_TMP/dhcpd-pxe.log" 2>&1
	FL_SERVER_PIDS="$FL_SERVER_PIDS $NB_PID"
	fl_wait67 dhcpd-pxe
}

fl_serve_dnsmasq() {
	_root=$1
	shift
	nb_spawn "$FL_S" $FL_WRAP dnsmasq -d -C /dev/null --port=0 -i s0 \
	    --bind-interfaces --user=root \
	    --dhcp-range="$(echo "$FL_RANGE" | tr ' ' ,),$FL_MASK,1h" \
	    --dhcp-leasefile="$NB_TMP/dnsmasq.leases" \
	    --dhcp-boot=pxelinux.0,,$FL_SERVER --enable-tftp \
	    --tftp-root="$_root" --pid-file="$NB_TMP/dnsmasq.pid" "$@" \
	    > "$NB_TMP/dnsmasq.log" 2>&1
	FL_SERVER_PIDS="$FL_SERVER_PIDS $NB_PID"
	fl_wait67 dnsmasq
}

fl_serve_isc() {
	fl_xinetd /usr/sbin/in.tftpd "-s $1"
	fl_isc_dhcpd
}

# atftpd (path $2, e.g. unpacked from Debian's package: it conflicts with
# tftpd-hpa) standalone on $FL_SERVER, as Debian starts it; ISC dhcpd.
fl_serve_atftpd() {
	nb_spawn "$FL_S" $FL_WRAP "$2" --daemon --no-fork \
	    --bind-address "$FL_SERVER" --port 69 --user nobody \
	    --group nogroup --logfile /dev/null "$1"
	FL_SERVER_PIDS="$FL_SERVER_PIDS $NB_PID"
	nb_wait 10 sh -c "ip netns exec $FL_S ss -uln | grep -q ':69 '" ||
	    nb_fail "atftpd did not bind port 69"
	fl_isc_dhcpd
}

fl_isc_dhcpd() {
	fl_dhcpd_conf "$NB_TMP/isc.conf"
	: > "$NB_TMP/isc.leases"
	nb_spawn "$FL_S" $FL_WRAP dhcpd -4 -f -d -cf "$NB_TMP/isc.conf" \
	    -lf "$NB_TMP/isc.leases" -pf "$NB_TMP/isc.pid" s0 \
	    > "$NB_TMP/isc-dhcpd.log" 2>&1
	FL_SERVER_PIDS="$FL_SERVER_PIDS $NB_PID"
	fl_wait67 "ISC dhcpd"
}

fl_stop_servers() {
	for _p in $FL_SERVER_PIDS; do
		nb_stop "$_p"
	done
	FL_SERVER_PIDS=
}

fl_run() {
	_name=$1
	shift
	ip netns exec "$FL_C" "$FL_TOOL" -i c0 -o "$NB_TMP/$_name.csv" "$@" \
	    2> "$NB_TMP/$_name.sum"
}

fl_booted() {
	awk -F, '$4 == "boot" && $NF == "booted"' "$1" | wc -l
}

# Every booted client: a lease for its MAC and address in the journal,
# and each file it read ("ok" lines) whole in the transfer log.
fl_check_logs() {
	awk -F, -v xfer="$2" -v leases="$3" '
	BEGIN {
		while ((getline l < xfer) > 0) {
			split(l, f, " ")
			if (f[7] == "ok")
				got[f[2] " " f[4] " " f[5]] = 1
		}
		while ((getline l < leases) > 0) {
			if (l ~ /^lease /) { split(l, f, " "); ip = f[2] }
			if (l ~ /hardware ethernet/) {
				split(l, f, " "); m = f[3]; sub(/;$/, "", m)
				lease[tolower(m) " " ip] = 1
			}
		}
	}
	NR > 1 && $4 == "boot" && $NF == "booted" { booted[$1] = $2 " " $3 }
	NR > 1 && $4 != "boot" && $4 != "dhcp" && $NF == "ok" {
		file[$1] = file[$1] " " $3 " " $5 " " $10
	}
	END {
		bad = 0
		for (c in booted) {
			if (!(booted[c] in lease)) {
				print "no lease: client " c " " booted[c]; bad++
			}
			n = split(file[c], w, " ")
			for (i = 1; i + 2 <= n; i += 3) {
				k = w[i] " " w[i + 1] " " w[i + 2]
				if (!(k in got)) {
					print "not in the transfer log: " k
					bad++
				}
			}
		}
		exit bad != 0
	}' "$1"
}
