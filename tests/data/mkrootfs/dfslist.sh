#!/bin/sh
# SPDX-License-Identifier: ISC
#
# dfslist.sh IMAGE DIR / dfslist.sh -t DIR: the same listing, "path mode
# uid gid size other-names-of-the-inode", read from an ext2 image with
# debugfs (ls -p of every directory that DIR has) or from the tree DIR
# with stat.  Sizes of directories and special files are left out.
set -eu
links() {
	# path ino mode uid gid size -> with the other names of each inode
	awk '{ n[$2] = n[$2] " " $1; l[NR] = $0 }
	    END { for (i = 1; i <= NR; i++) { split(l[i], f, " ");
		o = ""; m = split(n[f[2]], p, " ");
		for (j = 1; j <= m; j++) if (p[j] != f[1]) o = o p[j] ",";
		s = (f[3] ~ /^(10|12)/) ? f[6] : "-";
		print f[1], f[3], f[4], f[5], s, o } }' | LC_ALL=C sort
}
if [ "$1" = -t ]; then
	cd "$2"
	find . -mindepth 1 ! -name lost+found | while read -r p; do
		set -- $(stat -c '%i %f %u %g %s' "$p")
		printf '%s %s %06o %s %s %s\n' "${p#.}" "$1" "0x$2" "$3" "$4" "$5"
	done | links
	exit 0
fi
img=$1
cd "$2"
find . -type d | while read -r d; do
	echo "ls -p ${d#.}/"
done > "${TMPDIR:-/tmp}/dfs.$$"
debugfs -f "${TMPDIR:-/tmp}/dfs.$$" "$img" 2>/dev/null | awk '
	/^debugfs: ls -p / { dir = $4; sub(/\/$/, "", dir); next }
	/^\// { split($0, f, "/");
		if (f[6] == "." || f[6] == ".." || f[6] == "lost+found") next;
		print dir "/" f[6], f[2], f[3], f[4], f[5], f[7] }' | links
rm -f "${TMPDIR:-/tmp}/dfs.$$"
