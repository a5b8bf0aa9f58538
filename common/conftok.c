// SPDX-License-Identifier: ISC
/*
 * conftok: splits ISC dhcpd.conf-like text into tokens.  Strings accept
 * \" \\ \n \t \r, \NNN octal and \xHH escapes (ISC's set); a NUL byte,
 * whether raw or escaped, is refused, as is any other control character
 * outside a string, so nothing downstream meets an embedded NUL.
 */
#include <string.h>

#include "conftok.h"

#define CT_PUNCTS	";{},=()"

void
conftok_init(struct conftok *c, const char *data, size_t len,
    const char *file)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->rem = data == NULL ? 0 : len;
	c->line = 1;
	c->file = file;
}

bool
conftok_is(const struct conftok_tok *t, char c)
{
	return t->type == CT_PUNCT && t->text[0] == c;
}

static void
ct_adv(struct conftok *c)
{
	if (*c->p == '\n')
		c->line++;
	c->p++;
	c->rem--;
}

static void
ct_skip(struct conftok *c)
{
	while (c->rem > 0) {
		if (*c->p == '#') {
			while (c->rem > 0 && *c->p != '\n')
				ct_adv(c);
		} else if (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' ||
		    *c->p == '\r' || *c->p == '\f' || *c->p == '\v')
			ct_adv(c);
		else
			break;
	}
}

static int
ct_digit(int ch, int base)
{
	int v;

	if (ch >= '0' && ch <= '9')
		v = ch - '0';
	else if (ch >= 'a' && ch <= 'f')
		v = ch - 'a' + 10;
	else if (ch >= 'A' && ch <= 'F')
		v = ch - 'A' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

/* One escaped character after the backslash; -1 if malformed. */
static int
ct_escape(struct conftok *c)
{
	int ch, v = 0, d, n, base, max;

	if (c->rem == 0)
		return -1;
	ch = (unsigned char)*c->p;
	ct_adv(c);
	switch (ch) {
	case 'n': return '\n';
	case 't': return '\t';
	case 'r': return '\r';
	case '"': case '\\': return ch;
	case 'x': base = 16; max = 2; break;
	default:
		if (ct_digit(ch, 8) == -1)
			return -1;
		v = ct_digit(ch, 8);
		base = 8;
		max = 2;
		break;
	}
	for (n = 0; n < max && c->rem > 0 &&
	    (d = ct_digit((unsigned char)*c->p, base)) != -1; n++) {
		v = v * base + d;
		ct_adv(c);
	}
	if ((base == 16 && n == 0) || v > 255)
		return -1;
	return v;
}

static int
ct_string(struct conftok *c, struct conftok_tok *t, struct perr *err)
{
	int ch;

	ct_adv(c);	/* opening quote */
	for (;;) {
		if (c->rem == 0 || *c->p == '\n') {
			perr_set(err, c->file, t->line, "unterminated string");
			return -1;
		}
		ch = (unsigned char)*c->p;
		ct_adv(c);
		if (ch == '"')
			break;
		if (ch == '\\' && (ch = ct_escape(c)) == -1) {
			perr_set(err, c->file, c->line, "bad escape in string");
			return -1;
		}
		if (ch == '\0') {
			perr_set(err, c->file, c->line, "NUL in string");
			return -1;
		}
		if (t->len + 1 >= sizeof(t->text)) {
			perr_set(err, c->file, t->line, "string too long");
			return -1;
		}
		t->text[t->len++] = (char)ch;
	}
	t->text[t->len] = '\0';
	t->type = CT_STRING;
	return 0;
}

static int
ct_lex(struct conftok *c, struct conftok_tok *t, struct perr *err)
{
	unsigned char ch;

	ct_skip(c);
	memset(t, 0, sizeof(*t));
	t->line = c->line;
	if (c->rem == 0) {
		t->type = CT_EOF;
		return 0;
	}
	ch = (unsigned char)*c->p;
	if (ch == '"')
		return ct_string(c, t, err);
	if (strchr(CT_PUNCTS, ch) != NULL) {
		t->type = CT_PUNCT;
		t->text[0] = (char)ch;
		t->len = 1;
		ct_adv(c);
		return 0;
	}
	while (c->rem > 0) {
		ch = (unsigned char)*c->p;
		if (ch <= ' ' || ch == 0x7f || ch == '#' || ch == '"' ||
		    strchr(CT_PUNCTS, ch) != NULL)
			break;
		if (t->len + 1 >= sizeof(t->text)) {
			perr_set(err, c->file, t->line, "word too long");
			return -1;
		}
		t->text[t->len++] = (char)ch;
		ct_adv(c);
	}
	if (t->len == 0) {
		perr_set(err, c->file, c->line, "bad character 0x%02x", ch);
		return -1;
	}
	t->type = CT_WORD;
	return 0;
}

int
conftok_next(struct conftok *c, struct conftok_tok *t, struct perr *err)
{
	if (c->peeked) {
		c->peeked = false;
		*t = c->ahead;
		return 0;
	}
	return ct_lex(c, t, err);
}

int
conftok_peek(struct conftok *c, struct conftok_tok *t, struct perr *err)
{
	if (!c->peeked) {
		if (ct_lex(c, &c->ahead, err) == -1)
			return -1;
		c->peeked = true;
	}
	*t = c->ahead;
	return 0;
}
