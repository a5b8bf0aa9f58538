# SPDX-License-Identifier: ISC
# dhcpconf/: the ISC dhcpd.conf library (dhcpd-pxe, pxecfg-gen): the
# parser, the configuration model and its lookups, the printer, and the
# loader of the bundle (dhcpd.conf, with ethers and hosts when it asks).
LIBRARIES += dhcpconf
dhcpconf_SRC := dhcpconf/dhcpconf.c dhcpconf/dhcpconf_parse.c \
    dhcpconf/dhcpconf_decl.c dhcpconf/dhcpconf_stmt.c \
    dhcpconf/dhcpconf_opt.c dhcpconf/dhcpconf_val.c \
    dhcpconf/dhcpconf_check.c dhcpconf/dhcpconf_print.c \
    dhcpconf/dhcpconf_expr.c dhcpconf/dhcpconf_eval.c \
    dhcpconf/dhcpconf_value.c dhcpconf/dhcpconf_chain.c \
    dhcpconf/dhcpconf_cond.c dhcpconf/dhcpconf_exprprint.c \
    dhcpconf/dhcpconf_opttab.c dhcpconf/dhcpconf_exprfn.c \
    dhcpconf/dhcpconf_inert.c dhcpconf/dhcpconf_permit.c \
    dhcpconf/dhcpconf_net.c dhcpconf/dhcpconf_load.c dhcpconf/dhcpconf_files.c \
    dhcpconf/dhcpconf_param.c dhcpconf/dhcpconf_tok.c \
    dhcpconf/dhcpconf_optdef.c dhcpconf/dhcpconf_include.c \
    dhcpconf/dhcpconf_evalfn.c
