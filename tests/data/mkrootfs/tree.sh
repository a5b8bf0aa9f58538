#!/bin/sh
# SPDX-License-Identifier: ISC
#
# tree.sh DIR: the source tree the mkrootfs tests build images from: every
# file type (directories, regular files of 0-5 bytes and a large one,
# three hard links, symlinks, character and block devices, a FIFO), odd
# owners and modes (set-uid, sticky, read-only directory), a long name,
# fixed mtimes, a trusted and a user xattr (with $NB_BUILD/tests/nbxattr).
# list.sh DIR prints what the tests compare.
set -eu
t=$1
mkdir -p "$t/bin" "$t/etc/deep/er/still" "$t/dev" "$t/tmp" "$t/ro" "$t/usr/lib"
for n in 0 1 2 3 4 5; do
	head -c "$n" /dev/urandom > "$t/etc/f$n"
done
head -c 300000 /dev/urandom > "$t/usr/lib/big"
echo "shared data" > "$t/bin/one"
ln "$t/bin/one" "$t/bin/two"
ln "$t/bin/one" "$t/usr/lib/three"
ln -s one "$t/bin/rel-link"
ln -s /etc/deep/er/still "$t/abs-link"
mknod "$t/dev/null" c 1 3
mknod "$t/dev/sda1" b 8 1
mkfifo "$t/dev/fifo"
chmod 4755 "$t/usr/lib/big"
chmod 1777 "$t/tmp"
chown 1234:567 "$t/etc/f3" "$t/etc/deep"
chown -h 42:42 "$t/bin/rel-link"
long=$(printf 'n%.0s' $(seq 1 200))
echo long > "$t/etc/deep/er/still/$long"
echo ro > "$t/ro/file"
chmod 0555 "$t/ro"
find "$t" -exec touch -h -d '2021-02-03 04:05:06' {} +
x=${NB_BUILD:?}/tests/nbxattr
"$x" set "$t/etc/f1" trusted.nodeboot yes
"$x" set "$t/etc/f1" user.nodeboot also
