# SPDX-License-Identifier: ISC
# pxeconf/: the pxelinux.cfg library (netkexec, wakeup, pxecfg-gen): the
# names pxelinux tries under pxelinux.cfg/, the parser of those files as
# ldlinux.c32 and menu.c32 read them, and what pxelinux then boots
# unattended.  Listed from the bottom up: a file calls only those before
# it (menus reach back into ldlinux through a function pointer).
LIBRARIES += pxeconf
pxeconf_SRC := pxeconf/pxename.c pxeconf/pxeconf_lex.c \
    pxeconf/pxeconf_menu.c pxeconf/pxeconf_keyword.c pxeconf/pxeconf_file.c \
    pxeconf/pxeconf_entry.c pxeconf/pxeconf_ldlinux.c \
    pxeconf/pxeconf_menusel.c pxeconf/pxeconf_pick.c pxeconf/pxeconf_files.c
