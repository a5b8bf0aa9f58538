#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs, ext2 format (the seed's Makefile steps): compress alone runs
# newfs, mount, copyfs, umount, check; the image passes e2fsck -f and its
# debugfs listing equals the tree (owners, modes, sizes, hard links,
# device numbers, symlink targets, contents, xattrs); the gzip'd image is
# the image; the steps work alone (newfs size and label, mount with a
# command, copyfs, check, umount); mounts stay in a private namespace and
# no loop device is left.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
mk=$NB_BUILD/bin/mkrootfs
data=$top/tests/data/mkrootfs
t=$NB_TMP

noloops() {
	! losetup -a | grep -q "$t/"
}

sh "$data/tree.sh" "$t/tree" || nb_fail "tree.sh"
mkdir "$t/w" "$t/out"
"$mk" -q -F ext2 -r "$t/tree" -w "$t/w" -o "$t/out/rootfs.gz" compress \
    2> "$t/err" || nb_fail "compress: $(cat "$t/err")"
for s in "newfs: new 64 MiB" "copied from" "e2fsck -f: clean" \
    "rootfs: replaced" "rootfs.gz: written"; do
	grep -q "$s" "$t/err" || nb_fail "no '$s' in: $(cat "$t/err")"
done
[ "$(ls "$t/w")" = rootfs ] || nb_fail "workdir: $(ls "$t/w")"
e2fsck -f -n "$t/w/rootfs" > "$t/fsck" 2>&1 || nb_fail "$(cat "$t/fsck")"
[ "$(stat -c %s "$t/w/rootfs")" = $((64 << 20)) ] || nb_fail "size"
gzip -t "$t/out/rootfs.gz" || nb_fail "gzip -t"
zcat "$t/out/rootfs.gz" | cmp - "$t/w/rootfs" || nb_fail "gz is not rootfs"
nb_ok "compress ran the chain; e2fsck -f clean; gzip -t; gz = rootfs"

sh "$data/dfslist.sh" -t "$t/tree" > "$t/want"
sh "$data/dfslist.sh" "$t/w/rootfs" "$t/tree" > "$t/got"
[ -s "$t/want" ] || nb_fail "empty listing"
diff -u "$t/want" "$t/got" || nb_fail "debugfs listing differs"
dfs() {
	debugfs -R "$1" "$t/w/rootfs" 2>/dev/null
}
dfs "stat /dev/sda1" | grep -q 'Device major/minor number: 08:01' ||
    nb_fail "block device numbers"
dfs "stat /dev/null" | grep -q 'Device major/minor number: 01:03' ||
    nb_fail "char device numbers"
dfs "stat /abs-link" | grep -q 'Fast link dest: "/etc/deep/er/still"' ||
    nb_fail "symlink target"
dfs "stat /usr/lib/big" | grep -q 'mtime: .* -- Wed Feb  3 04:05:06 2021' ||
    nb_fail "mtime: $(dfs "stat /usr/lib/big" | grep mtime)"
dfs "dump /usr/lib/big $t/big" && cmp "$t/big" "$t/tree/usr/lib/big" ||
    nb_fail "contents"
dfs "dump /bin/two $t/two" && cmp "$t/two" "$t/tree/bin/one" ||
    nb_fail "hard link contents"
dfs "ea_list /etc/f1" > "$t/ea"
grep -q 'trusted.nodeboot (3) = "yes"' "$t/ea" || nb_fail "trusted xattr"
grep -q 'user.nodeboot (4) = "also"' "$t/ea" || nb_fail "user xattr"
nb_ok "debugfs: owners, modes, sizes, hard links, devices, symlinks, data," \
    "xattrs"

nb_wait 5 noloops || nb_fail "loop device left: $(losetup -a)"
grep -q "$t" /proc/self/mountinfo && nb_fail "a mount leaked"
nb_ok "no loop device and no mount left"

# The steps alone.  newfs: size and label.
"$mk" -q -s 16 -w "$t/w" newfs 2>/dev/null || nb_fail "newfs"
[ "$(stat -c %s "$t/w/newfs")" = $((16 << 20)) ] || nb_fail "newfs size"
[ "$(e2label "$t/w/newfs")" = ROOT ] || nb_fail "label"
nb_ok "newfs -s 16: 16 MiB, label ROOT"

# mount: rootfs read-write for a command, in a namespace of its own.
"$mk" -q -w "$t/w" -m "$t/mnt" mount -- sh -c \
    "echo added > etc/added; grep -q $t/mnt /proc/self/mountinfo" ||
    nb_fail "mount"
grep -q "$t/mnt" /proc/self/mountinfo && nb_fail "mount visible outside"
dfs "cat /etc/added" | grep -q added || nb_fail "write through mount"
"$mk" -q -w "$t/w" -m "$t/mnt" mount -- false 2>/dev/null &&
    nb_fail "a failing command is success"
nb_ok "mount -- command: writes land in rootfs; the mount stays private"

# copyfs, check and umount alone; the source is rootfs itself (no -r).
"$mk" -q -w "$t/w" copyfs 2>/dev/null || nb_fail "copyfs"
[ -f "$t/w/newfs" ] || nb_fail "copyfs left no newfs"
debugfs -R "cat /etc/added" "$t/w/newfs" 2>/dev/null | grep -q added ||
    nb_fail "copyfs did not copy rootfs"
old=$(stat -c %i "$t/w/rootfs")
"$mk" -q -w "$t/w" check 2>/dev/null || nb_fail "check"
[ "$(stat -c %i "$t/w/rootfs")" != "$old" ] || nb_fail "check kept rootfs"
[ -e "$t/w/newfs" ] && nb_fail "check left newfs"
mkdir "$t/m2"
"$mk" -q -m "$t/m2" umount 2> "$t/err" || nb_fail "umount"
grep -q "nothing mounted" "$t/err" || nb_fail "umount: $(cat "$t/err")"
nb_wait 5 noloops || nb_fail "loop device left: $(losetup -a)"
nb_ok "copyfs, check, umount alone (source: rootfs)"

# cpio from the image when no -r: what the admin edited with mount.
"$mk" -q -w "$t/w" -o "$t/out/c.gz" compress || nb_fail "cpio of rootfs"
zcat "$t/out/c.gz" | cpio -it 2>/dev/null | grep -qx etc/added ||
    nb_fail "cpio of rootfs lacks etc/added"
nb_ok "compress (cpio) archives rootfs when no -r is given"

"$mk" -q -F ext2 -w "$t/nowhere" -o "$t/out/x.gz" compress 2>/dev/null
[ $? = 71 ] || nb_fail "missing workdir is not EX_OSERR"
[ -e "$t/out/x.gz" ] && nb_fail "output of a failed build"
nb_ok "a failing chain exits 71 and writes no output"
