#!/bin/sh
# SPDX-License-Identifier: ISC
#
# lint_size.sh: no .c file over 400 lines (STYLE.md 3.11); a warning from
# 300.  Looks at every .c file in the tree outside build/.

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
fail=0
n=0
for f in $(cd "$top" && find . -name build -prune -o -name '*.c' -print |
    LC_ALL=C sort); do
	lines=$(wc -l < "$top/$f")
	n=$((n + 1))
	if [ "$lines" -gt 400 ]; then
		echo "lint_size: ${f#./}: $lines lines (limit 400)" >&2
		fail=$((fail + 1))
	elif [ "$lines" -gt 300 ]; then
		echo "lint_size: ${f#./}: $lines lines (warning from 300)"
	fi
done
echo "lint_size: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
