#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The integration library itself: namespaces, veth, bridge and tap work,
# and a test that fails or is killed leaves no namespace and no process.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

nb_ns a
a=$NB_NS
nb_ns b
b=$NB_NS
nb_veth "$a" va "$b" vb
ip -n "$a" addr add 192.0.2.1/24 dev va
ip -n "$b" addr add 192.0.2.2/24 dev vb
nb_wait 5 ip netns exec "$a" ping -c 1 -W 1 192.0.2.2 >/dev/null ||
    nb_fail "no ping across the veth pair"
nb_ok "veth pair carries traffic"

nb_bridge "$a" br0
nb_tap "$a" tap0 br0
ip -n "$a" link show tap0 | grep -q 'master br0' || nb_fail "tap not on br0"
nb_ok "tap on bridge"

# A child test that dies: by error exit, then by SIGTERM while it waits.
child=$NB_TMP/child.sh
cat > "$child" <<EOC
. "$(cd "$(dirname "$0")/../../lib" && pwd)/nb.sh"
nb_init
nb_ns victim
nb_spawn "\$NB_NS" sleep 300
echo "\$NB_NS \$NB_PID" > "$NB_TMP/state"
[ "\$1" = term ] && { nb_bg sleep 300; wait "\$NB_PID"; }
exit 1
EOC
for how in exit term; do
	rm -f "$NB_TMP/state"
	if [ "$how" = exit ]; then
		sh "$child" exit && nb_fail "child should have failed"
	else
		sh "$child" term &
		cpid=$!
		nb_wait 10 test -s "$NB_TMP/state" || nb_fail "child did not start"
		kill -TERM "$cpid"
		wait "$cpid"
	fi
	read -r ns pid < "$NB_TMP/state" || nb_fail "no state from child"
	ip netns list | grep -q "^$ns\b" && nb_fail "$how: namespace $ns left"
	kill -0 "$pid" 2>/dev/null && nb_fail "$how: process $pid left"
	nb_ok "cleanup after $how"
done
