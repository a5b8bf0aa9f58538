#!/bin/sh
# udhcpc(8) event script of the nodeboot starter root.
case $1 in
deconfig)
	ifconfig "$interface" 0.0.0.0 up
	;;
bound|renew)
	ifconfig "$interface" "$ip" netmask "${subnet:-255.255.255.0}" up
	if [ -n "$router" ]; then
		while route del default gw 0.0.0.0 dev "$interface"; do :; done
		set -- $router
		route add default gw "$1" dev "$interface"
	fi 2>/dev/null
	[ -n "$hostname" ] && hostname "$hostname"
	: > /etc/resolv.conf
	[ -n "$domain" ] && echo "search $domain" >> /etc/resolv.conf
	for d in $dns; do
		echo "nameserver $d" >> /etc/resolv.conf
	done
	echo "$ip" > /run/nodeboot.ip
	echo "${serverid:-$siaddr}" > /run/nodeboot.server
	# for netkexec -L: pxelinux's boot server is siaddr, else serverid
	for k in ip subnet router siaddr serverid; do
		eval "echo $k=\$$k"
	done > /run/nodeboot.lease
	;;
esac
exit 0
