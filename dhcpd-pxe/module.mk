# SPDX-License-Identifier: ISC
PROGS += dhcpd-pxe
dhcpd-pxe_CORE := dhcpd-pxe/dhcp_msg.c dhcpd-pxe/dhcp_enc.c \
    dhcpd-pxe/dhcp_pxe.c dhcpd-pxe/dhcp_policy.c dhcpd-pxe/dhcp_build.c \
    dhcpd-pxe/dhcp_reply.c dhcpd-pxe/dhcp_proxy.c dhcpd-pxe/dhcp_frame.c \
    dhcpd-pxe/lease.c dhcpd-pxe/lease_file.c dhcpd-pxe/dhcp_ping.c
dhcpd-pxe_MAN := dhcpd-pxe/dhcpd-pxe.8 dhcpd-pxe/dhcpd-pxe.conf.5
dhcpd-pxe_SHELL := dhcpd-pxe/main.c dhcpd-pxe/serve.c dhcpd-pxe/netio.c \
    dhcpd-pxe/conf.c dhcpd-pxe/leasedb.c dhcpd-pxe/ping.c
