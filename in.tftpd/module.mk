# SPDX-License-Identifier: ISC
PROGS += in.tftpd
in.tftpd_CORE := in.tftpd/tftp_proto.c in.tftpd/tftp_xfer.c \
    in.tftpd/tftp_ascii.c in.tftpd/tftp_path.c in.tftpd/tftp_remap.c \
    in.tftpd/tftp_remap_rx.c in.tftpd/tftp_xferlog.c in.tftpd/tftp_limit.c \
    in.tftpd/tftp_mcast.c
in.tftpd_SHELL := in.tftpd/main.c in.tftpd/server.c in.tftpd/session.c \
    in.tftpd/file.c in.tftpd/transfer.c in.tftpd/jobs.c in.tftpd/sock.c \
    in.tftpd/mcast.c in.tftpd/mcast_sess.c
in.tftpd_MAN := in.tftpd/in.tftpd.8
in.tftpd_LIBS := -pthread
