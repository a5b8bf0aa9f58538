/* SPDX-License-Identifier: ISC */
/*
 * Filename remapping (-m), in tftp-hpa's remap-file syntax: one rule per
 * line, "flags regex [replacement]", '#' comments, a backslash escaping
 * white space.  Flags: r replace, g repeat the replacement, i ignore case,
 * e end after a match, s restart from the first rule, a refuse the
 * request, G only RRQ, P only WRQ, 4/6 only IPv4/IPv6 clients, ~ invert
 * the match.  Replacement escapes: \0-\9 the match and its groups, \i the
 * client's address, \x it as 8 hex digits, \m its MAC as pxelinux spells
 * it ("01-aa-bb-cc-dd-ee-ff", empty if unknown; a nodeboot extension),
 * \U \L \E case folding, \\ a backslash.  Regexes are POSIX extended.
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
	char		*repl;		/* NULL unless the r flag */
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
 * Rewrites name into out.  Returns 0, 1 if an 'a' rule refuses the request,
 * or -1 with *errstr (result too long, a rule that loops).
 */
int	tftp_remap_apply(const struct tftp_remap *, const char *name,
	    const struct tftp_remap_ctx *, char *out, size_t outsz,
	    const char **errstr);

#endif
