# SPDX-License-Identifier: ISC
#
# boot_lib.sh: one lab node booted again and again, its phases compared
# between two ways of serving it (bench_boot.sh, bench_proxy.sh).  Source
# after lab.sh and serve.sh, with $mac the node's MAC.
#
#   bl_power_cycle WHAT     power node1 on, wait until it powers off, stop
#                           the servers
#   bl_record NAME SINCE    append the boot's timeline row (lab/timeline.sh,
#                           tsv) since SINCE to $NB_TMP/NAME
#   bl_phases A B [SUFFIX]  Markdown table: the median of each phase in
#                           $NB_TMP/A$SUFFIX and $NB_TMP/B$SUFFIX, ratio A/B

bl_power_cycle() {
	_exits=$(grep -c " exit $mac " "$LAB_RUN/power.log")
	lab_power_on "$mac" node1
	nb_wait 200 lab_exited_more "$mac" "$_exits" ||
	    nb_fail "$1: node1 did not power off"
	lab_stop_servers
	kill -0 "$LAB_POWER_PID" || nb_fail "the power shim died"
}

bl_record() {
	TL_SINCE=$2 TL_FORMAT=tsv sh "$LAB_TOP/lab/timeline.sh" "$LAB_RUN" \
	    "$LAB/etc/ethers" "$LAB/etc/hosts" >> "$NB_TMP/$1"
	echo "${0##*/}: $1: $(tail -n 1 "$NB_TMP/$1")" >&2
}

bl_phases() {
	echo "| phase | $1 | $2 | ratio |"
	echo "|---|---:|---:|---:|"
	_col=2
	for _ph in firmware offer dhcp pxelinux kernel initrd+up total; do
		_a=$(nb_median "$_col" "$NB_TMP/$1${3:-}")
		_b=$(nb_median "$_col" "$NB_TMP/$2${3:-}")
		_r=$(echo "$_a $_b" | awk '$1 != "-" && $2 != "-" && $2 > 0 {
		    printf "%.2f", $1 / $2; exit } { print "-" }')
		echo "| $_ph | $_a | $_b | $_r |"
		_col=$((_col + 1))
	done
}
