# SPDX-License-Identifier: ISC
#
# mkrootfs: one program, three jobs, a folder each (README.md, Layout):
# image/ the seed's steps, starter/ the busybox root, mbr/ the reboot
# sector; main.c, the interrupt flag and the config file serve all three.
# Pure cores are the mkr_*.c files; everything else is shell.
PROGS += mkrootfs
mkrootfs_CORE := mkrootfs/mkr_conf.c mkrootfs/image/mkr_cpio.c \
    mkrootfs/starter/mkr_moddep.c mkrootfs/mbr/mkr_mbr.c
mkrootfs_SHELL := mkrootfs/main.c mkrootfs/interrupt.c \
    mkrootfs/image/steps.c mkrootfs/image/ext2.c mkrootfs/image/copy.c \
    mkrootfs/image/walk.c mkrootfs/image/archive.c mkrootfs/image/zsink.c \
    mkrootfs/image/progress.c \
    mkrootfs/starter/build.c mkrootfs/starter/modules.c \
    mkrootfs/starter/paths.c mkrootfs/starter/scripts.c \
    mkrootfs/mbr/rebootmbr.c
mkrootfs_MAN := mkrootfs/mkrootfs.8
mkrootfs_LIBS := -lz -lzstd
# The starter root's scripts, built into the binary (starter/scripts.c).
mkrootfs_EMBED := mkrootfs/starter/init.sh mkrootfs/starter/udhcpc.sh
