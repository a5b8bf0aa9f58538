#!/bin/sh
# SPDX-License-Identifier: ISC
#
# How fast netkexec pulls a node's kernel-sized file over TFTP, beside
# Debian's TFTP clients, all against one tftpd-hpa across a veth pair in
# network namespaces.  Prints a Markdown section: medians of 5 runs and the
# ratio to netkexec at blksize 1408.  Needs root (namespaces).

top=$(cd "$(dirname "$0")/.." && pwd)
NB_BUILD=${NB_BUILD:-$top/build}
. "$top/tests/lib/nb.sh"
nb_init

nk=$NB_BUILD/bin/netkexec
runs=5
size_mb=32
nb_ns srv
srv=$NB_NS
nb_ns node
node=$NB_NS
nb_veth "$srv" veth0 "$node" eth0
ip -n "$srv" addr add 192.0.2.1/24 dev veth0
ip -n "$node" addr add 192.0.2.10/24 dev eth0
root=$NB_TMP/tftpboot
mkdir -p "$root/pxelinux.cfg" "$NB_TMP/dl"
head -c $((size_mb << 20)) /dev/urandom > "$root/big"
printf 'DEFAULT big\n' > "$root/pxelinux.cfg/default"
chmod -R a+rX "$root"
nb_spawn "$srv" /usr/sbin/in.tftpd -L -s "$root" -a 192.0.2.1:69
nb_wait 5 sh -c "ip netns exec $srv ss -uln | grep -q 192.0.2.1:69" ||
    nb_fail "in.tftpd did not start"

# median_ms COMMAND: the median wall time of $runs runs of the shell
# command in the node's namespace, in milliseconds
median_ms() {
	_i=0
	: > "$NB_TMP/times"
	while [ "$_i" -lt "$runs" ]; do
		_t0=$(date +%s%N)
		ip netns exec "$node" sh -c "$1" > /dev/null 2>&1 || return 1
		_t1=$(date +%s%N)
		echo $(((_t1 - _t0) / 1000000)) >> "$NB_TMP/times"
		_i=$((_i + 1))
	done
	sort -n "$NB_TMP/times" | sed -n "$(((runs + 1) / 2))p"
}

# row LABEL COMMAND SHOWN: one table row, the command shown shortened
row() {
	_ms=$(median_ms "$2") || nb_fail "failed: $2"
	echo "| $1 | \`$3\` | $_ms |" \
	    "$(awk -v a="$_ms" -v b="$base" 'BEGIN { printf "%.2f", a / b }') |"
}

nk1408="$nk -s 192.0.2.1 -u none -c pxelinux.cfg/default -D $NB_TMP/dl"
base=$(median_ms "$nk1408") || nb_fail "failed: $nk1408"
echo "## netkexec: fetching a ${size_mb} MiB file over TFTP"
echo
echo "tftpd-hpa serves \`big\` across a veth pair between two network"
echo "namespaces; each client fetches it $runs times"
echo "(\`sh bench/bench_netkexec_fetch.sh\`, as root). Medians."
echo
echo "| client | command | median (ms) | ratio to netkexec |"
echo "|---|---|---:|---:|"
echo "| netkexec, blksize 1408 | \`netkexec -c ... -D dir\` | $base | 1.00 |"
row "netkexec, 512 bytes" "$nk1408 -b 0" "netkexec -b 0 -c ... -D dir"
row "curl, blksize 1408" \
    "curl -s --tftp-blksize 1408 -o $NB_TMP/dl/c tftp://192.0.2.1/big" \
    "curl --tftp-blksize 1408 tftp://.../big"
row "atftp, blksize 1408" \
    "atftp --option 'blksize 1408' -g -r big -l $NB_TMP/dl/a 192.0.2.1" \
    "atftp --option 'blksize 1408' -g -r big"
row "tftp-hpa's tftp, 512 bytes" \
    "tftp -m binary 192.0.2.1 -c get big $NB_TMP/dl/t" \
    "tftp -m binary ... -c get big"
echo
