#!/bin/sh
# SPDX-License-Identifier: ISC
#
# bmc-chassis.sh LAB NAME MAC get|set ITEM [VALUE]...: the chassis of lab
# node NAME as OpenIPMI's ipmi_sim sees it (its lan.conf "chassis_control",
# written by lab/bmc.sh).  ipmi_sim runs "PROG get power boot" and prints
# what this answers ("power:1", "boot:pxe"), and "PROG set power 1" or
# "set boot pxe" for the IPMI chassis commands (power on/off/cycle, bootdev).
# Power on starts lab/node.sh (qemu) in the background, power off stops it;
# the state is whether that qemu runs.  Every call goes to LAB/run/bmc.log:
#   EPOCH NAME set boot pxe | start MAC boot=pxe | stop MAC | get power
# and each start to LAB/run/power.log as the WoL power shim writes it.
set -u
lab=$1
name=$2
mac=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
pidf=$lab/run/$name.qemu.pid
bootf=$lab/run/$name.bootdev

log() {
	echo "$(date +%s.%N | cut -c1-14) $name $*" >> "$lab/run/bmc.log"
}

running() {
	[ -s "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null
}

# A node that powers itself off (nbpoweroff) has ended its qemu: that is off.
power_on() {
	running && return 0
	log "start $mac boot=$(cat "$bootf" 2>/dev/null || echo none)"
	# The one-time boot device is used up by this start, as on a real BMC.
	echo none > "$bootf"
	# ipmi_sim waits for this script's output to end: qemu must not hold it.
	setsid sh "$top/lab/node.sh" "$lab" "$mac" \
	    > "$lab/run/$name.qemu.log" 2>&1 < /dev/null &
	echo $! > "$pidf"
	# The lab's power log, in the power shim's format (lab/timeline.sh).
	echo "$(date +%s.%N | cut -c1-14) start $mac pid $!" >> "$lab/run/power.log"
}

# TERM, then KILL after 5 s; a power cycle reads the state 1 s after this.
power_off() {
	running || return 0
	_pid=$(cat "$pidf")
	log "stop $mac"
	kill -TERM "$_pid" 2>/dev/null
	_i=0
	while kill -0 "$_pid" 2>/dev/null && [ "$_i" -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	kill -KILL "$_pid" 2>/dev/null
	rm -f "$pidf"
}

case ${1:-} in
get)
	shift
	for _k; do
		case $_k in
		power) if running; then echo power:1; else echo power:0; fi ;;
		boot) echo "boot:$(cat "$bootf" 2>/dev/null || echo none)" ;;
		*) echo "$_k: not simulated" >&2; exit 1 ;;
		esac
	done
	log "get $*"
	;;
set)
	shift
	while [ $# -ge 2 ]; do
		log "set $1 $2"
		case $1 in
		power) if [ "$2" = 1 ]; then power_on; else power_off; fi ;;
		boot) echo "$2" > "$bootf" ;;
		*) echo "$1: not simulated" >&2; exit 1 ;;
		esac
		shift 2
	done
	;;
*)
	echo "usage: bmc-chassis.sh LAB NAME MAC get|set ITEM [VALUE]..." >&2
	exit 64
	;;
esac
