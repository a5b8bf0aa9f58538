#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs interrupted in the middle: SIGTERM, SIGINT and SIGKILL during
# the ext2 copy (an image mounted, loop devices held) and during the cpio
# compression (a temporary output open).  Afterwards: no loop device, no
# mount, no newfs, no temporary file or directory, the old image intact,
# and the caller sees the signal.

. "$(dirname "$0")/../lib/nb.sh"
nb_init
mk=$NB_BUILD/bin/mkrootfs
t=$NB_TMP

# ~48 MiB of incompressible data: seconds of copying and gzip -9.
mkdir -p "$t/tree/data"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	head -c 4194304 /dev/urandom > "$t/tree/data/f$i"
done
mkdir "$t/w" "$t/out"
echo "the old image" > "$t/out/rootfs.gz"
cp "$t/out/rootfs.gz" "$t/old"
ls -d /tmp/mkrootfs.* > "$t/tmpdirs.before" 2>/dev/null

noloops() {
	! losetup -a | grep -q "$t/"
}
gone() {
	! kill -0 "$1" 2>/dev/null
}
loop_on_newfs() {
	losetup -a | grep -q "$t/w/newfs"
}
tmp_output() {
	ls -A "$t/out" | grep -q '^\.rootfs\.gz\.'
}

# run SIGNAL READY-TEST ARGS...: start mkrootfs, wait until READY-TEST
# holds, send SIGNAL, check that everything is as before.
run() {
	sig=$1 ready=$2
	shift 2
	"$mk" -q -r "$t/tree" -w "$t/w" -o "$t/out/rootfs.gz" "$@" \
	    2> "$t/err" &
	pid=$!
	nb_wait 20 "$ready" || nb_fail "$sig: never got to $ready"
	worker=$(pgrep -P "$pid")
	[ -n "$worker" ] || nb_fail "$sig: no worker process"
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	nb_wait 15 gone "$worker" || nb_fail "$sig: worker still running"
	case $sig in
	TERM) [ "$rc" = 143 ] || nb_fail "TERM: exit $rc" ;;
	INT) [ "$rc" = 130 ] || nb_fail "INT: exit $rc" ;;
	KILL) [ "$rc" = 137 ] || nb_fail "KILL: exit $rc" ;;
	esac
	nb_wait 5 noloops || nb_fail "$sig $ready: loop left: $(losetup -a)"
	grep -q "$t" /proc/self/mountinfo && nb_fail "$sig: mount left"
	grep -q mkrootfs /proc/self/mountinfo && nb_fail "$sig: mount left"
	cmp -s "$t/out/rootfs.gz" "$t/old" || nb_fail "$sig: old image changed"
	[ "$(ls -A "$t/out")" = rootfs.gz ] ||
	    nb_fail "$sig: left in out: $(ls -A "$t/out")"
	[ -z "$(ls -A "$t/w")" ] || nb_fail "$sig: left in w: $(ls -A "$t/w")"
	ls -d /tmp/mkrootfs.* > "$t/tmpdirs.after" 2>/dev/null
	cmp -s "$t/tmpdirs.before" "$t/tmpdirs.after" ||
	    nb_fail "$sig: mount point directory left"
	grep -q "interrupted; cleaned up" "$t/err" ||
	    nb_fail "$sig: $(cat "$t/err")"
	nb_ok "$sig during $ready: exit $rc, no loop, no mount, no partial" \
	    "file, old image intact"
}

run TERM loop_on_newfs -F ext2 -s 128 compress
run KILL loop_on_newfs -F ext2 -s 128 compress
run INT loop_on_newfs -F ext2 -s 128 copyfs
run TERM tmp_output compress
run KILL tmp_output -z zstd -l 19 compress
