#!/bin/sh
# SPDX-License-Identifier: ISC
#
# report.sh FILE: run by busybox nc -ll -e per connection on the server's
# report port; appends "EPOCH LINE" for the line a node's /init sent.
IFS= read -r line || exit 0
printf '%s %s\n' "$(date +%s.%N | cut -c1-14)" "$line" >> "$1"
