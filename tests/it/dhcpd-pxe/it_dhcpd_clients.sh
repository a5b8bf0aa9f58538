#!/bin/sh
# SPDX-License-Identifier: ISC
#
# dhcpd-pxe against real clients in network namespaces: busybox udhcpc and
# ISC dhclient get the fixed addresses of known MACs (from a host block
# and from /etc/ethers + /etc/hosts), a PXE vendor class gets filename,
# next-server, option 43 and option 60, `deny unknown clients' refuses an
# unknown MAC, SIGHUP reloads the configuration keeping the leases, a bad
# configuration exits EX_CONFIG with file:line, SIGTERM exits 0, and the
# daemon runs as nobody with no capabilities.

. "$(dirname "$0")/../../lib/nb.sh"
. "$(dirname "$0")/../../lib/dhcpd.sh"
nb_init

dh_net
S=$DH_S
C=$DH_C

cat > "$NB_TMP/ethers" <<EOC
02:00:00:00:00:02 node2
02:00:00:00:00:04 node4
EOC
cat > "$NB_TMP/hosts" <<EOC
127.0.0.1 localhost
192.0.2.12 node2
EOC
conf=$NB_TMP/dhcpd.conf
cat > "$conf" <<EOC
ddns-update-style none;
authoritative;
ethers-hosts "$NB_TMP/ethers" "$NB_TMP/hosts";
option space PXE;
option PXE.mtftp-ip code 1 = ip-address;
subnet 192.0.2.0 netmask 255.255.255.0 {
  option routers 192.0.2.1;
  class "pxeclients" {
    match if substring (option vendor-class-identifier, 0, 9) = "PXEClient";
    option vendor-class-identifier "PXEClient";
    vendor-option-space PXE;
    option PXE.mtftp-ip 0.0.0.0;
    filename "pxelinux.0";
    next-server 192.0.2.1;
  }
  pool {
    default-lease-time 600;
    range 192.0.2.100 192.0.2.150;
    deny unknown clients;
  }
  host node1 {
    hardware ethernet 02:00:00:00:00:01;
    fixed-address 192.0.2.11;
  }
}
EOC

# A bad configuration: EX_CONFIG (78) and the file:line.
printf 'subnet 192.0.2.0 netmask 255.255.255.0 {\n\tbogus 1;\n}\n' \
    > "$NB_TMP/bad.conf"
"$DH_BIN" -t -cf "$NB_TMP/bad.conf" 2> "$NB_TMP/err"
rc=$?
[ "$rc" = 78 ] || nb_fail "bad config: exit $rc, want 78"
grep -qx "$NB_TMP/bad.conf:2: unsupported statement 'bogus'" "$NB_TMP/err" ||
    nb_fail "bad config message: $(cat "$NB_TMP/err")"
nb_ok "bad configuration: exit 78, file:line"

dh_server "$S" -cf "$conf" s0
dh_caps "$DH_PID"
nb_ok "runs as nobody with CapEff 0"

# udhcpc as a PXE client with node1's MAC.
ip -n "$C" link set c0 address 02:00:00:00:00:01
dh_udhcpc "$C" c0 "$NB_TMP/u1" -V PXEClient -O 43 ||
    nb_fail "udhcpc got no lease for node1"
for want in ip=192.0.2.11 boot_file=pxelinux.0 siaddr=192.0.2.1 \
    router=192.0.2.1 subnet=255.255.255.0 opt43=010400000000ff; do
	grep -qx "$want" "$NB_TMP/u1" ||
	    nb_fail "udhcpc: no $want in: $(tr '\n' ' ' < "$NB_TMP/u1")"
done
nb_ok "udhcpc PXE client: fixed address, filename, next-server, 43"

# ISC dhclient with node2's MAC, known through ethers + hosts, as a PXE
# client: option 60 comes back (udhcpc does not show it).
ip -n "$C" link set c0 address 02:00:00:00:00:02
cat > "$NB_TMP/dhclient.conf" <<EOC
timeout 10;
retry 1;
send vendor-class-identifier "PXEClient:Arch:00000:UNDI:002001";
request subnet-mask, routers, vendor-class-identifier;
EOC
# dhclient runs its script with a clean environment: the path is inline.
cat > "$NB_TMP/dhclient.sh" <<EOS
#!/bin/sh
case \$reason in
BOUND|REBOOT)
	echo "\$new_ip_address \$new_vendor_class_identifier" > $NB_TMP/d2 ;;
esac
exit 0
EOS
chmod +x "$NB_TMP/dhclient.sh"
timeout 20 ip netns exec "$C" dhclient -1 -v \
    -cf "$NB_TMP/dhclient.conf" -sf "$NB_TMP/dhclient.sh" \
    -lf "$NB_TMP/dhclient.leases" -pf "$NB_TMP/dhclient.pid" c0 \
    > "$NB_TMP/dhclient.log" 2>&1 || nb_fail "dhclient: $(tail -3 "$NB_TMP/dhclient.log")"
[ "$(cat "$NB_TMP/d2")" = "192.0.2.12 PXEClient" ] ||
    nb_fail "dhclient got '$(cat "$NB_TMP/d2")', want 192.0.2.12 PXEClient"
ip netns exec "$C" dhclient -x -pf "$NB_TMP/dhclient.pid" >/dev/null 2>&1
nb_ok "dhclient: fixed address from /etc/ethers + /etc/hosts, option 60"

# An unknown MAC gets nothing: the pool denies unknown clients.
ip -n "$C" addr flush dev c0
ip -n "$C" link set c0 address 02:00:00:00:00:03
dh_udhcpc "$C" c0 "$NB_TMP/u3" &&
    nb_fail "unknown client got $(cat "$NB_TMP/u3")"
nb_ok "deny unknown clients: unknown MAC refused"

# node4 is known (ethers) without an address: a dynamic lease.
ip -n "$C" link set c0 address 02:00:00:00:00:04
dh_udhcpc "$C" c0 "$NB_TMP/u4" || nb_fail "node4 got no lease"
ip4=$(sed -n 's/^ip=//p' "$NB_TMP/u4")
[ "$ip4" = 192.0.2.100 ] || nb_fail "node4 got $ip4, want 192.0.2.100"
grep -q "^lease 192.0.2.100 {" "$DH_LEASES" || nb_fail "lease not on disk"

# SIGHUP: the unknown MAC becomes node3; node4 keeps its lease.
sed -i 's/^}$/  host node3 { hardware ethernet 02:00:00:00:00:03; fixed-address 192.0.2.13; }\n}/' "$conf"
sed -i 's/^  pool {$/  pool {\n    range 192.0.2.160 192.0.2.160;/' "$conf"
kill -HUP "$DH_PID"
sleep 0.5
ip -n "$C" link set c0 address 02:00:00:00:00:03
dh_udhcpc "$C" c0 "$NB_TMP/u3" || nb_fail "node3 refused after SIGHUP"
grep -qx ip=192.0.2.13 "$NB_TMP/u3" || nb_fail "node3: $(cat "$NB_TMP/u3")"
ip -n "$C" link set c0 address 02:00:00:00:00:04
dh_udhcpc "$C" c0 "$NB_TMP/u4" || nb_fail "node4 got no lease after SIGHUP"
grep -qx ip=192.0.2.100 "$NB_TMP/u4" ||
    nb_fail "node4 lost its lease over SIGHUP: $(cat "$NB_TMP/u4")"
nb_ok "SIGHUP: new host served, leases kept"

# A broken configuration on SIGHUP keeps the old one.
cp "$conf" "$NB_TMP/good.conf"
echo "bogus;" >> "$conf"
kill -HUP "$DH_PID"
sleep 0.5
ip -n "$C" link set c0 address 02:00:00:00:00:01
dh_udhcpc "$C" c0 "$NB_TMP/u1" || nb_fail "no service after a bad reload"
nb_ok "bad reload: old configuration kept"

kill -TERM "$DH_PID"
wait "$DH_PID"
rc=$?
[ "$rc" = 0 ] || nb_fail "SIGTERM: exit $rc"
nb_ok "SIGTERM: exit 0"
