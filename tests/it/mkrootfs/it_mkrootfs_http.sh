#!/bin/sh
# SPDX-License-Identifier: ISC
#
# mkrootfs's atomic swap holds over HTTP (issue 21): nginx with the
# shipped site serves the image while mkrootfs compresses a new one over
# it.  A download that started on the old image gets the whole old image
# (nginx keeps the file it opened; the rename changes only the name), the
# next request gets the whole new one, and nginx's log has both as
# complete 200s of their own sizes.  The temporary file of the swap (a
# dot name) is never served.

top=$(cd "$(dirname "$0")/../../.." && pwd)
. "$top/tests/lib/nb.sh"
. "$top/tests/lib/nginx.sh"
nb_init
command -v nginx > /dev/null || nb_fail "no nginx (make deps: nginx-light)"
mk=${NB_BUILD:-$top/build}/bin/mkrootfs
[ -x "$mk" ] || nb_fail "no $mk (make all)"
t=$NB_TMP
mkdir -p "$t/a" "$t/b" "$t/www" "$t/run" && chmod 0755 "$t" "$t/www" ||
    nb_fail mkdir
# Random data does not compress: the images are 24 MiB, and the old one
# is fetched at 4 MiB/s, so the swap lands inside its download.
head -c 25165824 /dev/urandom > "$t/a/blob" &&
    head -c 25165824 /dev/urandom > "$t/b/blob" || nb_fail "random data"
echo old > "$t/a/version"
echo new > "$t/b/version"
"$mk" -q -r "$t/a" -o "$t/www/rootfs.gz" compress || nb_fail "image a"
cp "$t/www/rootfs.gz" "$t/old.gz" || nb_fail "copy a"
chmod a+r "$t/www/rootfs.gz"
nb_ns http
ip -n "$NB_NS" link set lo up || nb_fail "lo up"
nb_nginx "$top" "$NB_NS" 127.0.0.1 "$t/www" "$t/run"
nb_bg ip netns exec "$NB_NS" curl -sf --limit-rate 4M \
    -o "$t/got-old.gz" http://127.0.0.1/rootfs.gz
curl_pid=$NB_PID
nb_wait 10 test -s "$t/got-old.gz" || nb_fail "the download did not start"
# Swap while the download runs, and watch for the temporary's name.
"$mk" -q -r "$t/b" -o "$t/www/rootfs.gz" compress || nb_fail "image b"
chmod a+r "$t/www/rootfs.gz"
kill -0 "$curl_pid" 2> /dev/null ||
    nb_fail "the download ended before the swap: nothing tested"
wait "$curl_pid" || nb_fail "the download across the swap failed"
cmp -s "$t/got-old.gz" "$t/old.gz" ||
    nb_fail "the download across the swap is not the old image"
nb_ok "a download started before the swap got the whole old image"
ip netns exec "$NB_NS" curl -sf -o "$t/got-new.gz" http://127.0.0.1/rootfs.gz ||
    nb_fail "second download"
cmp -s "$t/got-new.gz" "$t/www/rootfs.gz" ||
    nb_fail "the request after the swap did not get the new image"
gzip -dc "$t/got-new.gz" | cpio -i --to-stdout version 2> /dev/null |
    grep -qx new || nb_fail "the new image has no version new"
nb_ok "the next request got the whole new image"
old=$(wc -c < "$t/old.gz")
new=$(wc -c < "$t/www/rootfs.gz")
grep -q " 127.0.0.1 GET 200 $old [0-9.]* ok /rootfs.gz$" "$t/run/http.log" &&
    grep -q " 127.0.0.1 GET 200 $new [0-9.]* ok /rootfs.gz$" \
    "$t/run/http.log" || {
	cat "$t/run/http.log"
	nb_fail "nginx's log lacks a complete line of each size"
}
ip netns exec "$NB_NS" curl -s -o /dev/null -w '%{http_code}' \
    "http://127.0.0.1/.rootfs.gz.XXXXXX" | grep -qx 403 ||
    nb_fail "a dot name was not refused"
nb_ok "nginx logged both as complete, and refuses dot names"
