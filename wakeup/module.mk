# SPDX-License-Identifier: ISC
PROGS += wakeup
wakeup_CORE := wakeup/wol_packet.c wakeup/wol_xferlog.c wakeup/wol_logfield.c wakeup/wol_httplog.c wakeup/wol_sched.c \
    wakeup/wol_target.c wakeup/wol_pace.c wakeup/bmc_inv.c wakeup/bmc_cmd.c
wakeup_SHELL := wakeup/main.c wakeup/send.c wakeup/nodes.c \
    wakeup/logtail.c wakeup/seq.c wakeup/bmc.c wakeup/bmc_run.c
wakeup_MAN := wakeup/wakeup.8
wakeup_LIBS := -lm
