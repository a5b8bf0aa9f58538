# SPDX-License-Identifier: ISC
PROGS += pxecfg-gen
pxecfg-gen_CORE := pxecfg-gen/pxecfg_tmpl.c pxecfg-gen/pxecfg_vars.c \
    pxecfg-gen/pxecfg_profile.c pxecfg-gen/pxecfg_conf.c \
    pxecfg-gen/pxecfg_conf_val.c pxecfg-gen/pxecfg_url.c \
    pxecfg-gen/pxecfg_nodes.c pxecfg-gen/pxecfg_plan.c \
    pxecfg-gen/pxecfg_dhcp.c pxecfg-gen/pxecfg_grub.c \
    pxecfg-gen/pxecfg_diff.c
pxecfg-gen_SHELL := pxecfg-gen/main.c pxecfg-gen/load.c pxecfg-gen/sync.c
pxecfg-gen_MAN := pxecfg-gen/pxecfg-gen.8 pxecfg-gen/pxecfg-gen.conf.5
