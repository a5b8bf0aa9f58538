/* SPDX-License-Identifier: ISC */
/*
 * The BMC inventory and its credentials, both parsed from text (pure: no
 * I/O; the tables grow with array_grow).  Inventory lines, '#' comments:
 *
 *	node1	ipmi	192.0.2.21	admin
 *	node2	redfish	198.51.100.12:8443	root
 *	node3	wol
 *
 * the node's name (as in ethers(5)), its power back end, the BMC's address
 * (a host name or IPv4 address; for redfish an optional :port) and the BMC
 * user.  Credentials lines are "key password": the key is a node name, a
 * BMC address or a user name, looked up in that order.  A bad line stops
 * either parse with "file:line: reason"; a password never appears in a
 * message.
 */
#ifndef BMC_INV_H
#define BMC_INV_H

#include <stddef.h>

#include "common/hidx.h"
#include "common/perr.h"
#include "common/text.h"

#define BMC_ADDRMAX	255
#define BMC_USERMAX	64
#define BMC_PASSMAX	127

enum bmc_kind {
	BMC_WOL,		/* a magic packet, as without an inventory */
	BMC_IPMI,		/* ipmitool -I lanplus */
	BMC_REDFISH		/* redfishtool */
};

struct bmc_ent {
	char		name[HOSTNAME_MAX + 1];
	enum bmc_kind	kind;
	char		addr[BMC_ADDRMAX + 1];	/* "" for wol */
	char		user[BMC_USERMAX + 1];	/* "" for wol */
	unsigned	line;
};

struct bmc_inv {
	struct bmc_ent	*v;
	size_t		 n;
	size_t		 cap;
	struct hidx	 by_name;
};

struct bmc_cred {
	char		key[BMC_ADDRMAX + 1];
	char		pass[BMC_PASSMAX + 1];
};

struct bmc_creds {
	struct bmc_cred	*v;
	size_t		 n;
	size_t		 cap;
};

/* Appends the lines of text to inv; 0, or -1 with err ("file:line: ..."). */
int	bmc_inv_parse(struct bmc_inv *, const char *text, size_t len,
	    const char *file, struct perr *err);
const struct bmc_ent *bmc_inv_find(const struct bmc_inv *, const char *name);
void	bmc_inv_free(struct bmc_inv *);
const char *bmc_kind_name(enum bmc_kind);

/* The same for credentials; the message never holds a password. */
int	bmc_creds_parse(struct bmc_creds *, const char *text, size_t len,
	    const char *file, struct perr *err);
/* The password for e: by node name, then address, then user; or NULL. */
const char *bmc_creds_find(const struct bmc_creds *, const struct bmc_ent *e);
/* Zeroes the passwords before freeing them. */
void	bmc_creds_free(struct bmc_creds *);

#endif
