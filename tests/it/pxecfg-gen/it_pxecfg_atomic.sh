#!/bin/sh
# SPDX-License-Identifier: ISC
#
# pxecfg-gen rewrites files atomically: while it alternates between two
# configurations (different kernel arguments, different file lengths), a
# local reader (tests/tools/readloop) and a real TFTP client (curl, through
# tftp-hpa's in.tftpd in a namespace, as pxelinux fetches them) read a
# node's file over and over and must only ever see one whole version or the
# other.  Stale generated files are removed, hand-made ones kept, no
# temporary file is left.  Every loop is bounded in count and time.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

gen=$NB_BUILD/bin/pxecfg-gen
[ -x "$gen" ] || nb_fail "no $gen (make all first)"
[ -x /usr/sbin/in.tftpd ] || nb_fail "tftpd-hpa's in.tftpd missing"
root=$NB_TMP/root
mkdir -p "$root/pxelinux.cfg"
echo "DEFAULT handmade" > "$root/pxelinux.cfg/C0000"
: > "$NB_TMP/ethers"
: > "$NB_TMP/hosts"
i=1
while [ "$i" -le 40 ]; do
	printf '02:00:00:00:01:%02x node%d\n' "$i" "$i" >> "$NB_TMP/ethers"
	printf '192.0.2.%d node%d\n' "$((i + 10))" "$i" >> "$NB_TMP/hosts"
	i=$((i + 1))
done
pad=$(printf 'x%.0s' $(seq 1 300))
gen_v() {
	if [ "$1" = 1 ]; then a="console=ttyS0 v=1"; else a="v=2 pad=$pad"; fi
	"$gen" -d "$2" -e "$NB_TMP/ethers" -H "$NB_TMP/hosts" -c none -C none \
	    --server 192.0.2.1 --netmask 255.255.255.0 -k vmlinuz -a "$a"
}

# The two versions of node1's file, made once in scratch roots.
for v in 1 2; do
	mkdir -p "$NB_TMP/v$v"
	gen_v "$v" "$NB_TMP/v$v" > /dev/null || nb_fail "version $v"
	cp "$NB_TMP/v$v/pxelinux.cfg/C000020B" "$NB_TMP/good$v"
done
cmp -s "$NB_TMP/good1" "$NB_TMP/good2" && nb_fail "versions equal"
gen_v 1 "$root" > /dev/null || nb_fail "first run"

nb_ns srv
ns=$NB_NS
nb_spawn "$ns" /usr/sbin/in.tftpd -4 -L -s "$root"
tftpd=$NB_PID
nb_wait 10 ip netns exec "$ns" curl -sf --max-time 1 -o /dev/null \
    tftp://127.0.0.1/pxelinux.cfg/C000020B || nb_fail "tftpd not serving"

stop=$NB_TMP/stop
"$NB_BUILD/tests/readloop" "$stop" 60 "$root/pxelinux.cfg/C000020B" \
    "$NB_TMP/good1" "$NB_TMP/good2" > "$NB_TMP/reader.out" 2>&1 &
reader=$!
NB_PIDS="$NB_PIDS $reader"
# The TFTP reader: curl fetches until the stop file appears (at most 400).
(
	n=0
	while [ ! -e "$stop" ] && [ "$n" -lt 400 ]; do
		ip netns exec "$ns" curl -sf --max-time 5 -o "$NB_TMP/got" \
		    tftp://127.0.0.1/pxelinux.cfg/C000020B ||
		    { echo "curl failed at fetch $n"; exit 1; }
		cmp -s "$NB_TMP/got" "$NB_TMP/good1" ||
		    cmp -s "$NB_TMP/got" "$NB_TMP/good2" ||
		    { echo "fetch $n: partial or mixed file"; \
		    cat "$NB_TMP/got"; exit 1; }
		n=$((n + 1))
	done
	echo "$n TFTP fetches, all whole"
) > "$NB_TMP/tftp.out" 2>&1 &
tftp_reader=$!
NB_PIDS="$NB_PIDS $tftp_reader"

# The writer: 30 rewrites of all 40 nodes' files, alternating versions.
k=0
while [ "$k" -lt 30 ]; do
	gen_v $((k % 2 + 1)) "$root" > "$NB_TMP/gen.out" 2>&1 ||
	    { cat "$NB_TMP/gen.out"; nb_fail "rewrite $k failed"; }
	k=$((k + 1))
done
touch "$stop"
wait "$reader" || { cat "$NB_TMP/reader.out"; nb_fail "local reader"; }
wait "$tftp_reader" || { cat "$NB_TMP/tftp.out"; nb_fail "TFTP reader"; }
# Both versions must have been seen: the reads overlapped the rewrites.
read -r n _ c1 c2 < "$NB_TMP/reader.out"
[ "$c1" -gt 0 ] && [ "$c2" -gt 0 ] ||
    nb_fail "reader saw only one version ($n reads: $c1 $c2)"
nb_ok "30 rewrites of 40 files; local reader, $n reads, all whole" \
    "($c1 of one version, $c2 of the other)"
nb_ok "$(cat "$NB_TMP/tftp.out")"

# A node leaves: its file goes, the hand-made file and the others stay.
sed -i '/ node40$/d' "$NB_TMP/ethers"
gen_v 1 "$root" > "$NB_TMP/gen.out" || nb_fail "run after removal"
grep -qx 'removed pxelinux.cfg/C0000232' "$NB_TMP/gen.out" ||
    { cat "$NB_TMP/gen.out"; nb_fail "node40's file not removed"; }
[ -e "$root/pxelinux.cfg/C0000232" ] && nb_fail "C0000232 still there"
[ "$(cat "$root/pxelinux.cfg/C0000")" = "DEFAULT handmade" ] ||
    nb_fail "hand-made file touched"
[ -z "$(find "$root" -name '.*' -type f)" ] || nb_fail "temporary left"
[ "$(ls "$root/pxelinux.cfg" | wc -l)" -eq 42 ] ||
    nb_fail "expected 39 nodes + group + default + hand-made"
gen_v 1 "$root" | grep -q '^pxecfg-gen: nothing to change' ||
    nb_fail "a second run changed something"
nb_ok "stale file removed, hand-made kept, no temporary, second run idle"
