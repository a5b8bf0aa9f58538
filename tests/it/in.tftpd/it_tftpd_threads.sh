#!/bin/sh
# SPDX-License-Identifier: ISC
#
# in.tftpd --threads against the same real clients as it_tftpd_clients:
# every transfer there, each served by a thread of the listener instead of
# a forked child; then every thread gone, CapEff 0 in each while it ran,
# and not one descriptor left open.

IT_TFTPD_THREADS=1 exec sh "$(dirname "$0")/it_tftpd_clients.sh"
