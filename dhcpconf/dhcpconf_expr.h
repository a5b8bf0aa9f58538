/* SPDX-License-Identifier: ISC */
/*
 * ISC dhcp-eval(5) expressions, as dhcpd.conf files use them in `if',
 * `match if', `match', `option NAME = ...', `filename = ...' and `set':
 * boolean (and, or, not, =, !=, exists, known, static), data (option,
 * config-option, hardware, packet, substring, suffix, concat, lcase,
 * ucase, binary-to-ascii, encode-int, reverse, pick-first-value,
 * host-decl-name, leased-address, encapsulate, null, "text", 00:07) and
 * numeric (extract-int, numbers).  Parsed into dhcpconf.exprs (indices,
 * no pointers), evaluated against a client (struct dc_env) with ISC's
 * null semantics: an option the client did not send is null, null
 * propagates, null = null is true, and a null condition is false.  Pure.
 */
#ifndef NB_DHCPCONF_EXPR_H
#define NB_DHCPCONF_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define DC_EVAL_MAX	1024	/* longest data value an expression makes */

enum dc_eop {
	DE_CONST,		/* blob[off..off+len) */
	DE_NUM,			/* num */
	DE_AND, DE_OR, DE_NOT, DE_EQ, DE_NE,
	DE_EXISTS,		/* space, code */
	DE_KNOWN, DE_STATIC,
	DE_OPTION,		/* space, code: the client's */
	DE_CONFIG_OPTION,	/* space, code: the value configured for it */
	DE_HARDWARE, DE_PACKET,
	DE_SUBSTRING, DE_SUFFIX, DE_CONCAT, DE_LCASE, DE_UCASE,
	DE_BIN2ASCII, DE_ENCODE_INT, DE_EXTRACT_INT, DE_REVERSE,
	DE_PICK_FIRST,
	DE_HOST_DECL_NAME, DE_LEASED_ADDRESS, DE_NULL,
	DE_VAR,			/* a: the expression a `set' gave the name */
	DE_ENCAPSULATE,		/* space: its options along the chain */
	DE_FILENAME, DE_SNAME	/* the request's file and sname fields */
};

struct dc_expr {
	uint8_t		op;		/* enum dc_eop */
	uint8_t		code;
	int16_t		space;
	int		a, b, c, d;	/* operand expressions, -1 none */
	uint32_t	off, len;	/* DE_CONST */
	int64_t		num;		/* DE_NUM; widths of encode/extract */
};

/* `set NAME = EXPR': a name expressions may refer to. */
struct dc_var {
	char		name[64];
	int		expr;
	int		scope;		/* where it was set, for printing */
};

struct dhcpconf;
struct dc_chain;

/*
 * What an expression may ask about the client.  opt() returns the
 * client's option (RFC 3396 joined) of a space, or NULL if it sent none;
 * the other fields may be NULL or 0 when unknown (pxecfg-gen has no
 * packet: every `option' is then null).
 */
struct dc_env {
	const uint8_t	*(*opt)(void *arg, int space, uint8_t code,
			    size_t *len);
	void		*arg;
	const uint8_t	*pkt;		/* the packet, for packet() */
	size_t		 pktlen;
	uint8_t		 htype;		/* hardware: htype, then chaddr */
	const uint8_t	*chaddr;
	size_t		 hlen;
	const char	*host_name;	/* host-decl-name; NULL: none */
	bool		 known;		/* a host declaration matches */
	bool		 is_static;	/* it has a fixed address */
	uint32_t	 leased;	/* leased-address, 0: none yet */
	const struct dc_chain *chain;	/* for config-option, encapsulate */
};

/* 1 true, 0 false, -1 null (ISC treats a null condition as false). */
int	dhcpconf_eval_bool(const struct dhcpconf *, int expr,
	    const struct dc_env *);
/* 0 with the value in buf[0..*len) (at most cap bytes), or -1: null. */
int	dhcpconf_eval_data(const struct dhcpconf *, int expr,
	    const struct dc_env *, uint8_t *buf, size_t cap, size_t *len);
/* Prints expr in dhcpd.conf syntax (dhcpd-pxe -T). */
void	dhcpconf_expr_print(FILE *, const struct dhcpconf *, int expr);

#endif
