// SPDX-License-Identifier: ISC
/*
 * A longest-common-subsequence line diff.  Quadratic in the number of
 * lines, which is fine for pxelinux files of a few lines and bounded by
 * DIFF_LINEMAX; this is not a general diff(1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pxecfg_diff.h"

#define DIFF_CONTEXT	3

struct dline {
	const char	*p;
	size_t		 len;		/* with the newline, if any */
};

struct dop {
	char		 kind;		/* ' ', '-' or '+' */
	const struct dline *l;
};

static int
diff_split(const char *s, size_t len, struct dline *v, size_t *np)
{
	const char *nl;
	size_t n = 0, l;

	while (len > 0) {
		if (n == DIFF_LINEMAX)
			return -1;
		nl = memchr(s, '\n', len);
		l = nl != NULL ? (size_t)(nl - s) + 1 : len;
		v[n].p = s;
		v[n++].len = l;
		s += l;
		len -= l;
	}
	*np = n;
	return 0;
}

static bool
dline_eq(const struct dline *x, const struct dline *y)
{
	return x->len == y->len && memcmp(x->p, y->p, x->len) == 0;
}

/* The edit script from the LCS table, in order; returns its length. */
static size_t
diff_script(const struct dline *a, size_t n, const struct dline *b,
    size_t m, const unsigned *lcs, struct dop *ops)
{
	size_t i = 0, j = 0, k = 0;

#define L(i, j)	lcs[(i) * (m + 1) + (j)]
	while (i < n || j < m) {
		if (i < n && j < m && dline_eq(&a[i], &b[j])) {
			ops[k].kind = ' ';
			ops[k++].l = &a[i];
			i++;
			j++;
		} else if (i < n && (j == m || L(i + 1, j) >= L(i, j + 1))) {
			ops[k].kind = '-';
			ops[k++].l = &a[i++];
		} else {
			ops[k].kind = '+';
			ops[k++].l = &b[j++];
		}
	}
#undef L
	return k;
}

static void
diff_line(struct wbuf *w, const struct dop *op)
{
	static const char nonl[] = "\n\\ No newline at end of file\n";

	wbuf_put8(w, (uint8_t)op->kind);
	wbuf_putbytes(w, op->l->p, op->l->len);
	if (op->l->len == 0 || op->l->p[op->l->len - 1] != '\n')
		wbuf_putbytes(w, nonl, sizeof(nonl) - 1);
}

/* One hunk over ops[from, to); ai and bi are its first line numbers. */
static void
diff_hunk(struct wbuf *w, const struct dop *ops, size_t from, size_t to,
    size_t ai, size_t bi)
{
	char head[96];
	size_t k, na = 0, nb = 0;

	for (k = from; k < to; k++) {
		na += ops[k].kind != '+';
		nb += ops[k].kind != '-';
	}
	snprintf(head, sizeof(head), "@@ -%zu,%zu +%zu,%zu @@\n",
	    na == 0 ? ai - 1 : ai, na, nb == 0 ? bi - 1 : bi, nb);
	wbuf_putbytes(w, head, strlen(head));
	for (k = from; k < to; k++)
		diff_line(w, &ops[k]);
}

static void
diff_hunks(struct wbuf *w, const struct dop *ops, size_t nops)
{
	size_t k = 0, from, to, last, ai = 1, bi = 1, x;

	while (k < nops) {
		if (ops[k].kind == ' ') {
			k++;
			continue;
		}
		from = k > DIFF_CONTEXT ? k - DIFF_CONTEXT : 0;
		/* Join changes separated by at most 2 * context lines. */
		for (last = k; k < nops; k++)
			if (ops[k].kind != ' ')
				last = k;
			else if (k - last > 2 * DIFF_CONTEXT)
				break;
		to = last + 1 + DIFF_CONTEXT < nops ? last + 1 + DIFF_CONTEXT :
		    nops;
		for (x = 0; x < from; x++) {
			ai += ops[x].kind != '+';
			bi += ops[x].kind != '-';
		}
		diff_hunk(w, ops, from, to, ai, bi);
		ai = bi = 1;
		k = to;
	}
}

int
diff_unified(const char *a, size_t alen, const char *alabel,
    const char *b, size_t blen, const char *blabel, struct wbuf *w)
{
	struct dline *la, *lb;
	struct dop *ops = NULL;
	unsigned *lcs = NULL;
	size_t n, m, i, j, nops;
	int r = -1;

	la = calloc(DIFF_LINEMAX, sizeof(*la));
	lb = calloc(DIFF_LINEMAX, sizeof(*lb));
	if (la == NULL || lb == NULL || diff_split(a, alen, la, &n) == -1 ||
	    diff_split(b, blen, lb, &m) == -1)
		goto out;
	if ((lcs = calloc((n + 1) * (m + 1), sizeof(*lcs))) == NULL ||
	    (ops = calloc(n + m + 1, sizeof(*ops))) == NULL)
		goto out;
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
			lcs[i * (m + 1) + j] = dline_eq(&la[i], &lb[j]) ?
			    lcs[(i + 1) * (m + 1) + j + 1] + 1 :
			    lcs[(i + 1) * (m + 1) + j] >
			    lcs[i * (m + 1) + j + 1] ?
			    lcs[(i + 1) * (m + 1) + j] :
			    lcs[i * (m + 1) + j + 1];
	nops = diff_script(la, n, lb, m, lcs, ops);
	wbuf_putbytes(w, "--- ", 4);
	wbuf_putbytes(w, alabel, strlen(alabel));
	wbuf_putbytes(w, "\n+++ ", 5);
	wbuf_putbytes(w, blabel, strlen(blabel));
	wbuf_put8(w, '\n');
	diff_hunks(w, ops, nops);
	r = 0;
out:
	free(la);
	free(lb);
	free(lcs);
	free(ops);
	return r;
}
