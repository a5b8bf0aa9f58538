#!/bin/sh
# SPDX-License-Identifier: ISC
#
# deps.sh PKG...: install the Debian packages nodeboot needs (the list lives
# in GNUmakefile, DEB_PKGS).  Idempotent: when every package is installed it
# only asks dpkg and returns.  Services that packages would start on install
# (tftpd-hpa, isc-dhcp-server and -relay, kea, xinetd, radvd, nginx) are kept from starting by a
# policy-rc.d that answers 101 for the duration of the install, and any that
# started anyway are stopped afterwards.

set -eu

missing=
for p in "$@"; do
	st=$(dpkg-query -W -f '${db:Status-Status}' "$p" 2>/dev/null) || st=
	[ "$st" = installed ] || missing="$missing $p"
done
if [ -z "$missing" ]; then
	echo "deps: all $# packages present"
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages:$missing" >&2
	echo "deps: run 'make deps' as root to install them" >&2
	exit 1
fi

echo "deps: installing:$missing"
policy=/usr/sbin/policy-rc.d
ours=
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' > "$policy"
	chmod 0755 "$policy"
	ours=1
fi
cleanup() { [ -z "$ours" ] || rm -f "$policy"; }
trap cleanup EXIT INT TERM HUP

export DEBIAN_FRONTEND=noninteractive
apt_install() {
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing
}
if ! apt_install; then
	apt-get update -q
	apt_install
fi

# Belt and braces for systems where policy-rc.d is not consulted.
for s in tftpd-hpa isc-dhcp-server isc-dhcp-relay kea-dhcp4-server xinetd \
    radvd nginx; do
	if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
		systemctl disable --now "$s" >/dev/null 2>&1 || true
	elif [ -x "/etc/init.d/$s" ]; then
		"/etc/init.d/$s" stop >/dev/null 2>&1 || true
	fi
done
echo "deps: done"
