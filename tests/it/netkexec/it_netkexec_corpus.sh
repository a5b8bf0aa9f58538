#!/bin/sh
# SPDX-License-Identifier: ISC
#
# netkexec -n on every pxelinux.cfg file of the corpus (tests/data/pxelinux,
# files real sites use), each served by nodeboot's in.tftpd as
# pxelinux.cfg/FILE across a veth pair: the label, kernel and first initrd
# of EXPECT.tsv, or for a file pxelinux does not boot, exit 2 (it boots the
# local disk) or 3 (it waits for a key) as REFUSALS.tsv says, with one line
# on stderr.  Then skopjehacklab's default with the files it INCLUDEs on the
# server (root/): netkexec fetches them and finds the local disk.

. "$(dirname "$0")/../../lib/nb.sh"
nb_init

nk=$NB_BUILD/bin/netkexec
data=$(cd "$(dirname "$0")/../../data/pxelinux" && pwd)
[ -x "$nk" ] || nb_fail "no $nk (make all first)"
[ -x "$NB_BUILD/bin/in.tftpd" ] || nb_fail "no $NB_BUILD/bin/in.tftpd"

nb_ns srv
srv=$NB_NS
nb_ns node
node=$NB_NS
nb_veth "$srv" veth0 "$node" eth0
ip -n "$srv" addr add 192.0.2.1/24 dev veth0
ip -n "$node" addr add 192.0.2.10/24 dev eth0

root=$NB_TMP/tftpboot
mkdir -p "$root/pxelinux.cfg"
for f in "$data"/*; do
	[ -f "$f" ] && cp "$f" "$root/pxelinux.cfg/"
done
mkdir -p "$NB_TMP/incroot"
cp -R "$data/root/." "$NB_TMP/incroot/"
chmod -R a+rX "$root" "$NB_TMP/incroot"

# serve DIR: nodeboot's in.tftpd on 192.0.2.1:69 for DIR
serve() {
	[ -n "${server:-}" ] && nb_stop "$server"
	nb_spawn "$srv" "$NB_BUILD/bin/in.tftpd" -L -s "$1" -a 192.0.2.1:69
	server=$NB_PID
	nb_wait 5 sh -c "ip netns exec $srv ss -uln | grep -q 192.0.2.1:69" ||
	    nb_fail "in.tftpd did not start"
}

# dry CONFIG: netkexec -n for pxelinux.cfg/CONFIG; $rc, $out, $errout
dry() {
	ip netns exec "$node" "$nk" -n -s 192.0.2.1 -u none -t 300 -r 2 \
	    -c "$1" > "$NB_TMP/out" 2> "$NB_TMP/err"
	rc=$?
	out=$(cat "$NB_TMP/out")
	errout=$(cat "$NB_TMP/err")
}

# field NAME: the value of line "NAME value" of the dry run
field() {
	printf '%s\n' "$out" | sed -n "s/^$1 //p"
}

serve "$root"
tab=$(printf '\t')
n=0
while IFS=$tab read -r file expect label kernel initrd why; do
	case $file in '#'*|file|'') continue ;; esac
	n=$((n + 1))
	dry "pxelinux.cfg/$file"
	if [ "$expect" = boot ]; then
		[ "$rc" = 0 ] || nb_fail "$file: exit $rc: $errout"
		got="$(field label)|$(field kernel)|$(field initrd | cut -d, -f1)"
		[ "$got" = "$label|$kernel|$initrd" ] ||
		    nb_fail "$file: got $got, want $label|$kernel|$initrd"
		nb_ok "$file: boots $label ($why)"
		continue
	fi
	how=$(awk -F '\t' -v f="$file" '$1 == f { print $2 }' \
	    "$data/REFUSALS.tsv")
	case $how in
	local) want=2 ;;
	wait) want=3 ;;
	*) nb_fail "$file: not in REFUSALS.tsv" ;;
	esac
	[ "$rc" = "$want" ] || nb_fail "$file: exit $rc, want $want: $errout"
	[ -z "$out" ] || nb_fail "$file: printed an entry: $out"
	[ "$(printf '%s\n' "$errout" | wc -l)" = 1 ] &&
	    printf '%s\n' "$errout" | grep -q "^netkexec: " ||
	    nb_fail "$file: stderr: $errout"
	nb_ok "$file: refused, exit $rc: $errout"
done < "$data/EXPECT.tsv"
[ "$n" = 17 ] || nb_fail "$n rows in EXPECT.tsv, want 17"

serve "$NB_TMP/incroot"
dry pxelinux.cfg/default
[ "$rc" = 2 ] || nb_fail "skopjehacklab with its INCLUDEs: exit $rc: $errout"
printf '%s\n' "$errout" | grep -q '::/pxelinux.cfg/menu.cfg:9: LOCALBOOT' ||
    nb_fail "skopjehacklab with its INCLUDEs: $errout"
nb_ok "skopjehacklab-default with its INCLUDEs: $errout"
