// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over the shared dhcpd.conf parser (dhcpconf/):
 * any text must parse or fail with "file:line: reason"; what parses is
 * evaluated for a client made of the input's bytes (class matches, every
 * scope's branches, computed values, encapsulations), must print, and the
 * print must parse again to the same print (but for the notes of ignored
 * statements, which only the first print has).  tests/fuzz/fuzz_dhcpconf.seeds
 * adds the real configs of tests/data/isc-diff to the seeds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dhcpconf/dhcpconf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static char *
print(const struct dhcpconf *c, size_t *len)
{
	char *buf = NULL;
	FILE *f;

	if ((f = open_memstream(&buf, len)) == NULL)
		abort();
	dhcpconf_print(f, c);
	fclose(f);
	return buf;
}

/* Drops the leading "# ignored ..." lines of a print; its new length. */
static size_t
unnoted(char *a, size_t len)
{
	size_t off = 0;
	char *nl;

	while (len - off > 9 && memcmp(a + off, "# ignored", 9) == 0 &&
	    (nl = memchr(a + off, '\n', len - off)) != NULL)
		off = (size_t)(nl - a) + 1;
	memmove(a, a + off, len - off);
	return len - off;
}

/* The fuzz input as the client's every option, packet and name. */
static const uint8_t *fz_data;
static size_t fz_size;

static const uint8_t *
fz_opt(void *arg, int space, uint8_t code, size_t *len)
{
	(void)arg;
	if (fz_size == 0 || (code + space) % 3 == 0)
		return NULL;		/* some options are not sent */
	*len = fz_size < 64 ? fz_size : 64;
	return fz_data;
}

/* Evaluates what a client meets: class matches, chains, values. */
static void
evaluate(const struct dhcpconf *c)
{
	struct dc_env env = { .opt = fz_opt, .pkt = fz_data,
	    .pktlen = fz_size, .htype = 1, .chaddr = fz_data,
	    .hlen = fz_size < 6 ? fz_size : 6, .known = true,
	    .host_name = "n", .leased = 0xc0000205 };
	struct dc_chain ch;
	uint8_t buf[DC_EVAL_MAX];
	char file[DC_FILE_MAX];
	size_t i, k, n;

	for (i = 0; i < c->nclasses && i < 64; i++)
		(void)dhcpconf_class_match(c, &c->classes[i], &env);
	ch.n = 0;
	for (i = 0; i < c->nscopes && i < 64; i++)
		dhcpconf_chain_add(c, &ch, (int)i, &env);
	env.chain = &ch;
	(void)dhcpconf_filename(c, &ch, &env, file, sizeof(file));
	for (i = 0; i < ch.n; i++)
		for (k = 0; k < c->scopes[ch.v[i]].p.nopt; k++)
			(void)dhcpconf_optval(c, &c->scopes[ch.v[i]].p.opt[k],
			    &env, buf, sizeof(buf), &n);
	for (i = 1; i < c->nspaces; i++)
		(void)dhcpconf_encapsulate(c, &ch, &env, (int)i, buf,
		    sizeof(buf));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcpconf c, c2;
	struct perr err;
	char *a, *b;
	size_t alen, blen;

	if (dhcpconf_parse(&c, (const char *)data, size, "f", &err) == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
		return 0;
	}
	fz_data = data;
	fz_size = size;
	evaluate(&c);
	a = print(&c, &alen);
	dhcpconf_free(&c);
	if (dhcpconf_parse(&c2, a, alen, "p", &err) == -1) {
		fprintf(stderr, "reparse: %s\n%s", err.msg, a);
		abort();
	}
	b = print(&c2, &blen);
	dhcpconf_free(&c2);
	/* Notes of ignored statements (most are not printed back) aside. */
	alen = unnoted(a, alen);
	blen = unnoted(b, blen);
	if (alen != blen || memcmp(a, b, alen) != 0)
		abort();
	free(a);
	free(b);
	return 0;
}
