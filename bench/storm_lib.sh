# SPDX-License-Identifier: ISC
#
# storm_lib.sh: one storm of bench_storm.sh and what it measured; source
# after tests/lib/nb.sh and tests/lib/fleet.sh (fl_wide, fl_net done).
#
#   st_serve NAME DIR        starts server NAME (suite, suite-threads,
#                            suite-base, dnsmasq, dnsmasq-np, isc, atftpd)
#                            on DIR, in cgroups of its own (cpuacct, memory,
#                            pids) so its CPU, peak memory and peak task
#                            count are its alone
#   st_stop                  stops it: every task of its cgroups, by PID
#   st_storm RUN ARGS...     pxefleet ARGS against the server started last;
#                            $NB_TMP/RUN.csv, .sum and .m (what the server
#                            cost and the UDP counters of its namespace);
#                            with $ST_PROBE_AT set, one more client (-c)
#                            powered on that many seconds into the storm:
#                            $NB_TMP/RUN-probe.csv
#   st_row RUN SERVER N      the Markdown row of a storm
#   st_probe RUN             the late client's line (its DHCP and first
#                            transfer), from $NB_TMP/RUN-probe.csv
#
# The UDP counters are the server namespace's /proc/net/snmp, read before
# and after: RcvbufErrors counts datagrams the kernel dropped because a
# socket's receive buffer was full.

ST_CG=/sys/fs/cgroup
ST_CGS=
ST_NAME=

# cg.sh CMD...: joins $ST_GROUP's cgroups, then runs CMD.  It runs under
# ip netns exec, which mounts a /sys of the namespace's own (without the
# cgroup mounts): it reaches them through this shell's root instead.
st_wrapper() {
	ST_ROOT=/proc/$$/root
	export ST_ROOT
	cat > "$NB_TMP/cg.sh" <<'EOS'
for h in cpuacct memory pids; do
	echo $$ > "$ST_ROOT/sys/fs/cgroup/$h/$ST_GROUP/tasks" || exit 71
done
exec "$@"
EOS
	FL_WRAP="sh $NB_TMP/cg.sh"
}

# Kills every task in the cgroups of $1, then removes them.
st_cgdrop() {
	for _t in $(cat "$ST_CG/pids/$1/tasks" 2>/dev/null); do
		kill -KILL "$_t" 2>/dev/null
	done
	_i=0
	while [ -s "$ST_CG/pids/$1/tasks" ] && [ "$_i" -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	for _h in cpuacct memory pids; do
		rmdir "$ST_CG/$_h/$1" 2>/dev/null
	done
}

st_serve() {
	ST_NAME=$1
	ST_GROUP=nb$$-$1-$(date +%s%N)
	export ST_GROUP
	for _h in cpuacct memory pids; do
		mkdir "$ST_CG/$_h/$ST_GROUP" || nb_fail "cgroup $_h/$ST_GROUP"
	done
	ST_CGS="$ST_CGS $ST_GROUP"
	case $1 in
	suite) fl_serve_suite "$2" ;;
	suite-threads) fl_serve_suite "$2" --threads ;;
	suite-base) FL_TFTPD=$ST_BASE fl_serve_suite "$2" ;;
	dnsmasq) fl_serve_dnsmasq "$2" ;;
	dnsmasq-np) fl_serve_dnsmasq "$2" --no-ping ;;
	isc) fl_serve_isc "$2" ;;
	atftpd) fl_serve_atftpd "$2" "$ST_ATFTPD" ;;
	*) nb_fail "no server $1" ;;
	esac
}

st_stop() {
	fl_stop_servers
	st_cgdrop "$ST_GROUP"
}

# The server namespace's UDP counters: "InErrors RcvbufErrors".
st_udp() {
	ip netns exec "$FL_S" cat /proc/net/snmp | awk '
	$1 == "Udp:" && !h { for (i = 2; i <= NF; i++) k[i] = $i; h = 1; next }
	$1 == "Udp:" { for (i = 2; i <= NF; i++) v[k[i]] = $i }
	END { print v["InErrors"] + 0, v["RcvbufErrors"] + 0 }'
}

st_storm() {
	_run=$1
	shift
	set -- $(st_udp) "$@"
	_u0=$1 _r0=$2
	shift 2
	_c0=$(cat "$ST_CG/cpuacct/$ST_GROUP/cpuacct.usage")
	if [ -n "${ST_PROBE_AT:-}" ]; then
		fl_run "$_run" "$@" &
		_bg=$!
		NB_PIDS="$NB_PIDS $_bg"
		sleep "$ST_PROBE_AT"
		fl_run "$_run-probe" -n 1 -c -m 52:54:00:f2:00:01 -T 60 -L 60
		wait "$_bg"
	else
		fl_run "$_run" "$@"
	fi
	_c1=$(cat "$ST_CG/cpuacct/$ST_GROUP/cpuacct.usage")
	set -- $(st_udp)
	echo "cpu_ms $(((_c1 - _c0) / 1000000))" \
	    "peak_kib $(($(cat "$ST_CG/memory/$ST_GROUP/memory.max_usage_in_bytes") \
	    / 1024))" \
	    "peak_tasks $(cat "$ST_CG/pids/$ST_GROUP/pids.peak")" \
	    "udp_inerrors $(($1 - _u0)) rcvbuf_drops $(($2 - _r0))" \
	    > "$NB_TMP/$_run.m"
}

# A field of $NB_TMP/RUN.m ("cpu_ms 1234 peak_kib ...").
st_m() {
	awk -v k="$2" '{ for (i = 1; i < NF; i += 2) if ($i == k) print $(i + 1) }' \
	    "$NB_TMP/$1.m"
}

# "p50/p99" per phase over clients (a client's phase: its first start to
# its last end), "-" for a phase no client reached; p99 is the value at
# rank ceil(0.99 n).
st_phases() {
	awk -F, 'NR > 1 && $4 != "boot" {
		k = $1 " " $4
		if (!(k in s) || $6 < s[k]) s[k] = $6
		if ($7 > e[k]) e[k] = $7
	} END { for (k in s) { split(k, w, " "); print w[2], e[k] - s[k] } }' \
	    "$1" | sort -k1,1 -k2,2n | awk -v ph="$2" '
	{ v[$1, ++n[$1]] = $2 }
	function rank(c, q,   r) { r = int(c * q); if (r < c * q) r++; return r }
	END {
		np = split(ph, p, " ")
		for (i = 1; i <= np; i++) {
			c = n[p[i]]
			if (!c) { printf " | -"; continue }
			printf " | %.2f / %.2f", v[p[i], rank(c, 0.5)],
			    v[p[i], rank(c, 0.99)]
		}
	}'
}

# "12x gave-up: nbp pxelinux.0: timeout; 3x ..." (the two commonest).
st_why() {
	awk -F, '$4 == "boot" && $NF != "booted" { print $NF }' "$1" |
	    sed 's/^"//; s/"$//; s/[0-9][0-9.]* s/N s/g' | sort | uniq -c |
	    sort -rn | head -n 2 | awk '{ n = $1; $1 = ""; printf "%s%dx%s",
	    (NR > 1 ? "; " : ""), n, $0 }'
}

st_row() {
	_sum=$(sed -n 's/^pxefleet: clients //p' "$NB_TMP/$1.sum")
	[ -n "$_sum" ] || _sum="$3 booted 0 not $3 makespan - s retrans -"
	_why=$(st_why "$NB_TMP/$1.csv")
	# "N booted B not M makespan S s retrans R frames ..."
	echo "- $_sum" | awk -v ph="$(st_phases "$NB_TMP/$1.csv" "$ST_PHASES")" \
	    -v cpu="$(st_m "$1" cpu_ms)" -v kib="$(st_m "$1" peak_kib)" \
	    -v tasks="$(st_m "$1" peak_tasks)" \
	    -v drops="$(st_m "$1" rcvbuf_drops)" -v why="${_why:--}" \
	    -v server="$2" '{
		printf "| %s | %s | %s | %s | %s | %s%s | %.1f | %.1f | %s |" \
		    " %s | %s |\n", server, $2, $4, $6, $8, $11, ph, cpu / 1000,
		    kib / 1024, tasks, drops, why
	}'
}

# The late client: "DHCP d s (r retransmissions), pxelinux.0 t s (r)".
st_probe() {
	awk -F, '
	$4 == "dhcp" { printf "DHCP %.2f s (%d retransmitted), ", $7 - $6, $9 }
	$4 == "nbp" { printf "%s %.2f s (%d retransmitted, %s), ", $5,
	    $7 - $6, $9, $NF }
	$4 == "boot" { printf "%s", $NF }' "$NB_TMP/$1-probe.csv"
}
