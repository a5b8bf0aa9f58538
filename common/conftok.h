/* SPDX-License-Identifier: ISC */
/*
 * Tokenizer for ISC-style configuration files (dhcpd.conf and the suite's
 * own small configs): words, "strings" with C escapes, the punctuation
 * ; { } , = ( ) and '#' comments to the end of the line.  A word is any run
 * of other printable characters, so "fe:ed:fa:ce:de:ad", "192.0.2.1",
 * "PXE.mtftp-ip" and "unknown-clients" are single words.  Every token
 * carries its line number; errors fill a perr ("file:line: reason").  One
 * token of lookahead.  Pure: works on a caller's buffer, no allocation.
 */
#ifndef NB_CONFTOK_H
#define NB_CONFTOK_H

#include <stdbool.h>
#include <stddef.h>

#include "perr.h"

#define CONFTOK_MAX	1024

enum conftok_type {
	CT_EOF,
	CT_WORD,
	CT_STRING,
	CT_PUNCT
};

struct conftok_tok {
	enum conftok_type	type;
	char			text[CONFTOK_MAX];	/* NUL-terminated */
	size_t			len;
	unsigned		line;
};

struct conftok {
	const char		*p;
	size_t			 rem;
	unsigned		 line;
	const char		*file;
	bool			 peeked;
	struct conftok_tok	 ahead;
};

void	conftok_init(struct conftok *, const char *data, size_t len,
	    const char *file);
/* 0 with the next token in *t (CT_EOF at the end), or -1 and *err. */
int	conftok_next(struct conftok *, struct conftok_tok *, struct perr *);
int	conftok_peek(struct conftok *, struct conftok_tok *, struct perr *);
/* Is t the punctuation character c? */
bool	conftok_is(const struct conftok_tok *t, char c);

#endif
