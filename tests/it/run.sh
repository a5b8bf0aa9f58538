#!/bin/sh
# SPDX-License-Identifier: ISC
#
# run.sh: runs every tests/it/<folder>/it_*.sh (or those named), each bounded by a
# time limit, and prints "integration: N passed, N failed".  The tests need
# root for network namespaces: as another user they are skipped, and it
# says so.  IT_ONLY=name narrows the run.

set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
NB_BUILD=${NB_BUILD:-$top/build}
export NB_BUILD
limit=${IT_TIMEOUT:-900}
# They make network namespaces, bridges and taps, and start daemons that
# bind port 67 and drop privileges: root only.  Said, not skipped quietly.
if [ "$(id -u)" != 0 ]; then
	echo "integration: skipped: the integration tests need root" \
	    "(network namespaces); run make check as root for them"
	exit 0
fi
pass=0
fail=0
for t in "$top"/tests/it/*/it_*.sh; do
	name=${t##*/}
	name=${name%.sh}
	[ -n "${IT_ONLY:-}" ] && [ "$IT_ONLY" != "$name" ] && continue
	start=$(date +%s)
	if timeout -k 10 "$limit" sh "$t" > "$top/build/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "PASS $name ($(( $(date +%s) - start )) s)"
	else
		fail=$((fail + 1))
		echo "FAIL $name ($(( $(date +%s) - start )) s); its log:"
		sed 's/^/    /' "$top/build/$name.log"
	fi
done
echo "integration: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
