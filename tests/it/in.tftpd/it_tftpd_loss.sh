#!/bin/sh
# SPDX-License-Identifier: ISC
#
# in.tftpd over a lossy veth (10 % then 30 % of packets dropped) between a
# server and a client namespace: every transfer completes byte-exact.
# Loss is applied to the server's packets (OACK, DATA: what in.tftpd must
# retransmit) for curl and atftp with windowsize 4, then to both
# directions for curl and tftp-hpa, which also retransmit their requests
# and ACKs.  (atftp 0.8 is left out of two-way loss: a repeated OACK,
# the right answer to a lost ACK 0, makes it abort with "unexpected
# OACK", and it ignores a repeated window instead of re-ACKing it.)  Small files keep it quick.
# The loss comes from tc netem where the kernel has sch_netem, else from
# an iptables statistic match (random DROP) on the same veth: some VM
# kernels ship neither netem nor tc's matchall, all have ip_tables.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
B=${NB_BUILD:-build}
T=$B/bin/in.tftpd
[ -x "$T" ] || nb_fail "build first: $T"

root=$NB_TMP/root
out=$NB_TMP/out
mkdir -m 0755 "$root" "$out"
for n in 511 512 513 3000 20000; do
	head -c "$n" /dev/urandom > "$root/f$n"
done
chmod 0644 "$root"/f*

nb_ns srv
srv=$NB_NS
nb_ns cli
cli=$NB_NS
nb_veth "$srv" vs "$cli" vc
ip -n "$srv" addr add 192.0.2.1/24 dev vs
ip -n "$cli" addr add 192.0.2.2/24 dev vc
# -r timeout: curl asks for its own 5 s or more, which would make every
# lost packet cost that long; the test wants in.tftpd's -T 100000.
# --retries 40: at 30 % loss each way a try fails with p = 0.51, so the
# default 10 retries lose a block with p = 0.51^11 = 6e-4, and the ~60
# exchanges below would fail a run in 3 %.  (With the default -T of 1 s
# the clients' own retransmissions add tries; at 0.1 s they come too late.)
nb_spawn "$srv" "$T" -L -a 192.0.2.1:69 -s "$root" -T 100000 -r timeout \
    --retries 40 --xferlog "$NB_TMP/xfer.log"
C="ip netns exec $cli"
nb_wait 5 $C curl -s -o /dev/null tftp://192.0.2.1/f511 ||
    nb_fail "no answer across the veth"

# lossy NS DEV PEERNS PEERDEV PCT: PCT % of the packets NS sends on DEV
# never reach PEERDEV.  netem drops at DEV's egress; the fallback drops
# at PEERDEV's input, since a local OUTPUT drop would fail the sender's
# send() with EPERM instead of losing the packet silently.
lossy() {
	if ip netns exec "$1" tc qdisc replace dev "$2" root netem \
	    loss "$5%" 2>/dev/null; then
		echo "loss: tc netem $5 % on $2"
		return 0
	fi
	ip netns exec "$3" iptables-legacy -F INPUT &&
	    ip netns exec "$3" iptables-legacy -A INPUT -i "$4" -m statistic \
	    --mode random --probability "0.$5" -j DROP ||
	    nb_fail "neither tc netem nor iptables-legacy statistic works"
	echo "loss: iptables statistic $5 % in on $4"
}

unlossy() {
	ip netns exec "$1" tc qdisc del dev "$2" root 2>/dev/null
	ip netns exec "$3" iptables-legacy -F INPUT 2>/dev/null
	return 0
}

# atftp_get N [options]: fetch fN into $out/a at blksize 1468.
atftp_get() {
	_n=$1
	shift
	rm -f "$out/a"
	$C atftp --tftp-timeout 1 --option "blksize 1468" "$@" -g -r "f$_n" \
	    -l "$out/a" 192.0.2.1 > "$NB_TMP/atftp.out" 2>&1 || {
		cat "$NB_TMP/atftp.out"
		nb_fail "atftp f$_n $* at $loss %"
	}
}

# The veth's MTU 1500 caps blksize at 1468: no fragmented DATA.
o=$($C "$B/tests/tftpprobe" 192.0.2.1 69 rrq f511 blksize 65464)
[ "$o" = "OACK blksize=1468" ] || nb_fail "MTU cap: $o"
nb_ok "blksize 65464 asked on an MTU 1500 link: 1468 granted"

same() {
	cmp -s "$1" "$2" || nb_fail "$3: $2 differs from $1"
}

for loss in 10 30; do
	lossy "$srv" vs "$cli" vc "$loss"
	for n in 511 512 513 3000 20000; do
		for bs in 512 1468; do
			rm -f "$out/c"
			$C curl -sS --tftp-blksize "$bs" -o "$out/c" \
			    "tftp://192.0.2.1/f$n" ||
			    nb_fail "curl f$n blksize $bs at $loss % loss"
			same "$root/f$n" "$out/c" "curl $bs at $loss %"
		done
	done
	for n in 511 513 20000; do
		atftp_get "$n" --option "windowsize 4"
		same "$root/f$n" "$out/a" "atftp window 4 at $loss %"
	done
	nb_ok "$loss % loss on the server's packets: curl, atftp window 4"
	lossy "$cli" vc "$srv" vs "$loss"
	for n in 513 20000; do
		rm -f "$out/c" "$out/t"
		$C curl -sS -m 60 --tftp-blksize 1468 -o "$out/c" \
		    "tftp://192.0.2.1/f$n" ||
		    nb_fail "curl f$n at $loss % both ways"
		same "$root/f$n" "$out/c" "curl at $loss % both ways"
		(cd "$out" && $C tftp -m binary 192.0.2.1 -c get "f$n" t) ||
		    nb_fail "tftp f$n at $loss % both ways"
		same "$root/f$n" "$out/t" "tftp-hpa at $loss % both ways"
	done
	nb_ok "$loss % loss both ways: curl and tftp-hpa byte-exact"
	unlossy "$cli" vc "$srv"
done
