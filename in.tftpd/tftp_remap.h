/* SPDX-License-Identifier: ISC */
/*
 * Filename remapping (-m), as tftp-hpa 5.2 reads and applies its remap
 * files: one rule per line, "flags regex [replacement]", fields ended by
 * white space or '#' (the rest of the line is a comment) unless a
 * backslash escapes them; a missing replacement is empty and fields after
 * it are ignored.  Flags: r replace, g repeat the replacement (with r),
 * i ignore case, e end after a match, s restart (at the second rule, as
 * tftp-hpa 5.2 does), a refuse the request (the replacement is the error
 * message), G only RRQ, P only WRQ (the last of the two wins), 4/6 only
 * IPv4/IPv6 clients, ~ invert the match.  Replacement escapes: \0-\9 the
 * match and its groups, \i the client's address, \x it as 8 hex digits,
 * \m its MAC as pxelinux spells it ("01-aa-bb-cc-dd-ee-ff", empty if
 * unknown; a nodeboot extension), \U \L \E case folding, any other
 * character after a backslash itself.  Regexes are POSIX extended.
 */
#ifndef TFTP_REMAP_H
#define TFTP_REMAP_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/perr.h"

struct tftp_remap_rule {
	unsigned	 flags;
	regex_t		 rx;
	char		*repl;		/* "" when the line has none */
	unsigned	 line;
};

struct tftp_remap {
	struct tftp_remap_rule	*v;
	size_t			 n;
};

/* What a rule is matched against, besides the name. */
struct tftp_remap_ctx {
	bool		 wrq;
	uint32_t	 ip;		/* host byte order */
	const char	*mac;		/* "01-aa-..." or "" */
};

/* Parses a remap file's text; "file:line: reason" in *err on error. */
int	tftp_remap_parse(struct tftp_remap *, const char *text, size_t len,
	    const char *file, struct perr *err);
void	tftp_remap_free(struct tftp_remap *);
/*
 * Rewrites name into out.  Returns 0; 1 if an 'a' rule refuses the request,
 * with its message in out ("" for none); or -1 with *errstr (result too
 * long, a rule that loops).
 */
int	tftp_remap_apply(const struct tftp_remap *, const char *name,
	    const struct tftp_remap_ctx *, char *out, size_t outsz,
	    const char **errstr);

/*
 * tftp_remap_rx.c: NULL if regex s is cheap enough to compile, else why
 * not: over TFTP_REMAP_RXMAX bytes, 16 repetition operators or 16 groups,
 * an interval over {32}, or a repetition operator right after another
 * (undefined in POSIX).
 */
#define TFTP_REMAP_RXMAX	256
const char *tftp_remap_rx_check(const char *s);

#endif
