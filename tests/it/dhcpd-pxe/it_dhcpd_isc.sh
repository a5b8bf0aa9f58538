#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The differential test against ISC dhcpd 4.4, the server dhcpd-pxe
# replaces.  For every configuration of tests/data/isc-diff/CASES (real
# dhcpd.conf files ISC accepts), ISC dhcpd and dhcpd-pxe each serve it in a
# namespace pair of their own (s0 -- c0, s0 with the address CASES gives),
# and the same clients ask both (tests/tools/dhcpprobe, DISCOVER then
# REQUEST): a MAC of one of the config's host declarations and an unknown
# MAC, each as a BIOS PXE ROM, UEFI x64 PXE, UEFI HTTP boot, iPXE and a
# plain client, in that order (captured DISCOVERs of tests/data).  Their
# answers are compared field by field (type, yiaddr, siaddr, sname, file,
# options 1 3 6 12 43 54 60 66 67 175) and every difference is printed in
# a table.  A difference that tests/data/isc-diff/EXPLAINED lists, quoting
# the man page statement that documents it (the quote must be in the
# page), passes; any other fails the test.  A configuration that
# dhcpd-pxe -t refuses is listed with its message, not run, and does not
# fail the test: the grammar grows, the list shrinks.  ISC_DIFF_ALL=1 also
# runs ISC on the refused ones and puts its answers in the table.  Up to
# ISC_DIFF_SLOTS (default 3) configurations run at once, each in its own
# namespaces: the time goes in waiting for answers that do not come and
# in ISC's ping check (1 s before it offers a new address).  The raw
# answers and both servers' logs stay in build/isc-diff/.

. "$(dirname "$0")/../../lib/nb.sh"
. "$(dirname "$0")/../../lib/dhcpd.sh"
nb_init

top=$(cd "$(dirname "$0")/../../.." && pwd)
D=$top/tests/data/isc-diff
ISC=/usr/sbin/dhcpd
PROBE=$DH_BUILD/tests/dhcpprobe
OUT=$DH_BUILD/isc-diff
UNKNOWN=02:00:00:15:c0:01
WAIT=2
SLOTS=${ISC_DIFF_SLOTS:-3}
TAB=$(printf '\t')
case $SLOTS in
''|*[!0-9]*|0) nb_fail "ISC_DIFF_SLOTS=$SLOTS: want a number from 1" ;;
esac
[ -x "$ISC" ] || nb_fail "no $ISC (isc-dhcp-server: make deps)"
[ -x "$PROBE" ] || nb_fail "no $PROBE (make all)"
rm -rf "$OUT"
mkdir -p "$OUT"

# The clients: name, then the DISCOVER it sends, as dhcpprobe takes it.
PROFILES="bios:dhcpd-pxe/bios-pxe21-discover uefi:isc-diff/uefi-discover
    http:isc-diff/http-discover ipxe:dhcpd-pxe/qemu-ipxe-bios-discover
    plain:dhcpd-pxe/syslinux-efi-discover"
for p in $PROFILES; do
	grep -v '^#' "$top/tests/data/${p#*:}.hex" | tr -d ' \n' \
	    > "$NB_TMP/${p%%:*}.hex" || nb_fail "template $p"
done
: > "$NB_TMP/empty.conf"

# Slot K: ISC in namespace iK (its clients in icK), dhcpd-pxe in pK
# (clients in pcK), each pair joined by s0 -- c0; files in $NB_TMP/K.
k=0
while [ "$k" -lt "$SLOTS" ]; do
	for side in i p; do
		nb_ns "$side$k"
		nb_ns "${side}c$k"
		nb_veth "$NB_PREFIX-$side$k" s0 "$NB_PREFIX-${side}c$k" c0
	done
	mkdir -p "$NB_TMP/$k/lease"
	chown nobody "$NB_TMP/$k/lease"
	k=$((k + 1))
done

# conf NAME INCLUDES FILE: the config as FILE, its includes made empty.
conf() {
	cp "$D/conf/$1" "$3" || nb_fail "no $D/conf/$1"
	[ "$2" = - ] && return 0
	for _inc in $(echo "$2" | tr ',' ' '); do
		grep -qF "\"$_inc\"" "$3" || nb_fail "$1: no include \"$_inc\""
		sed -i "s|\"$_inc\"|\"$NB_TMP/empty.conf\"|" "$3"
	done
}

# alive PID: running (not gone, not a zombie).
alive() {
	_st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
	[ -n "$_st" ] && [ "$_st" != Z ]
}

# serve NS LOG CMD...: starts a server in NS as nb_spawn does, output to
# LOG; $SRV_PID.  Returns 1, its last words in $SRV_WHY, if it exited
# instead of binding port 67 (ISC does without a subnet for its interface:
# an answer to compare, so not dh_server, which fails the test then).
serve() {
	_ns=$1
	_log=$2
	shift 2
	nb_spawn "$_ns" "$@" > "$_log" 2>&1
	SRV_PID=$NB_PID
	nb_wait 5 sh -c "ip netns exec $_ns ss -uln | grep -q ':67 ' ||
	    ! grep -q . /proc/$SRV_PID/cmdline 2>/dev/null" || true
	alive "$SRV_PID" && return 0
	SRV_WHY=$(why "$_log")
	return 1
}

# why LOG: a server's last words before it exited.
why() {
	awk '/^If you think|^dhcpd-pxe: exiting/ { exit }
	    NF { last = $0 } END { print last }' "$1"
}

# clients NS MAC OUT: the five clients in turn from MAC; OUT.<client>.
clients() {
	for _p in $PROFILES; do
		_p=${_p%%:*}
		ip netns exec "$1" "$PROBE" c0 "$2" "$(cat "$NB_TMP/$_p.hex")" \
		    "$WAIT" > "$3.$_p" 2>&1
	done
}

# run K NAME ADDR MAC REFUSED (in the background): in slot K, ISC and
# (unless REFUSED is 1) dhcpd-pxe on $NB_TMP/K/dhcpd.conf, the clients
# against each.  Writes the servers' states to $OUT/NAME.state.
run() {
	_t=$NB_TMP/$1
	_is=$NB_PREFIX-i$1
	_ps=$NB_PREFIX-p$1
	for _ns in "$_is" "$_ps"; do
		ip -n "$_ns" addr flush dev s0
		ip -n "$_ns" addr add "$3" dev s0 || nb_fail "$2: address $3"
	done
	: > "$_t/isc.leases"
	rm -f "$_t/lease/dhcpd.leases"
	_isc=running
	_pxe="(refused)"
	serve "$_is" "$OUT/$2.isc.log" "$ISC" -4 -f -d -cf "$_t/dhcpd.conf" \
	    -lf "$_t/isc.leases" -pf "$_t/isc.pid" s0 || _isc="exited: $SRV_WHY"
	_ipid=$SRV_PID
	if [ "$5" != 1 ]; then
		_pxe=running
		serve "$_ps" "$OUT/$2.pxe.log" "$DH_BIN" -d -v \
		    -lf "$_t/lease/dhcpd.leases" -pf "$_t/pxe.pid" \
		    -cf "$_t/dhcpd.conf" s0 || _pxe="exited: $SRV_WHY"
		_ppid=$SRV_PID
	fi

	# The known MAC, then the unknown one, never both at once: which
	# gets which pool address must not depend on who is faster.
	_pids=
	for _side in i p; do
		[ "$_side" = p ] && [ "$5" = 1 ] && continue
		{
			[ "$4" = - ] || clients "$NB_PREFIX-${_side}c$1" "$4" \
			    "$OUT/$2.$_side.known"
			clients "$NB_PREFIX-${_side}c$1" "$UNKNOWN" \
			    "$OUT/$2.$_side.unknown"
		} &
		_pids="$_pids $!"
	done
	for _p in $_pids; do
		wait "$_p"
	done
	# A server that bound its port and exited a moment later (ISC does
	# without a subnet for its interface) is seen here, after the clients.
	[ "$_isc" = running ] && ! alive "$_ipid" &&
	    _isc="exited: $(why "$OUT/$2.isc.log")"
	[ "$_pxe" = running ] && ! alive "$_ppid" &&
	    _pxe="exited: $(why "$OUT/$2.pxe.log")"
	printf '%s\t%s\n' "$_isc" "$_pxe" > "$OUT/$2.state"
	nb_stop "$_ipid"
	[ "$5" = 1 ] || nb_stop "$_ppid"
}

# slot: waits (at most 600 s) for a slot with no config running, reaping
# the one that ran there; its number in $SLOT.
slot() {
	_n=0
	while [ "$_n" -lt 6000 ]; do
		_k=0
		while [ "$_k" -lt "$SLOTS" ]; do
			eval "_pid=\${sp$_k:-}"
			if [ -n "$_pid" ] && ! alive "$_pid"; then
				wait "$_pid" || nb_fail "$(eval echo "\$sn$_k") failed"
				eval "sp$_k="
				_pid=
			fi
			if [ -z "$_pid" ]; then
				SLOT=$_k
				return 0
			fi
			_k=$((_k + 1))
		done
		sleep 0.1
		_n=$((_n + 1))
	done
	nb_fail "no slot free in 600 s"
}

# cmp NAME CLIENT ISC PXE: "config client field isc dhcpd-pxe" (tabs) for
# each field in which two dhcpprobe outputs differ.  When one side got no
# answer at a stage, only the type line of that stage, with the other
# side's type, yiaddr and file.
cmp() {
	awk -v c="$1" -v cl="$2" -v t="$TAB" '
	function val(s) { sub(/^[^ ]+ [^ ]+ /, "", s); return s }
	function key(s) { split(s, f, " "); return f[1] " " f[2] }
	function sum(m, st, s) {
		s = m[st " type"]
		if (m[st " yiaddr"] != "-" && m[st " yiaddr"] != "")
			s = s " " m[st " yiaddr"]
		if (m[st " file"] != "-" && m[st " file"] != "")
			s = s " " m[st " file"]
		return s
	}
	FNR == NR { k = key($0); isc[k] = val($0); order[++n] = k; next }
	{ pxe[key($0)] = val($0) }
	END {
		for (i = 1; i <= n; i++) {
			k = order[i]
			split(k, f, " ")
			a = isc[f[1] " type"]
			b = pxe[f[1] " type"]
			if (a != b && (a ~ /^(none|unsent|\(refused\))$/ ||
			    b ~ /^(none|unsent|\(refused\))$/)) {
				if (f[2] == "type")
					print c t cl t k t sum(isc, f[1]) t \
					    sum(pxe, f[1])
			} else if (isc[k] != pxe[k])
				print c t cl t k t isc[k] t pxe[k]
		}
	}' "$3" "$4"
}

# rows NAME MAC REFUSED: the differences of a config that ran.
rows() {
	IFS="$TAB" read -r _isc _pxe < "$OUT/$1.state"
	[ "$3" = 1 ] || [ "$_isc" = "$_pxe" ] ||
	    printf '%s\t-\tserver\t%s\t%s\n' "$1" "$_isc" "$_pxe"
	for _kind in known unknown; do
		[ "$_kind" = known ] && [ "$2" = - ] && continue
		for _p in $PROFILES; do
			_p=${_p%%:*}
			_i=$OUT/$1.i.$_kind.$_p
			_x=$OUT/$1.p.$_kind.$_p
			[ "$3" = 1 ] && sed -n 's/^\([^ ]* type\) .*/\1 (refused)/p' \
			    "$_i" > "$_x"
			grep -q '^ack type' "$_i" && grep -q '^ack type' "$_x" ||
			    nb_fail "dhcpprobe: $(cat "$_i" "$_x")"
			cmp "$1" "$_kind/$_p" "$_i" "$_x"
		done
	done
}

# explained CONFIG CLIENT FIELD ISC PXE: 0 if a line of EXPLAINED matches
# (its first five columns are shell patterns).
explained() {
	while IFS="$TAB" read -r _c _cl _f _i _p _doc; do
		case $_c in '#'*|'') continue ;; esac
		case $1 in $_c) ;; *) continue ;; esac
		case $2 in $_cl) ;; *) continue ;; esac
		case $3 in $_f) ;; *) continue ;; esac
		case $4 in $_i) ;; *) continue ;; esac
		case $5 in $_p) return 0 ;; esac
	done < "$D/EXPLAINED"
	return 1
}

# Every explanation quotes its man page: the quote must be there.
while IFS="$TAB" read -r _c _cl _f _i _p _doc; do
	case $_c in '#'*|'') continue ;; esac
	_q=${_doc#*: \"}
	_q=${_q%%\"*}
	grep -qF -- "$_q" "$top/dhcpd-pxe/${_doc%%: *}" ||
	    nb_fail "EXPLAINED: '$_q' is not in dhcpd-pxe/${_doc%%: *}"
done < "$D/EXPLAINED"

# The configs, each dhcpd-pxe accepts (with ISC_DIFF_ALL each) in the
# first free slot.
nconf=0 nrun=0 nref=0
: > "$OUT/refused"
while IFS="$TAB" read -r name addr mac incs <&4; do
	case $name in '#'*|'') continue ;; esac
	nconf=$((nconf + 1))
	conf "$name" "$incs" "$NB_TMP/dhcpd.conf"
	refused=0
	if ! "$DH_BIN" -t -cf "$NB_TMP/dhcpd.conf" > "$OUT/$name.t" 2>&1; then
		nref=$((nref + 1))
		refused=1
		echo "  $(sed -n "s|$NB_TMP/dhcpd.conf|$name|p" "$OUT/$name.t" |
		    head -1)" >> "$OUT/refused"
		[ -n "${ISC_DIFF_ALL:-}" ] || continue
	else
		nrun=$((nrun + 1))
	fi
	echo "$refused" > "$OUT/$name.refused"
	slot
	cp "$NB_TMP/dhcpd.conf" "$NB_TMP/$SLOT/dhcpd.conf"
	nb_bg run "$SLOT" "$name" "$addr" "$mac" "$refused"
	eval "sp$SLOT=\$NB_PID sn$SLOT=\$name"
done 4< "$D/CASES"
k=0
while [ "$k" -lt "$SLOTS" ]; do
	eval "pid=\${sp$k:-}"
	[ -z "$pid" ] || wait "$pid" || nb_fail "$(eval echo "\$sn$k") failed"
	k=$((k + 1))
done

# The differences, in the order of CASES.
nexp=0 nbad=0
: > "$OUT/table"
while IFS="$TAB" read -r name addr mac incs <&4; do
	case $name in '#'*|'') continue ;; esac
	[ -f "$OUT/$name.refused" ] || continue
	refused=$(cat "$OUT/$name.refused")
	rows "$name" "$mac" "$refused" > "$NB_TMP/rows"
	while IFS="$TAB" read -r c cl f i p; do
		if [ "$refused" = 1 ]; then
			v="ISC only"
		elif explained "$c" "$cl" "$f" "$i" "$p"; then
			v=explained
			nexp=$((nexp + 1))
		else
			v=UNEXPLAINED
			nbad=$((nbad + 1))
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$cl" "$f" "$i" "$p" "$v"
	done < "$NB_TMP/rows" >> "$OUT/table"
done 4< "$D/CASES"

echo "Configurations dhcpd-pxe -t refuses ($nref of $nconf):"
cat "$OUT/refused"
echo "Differences from ISC dhcpd 4.4 (answers and logs in $OUT):"
awk -F "$TAB" '
	BEGIN { split("CONFIG CLIENT FIELD ISC DHCPD-PXE VERDICT", h, " ")
	    for (j = 1; j <= 6; j++) { cell[0, j] = h[j]; w[j] = length(h[j]) } }
	{ for (j = 1; j <= 6; j++) { cell[NR, j] = $j
	    if (length($j) > w[j]) w[j] = length($j) } }
	END { for (r = 0; r <= NR; r++) { s = ""
	    for (j = 1; j <= 6; j++)
		s = s sprintf(j < 6 ? "%-" w[j] "s  " : "%s", cell[r, j])
	    print s } }' "$OUT/table"
echo "isc-diff: $nconf configs, $nrun compared, $nref refused by dhcpd-pxe;" \
    "differences: $nexp explained, $nbad unexplained"
[ "$nbad" = 0 ] || nb_fail "$nbad differences from ISC dhcpd not explained" \
    "in tests/data/isc-diff/EXPLAINED"
nb_ok "no unexplained difference from ISC dhcpd on $nrun configs"
