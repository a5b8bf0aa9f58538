#!/bin/sh
# SPDX-License-Identifier: ISC
#
# fuzz.sh SECONDS HARNESS...: runs each libFuzzer harness for SECONDS on a
# working corpus in build/fuzz/corpus/<name>, seeded from
# tests/fuzz/<folder>/corpus/<name> and the folders that
# tests/fuzz/<folder>/<name>.seeds lists.
# A crash, leak or timeout fails the harness (the
# reproducer is left in build/fuzz/).  Prints "fuzz: N passed, N failed".

set -u
secs=$1
shift
pass=0
fail=0
for bin in "$@"; do
	name=${bin##*/}
	dir=build/fuzz/corpus/$name
	mkdir -p "$dir"
	# tests/fuzz/<folder>/corpus/NAME, and the seed folders (test data)
	# tests/fuzz/<folder>/NAME.seeds lists, one a line.
	seeds=
	for d in tests/fuzz/*/corpus/"$name"; do
		[ -d "$d" ] && seeds=$d
	done
	for f in tests/fuzz/*/"$name".seeds; do
		[ -f "$f" ] && seeds="$seeds $(grep -v '^#' "$f")"
	done
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 -artifact_prefix=build/fuzz/"$name"- \
	    "$dir" $seeds > "build/fuzz/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "fuzz: $name: ok," \
		    "$(ls "$dir" | wc -l) inputs in corpus"
	else
		fail=$((fail + 1))
		echo "fuzz: $name FAILED; tail of build/fuzz/$name.log:"
		tail -40 "build/fuzz/$name.log" | sed 's/^/    /'
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
