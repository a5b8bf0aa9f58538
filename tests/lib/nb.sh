# SPDX-License-Identifier: ISC
#
# nb.sh: shell library for integration tests; source it, then call nb_init.
# It makes network namespaces, veth pairs, bridges and tap devices, starts
# processes, and on any exit (normal, error, INT, TERM, HUP) kills every
# process it started and every process left in its namespaces, deletes the
# namespaces by name and removes its temporary directory, so a failing test
# leaves nothing behind.  Names carry the shell's PID, so tests can run side
# by side.  Every wait is bounded in time.
#
#   nb_init                    temp dir in $NB_TMP, cleanup trap
#   nb_ns NAME                 namespace "nb<pid>-NAME" with lo up, in $NB_NS
#                              (not in $(...): the list must stay in this shell)
#   nb_veth NS1 IF1 NS2 IF2    veth pair between two namespaces, both up
#   nb_bridge NS BR            bridge in NS, up
#   nb_tap NS TAP [BR]         tap device in NS (on bridge BR), up
#   nb_hosts NS BR N           N namespaces "nb<pid>-c1".."-cN" on bridge BR
#                              of NS, each eth0 192.0.2.(10+i)/24 and a
#                              route to 224.0.0.0/4 (multicast groups)
#   nb_spawn NS CMD...         start CMD in NS in the background; $NB_PID
#   nb_bg CMD...               same in the current namespace
#   nb_wait SECS CMD...        retry CMD every 0.1 s until it succeeds
#   nb_stop PID                TERM, then KILL after 3 s; reaped
#   nb_fail MSG                print "FAIL: MSG" and exit 1
#   nb_ok MSG                  print "ok: MSG"

NB_PREFIX=nb$$
NB_NSLIST=
NB_PIDS=
NB_TMP=

nb_fail() {
	echo "FAIL: $*" >&2
	exit 1
}

nb_ok() {
	echo "ok: $*"
}

nb_stop() {
	kill -TERM "$1" 2>/dev/null || return 0
	_i=0
	while kill -0 "$1" 2>/dev/null && [ "$_i" -lt 30 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	return 0
}

nb_cleanup() {
	_rc=$?
	trap - EXIT INT TERM HUP
	for _p in $NB_PIDS; do
		nb_stop "$_p"
	done
	for _ns in $NB_NSLIST; do
		for _p in $(ip netns pids "$_ns" 2>/dev/null); do
			kill -KILL "$_p" 2>/dev/null
		done
		ip netns del "$_ns" 2>/dev/null
	done
	[ -n "$NB_TMP" ] && rm -rf "$NB_TMP"
	exit "$_rc"
}

nb_init() {
	[ "$(id -u)" = 0 ] || nb_fail "integration tests need root (netns)"
	NB_TMP=$(mktemp -d /tmp/nb-it.XXXXXX) || nb_fail "mktemp"
	chmod 0755 "$NB_TMP"
	trap nb_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	trap 'exit 129' HUP
}

nb_ns() {
	_ns=$NB_PREFIX-$1
	ip netns add "$_ns" || nb_fail "ip netns add $_ns"
	NB_NSLIST="$NB_NSLIST $_ns"
	ip -n "$_ns" link set lo up || nb_fail "lo up in $_ns"
	NB_NS=$_ns
}

nb_veth() {
	ip link add "$2" netns "$1" type veth peer name "$4" netns "$3" ||
	    nb_fail "veth $1/$2 - $3/$4"
	ip -n "$1" link set "$2" up && ip -n "$3" link set "$4" up ||
	    nb_fail "veth up"
}

nb_bridge() {
	ip -n "$1" link add "$2" type bridge || nb_fail "bridge $1/$2"
	ip -n "$1" link set "$2" up || nb_fail "bridge up"
}

nb_tap() {
	ip -n "$1" tuntap add dev "$2" mode tap || nb_fail "tap $1/$2"
	if [ -n "${3:-}" ]; then
		ip -n "$1" link set "$2" master "$3" || nb_fail "tap master"
	fi
	ip -n "$1" link set "$2" up || nb_fail "tap up"
}

nb_hosts() {
	_i=1
	while [ "$_i" -le "$3" ]; do
		nb_ns "c$_i"
		nb_veth "$1" "v$_i" "$NB_NS" eth0
		ip -n "$1" link set "v$_i" master "$2" &&
		    ip -n "$NB_NS" addr add "192.0.2.$((_i + 10))/24" dev eth0 &&
		    ip -n "$NB_NS" route add 224.0.0.0/4 dev eth0 ||
		    nb_fail "host $_i on $1/$2"
		_i=$((_i + 1))
	done
}

nb_spawn() {
	_ns=$1
	shift
	ip netns exec "$_ns" "$@" &
	NB_PID=$!
	NB_PIDS="$NB_PIDS $NB_PID"
}

nb_bg() {
	"$@" &
	NB_PID=$!
	NB_PIDS="$NB_PIDS $NB_PID"
}

nb_wait() {
	_limit=$(($1 * 10))
	shift
	_i=0
	until "$@"; do
		_i=$((_i + 1))
		[ "$_i" -ge "$_limit" ] && return 1
		sleep 0.1
	done
	return 0
}

# nb_median COLUMN [FILE]: the median of a tab-separated column (of stdin
# without FILE), "-" cells left out; "-" when none is left.
nb_median() {
	cut -f "$1" ${2:+"$2"} | grep -v '^-$' | sort -n |
	    awk '{ v[NR] = $1 } END { if (NR == 0) print "-";
		else if (NR % 2) print v[(NR + 1) / 2];
		else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
