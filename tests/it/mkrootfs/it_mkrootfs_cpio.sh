#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs, cpio format (the default): the archive of a tree with every
# file type lists with the real cpio -itv, extracts equal to the tree
# (owners, modes, links, devices, contents), passes gzip -t and zstd -t,
# is the same bytes twice, replaces the old image atomically, needs no
# privileges, shows progress only on a terminal, and a failure leaves the
# old image and no temporary file.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init
top=$(cd "$(dirname "$0")/../../.." && pwd)
mk=$NB_BUILD/bin/mkrootfs
data=$top/tests/data/mkrootfs
t=$NB_TMP

sh "$data/tree.sh" "$t/tree" || nb_fail "tree.sh"
sh "$data/list.sh" "$t/tree" > "$t/want" || nb_fail "list.sh"
mkdir "$t/out"
echo "the old image" > "$t/out/rootfs.gz"

"$mk" -q -r "$t/tree" -o "$t/out/rootfs.gz" compress 2> "$t/err" ||
    nb_fail "compress: $(cat "$t/err")"
gzip -t "$t/out/rootfs.gz" || nb_fail "gzip -t"
[ "$(ls -A "$t/out")" = rootfs.gz ] || nb_fail "leftovers: $(ls -A "$t/out")"
[ "$(stat -c %a "$t/out/rootfs.gz")" = 644 ] || nb_fail "image mode"
nb_ok "gzip image replaced the old one, gzip -t passes, no temporary left"

zcat "$t/out/rootfs.gz" | cpio -itv > "$t/tv" 2> "$t/tv.err" ||
    nb_fail "cpio -itv: $(cat "$t/tv.err")"
n_arch=$(grep -vc ' \.$' "$t/tv")
n_tree=$(wc -l < "$t/want")
[ "$n_arch" = "$n_tree" ] || nb_fail "cpio -t lists $n_arch, tree has $n_tree"
grep -q '^-rwsr-xr-x .* usr/lib/big$' "$t/tv" || nb_fail "set-uid in -tv"
grep -q '^crw-r--r-- .* 1, *3 .* dev/null$' "$t/tv" || nb_fail "char dev"
grep -q '^brw-r--r-- .* 8, *1 .* dev/sda1$' "$t/tv" || nb_fail "block dev"
grep -q 'bin/rel-link -> one$' "$t/tv" || nb_fail "symlink in -tv"
grep -q '^-rw-r--r-- *3 ' "$t/tv" || nb_fail "link count 3 in -tv"
nb_ok "cpio -itv lists all $n_tree entries with types, modes and devices"

mkdir "$t/x"
(cd "$t/x" && zcat "$t/out/rootfs.gz" | cpio -idm --quiet) ||
    nb_fail "cpio -idm"
sh "$data/list.sh" "$t/x" > "$t/got"
diff -u "$t/want" "$t/got" || nb_fail "extracted tree differs"
nb_ok "cpio -idm extracts a tree equal to the source (owners, links, data)"

"$mk" -q -r "$t/tree" -o "$t/out/again.gz" compress || nb_fail "again"
cmp "$t/out/rootfs.gz" "$t/out/again.gz" || nb_fail "not reproducible"
nb_ok "the same tree gives the same bytes"

"$mk" -q -z zstd -r "$t/tree" -o "$t/out/rootfs.zst" compress ||
    nb_fail "zstd"
zstd -q -t "$t/out/rootfs.zst" || nb_fail "zstd -t"
zcat "$t/out/rootfs.gz" > "$t/a.cpio"
zstd -q -dc "$t/out/rootfs.zst" | cmp - "$t/a.cpio" || nb_fail "zstd content"
"$mk" -q -z none -r "$t/tree" -o "$t/out/rootfs.cpio" compress ||
    nb_fail "none"
cmp "$t/out/rootfs.cpio" "$t/a.cpio" || nb_fail "uncompressed content"
nb_ok "zstd -t passes; zstd, gzip and none carry the same archive"

# No privileges needed: nobody archives a tree it can read.
chmod -R a+rX "$t/tree" "$t"
chmod 0555 "$t/tree/ro"
mkdir "$t/nobody" && chown 65534:65534 "$t/nobody"
setpriv --reuid=65534 --regid=65534 --clear-groups "$mk" -q -r "$t/tree" \
    -o "$t/nobody/rootfs.gz" compress || nb_fail "as nobody"
cmp "$t/nobody/rootfs.gz" "$t/out/rootfs.gz" || nb_fail "nobody's differs"
nb_ok "an unprivileged user builds the same archive"

# Progress: on a terminal only.
script -qec "'$mk' -r '$t/tree' -o '$t/out/tty.gz' compress" /dev/null \
    > "$t/tty" 2>&1 || nb_fail "under script: $(cat "$t/tty")"
grep -q 'cpio: .* MiB of .* MiB (100%), .* MiB/s' "$t/tty" ||
    nb_fail "no progress on a terminal: $(cat "$t/tty")"
"$mk" -r "$t/tree" -o "$t/out/notty.gz" compress 2> "$t/notty" ||
    nb_fail "compress"
grep -q 'MiB/s' "$t/notty" && nb_fail "progress without a terminal"
nb_ok "progress (bytes done of total, rate) only on a terminal"

# Failure: an unreadable file; the old image stays, nothing is left.
cp "$t/out/rootfs.gz" "$t/old.gz"
chmod 0000 "$t/tree/etc/f2"
setpriv --reuid=65534 --regid=65534 --clear-groups "$mk" -q -r "$t/tree" \
    -o "$t/nobody/rootfs.gz" compress 2> "$t/err"
rc=$?
[ "$rc" = 71 ] || nb_fail "exit $rc, not EX_OSERR (71): $(cat "$t/err")"
grep -q 'etc/f2: Permission denied' "$t/err" || nb_fail "$(cat "$t/err")"
cmp "$t/nobody/rootfs.gz" "$t/old.gz" || nb_fail "old image changed"
[ "$(ls -A "$t/nobody")" = rootfs.gz ] || nb_fail "leftover temporary"
nb_ok "a failed build exits 71, keeps the old image, leaves no temporary"

# A configuration file, under the command line; its errors as file:line.
printf 'root "%s";\noutput %s;\ncompress zstd;\n' "$t/tree" \
    "$t/out/conf.img" > "$t/mk.conf"
"$mk" -q -c "$t/mk.conf" compress || nb_fail "-c"
zstd -q -t "$t/out/conf.img" || nb_fail "-c: not zstd"
"$mk" -q -z gzip -c "$t/mk.conf" compress || nb_fail "-c with -z"
gzip -t "$t/out/conf.img" || nb_fail "-z did not override the file"
printf 'root /x;\nlevel 30;\n' > "$t/bad.conf"
"$mk" -c "$t/bad.conf" compress 2> "$t/err"
[ $? = 78 ] || nb_fail "bad config is not EX_CONFIG"
grep -q "bad.conf:2: level: too large" "$t/err" || nb_fail "$(cat "$t/err")"
sh -c "'$mk' -q -c '$top/etc/mkrootfs.conf' -r '$t/tree' \
    -o '$t/out/etc.gz' compress" || nb_fail "etc/mkrootfs.conf"
nb_ok "-c file: settings applied, options override, errors file:line (78)"

"$mk" -r "$t/nonexistent" -o "$t/out/x.gz" compress 2>/dev/null &&
    nb_fail "a missing root succeeded"
"$mk" -F tar compress 2>/dev/null
[ $? = 64 ] || nb_fail "bad -F is not EX_USAGE"
"$mk" --help | grep -q 'rebootmbr' || nb_fail "--help"
nb_ok "usage errors exit 64, --help lists the commands"
