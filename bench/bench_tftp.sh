#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bench_tftp.sh: in.tftpd beside Debian's tftpd-hpa, atftpd and
# dnsmasq-base's TFTP server, all serving the same directory on loopback
# inside one network namespace (127.0.0.1..4, port 69), measured in the
# same run.  Prints a Markdown section: lock-step throughput with curl at
# several block sizes, RFC 7440 windows with the atftp client, and many
# concurrent clients with the servers' CPU seconds per GiB and peak memory
# (there in.tftpd twice: forking a child per transfer, and --threads)
# (from a cgroup per server; files are read once beforehand so their page
# cache is not charged to it, and page cache charged to it by an earlier
# table is subtracted).  Medians of BENCH_RUNS (3) repetitions.
# Quick by default (16 MiB, 16 clients: a few minutes on 2 cores);
# BENCH_FULL=1 adds 64 MiB, blksize 8192 and 64 clients.
# BENCH_PART picks tables: any of "lockstep windows clients" (default all
# three), e.g. BENCH_PART=clients for only the concurrent clients;
# BENCH_CLIENTS="64" overrides their counts.  Needs root.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/build
T=$B/bin/in.tftpd
runs=${BENCH_RUNS:-3}
if [ "${BENCH_FULL:-0}" = 1 ]; then
	sizes="16 64"; blks="512 1468 8192 65464"; concs="16 64"
else
	sizes="16"; blks="512 1468 65464"; concs="16"
fi
wins="4 16 64"
parts=${BENCH_PART:-lockstep windows clients}
concs=${BENCH_CLIENTS:-$concs}
has() { case " $parts " in *" $1 "*) return 0 ;; esac; return 1; }
# Only the clients: one 16 MiB file is enough.
has lockstep || has windows || sizes=16

die() { echo "bench_tftp: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (network namespace, cgroups)"
[ -x "$T" ] || die "build first: $T"
for c in curl atftp hyperfine dnsmasq /usr/sbin/in.tftpd; do
	command -v "$c" > /dev/null || die "$c missing (make deps)"
done
A=$B/bench/atftpd/usr/sbin/atftpd
if [ ! -x "$A" ]; then
	# atftpd conflicts with tftpd-hpa: unpack it instead of installing.
	mkdir -p "$B/bench" && (cd "$B/bench" && apt-get download atftpd \
	    > /dev/null 2>&1 && dpkg-deb -x atftpd_*.deb atftpd) ||
	    die "cannot unpack atftpd"
fi

ns=nbbench$$
tmp=$(mktemp -d /tmp/nb-bench.XXXXXX)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	sleep 0.5
	for p in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$p"; done
	ip netns del "$ns" 2>/dev/null
	for s in $all; do
		rmdir "/sys/fs/cgroup/cpuacct/$ns-$s" \
		    "/sys/fs/cgroup/memory/$ns-$s" 2>/dev/null
	done
	rm -rf "$tmp"
}
servers="in.tftpd tftpd-hpa atftpd dnsmasq"
all="$servers in.tftpd-threads"
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
chmod 0755 "$tmp"
root=$tmp/root
mkdir -m 0755 "$root"
for s in $sizes; do
	head -c $((s * 1048576)) /dev/urandom > "$root/f$s"
done
echo ping > "$root/ping"
chmod 0644 "$root"/*
cat "$root"/* > /dev/null
ip netns add "$ns" && ip -n "$ns" link set lo up || die "netns"
# tftpd-hpa resolves -a with AI_ADDRCONFIG, which ignores loopback: give
# the namespace one non-loopback IPv4 address (no traffic goes there).
ip -n "$ns" link add d0 type veth peer name d1 &&
    ip -n "$ns" addr add 192.0.2.1/24 dev d0 &&
    ip -n "$ns" link set d0 up && ip -n "$ns" link set d1 up ||
    die "veth in $ns"
X="ip netns exec $ns"

# start NAME CMD...: a server in the namespace, in its own cgroups.
start() {
	_n=$1
	shift
	$X "$@" > /dev/null 2>&1 &
	pids="$pids $!"
	for h in cpuacct memory; do
		mkdir -p "/sys/fs/cgroup/$h/$ns-$_n"
		echo $! > "/sys/fs/cgroup/$h/$ns-$_n/tasks"
	done
}
# All clients come from one address: in.tftpd serves 8 transfers at once
# per address by default (--max-per-source), the 9th client would wait.
start in.tftpd "$T" -L -a 127.0.0.1:69 -s "$root" --max-per-source 256
start in.tftpd-threads "$T" --threads -L -a 127.0.0.5:69 -s "$root" \
    --max-per-source 256
start tftpd-hpa /usr/sbin/in.tftpd -L -a 127.0.0.2:69 -s "$root"
start atftpd "$A" --daemon --no-fork --bind-address 127.0.0.3 --port 69 \
    --user nobody --group nogroup --logfile /dev/null "$root"
# dnsmasq serves 50 transfers at once by default (--tftp-max): the 51st
# client of 64 would wait in vain.
start dnsmasq dnsmasq --no-daemon --port=0 --enable-tftp --tftp-max=128 \
    --tftp-root="$root" --listen-address=127.0.0.4 --bind-interfaces \
    --user=nobody --conf-file=/dev/null --pid-file="$tmp/dnsmasq.pid"
addr() {
	case $1 in
	in.tftpd) echo 127.0.0.1 ;; tftpd-hpa) echo 127.0.0.2 ;;
	atftpd) echo 127.0.0.3 ;; dnsmasq) echo 127.0.0.4 ;;
	in.tftpd-threads) echo 127.0.0.5 ;;
	esac
}
f=$(echo "$sizes" | cut -d' ' -f1)
for s in $all; do
	i=0
	until $X curl -m 2 -s -o /dev/null "tftp://$(addr "$s")/ping"; do
		i=$((i + 1))
		[ "$i" -lt 10 ] || die "$s does not answer"
		sleep 0.1
	done
done

# median wall seconds of CMD... over $runs runs (hyperfine, no shell).
median() {
	$X hyperfine -N --runs "$runs" --warmup 1 --export-csv "$tmp/h.csv" \
	    "$*" > /dev/null 2>&1 || { echo fail; return; }
	awk -F, 'NR == 2 { print $4 }' "$tmp/h.csv"
}
# MB/s for MiB in seconds, or "fail".
mbs() {
	[ "$2" = fail ] && { echo fail; return; }
	awk -v m="$1" -v t="$2" 'BEGIN { printf "%.1f", m * 1.048576 / t }'
}
ratio() {
	case "$1$2" in *fail*) echo "-"; return ;; esac
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'
}

cat > "$tmp/win.sh" <<'EOS'
exec timeout 60 atftp --option "blksize $3" --option "windowsize $4" -g -r "$2" \
    -l /dev/null "$1" > /dev/null 2>&1
EOS
cat > "$tmp/conc.sh" <<'EOS'
i=0
while [ "$i" -lt "$2" ]; do
	{ curl -m 120 -s --tftp-blksize 1468 -o /dev/null "tftp://$1/$3" ||
	    echo "$?" >> "$4"; } &
	i=$((i + 1))
done
wait
EOS

echo "## in.tftpd: TFTP throughput and cost beside Debian's servers"
echo
cmd="sh bench/bench_tftp.sh"
for v in BENCH_FULL BENCH_PART BENCH_CLIENTS BENCH_RUNS; do
	eval "val=\${$v:-}"
	[ -n "$val" ] && cmd="$v=\"$val\" $cmd"
done
echo "Command: \`$cmd\` (\`make bench\` runs it bare;" \
    "\`BENCH_FULL=1\` adds 64 MiB, blksize 8192 and 64 clients)."
echo "Loopback inside a network namespace, all servers up in the same"
echo "run, $runs runs each after a warm-up, medians; clients curl" \
    "$(curl -V | head -n 1 | cut -d' ' -f2) and atftp $(atftp -V 2>&1 |
    head -n 1 | sed 's/atftp-\([^ ]*\).*/\1/')."
echo
hpa1468=
if has lockstep; then
	echo "### Lock-step transfers (curl, tsize), MB/s"
	echo
	echo "| file | blksize | in.tftpd | tftpd-hpa | atftpd | dnsmasq |" \
	    "in.tftpd / tftpd-hpa |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for s in $sizes; do
		for b in $blks; do
			row=
			for srv in $servers; do
				t=$(median curl -m 60 -s --tftp-blksize "$b" \
				    -o /dev/null "tftp://$(addr "$srv")/f$s")
				v=$(mbs "$s" "$t")
				row="$row | $v"
				[ "$srv" = in.tftpd ] && ours=$v
				[ "$srv" = tftpd-hpa ] && hpa=$v
			done
			[ "$b" = 1468 ] && [ -z "$hpa1468" ] && hpa1468=$hpa
			echo "| $s MiB | $b$row | $(ratio "$ours" "$hpa") |"
		done
	done
	echo
fi
if has windows; then
	echo "### RFC 7440 windows at blksize 1468 (atftp client), MB/s"
	echo
	echo "tftpd-hpa and dnsmasq do not negotiate windowsize and answer in"
	echo "lock-step; the last column compares with tftpd-hpa's" \
	    "lock-step at 1468."
	echo
	echo "| file | windowsize | in.tftpd | tftpd-hpa | atftpd | dnsmasq |" \
	    "in.tftpd / tftpd-hpa lock-step |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	for s in $sizes; do
		for w in $wins; do
			row=
			for srv in $servers; do
				t=$(median sh "$tmp/win.sh" "$(addr "$srv")" \
				    "f$s" 1468 "$w")
				v=$(mbs "$s" "$t")
				row="$row | $v"
				[ "$srv" = in.tftpd ] && ours=$v
			done
			echo "| $s MiB | $w$row |" \
			    "$(ratio "$ours" "${hpa1468:-fail}") |"
		done
	done
	echo
fi

# conc SERVER N: one run of N clients at once; appends its wall ms, CPU
# ms and peak KiB to $tmp/SERVER.{walls,cpus,peaks}, failures to .fails.
conc() {
	cg=/sys/fs/cgroup
	c0=$(cat "$cg/cpuacct/$ns-$1/cpuacct.usage")
	# Page cache charged to the server earlier (pages of the files read
	# back after an eviction) is not its memory.
	m0=$(awk '$1 == "cache" { print $2 }' "$cg/memory/$ns-$1/memory.stat")
	echo 0 > "$cg/memory/$ns-$1/memory.max_usage_in_bytes"
	t0=$(date +%s%N)
	$X sh "$tmp/conc.sh" "$(addr "$1")" "$2" "f$f" "$tmp/$1.fails"
	t1=$(date +%s%N)
	c1=$(cat "$cg/cpuacct/$ns-$1/cpuacct.usage")
	echo $(((t1 - t0) / 1000000)) >> "$tmp/$1.walls"
	echo $(((c1 - c0) / 1000000)) >> "$tmp/$1.cpus"
	echo $((($(cat "$cg/memory/$ns-$1/memory.max_usage_in_bytes") - m0) /
	    1024)) >> "$tmp/$1.peaks"
}
med() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
# concmed SERVER N: the medians of its runs, or "fail fail fail" if a
# client failed in any of them.
concmed() {
	if [ -s "$tmp/$1.fails" ]; then
		echo "bench_tftp: $1, $2 clients: $(wc -l < "$tmp/$1.fails")" \
		    "curl failures" >&2
		echo fail fail fail
		return
	fi
	echo "$(med "$tmp/$1.walls") $(med "$tmp/$1.cpus")" \
	    "$(med "$tmp/$1.peaks")"
}
# fmt AWK-EXPR: the expression over w (wall ms), c (CPU ms), k (peak KiB),
# n, f and g (GiB moved), or "fail".
fmt() {
	[ "$w" = fail ] && { echo fail; return; }
	awk -v w="$w" -v c="$c" -v k="$k" -v n="$n" -v f="$f" -v g="$gib" \
	    "BEGIN { printf $1 }"
}
if has clients; then
	echo "### Concurrent clients × $f MiB (curl, blksize 1468, lock-step)"
	echo
	echo "Server CPU is the server's cgroup (listener, children, threads);"
	echo "peak memory is the cgroup's peak less the page cache it held" \
	    "when the run began."
	echo "Load average before this table: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
	echo "| clients | server | wall s | aggregate MB/s | server CPU s/GiB |" \
	    "peak MiB | CPU/GiB vs tftpd-hpa |"
	echo "|---:|---|---:|---:|---:|---:|---:|"
	csrv="tftpd-hpa in.tftpd in.tftpd-threads atftpd dnsmasq"
	for n in $concs; do
		gib=$(awk -v n="$n" -v f="$f" 'BEGIN { print n * f / 1024 }')
		for srv in $csrv; do
			rm -f "$tmp/$srv".*
		done
		# Round robin: the machine's slow minutes hit every server.
		r=0
		while [ "$r" -lt "$runs" ]; do
			for srv in $csrv; do
				conc "$srv" "$n"
			done
			r=$((r + 1))
		done
		hcpu=fail
		for srv in $csrv; do
			set -- $(concmed "$srv" "$n")
			w=$1 c=$2 k=$3
			cpg=$(fmt '"%.2f", c / 1000 / g')
			[ "$srv" = tftpd-hpa ] && hcpu=$cpg
			name=$srv
			[ "$srv" = in.tftpd-threads ] && name="in.tftpd --threads"
			echo "| $n | $name | $(fmt '"%.2f", w / 1000') |" \
			    "$(fmt '"%.1f", n * f * 1.048576 / (w / 1000)') |" \
			    "$cpg | $(fmt '"%.1f", k / 1024') |" \
			    "$(ratio "$cpg" "$hcpu") |"
		done
	done
	echo
	echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
	echo
fi
