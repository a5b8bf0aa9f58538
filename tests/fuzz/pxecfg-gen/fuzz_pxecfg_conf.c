// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over pxecfg-gen.conf(5): the input is parsed as a
 * config file; if it parses and checks, its profiles render the files of
 * one node and one subnet, and each file is diffed against the input.  Any
 * input must end in success or a "file:line: reason" error, and a checked
 * config must never fail to render for a node (every variable has a value
 * there; GRUB's grub.cfg, written even without a default file, is not
 * a node's).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pxecfg-gen/pxecfg_diff.h"
#include "pxecfg-gen/pxecfg_plan.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
render_all(struct pxecfg_conf *c, const char *text, size_t len)
{
	struct pxecfg_subnet s = { .net = 0xc0000200, .mask = 0xffffff00,
	    .server = 0xc0000201, .file = "d" };
	struct pxecfg_node nd = { .name = "n1", .ip = 0xc0000202,
	    .mac = { 2, 0, 0, 0, 0, 1 }, .file = "e" };
	struct pxecfg_nodes t = { 0 };
	struct pxecfg_plan pl = { 0 };
	struct perr err;
	struct wbuf w;
	static char out[1 << 16];
	size_t i;

	/* Files for a node must always render; group/default may not. */
	c->group[0] = c->dflt[0] = '\0';
	if (pxecfg_subnet_add(&t, &s, &err) == -1 ||
	    pxecfg_nodes_add(&t, &nd, &err) == -1 ||
	    pxecfg_nodes_assign(&t, &err) == -1)
		abort();
	if (pxecfg_plan_build(&pl, c, &t, &err) == -1 &&
	    strstr(err.msg, "file too large") == NULL &&
	    strstr(err.msg, "has no ipxe template") == NULL &&
	    strstr(err.msg, "has no grub template") == NULL &&
	    strncmp(err.msg, "grub/grub.cfg (", 15) != 0)
		abort();
	for (i = 0; i < pl.n; i++) {
		wbuf_init(&w, out, sizeof(out));
		diff_unified(text, len, "a", pl.v[i].text, pl.v[i].len, "b",
		    &w);
	}
	pxecfg_plan_free(&pl);
	pxecfg_nodes_free(&t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pxecfg_conf *c;
	struct perr err;
	const char *text = (const char *)data;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return 0;
	pxecfg_conf_init(c);
	if (pxecfg_conf_parse(c, text, size, "f", &err) == -1 ||
	    pxecfg_conf_check(c, &err) == -1) {
		if (strncmp(err.msg, "f:", 2) != 0)
			abort();
	} else
		render_all(c, text, size);
	pxecfg_conf_free(c);
	free(c);
	return 0;
}
