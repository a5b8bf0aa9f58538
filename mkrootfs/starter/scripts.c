// SPDX-License-Identifier: ISC
/*
 * The starter root's two scripts, run by busybox sh on the node: /init
 * (mounts, NIC modules, network from ip= or DHCP, /usr over NFS, the
 * "node up" report, then a shell or power-off) and the udhcpc event
 * script.  Their kernel arguments are documented in mkrootfs(8); the
 * virtual cluster (lab/) depends on them.  They are shell files beside
 * this one (init.sh, udhcpc.sh), checked by shellcheck at `make check',
 * and built into the binary as C strings (GNUmakefile: name_EMBED makes
 * build/gen/FILE.h, the file's bytes as string literals), so the
 * installed mkrootfs is all it takes.
 */
#include "mkrootfs/starter/starter.h"

const char starter_init[] =
#include "mkrootfs/starter/init.sh.h"
    ;

const char starter_udhcpc[] =
#include "mkrootfs/starter/udhcpc.sh.h"
    ;
