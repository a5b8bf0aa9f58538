# SPDX-License-Identifier: ISC
#
# bmc.sh: a BMC for each lab node, sourced after lab.sh (and after lab_net):
# OpenIPMI's simulator, ipmi_sim, speaking IPMI 2.0 (RMCP+) on the lab
# network, whose chassis is lab/bmc-chassis.sh: power on starts the node's
# qemu (lab/node.sh), power off stops it, "chassis bootdev pxe" is recorded.
#
#   lab_bmc N            ipmi_sim for node1..nodeN on br0 at 192.0.2.(20+i),
#                        port 623, user admin; $LAB/etc/bmc.conf (wakeup's
#                        inventory) and $LAB/etc/bmc-credentials (mode 600)
#   lab_bmc_addr I       node I's BMC address
#   lab_ipmitool I CMD.. ipmitool against node I's BMC, as wakeup runs it
#                        (the password from a root-only file, not argv)
#   lab_bmc_power I      "on" or "off": node I's power as ipmitool reads it
#
# Measured (DESIGN.md): ipmitool -I lanplus -C 3 answers in ~0.1 s; without
# -C 3 each call waits 10 s.  ipmi_sim needs "mc_setbmc" in its command file
# or it exits at once ("No bmc_ipmb specified or configured").  With a
# chassis_control program its startcmd is never run; power cycle is "set
# power 0", then 1 s later "get power" and, if off, "set power 1".

LAB_BMC_USER='admin'
LAB_BMC_PASS=lab-sesame-1

lab_bmc_addr() {
	echo "192.0.2.$((20 + $1))"
}

# lab_bmc_conf I DIR: node I's lan.conf and command file in DIR.  The
# password is in lan.conf: the directory and the file are root's only.
lab_bmc_conf() {
	_name=node$1
	mkdir -p "$2/state" && chmod 700 "$2" || nb_fail "mkdir $2"
	(umask 077 && cat > "$2/lan.conf") <<EOC || nb_fail "$2/lan.conf"
name "$_name"
set_working_mc 0x20
  startlan 1
    addr $(lab_bmc_addr "$1") 623
    priv_limit admin
    allowed_auths_callback none md2 md5 straight
    allowed_auths_user none md2 md5 straight
    allowed_auths_operator none md2 md5 straight
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789ab$(printf '%04x' "$1")
  endlan
  chassis_control "$LAB_TOP/lab/bmc-chassis.sh $LAB $_name $(lab_mac "$1")"
  user 1 true  ""                ""                user   10 none md2 md5 straight
  user 2 true  "$LAB_BMC_USER"   "$LAB_BMC_PASS"   admin  10 none md2 md5 straight
EOC
	cat > "$2/sim.emu" <<EOC
mc_setbmc 0x20
mc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02
mc_enable 0x20
EOC
}

lab_ipmitool() {
	_i=$1
	shift
	ip netns exec "$LAB_NS" ipmitool -I lanplus -C 3 \
	    -H "$(lab_bmc_addr "$_i")" -U "$LAB_BMC_USER" \
	    -f "$LAB_RUN/bmc/ipmi.pass" "$@"
}

lab_bmc_power() {
	lab_ipmitool "$1" power status 2>&1 |
	    sed -n 's/^Chassis Power is \(on\|off\)$/\1/p'
}

lab_bmc() {
	command -v ipmi_sim > /dev/null && command -v ipmitool > /dev/null ||
	    nb_fail "no ipmi_sim or ipmitool (Debian openipmi, ipmitool)"
	mkdir -p "$LAB_RUN/bmc" && chmod 700 "$LAB_RUN/bmc" ||
	    nb_fail "mkdir $LAB_RUN/bmc"
	(umask 077 && echo "$LAB_BMC_PASS" > "$LAB_RUN/bmc/ipmi.pass") ||
	    nb_fail "password file"
	: > "$LAB_RUN/bmc.log"
	: > "$LAB/etc/bmc.conf"
	(umask 077 && echo "$LAB_BMC_USER $LAB_BMC_PASS" \
	    > "$LAB/etc/bmc-credentials") || nb_fail "bmc-credentials"
	_b=1
	while [ "$_b" -le "$1" ]; do
		ip -n "$LAB_NS" addr add "$(lab_bmc_addr "$_b")/24" dev br0 ||
		    nb_fail "BMC address on br0"
		lab_bmc_conf "$_b" "$LAB_RUN/bmc/node$_b"
		nb_spawn "$LAB_NS" ipmi_sim -n -c "$LAB_RUN/bmc/node$_b/lan.conf" \
		    -f "$LAB_RUN/bmc/node$_b/sim.emu" \
		    -s "$LAB_RUN/bmc/node$_b/state" \
		    > "$LAB_RUN/bmc/node$_b/sim.log" 2>&1
		printf 'node%d\tipmi\t%s\t%s\n' "$_b" "$(lab_bmc_addr "$_b")" \
		    "$LAB_BMC_USER" >> "$LAB/etc/bmc.conf"
		_b=$((_b + 1))
	done
	_b=1
	while [ "$_b" -le "$1" ]; do
		nb_wait 10 lab_bmc_answers "$_b" ||
		    nb_fail "node$_b's BMC does not answer:" \
		    "$(cat "$LAB_RUN/bmc/node$_b/sim.log")"
		_b=$((_b + 1))
	done
}

lab_bmc_answers() {
	[ -n "$(lab_bmc_power "$1")" ]
}
