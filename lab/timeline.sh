#!/bin/sh
# SPDX-License-Identifier: ISC
#
# timeline.sh RUN ETHERS HOSTS [KERNEL INITRD]: the per-node boot timeline
# of one lab run, as a Markdown table, then the makespan.  Its clocks are
# the power shim's log (RUN/power.log: power on), the packet capture on the
# bridge (RUN/capture.txt, tcpdump -tt -e -v: DHCP and TFTP requests, whoever
# serves them), nginx's access log when there is one (RUN/http.log: a GET
# of the kernel or image, started at its end time less its duration), the
# same two of a rack (RUN/rack/, lab/rack.sh) and the nodes' reports
# (RUN/reports.txt, sent by /init).
# Phases, in seconds:
#   firmware  power on -> first DHCPDISCOVER (SeaBIOS/OVMF, iPXE start)
#   offer     first DISCOVER -> first OFFER (the server's reaction time)
#   dhcp      first DISCOVER -> ACK (iPXE's whole DHCP exchange)
#   pxelinux  ACK -> request for KERNEL (pxelinux.0, ldlinux, config files;
#             or iPXE, its DHCP and its script; or shim, GRUB, grub.cfg)
#   kernel    KERNEL requested -> INITRD requested (the kernel download)
#   initrd+up INITRD requested -> the node's up report (download, kernel
#             boot, /init)
#   total     power on -> up
# A node that did not get to a step shows "-" from there on.
# TL_SINCE=EPOCH ignores every event before it (one boot of several in a
# run); TL_FORMAT=tsv prints "node phase..." rows without the table.

set -eu
run=${1:?usage: timeline.sh RUN ETHERS HOSTS [KERNEL INITRD]}
ethers=${2:?ethers}
hosts=${3:?hosts}
kernel=${4:-vmlinuz}
initrd=${5:-rootfs.gz}

awk -v kernel="$kernel" -v initrd="$initrd" -v since="${TL_SINCE:-0}" \
    -v fmt="${TL_FORMAT:-md}" '
function lc(s) { return tolower(s) }
BEGIN {
	rowfmt = "| %s | %s | %s | %s | %s | %s | %s | %s |\n"
	dfmt = "%.2f"
	if (fmt == "tsv") {
		rowfmt = "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n"
		dfmt = "%.3f"
	}
}
FILENAME != ARGV[1] && FILENAME != ARGV[2] && $1 ~ /^[0-9]+\.[0-9]+$/ &&
    $1 + 0 < since + 0 { t = ""; next }
FILENAME == ARGV[1] && !/^#/ && NF >= 2 { name[lc($1)] = $2; order[++n] = lc($1) }
FILENAME == ARGV[2] && !/^#/ && NF >= 2 { ipof[$2] = $1 }
FILENAME == ARGV[3] && $2 == "start" && !(lc($3) in pwr) { pwr[lc($3)] = $1 }
FILENAME ~ /capture\.txt$/ {
	if ($0 ~ /^[0-9]+\.[0-9]+ /) {
		t = $1; src = lc($2); dst = lc($4); sub(/,$/, "", dst)
		next
	}
	if (t == "") next
	# a reply broadcast (the client set the flag) is for chaddr
	if ($1 == "Client-Ethernet-Address" && dst == "ff:ff:ff:ff:ff:ff") {
		dst = lc($2)
		next
	}
	if ($0 ~ /\.69: TFTP.* RRQ /) {
		split($0, q, "\""); f = q[2]; ip = $1; sub(/\.[0-9]+$/, "", ip)
		sub(/^\/+/, "", f)	# GRUB asks for /vmlinuz
		if (f == kernel && !((ip, "kernel") in ev)) ev[ip, "kernel"] = t
		if (f == initrd && !((ip, "initrd") in ev)) ev[ip, "initrd"] = t
		next
	}
	if ($0 ~ /DHCP-Message \(53\)/) {
		m = $NF
		if (m == "Discover" && !((src, "disc") in ev)) ev[src, "disc"] = t
		if (m == "Offer" && !((dst, "offer") in ev)) ev[dst, "offer"] = t
		if (m == "ACK" && (dst, "disc") in ev && !((dst, "ack") in ev)) ev[dst, "ack"] = t
	}
}
FILENAME ~ /http\.log$/ && $3 == "GET" && NF == 8 {
	f = $8; sub(/^\/+/, "", f); t0 = $1 - $6
	if (f == kernel && !(($2, "kernel") in ev)) ev[$2, "kernel"] = t0
	if (f == initrd && !(($2, "initrd") in ev)) ev[$2, "initrd"] = t0
}
FILENAME == ARGV[4] && $2 == "nodeboot-up" && !($4 in up) { up[$4] = $1 }
function d(a, b) { return (a == "" || b == "") ? "-" : sprintf(dfmt, b - a) }
END {
	if (fmt == "md") {
		print "| node | firmware | offer | dhcp | pxelinux | kernel | initrd+up | total |"
		print "|---|---:|---:|---:|---:|---:|---:|---:|"
	}
	first = ""; last = ""; nup = 0
	for (k = 1; k <= n; k++) {
		mac = order[k]; nm = name[mac]; ip = ipof[nm]
		p = (mac in pwr) ? pwr[mac] : ""
		ds = ((mac, "disc") in ev) ? ev[mac, "disc"] : ""
		of = ((mac, "offer") in ev) ? ev[mac, "offer"] : ""
		ak = ((mac, "ack") in ev) ? ev[mac, "ack"] : ""
		kn = ((ip, "kernel") in ev) ? ev[ip, "kernel"] : ""
		ir = ((ip, "initrd") in ev) ? ev[ip, "initrd"] : ""
		u = (ip in up) ? up[ip] : ""
		if (p == "" && ds == "") continue
		printf rowfmt, nm, d(p, ds),
		    d(ds, of), d(ds, ak), d(ak, kn), d(kn, ir), d(ir, u), d(p, u)
		if (p != "" && (first == "" || p < first)) first = p
		if (u != "") { nup++; if (last == "" || u > last) last = u }
	}
	if (fmt == "md") printf "\nnodes up: %d; makespan (first power on -> last up): %s s\n", nup, d(first, last)
}' "$ethers" "$hosts" "$run/power.log" "$run/reports.txt" "$run/capture.txt" \
    $(for f in "$run/http.log" "$run/rack/capture.txt" "$run/rack/http.log"; do
	[ -f "$f" ] && echo "$f"
    done)
