// SPDX-License-Identifier: ISC
/*
 * libFuzzer harness over wakeup's two log line parsers (in.tftpd's transfer
 * log and nginx's access log) and the sequencer's use of a record: any
 * bytes, read in either dialect, end in a clean refusal or a record
 * whose fields keep their bounds; a parsed record fed to the plan changes
 * at most the one node it names.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wakeup/wol_httplog.h"
#include "wakeup/wol_sched.h"
#include "wakeup/wol_xferlog.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
one(int (*parse)(const char *, size_t, struct xferlog_rec *, const char **),
    const uint8_t *data, size_t size)
{
	struct xferlog_rec r;
	struct wol_snode v[2] = {
		{ .ip = 0xc000020b, .bootfile = "rootfs.gz" },
		{ .ip = 0xc000020c, .bootfile = "boot/initrd.img" }
	};
	struct wol_sched s;
	struct wol_action a;
	const char *errstr = NULL;
	ssize_t i;

	if (parse((const char *)data, size, &r, &errstr) == -1) {
		if (errstr == NULL)
			abort();
		return;
	}
	if (strlen(r.file) >= sizeof(r.file) ||
	    strlen(r.fail) >= sizeof(r.fail) || r.file[0] == '/' ||
	    r.ok != (r.fail[0] == '\0') || r.end_ms < 0)
		abort();
	if (wol_sched_init(&s, v, 2, 2, true, 0, 1000, 0, &errstr) == -1)
		abort();
	wol_sched_next(&s, 0, &a);
	wol_sched_next(&s, 0, &a);
	i = wol_sched_xfer(&s, &r, 1);
	if (i != -1 && (v[i].state != WN_BOOTED || v[i].ip != r.ip ||
	    strcmp(v[i].bootfile, r.file) != 0 || s.busy != 1))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one(xferlog_parse, data, size);
	one(httplog_parse, data, size);
	return 0;
}
