#!/bin/sh
# SPDX-License-Identifier: ISC
#
# The remap corpus (tests/data/remap) through nodeboot's in.tftpd and a
# real client: for each map of EXPECT.tsv, in.tftpd -s ROOT -m MAP on
# 127.0.0.1 in a namespace, every "DATA:path" created under ROOT holding
# its own path, and every name of PROBES fetched with curl: it must get
# that file's bytes, or for "ERROR" a TFTP error 2 (tftpprobe shows it).
# The transfer log proves each name reached the server as written.  The
# expected answers are tftp-hpa 5.2's (Debian's tftpd-hpa, see EXPECT.tsv).

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

T=$NB_BUILD/bin/in.tftpd
P=$NB_BUILD/tests/tftpprobe
data=$(cd "$(dirname "$0")/../../data/remap" && pwd)
[ -x "$T" ] || nb_fail "no $T (make all first)"
[ -x "$P" ] || nb_fail "no $P (make all first)"
command -v curl > /dev/null || nb_fail "no curl"

nb_ns srv
ns=$NB_NS
X="ip netns exec $ns"
tab=$(printf '\t')

# url NAME: a tftp:// URL for NAME, every byte %-encoded (curl decodes)
url() {
	printf 'tftp://127.0.0.1/%s' "$(printf '%s' "$1" | od -An -tx1 -v |
	    tr -s ' \n' '  ' | sed 's/^ //; s/ $//; s/ /%/g; s/^/%/')"
}

maps=$(awk -F '\t' '!/^#/ && $1 != "map" { print $1 }' \
    "$data/EXPECT.tsv" | uniq)
probes=0
for map in $maps; do
	root=$NB_TMP/$map
	mkdir -p "$root"
	awk -F '\t' -v m="$map" '$1 == m && $3 ~ /^DATA:/ {
	    print substr($3, 6) }' "$data/EXPECT.tsv" |
	while IFS= read -r path; do
		mkdir -p "$root/$(dirname "$path")"
		printf '%s' "$path" > "$root/$path"
	done
	chmod -R a+rX "$root"
	log=$NB_TMP/$map.log
	nb_spawn "$ns" "$T" -L -a 127.0.0.1:69 -s "$root" -m "$data/$map" \
	    --xferlog "$log"
	server=$NB_PID
	nb_wait 5 sh -c "$X ss -uln | grep -q 127.0.0.1:69" ||
	    nb_fail "$map: in.tftpd did not start"
	while IFS=$tab read -r m name want; do
		[ "$m" = "$map" ] || continue
		probes=$((probes + 1))
		if [ "$want" = ERROR ]; then
			o=$($X "$P" 127.0.0.1 69 rrq "$name")
			[ "${o%% *}" = ERROR ] && [ "$(echo "$o" | cut -d' ' -f2)" = 2 ] ||
			    nb_fail "$map $name: $o, want ERROR 2"
			continue
		fi
		got=$($X curl -s --max-time 5 "$(url "$name")") ||
		    nb_fail "$map $name: curl failed ($?), want $want"
		[ "DATA:$got" = "$want" ] ||
		    nb_fail "$map $name: got DATA:$got, want $want"
	done < "$data/EXPECT.tsv"
	nb_stop "$server"
	# Each name as the client sent it (vis-encoded: "\\" for '\').
	sent=$(cut -d' ' -f4 "$log" | sed 's/\\\\/\\/g' | sort)
	want=$(awk -F '\t' -v m="$map" '$1 == m { print $2 }' \
	    "$data/EXPECT.tsv" | sort)
	[ "$sent" = "$want" ] || nb_fail "$map: names sent:
$sent
probes:
$want"
	nb_ok "$map: $(grep -c . "$data/PROBES") probes as tftp-hpa 5.2 answers them"
done
[ "$probes" = 112 ] || nb_fail "$probes probes, want 112"
nb_ok "$probes probes of 7 maps"
