#!/bin/sh
# SPDX-License-Identifier: ISC
#
# list.sh DIR: one line per entry under DIR, sorted: name, type, mode,
# owner, size (files and symlinks), link count (non-directories), device
# numbers, symlink target, mtime (files), SHA-256 of file contents, and
# the other names of the same inode.  Two trees are equal when their
# listings are.
set -eu
cd "$1"
find . -mindepth 1 ! -name lost+found | LC_ALL=C sort | while read -r p; do
	set -- $(stat -c '%F|%a|%u:%g|%s|%h|%t:%T|%Y|%i' "$p" | tr ' ' _ |
	    tr '|' ' ')
	type=$1 mode=$2 own=$3 size=$4 nl=$5 dev=$6 mtime=$7 ino=$8
	case $type in
	directory) echo "$p dir $mode $own" ;;
	regular*)
		links=$(find . -inum "$ino" ! -path "$p" | LC_ALL=C sort |
		    tr '\n' ,)
		echo "$p file $mode $own $size $nl $mtime" \
		    "$(sha256sum < "$p" | cut -c1-16) $links" ;;
	symbolic*) echo "$p link $own -> $(readlink "$p")" ;;
	*special*) echo "$p $type $mode $own $dev" ;;
	*) echo "$p $type $mode $own" ;;
	esac
done
