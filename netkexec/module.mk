# SPDX-License-Identifier: ISC
# netkexec: kexec a node into its own pxelinux entry, fetched over TFTP.
# Linked static: it runs in the starter root, which has no libc.
PROGS += netkexec
netkexec_CORE := netkexec/tftp_client.c netkexec/node_info.c
netkexec_SHELL := netkexec/main.c netkexec/probe.c netkexec/entry.c \
    netkexec/fetch.c netkexec/boot.c
netkexec_MAN := netkexec/netkexec.8
netkexec_LDFLAGS := -static-pie
