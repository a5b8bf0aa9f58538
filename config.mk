# SPDX-License-Identifier: ISC
# What a packager edits (sbase habit); everything else is in GNUmakefile.

PREFIX = /usr/local
SBINDIR = $(PREFIX)/sbin
MANDIR = $(PREFIX)/share/man
DOCDIR = $(PREFIX)/share/doc/nodeboot

CC = cc
AR = ar
CPPFLAGS =
CFLAGS =
LDFLAGS =
