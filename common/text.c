// SPDX-License-Identifier: ISC
/*
 * Line and field splitting for the /etc parsers (ethers, hosts).
 */
#include <ctype.h>
#include <string.h>

#include "text.h"

void
text_init(struct text *t, const char *data, size_t len)
{
	t->p = data;
	t->rem = data == NULL ? 0 : len;
	t->lineno = 0;
}

int
text_next(struct text *t, char *buf, size_t bufsz, const char **errstr)
{
	const char *nl, *hash;
	size_t len, adv;

	if (t->rem == 0)
		return 0;
	t->lineno++;
	if ((nl = memchr(t->p, '\n', t->rem)) != NULL) {
		len = (size_t)(nl - t->p);
		adv = len + 1;
	} else
		len = adv = t->rem;
	if (memchr(t->p, '\0', len) != NULL) {
		*errstr = "NUL byte in line";
		return -1;
	}
	if ((hash = memchr(t->p, '#', len)) != NULL)
		len = (size_t)(hash - t->p);
	if (len > 0 && t->p[len - 1] == '\r')
		len--;
	if (len >= bufsz) {
		*errstr = "line too long";
		return -1;
	}
	memcpy(buf, t->p, len);
	buf[len] = '\0';
	t->p += adv;
	t->rem -= adv;
	return 1;
}

char *
text_field(char **sp)
{
	char *s = *sp, *start;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0') {
		*sp = s;
		return NULL;
	}
	start = s;
	while (*s != '\0' && *s != ' ' && *s != '\t')
		s++;
	if (*s != '\0')
		*s++ = '\0';
	*sp = s;
	return start;
}

bool
text_hostname_ok(const char *s)
{
	size_t i, len = strlen(s);

	if (len == 0 || len > HOSTNAME_MAX || !isalnum((unsigned char)s[0]))
		return false;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '.' && s[i] != '_')
			return false;
	return true;
}

int
text_parse(const char *data, size_t len, const char *file, struct perr *err,
    int (*fn)(void *, char *, const char *, unsigned, struct perr *),
    void *ctx)
{
	struct text t;
	char buf[TEXT_LINEMAX];
	const char *errstr;
	int r;

	text_init(&t, data, len);
	while ((r = text_next(&t, buf, sizeof(buf), &errstr)) == 1)
		if (fn(ctx, buf, file, t.lineno, err) == -1)
			return -1;
	if (r == -1) {
		perr_set(err, file, t.lineno, "%s", errstr);
		return -1;
	}
	return 0;
}
