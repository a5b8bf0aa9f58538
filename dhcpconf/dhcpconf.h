/* SPDX-License-Identifier: ISC */
/*
 * dhcpconf: the subset of ISC dhcpd.conf(5) that diskless clusters use,
 * parsed from a text buffer (via conftok) into plain structs, shared by
 * dhcpd-pxe and pxecfg-gen so both read one file the same way.  Statements
 * outside the subset are errors ("file:line: unsupported statement 'X'"),
 * never ignored.  dhcpd-pxe.conf(5) documents the subset.
 *
 * Model: every block (the global scope, group, subnet, pool, host, class)
 * is a scope holding parameters (lease times, next-server, filename,
 * server-name, options...) and the index of its parent scope.  A lookup
 * walks a "chain": the scopes that apply to a client, most specific first
 * (host, classes, pool, then the subnet and its enclosing groups; the
 * global scope is always consulted last), as ISC dhcpd does.
 *
 * Hosts may also come from /etc/ethers + /etc/hosts: the `ethers-hosts'
 * statement (or a program flag) asks for it, dhcpconf_add_ethers() merges.
 */
#ifndef NB_DHCPCONF_H
#define NB_DHCPCONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/addr.h"
#include "common/ethers.h"
#include "common/hosts.h"
#include "common/perr.h"
#include "dhcpconf/dhcpconf_expr.h"

#define DC_NAME_MAX	64	/* option, space, class and host names */
#define DC_FILE_MAX	128	/* BOOTP `file' field */
#define DC_SNAME_MAX	64	/* BOOTP `sname' field */
#define DC_PATH_MAX	256	/* source file names */
#define DC_OPT_MAX	255	/* one DHCP option's value */
#define DC_CHAIN_MAX	64
#define DC_GLOBAL	0	/* index of the global scope */
#define DC_SPACE_DHCP	0	/* the standard option space */

enum dc_kind {
	DC_K_GLOBAL,
	DC_K_GROUP,
	DC_K_SUBNET,
	DC_K_POOL,
	DC_K_HOST,
	DC_K_CLASS,
	DC_K_COND,	/* an if/elsif/else branch, or what follows one */
	DC_K_SHARED	/* shared-network: subnets on one wire */
};

/* Option value types of `option NAME code N = TYPE'. */
enum dc_otype {
	DC_OT_IP,	/* ip-address */
	DC_OT_U8,	/* unsigned integer 8 */
	DC_OT_U16,	/* unsigned integer 16 */
	DC_OT_U32,	/* unsigned integer 32 */
	DC_OT_TEXT,	/* text: a "string" */
	DC_OT_STRING,	/* string: "string" or colon-separated hex */
	DC_OT_BOOL,	/* boolean: true, false, on, off */
	DC_OT_ENCAP,	/* encapsulate SPACE: that space's options */
	DC_OT_S8,	/* signed integer 8 */
	DC_OT_S16,
	DC_OT_S32,
	DC_OT_DOMAINS	/* domain-list: "a.example", ... as RFC 1035 names */
};

struct dc_optdef {
	int		space;		/* index into dhcpconf.spaces */
	uint8_t		code;
	enum dc_otype	type;
	bool		array;		/* "array of TYPE" */
	int		encap;		/* DC_OT_ENCAP: the space */
	char		name[DC_NAME_MAX];	/* without the space prefix */
	unsigned	line;		/* 0 for built-in definitions */
};

/*
 * An option set in a scope: in wire form, or (`option NAME = EXPR')
 * an expression evaluated for each client (dhcpconf_optval()).
 */
struct dc_opt {
	int		space;
	uint8_t		code;
	uint8_t		len;
	uint8_t		data[DC_OPT_MAX];
	int		expr;		/* -1: data holds the value */
};

enum dc_permit {
	DC_PERMIT_UNSET,
	DC_PERMIT_ALLOW,
	DC_PERMIT_DENY
};

/* Parameters a scope may set; "unset" values defer to the next scope. */
struct dc_params {
	int64_t		 default_lease;		/* -1: unset */
	int64_t		 max_lease;		/* -1: unset */
	bool		 has_next_server;
	uint32_t	 next_server;
	char		 filename[DC_FILE_MAX];	/* "" : unset */
	bool		 has_filename;
	int		 filename_expr;		/* `filename = EXPR', -1 */
	char		 server_name[DC_SNAME_MAX];
	bool		 has_server_name;
	int		 authoritative;		/* -1 unset, 0, 1 */
	int		 ping_check;		/* -1 unset, 0, 1 */
	int64_t		 ping_timeout;		/* seconds; -1: unset */
	int		 vendor_space;		/* -1 unset, else a space */
	int		 site_space;		/* -1 unset, else a space */
	enum dc_permit	 unknown_clients;
	enum dc_permit	 known_clients;
	enum dc_permit	 booting;		/* deny: no answer at all */
	int		 use_host_names;	/* -1 unset, 0, 1 */
	int		 always_broadcast;	/* -1 unset, 0, 1 */
	int64_t		 min_lease;		/* -1: unset */
	bool		 has_server_id;
	uint32_t	 server_id;		/* server-identifier */
	struct dc_opt	*opt;
	size_t		 nopt;
};

/*
 * A scope's conditional children (DC_K_COND), in declaration order, are
 * the branches of its if/elsif/else statements and the statements that
 * follow each of them (a continuation: cond -1, prev -1), so that a
 * statement after an `if' overrides what the `if' set, as ISC executes
 * statements in order.  A branch applies when its condition is true (an
 * `else' has none) and the branches before it (prev) did not apply.
 */
struct dc_scope {
	enum dc_kind	 kind;
	int		 parent;	/* -1 for the global scope */
	int		 index;		/* into subnets/pools/hosts/classes */
	unsigned	 line;
	struct dc_params p;
	int		 cond;		/* DC_K_COND: expression, -1 none */
	int		 prev;		/* DC_K_COND: the branch before, -1 */
	int		 first_cond;	/* first conditional child, -1 */
	int		 next_cond;	/* next sibling, -1 */
};

struct dc_subnet {
	uint32_t	net;
	uint32_t	mask;
	int		scope;
	int		shared;		/* its shared-network's scope, -1 */
	unsigned	line;
};

struct dc_range {
	uint32_t	lo;
	uint32_t	hi;
	int		pool;
	unsigned	line;
};

/* `allow/deny members of "class"' in a pool. */
struct dc_member {
	int		class;
	bool		allow;
};

#define DC_POOL_MEMBERS	8

struct dc_pool {
	int		 scope;
	int		 subnet;
	bool		 implicit;	/* a `range' directly in a subnet */
	struct dc_member members[DC_POOL_MEMBERS];
	size_t		 nmembers;
	unsigned	 line;
};

struct dc_host {
	char		name[DC_NAME_MAX];
	bool		has_mac;
	uint8_t		mac[MAC_LEN];
	bool		has_fixed;
	uint32_t	fixed;
	uint32_t	uid_off, uid_len;	/* its dhcp-client-identifier,
					   in the blob (InfiniBand hosts) */
	int		scope;
	int		subnet;		/* holding `fixed', or -1 */
	char		file[DC_PATH_MAX];	/* where it was declared */
	unsigned	line;
};

/*
 * A class: `match if EXPR' (boolean), and/or `match EXPR' or `spawn with
 * EXPR' (data) whose value picks a subclass (`subclass "class" VALUE'),
 * which is a dc_class too, with its parent and its value in the blob.
 */
struct dc_class {
	char		name[DC_NAME_MAX];
	int		scope;
	unsigned	line;
	int		match;		/* boolean expression, -1 none */
	int		submatch;	/* data expression, -1 none */
	bool		spawn;
	int		parent;		/* a subclass's class, -1 */
	uint32_t	off, len;	/* a subclass's value */
};

/*
 * proxy-dhcp off | on | all; (a nodeboot statement, global): answer PXE
 * clients with boot information only, beside a DHCP server that hands out
 * the addresses; on: only clients a host declaration knows.
 */
enum dc_proxy {
	DC_PROXY_OFF,
	DC_PROXY_KNOWN,
	DC_PROXY_ALL
};

struct dhcpconf {
	char		  file[DC_PATH_MAX];
	struct dc_scope	 *scopes;
	size_t		  nscopes;
	struct dc_subnet *subnets;
	size_t		  nsubnets;
	struct dc_range	 *ranges;
	size_t		  nranges;
	struct dc_pool	 *pools;
	size_t		  npools;
	struct dc_host	 *hosts;
	size_t		  nhosts;
	struct dc_class	 *classes;
	size_t		  nclasses;
	struct dc_optdef *defs;		/* user definitions only */
	size_t		  ndefs;
	char		(*spaces)[DC_NAME_MAX];	/* [0] is "dhcp" */
	size_t		  nspaces;
	struct dc_expr	 *exprs;
	size_t		  nexprs;
	uint8_t		 *blob;		/* constant data of expressions */
	size_t		  nblob;
	struct dc_var	 *vars;
	size_t		  nvars;
	struct dc_ignored *ignored;	/* once per statement text */
	size_t		  nignored;
	char		(*nets)[DC_NAME_MAX];	/* shared-network names */
	size_t		  nnets;
	char		  log_facility[DC_NAME_MAX];	/* "" : unset */
	enum dc_proxy	  proxy;	/* `proxy-dhcp' (ours, not ISC's) */
	bool		  ddns_none;	/* `ddns-update-style none' seen */
	bool		  ethers_hosts;	/* `ethers-hosts' seen */
	char		  ethers_path[DC_PATH_MAX];
	char		  hosts_path[DC_PATH_MAX];
	unsigned	  ethers_line;
};

/* A statement accepted and ignored (dhcpconf_inert.c's rule). */
struct dc_ignored {
	char		 text[128];	/* keyword and arguments */
	unsigned	 line;		/* first place it was seen */
	const char	*why;
};

/* Scopes that apply to one client, most specific first. */
struct dc_chain {
	int		v[DC_CHAIN_MAX];
	size_t		n;
};

/*
 * How the loader reaches files and host names: the caller's I/O, so that
 * dhcpd-pxe reads through the directories it held before chroot while
 * pxecfg-gen and the tools read plain files (dhcpconf_files).
 * read(): path into a malloc'd *buf; 0, or -1 with err ("path: reason").
 * resolve(): a host name's IPv4 address, from /etc/hosts then DNS as ISC
 * does; 0, or -1 if it has none.  Either may be NULL.
 */
struct dc_io {
	int	 (*read)(void *arg, const char *path, char **buf, size_t *len,
		    struct perr *err);
	int	 (*resolve)(void *arg, const char *name, uint32_t *ip);
	void	 *arg;
};
extern const struct dc_io dhcpconf_files;	/* plain files, getaddrinfo */
/* A name's IPv4 address from DNS (getaddrinfo); 0, or -1. */
int	dhcpconf_resolve_dns(const char *name, uint32_t *ip);

#define DC_LOAD_ETHERS	0x1	/* merge ethers + hosts even unasked */
#define DC_LOAD_NOETHERS 0x2	/* never merge them (pxecfg-gen does) */

/*
 * The config bundle: `path' parsed with its `include's, host names where
 * an address goes resolved, and when it says `ethers-hosts' (or flags ask)
 * ethers + hosts merged (dhcpconf_add_ethers).  0, or -1 with err (c is
 * then freed).
 */
int	dhcpconf_load(struct dhcpconf *c, const char *path, unsigned flags,
	    const struct dc_io *io, struct perr *err);

/*
 * Parses text[0..len) (need not be NUL-terminated) read from `file' into
 * *c, which must be zeroed or freed beforehand.  Returns 0, or -1 with
 * err->msg "file:line: reason" (c is then freed).  Checks ranges and fixed
 * addresses against their subnets and duplicate MACs and addresses.
 * Pure: an `include' is an error here, and a host name where an address
 * goes is left out with a note (dhcpconf_load() reads and resolves).
 */
int	dhcpconf_parse(struct dhcpconf *c, const char *text, size_t len,
	    const char *file, struct perr *err);
void	dhcpconf_free(struct dhcpconf *c);

/*
 * Adds a global host per ethers(5) entry: name and MAC from `e', fixed
 * address from `h' (the entry's name looked up there, or the name itself
 * if it is a dotted quad); without one the host is only "known".  A MAC
 * or name already declared in the config is left to the config.  The
 * host's file:line is the ethers line.  Returns 0, or -1 and err (an
 * address in no subnet, two hosts on one address, out of memory).
 */
int	dhcpconf_add_ethers(struct dhcpconf *c, const struct ethers *e,
	    const char *ethers_file, const struct hosts *h, struct perr *err);

/* Lookups.  NULL / -1 when absent. */
const struct dc_subnet *dhcpconf_subnet_for(const struct dhcpconf *,
	    uint32_t ip);
/* Are the two subnets one network (the same, or one shared-network)? */
bool	dhcpconf_same_network(const struct dc_subnet *,
	    const struct dc_subnet *);
const struct dc_host *dhcpconf_host_by_mac(const struct dhcpconf *,
	    const uint8_t mac[MAC_LEN]);
/* A host known by its dhcp-client-identifier (option 61) value. */
const struct dc_host *dhcpconf_host_by_uid(const struct dhcpconf *,
	    const uint8_t *uid, size_t len);
const struct dc_host *dhcpconf_host_by_name(const struct dhcpconf *,
	    const char *name);
int	dhcpconf_space_find(const struct dhcpconf *, const char *name);
/* "name" in the dhcp space or "space.name"; built-ins included. */
const struct dc_optdef *dhcpconf_optdef_byname(const struct dhcpconf *,
	    const char *name);
const struct dc_optdef *dhcpconf_optdef_bycode(const struct dhcpconf *,
	    int space, uint8_t code);

/*
 * Chains (dhcpconf_chain.c).  dhcpconf_chain_add() appends a scope and
 * its enclosing groups, stopping before the enclosing subnet (added
 * separately, after pools and classes), each with the if/elsif/else
 * branches that apply to the client env describes (NULL: no client,
 * every condition false); scopes already present are skipped.  Adding
 * DC_GLOBAL adds the global scope's branches (the global scope itself is
 * always consulted last).  dhcpconf_host_chain() is the chain of a known
 * host: its scopes, then the subnet of its fixed address.
 */
void	dhcpconf_chain_add(const struct dhcpconf *, struct dc_chain *,
	    int scope, const struct dc_env *env);
void	dhcpconf_host_chain(const struct dhcpconf *, const struct dc_host *,
	    struct dc_chain *, const struct dc_env *env);
/* Chain of the subnet holding ip (just the global scope if none). */
void	dhcpconf_addr_chain(const struct dhcpconf *, uint32_t ip,
	    struct dc_chain *, const struct dc_env *env);
/* Is the client env describes a member of the class (or subclass)? */
bool	dhcpconf_class_match(const struct dhcpconf *, const struct dc_class *,
	    const struct dc_env *env);

/* Effective values along a chain (then the global scope). */
const struct dc_opt *dhcpconf_option(const struct dhcpconf *,
	    const struct dc_chain *, int space, uint8_t code);
/*
 * An option's value for a client: its data, or its expression evaluated
 * with env.  0 with buf[0..*len), or -1: the expression is null.
 */
int	dhcpconf_optval(const struct dhcpconf *, const struct dc_opt *,
	    const struct dc_env *, uint8_t *buf, size_t cap, size_t *len);
/* The options of a space along ch as code/length/value; the length. */
size_t	dhcpconf_encapsulate(const struct dhcpconf *, const struct dc_chain *,
	    const struct dc_env *, int space, uint8_t *buf, size_t cap);
/* Options 1 (mask), 3 (first router): true if set. */
bool	dhcpconf_opt_ip(const struct dhcpconf *, const struct dc_chain *,
	    uint8_t code, uint32_t *ip);
bool	dhcpconf_next_server(const struct dhcpconf *,
	    const struct dc_chain *, uint32_t *ip);
/* The boot file name for env's client in buf; NULL if unset or null. */
const char *dhcpconf_filename(const struct dhcpconf *,
	    const struct dc_chain *, const struct dc_env *env, char *buf,
	    size_t bufsz);
const char *dhcpconf_server_name(const struct dhcpconf *,
	    const struct dc_chain *);		/* NULL if unset */
/* use-host-decl-names: option 12 is the host declaration's name. */
bool	dhcpconf_use_host_names(const struct dhcpconf *,
	    const struct dc_chain *);
bool	dhcpconf_always_broadcast(const struct dhcpconf *,
	    const struct dc_chain *);
/* min-lease-time: the least lease granted (0 when nowhere set). */
uint32_t dhcpconf_min_lease(const struct dhcpconf *, const struct dc_chain *);
/* server-identifier: option 54 the replies carry, if set. */
bool	dhcpconf_server_id(const struct dhcpconf *, const struct dc_chain *,
	    uint32_t *ip);
/* Lease times: default 43200 and max 86400 when nowhere set (ISC). */
uint32_t dhcpconf_default_lease(const struct dhcpconf *,
	    const struct dc_chain *);
uint32_t dhcpconf_max_lease(const struct dhcpconf *,
	    const struct dc_chain *);
int	dhcpconf_vendor_space(const struct dhcpconf *,
	    const struct dc_chain *);		/* -1 if unset */
/* site-option-space: its options go out as DHCP options of their codes. */
int	dhcpconf_site_space(const struct dhcpconf *,
	    const struct dc_chain *);		/* -1 if unset */
bool	dhcpconf_authoritative(const struct dhcpconf *,
	    const struct dc_chain *);
bool	dhcpconf_ping_check(const struct dhcpconf *,
	    const struct dc_chain *);
/* Seconds to wait for an echo reply: 1 when nowhere set (ISC). */
uint32_t dhcpconf_ping_timeout(const struct dhcpconf *,
	    const struct dc_chain *);
/* `allow/deny unknown-clients' (unknown), `known-clients' or (booting)
 * `booting' in effect. */
enum dc_permit dhcpconf_booting(const struct dhcpconf *,
	    const struct dc_chain *);
enum dc_permit dhcpconf_permit(const struct dhcpconf *,
	    const struct dc_chain *, bool unknown);
/* The subnet's mask from `option subnet-mask' or the declaration. */
uint32_t dhcpconf_netmask(const struct dhcpconf *, const struct dc_chain *,
	    const struct dc_subnet *);

/*
 * Formats an option value as config text ("192.0.2.1, 192.0.2.2", a
 * quoted string, "00:07") into buf; returns 0, or -1 if it does not fit
 * the definition (the value is then written as colon-separated hex).
 */
int	dhcpconf_optval_format(const struct dc_optdef *, const struct dc_opt *,
	    char *buf, size_t bufsz);
/* Prints the configuration back in dhcpd.conf syntax (dhcpd-pxe -T). */
void	dhcpconf_print(FILE *, const struct dhcpconf *);

#endif
