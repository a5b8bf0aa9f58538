# SPDX-License-Identifier: ISC
PROGS += mkrootfs
mkrootfs_CORE := mkrootfs/cpio_newc.c mkrootfs/mbr.c mkrootfs/moddep.c \
    mkrootfs/mkconf.c
mkrootfs_SHELL := mkrootfs/main.c mkrootfs/interrupt.c mkrootfs/steps.c \
    mkrootfs/ext2.c mkrootfs/copy.c mkrootfs/walk.c mkrootfs/cpiow.c \
    mkrootfs/zsink.c mkrootfs/progress.c mkrootfs/starter.c \
    mkrootfs/initsh.c mkrootfs/modules.c mkrootfs/rebootmbr.c
mkrootfs_MAN := mkrootfs/mkrootfs.8
mkrootfs_LIBS := -lz -lzstd
