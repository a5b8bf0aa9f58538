# SPDX-License-Identifier: ISC
# common/: what two or more programs use today (STYLE.md 3.3).
LIBRARIES += common
common_SRC := common/log.c common/priv.c common/priv_user.c \
    common/buf.c common/addr.c \
    common/perr.c common/text.c common/hidx.c common/ethers.c \
    common/hosts.c \
    common/fileio.c common/atomic.c common/conftok.c common/opt.c \
    common/monotime.c common/path.c common/array.c \
    common/pktinfo.c
