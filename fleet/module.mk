# SPDX-License-Identifier: ISC
# fleet/: the pure core of the PXE fleet load generator (tests/tools/
# pxefleet.c): frames, the firmware's DHCP messages and retransmission
# schedules, pxelinux's TFTP reads and lookups, one client's boot, the
# fleet's demultiplexing.  A library rather than a program's core.a because
# its program is a test tool (tests/tools/ holds one .c file per tool and
# links only the libraries) and the unit runner must link it too.  It uses
# pxeconf/ (pxename, pxeconf) and common/ (buf, addr), so it is listed
# before them.
LIBRARIES += fleet
fleet_SRC := fleet/fl_sched.c fleet/fl_net.c fleet/fl_dhcp.c \
    fleet/fl_tftp.c fleet/fl_cbase.c fleet/fl_client.c fleet/fl_dhcpc.c fleet/fl_boot.c \
    fleet/fl_fleet.c
