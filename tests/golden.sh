#!/bin/sh
# SPDX-License-Identifier: ISC
#
# golden.sh: every tests/golden/<dir>/<case>.in is run by <dir>/run (a
# shell script called from inside <dir> with the case's file name, the
# build directory in $NB_BUILD); its stdout, stderr and exit status are
# compared with <case>.ok.  UPDATE=1 rewrites the .ok files (review the
# diff before committing).  Prints "golden: N passed, N failed".

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
NB_BUILD=${NB_BUILD:-$top/build}
export NB_BUILD
pass=0
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM HUP

for run in "$top"/tests/golden/*/run; do
	[ -f "$run" ] || continue
	dir=${run%/run}
	for in in "$dir"/*.in; do
		[ -f "$in" ] || continue
		name=${in##*/}
		ok=${in%.in}.ok
		(cd "$dir" && sh ./run "$name" >"$tmp" 2>&1; echo "exit $?" \
		    >>"$tmp")
		if [ "${UPDATE:-}" = 1 ]; then
			cp "$tmp" "$ok"
			pass=$((pass + 1))
		elif [ -f "$ok" ] && diff -u "$ok" "$tmp" >/dev/null; then
			pass=$((pass + 1))
		else
			echo "FAIL ${dir##*/}/$name" >&2
			[ -f "$ok" ] && diff -u "$ok" "$tmp" >&2
			[ -f "$ok" ] || echo "  no ${ok##*/}" >&2
			fail=$((fail + 1))
		fi
	done
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
