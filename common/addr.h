/* SPDX-License-Identifier: ISC */
/*
 * MAC and IPv4 address helpers, including the forms pxelinux looks up:
 * "01-aa-bb-cc-dd-ee-ff" (ARP type 1 + MAC, lower case, dashes) and the
 * address as 8 upper-case hex digits ("C0A80102").  IPv4 addresses are
 * uint32_t in host byte order throughout the suite; convert with htonl() at
 * the socket.  Parsers are strict: no octal, no short forms, no trailing
 * bytes.  Pure functions: no I/O, no allocation.
 */
#ifndef NB_ADDR_H
#define NB_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAC_LEN		6
#define MAC_STRLEN	18	/* "aa:bb:cc:dd:ee:ff" + NUL */
#define MAC_PXESTRLEN	21	/* "01-aa-bb-cc-dd-ee-ff" + NUL */
#define IP4_STRLEN	16	/* "255.255.255.255" + NUL */
#define IP4_HEXLEN	9	/* "C0A80102" + NUL */

/*
 * Parses six hex groups of 1 or 2 digits separated by ':' or '-' (one kind
 * throughout; ethers(5) allows "8:0:20:1:2:3"), or 12 hex digits in a row.
 * Returns 0, or -1 with *mac untouched.
 */
int	 mac_parse(const char *s, uint8_t mac[MAC_LEN]);
char	*mac_ntoa(const uint8_t mac[MAC_LEN], char buf[MAC_STRLEN]);
char	*mac_pxelinux(const uint8_t mac[MAC_LEN], char buf[MAC_PXESTRLEN]);
bool	 mac_is_zero(const uint8_t mac[MAC_LEN]);

/* The value of one hex digit (either case), or -1. */
int	 addr_hexdigit(int c);

/* Dotted quad, each part 0..255 in decimal without leading zeros. */
int	 ip4_parse(const char *s, uint32_t *ip);
char	*ip4_ntoa(uint32_t ip, char buf[IP4_STRLEN]);
/* 8 upper-case hex digits, the name pxelinux asks for first. */
char	*ip4_hex(uint32_t ip, char buf[IP4_HEXLEN]);
/* A contiguous netmask (0.0.0.0 .. 255.255.255.255)? */
bool	 ip4_mask_valid(uint32_t mask);
int	 ip4_mask_len(uint32_t mask);		/* -1 if not contiguous */
uint32_t ip4_len_mask(int len);			/* 0..32 */
bool	 ip4_in_net(uint32_t ip, uint32_t net, uint32_t mask);

#endif
