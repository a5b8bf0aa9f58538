#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs interrupted in the middle: SIGTERM, SIGINT and SIGKILL during
# the ext2 copy (an image mounted, loop devices held) and during the cpio
# compression (a temporary output open).  Afterwards: no loop device, no
# mount, no newfs, no temporary file or directory, the old image intact,
# and the caller sees the signal.  Then SIGKILL of mkrootfs and its worker
# together, five times mid-compression, where no cleanup code can run:
# the temporary output has no name until the commit, so nothing is left.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
mk=$NB_BUILD/bin/mkrootfs
t=$NB_TMP

# ~48 MiB of incompressible data (seconds of gzip) and 20000 small files
# in 20 directories (seconds of copying: each is created, chowned,
# chmodded and timed).
mkdir -p "$t/tree/data"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	head -c 4194304 /dev/urandom > "$t/tree/data/f$i"
done
for i in $(seq 1 20); do
	mkdir "$t/tree/small$i"
	head -c 512000 /dev/urandom |
	    (cd "$t/tree/small$i" && split -b 512 -a 3 - f) ||
	    nb_fail "split"
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
# The worker (mkrootfs's child) is copying into newfs: it has the image
# mounted in its own namespace.
copying() {
	grep -q ' /tmp/mkrootfs\.' "/proc/$worker/mountinfo" 2>/dev/null &&
	    losetup -a | grep -q "$t/w/newfs"
}
# The worker is writing the compressed image: it has a file open in out/
# (unnamed, "#INODE (deleted)"; or ".rootfs.gz.XXXXXX" where the file
# system has no O_TMPFILE).
compressing() {
	ls -l "/proc/$worker/fd" 2>/dev/null | grep -q -- "-> $t/out/"
}
worker_up() {
	worker=$(pgrep -P "$1") && [ -n "$worker" ]
}

# run SIGNAL READY ARGS...: start mkrootfs, wait until READY holds, freeze
# the worker (SIGSTOP) so it is certainly mid-way, send SIGNAL to
# mkrootfs, let the worker go on, check that everything is as before.
run() {
	sig=$1 ready=$2
	shift 2
	"$mk" -q -r "$t/tree" -w "$t/w" -o "$t/out/rootfs.gz" "$@" \
	    2> "$t/err" &
	pid=$!
	nb_wait 20 worker_up "$pid" || nb_fail "$sig: no worker process"
	nb_wait 20 "$ready" || nb_fail "$sig: never got to $ready"
	kill -STOP "$worker"
	"$ready" || nb_fail "$sig: $ready done before it could be interrupted"
	kill -"$sig" "$pid"
	if [ "$sig" = KILL ]; then
		wait "$pid"
		rc=$?
		kill -CONT "$worker"
	else
		kill -CONT "$worker"
		wait "$pid"
		rc=$?
	fi
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

run TERM copying -F ext2 -s 128 compress
run KILL copying -F ext2 -s 128 compress
run INT copying -F ext2 -s 128 copyfs
run TERM compressing compress
run KILL compressing -z zstd -l 19 compress

# killall WHEN: mkrootfs and its worker both SIGKILLed mid-compression
# (an OOM kill, `kill -9' of the process group): no cleanup runs.
killall() {
	"$mk" -q -r "$t/tree" -w "$t/w" -o "$t/out/rootfs.gz" "$@" \
	    2> "$t/err" &
	pid=$!
	nb_wait 20 worker_up "$pid" || nb_fail "KILL both: no worker process"
	nb_wait 20 compressing || nb_fail "KILL both: never compressing"
	kill -KILL "$worker" "$pid"
	wait "$pid"
	rc=$?
	[ "$rc" = 137 ] || nb_fail "KILL both: exit $rc"
	nb_wait 15 gone "$worker" || nb_fail "KILL both: worker still running"
}
for i in 1 2 3 4 5; do
	killall compress
done
killall -z zstd -l 19 compress
cmp -s "$t/out/rootfs.gz" "$t/old" || nb_fail "KILL both: old image changed"
[ "$(ls -A "$t/out")" = rootfs.gz ] ||
    nb_fail "KILL both: left in out: $(ls -A "$t/out")"
nb_ok "KILL of mkrootfs and its worker, 6 times mid-compression: nothing" \
    "left in out, old image intact"
