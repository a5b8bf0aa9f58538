/* SPDX-License-Identifier: ISC */
/*
 * netkexec's runtime state, made in main.c and passed down: the options,
 * then what probe.c learnt about the node (interface, addresses, UUID,
 * boot server).  Shared by the shell files only; the cores do not see it.
 */
#ifndef NK_NETKEXEC_H
#define NK_NETKEXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "common/addr.h"
#include "pxeconf/pxename.h"
#include "netkexec/node_info.h"
#include "pxeconf/pxeconf.h"

/* Exit statuses besides sysexits: pxelinux would boot nothing we can. */
#define NK_EX_LOCAL	2	/* the entry boots the local disk */
#define NK_EX_WAIT	3	/* pxelinux waits for a key */

struct nk_opts {
	bool		 dry_run;
	const char	*server;	/* -s */
	const char	*ifname;	/* -i */
	const char	*uuid;		/* -u */
	const char	*mac;		/* -m */
	const char	*ip;		/* -a */
	const char	*config;	/* -c */
	const char	*lease;		/* -L */
	const char	*prefix;	/* -P: path prefix, "" or "dir/" */
	const char	*download;	/* -D */
	const char	*append;	/* -A: words added to the command line */
	uint16_t	 port;
	uint16_t	 blksize;
	unsigned	 timeout_ms;
	unsigned	 retries;
	uint64_t	 maxsize;
};

struct nk {
	struct nk_opts	o;
	struct nkinfo	ni;		/* server, ip, gateway, netmask, ... */
	char		ifname[NKINFO_IFNAMEMAX];
	uint8_t		mac[MAC_LEN];
	bool		have_mac;
	uint8_t		uuid[PXENAME_UUIDLEN];
	bool		have_uuid;
};

/* probe.c: fills nk->ni and the rest from files and the interfaces. */
void	probe_node(struct nk *);

/*
 * fetch.c: reads `name' (at most max bytes) from the boot server over
 * TFTP, appending it to fd.  0 with *size, or -1 with errbuf set and
 * *errcode the server's TFTP error code (-1: no answer, a protocol or
 * local failure).
 */
int	fetch_file(const struct nk *, const char *name, int fd, uint64_t max,
	    uint64_t *size, int *errcode, char *errbuf, size_t errlen);

/*
 * entry.c: the node's pxelinux.cfg file (the first of pxelinux's names the
 * server has, or -c) and the files it names, and the entry pxelinux would
 * boot from them; the file's name goes to path.  Exits with EX_NOINPUT
 * when no file exists, EX_UNAVAILABLE when the server does not answer,
 * EX_DATAERR for a bad file or an image that is no Linux kernel,
 * NK_EX_LOCAL or NK_EX_WAIT when pxelinux would boot the local disk or
 * wait for a key.
 */
void	entry_find(const struct nk *, char *path, size_t pathlen,
	    struct pxeconf_entry *);
/*
 * A file name of the entry as the server is asked for it: "::name" is
 * absolute on the server ("name"), "/name" stays as it is, anything else
 * goes under -P's path prefix, as pxelinux resolves names.
 */
void	server_path(const struct nk *, const char *name, char *buf,
	    size_t len);

/* boot.c */
int	boot_load(int kernel_fd, int initrd_fd, const char *cmdline);
const char *boot_strerror(int err);
int	boot_exec(void);

#endif
