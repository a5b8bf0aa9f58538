# SPDX-License-Identifier: ISC
#
# http_lib.sh: what bench_http.sh and bench_http_storm.sh share; source it
# after tests/lib/nb.sh and tests/lib/nginx.sh, with $top set.
#
#   hl_check NAME            root, built tree, atftp and nginx, or exit
#   hl_net ROOT [ARGS]       namespaces srv (192.0.2.1) -- dly -- cli
#                            (192.0.2.2); in.tftpd (standalone, ARGS)
#                            and nginx (the shipped site) serving ROOT
#   hl_delay MS              delaybr in dly holding each frame MS / 2,
#                            stopping the previous one; $hl_rtt is ping's
#                            median round trip through it
#
# tests/tools/delaybr stands in for sch_netem, which this kernel lacks.

hl_check() {
	hl_die() { echo "$hl_name: $*" >&2; exit 1; }
	hl_name=$1
	[ "$(id -u)" = 0 ] || hl_die "needs root (network namespaces)"
	[ -x "$top/build/bin/in.tftpd" ] && [ -x "$top/build/tests/delaybr" ] ||
	    hl_die "build first"
	command -v atftp > /dev/null && command -v nginx > /dev/null ||
	    hl_die "atftp or nginx missing (make deps)"
}

hl_net() {
	_root=$1
	shift
	nb_ns srv
	srv=$NB_NS
	nb_ns dly
	dly=$NB_NS
	nb_ns cli
	cli=$NB_NS
	nb_veth "$srv" s0 "$dly" d0
	nb_veth "$cli" c0 "$dly" d1
	ip -n "$srv" addr add 192.0.2.1/24 dev s0
	ip -n "$cli" addr add 192.0.2.2/24 dev c0
	nb_spawn "$srv" "$top/build/bin/in.tftpd" -L -l -a 192.0.2.1 "$@" \
	    -s "$_root" 2> "$NB_TMP/tftpd.log"
	mkdir -m 0755 "$NB_TMP/ngx" || nb_fail "mkdir"
	nb_nginx "$top" "$srv" 192.0.2.1 "$_root" "$NB_TMP/ngx"
}

hl_dpid=
hl_delay() {
	[ -z "$hl_dpid" ] || nb_stop "$hl_dpid"
	nb_spawn "$dly" "$top/build/tests/delaybr" -t 7200 $(($1 * 500)) \
	    d0 d1 2>> "$NB_TMP/delaybr.log"
	hl_dpid=$NB_PID
	sleep 0.3
	hl_rtt=$(ip netns exec "$cli" ping -c 20 -i 0.05 -q 192.0.2.1 |
	    awk -F/ '/^rtt/ { print $5 }')
}
