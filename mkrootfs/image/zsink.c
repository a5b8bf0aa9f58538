// SPDX-License-Identifier: ISC
/*
 * Compressed output, replaced atomically (common/atomic.h): data goes
 * through zlib (gzip wrapper, what `gzip -c' makes) or libzstd (one zstd
 * frame) or straight through, into a temporary file beside the target,
 * unnamed until the end (so even SIGKILL leaves nothing), which is
 * fsync()ed and renamed over it only when everything succeeded.  A node
 * booting meanwhile reads the whole old or the whole new image.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "common/atomic.h"
#include "common/fileio.h"
#include "common/log.h"
#include "mkrootfs/image/image.h"
#include "mkrootfs/interrupt.h"

#define ZOUT	(128 * 1024)

struct zsink {
	enum mkr_comp		 comp;
	struct atomic_file	 af;
	z_stream		 zs;
	ZSTD_CStream		*zc;
	uint8_t			 out[ZOUT];
};

static int
put(struct zsink *z, const void *p, size_t n)
{
	if (write_all(z->af.fd, p, n) == -1) {
		log_warn("%s", z->af.path);
		return -1;
	}
	return 0;
}

static int
gz_run(struct zsink *z, const void *p, size_t n, int flush)
{
	int r;

	z->zs.next_in = (Bytef *)(uintptr_t)p;
	z->zs.avail_in = (uInt)n;
	do {
		z->zs.next_out = z->out;
		z->zs.avail_out = ZOUT;
		r = deflate(&z->zs, flush);
		if (r == Z_STREAM_ERROR) {
			log_warnx("zlib: %s", z->zs.msg ? z->zs.msg : "error");
			return -1;
		}
		if (put(z, z->out, ZOUT - z->zs.avail_out) == -1)
			return -1;
	} while (z->zs.avail_out == 0 || (flush == Z_FINISH &&
	    r != Z_STREAM_END));
	return 0;
}

static int
zst_run(struct zsink *z, const void *p, size_t n, ZSTD_EndDirective end)
{
	ZSTD_inBuffer in = { p, n, 0 };
	ZSTD_outBuffer out;
	size_t left;

	do {
		out.dst = z->out;
		out.size = ZOUT;
		out.pos = 0;
		left = ZSTD_compressStream2(z->zc, &out, &in, end);
		if (ZSTD_isError(left)) {
			log_warnx("zstd: %s", ZSTD_getErrorName(left));
			return -1;
		}
		if (put(z, z->out, out.pos) == -1)
			return -1;
	} while (end == ZSTD_e_end ? left != 0 : in.pos < in.size);
	return 0;
}

static int
start(struct zsink *z, int level)
{
	long ncpu;

	switch (z->comp) {
	case COMP_GZIP:
		/*
		 * windowBits 15 + 16: the gzip wrapper, as gzip(1) writes.
		 * Level 6 as gzip's default: level 9 costs five times the
		 * time for 1 % (bench/bench_mkrootfs.sh).
		 */
		if (deflateInit2(&z->zs, level < 0 ? 6 : level, Z_DEFLATED,
		    15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
			log_warnx("zlib: deflateInit2 failed");
			return -1;
		}
		return 0;
	case COMP_ZSTD:
		if ((z->zc = ZSTD_createCStream()) == NULL ||
		    ZSTD_isError(ZSTD_CCtx_setParameter(z->zc,
		    ZSTD_c_compressionLevel, level < 0 ? 9 : level)) ||
		    ZSTD_isError(ZSTD_CCtx_setParameter(z->zc,
		    ZSTD_c_checksumFlag, 1))) {
			log_warnx("zstd: cannot set up the compressor");
			return -1;
		}
		/*
		 * A worker per CPU when libzstd has threads (Debian's does);
		 * the output does not depend on how many.  Else one thread.
		 */
		if ((ncpu = sysconf(_SC_NPROCESSORS_ONLN)) > 1)
			(void)ZSTD_CCtx_setParameter(z->zc, ZSTD_c_nbWorkers,
			    (int)(ncpu > 8 ? 8 : ncpu));
		return 0;
	default:
		return 0;
	}
}

struct zsink *
zsink_open(const struct mkr *m, const char *path)
{
	struct zsink *z;

	if ((z = calloc(1, sizeof(*z))) == NULL) {
		log_warn("%s", path);
		return NULL;
	}
	z->comp = m->comp;
	if (atomic_open(&z->af, path, 0644) == -1) {
		log_warn("%s", path);
		free(z);
		return NULL;
	}
	if (start(z, m->level) == -1) {
		zsink_abort(z);
		return NULL;
	}
	return z;
}

int
zsink_write(struct zsink *z, const void *p, size_t n)
{
	if (n == 0)
		return 0;
	switch (z->comp) {
	case COMP_GZIP:
		return gz_run(z, p, n, Z_NO_FLUSH);
	case COMP_ZSTD:
		return zst_run(z, p, n, ZSTD_e_continue);
	default:
		return put(z, p, n);
	}
}

static void
zsink_free(struct zsink *z)
{
	if (z->comp == COMP_GZIP)
		deflateEnd(&z->zs);
	/*
	 * Freeing a zstd context waits for its workers' jobs: many seconds
	 * at level 19.  After an interrupt the process exits next, which
	 * ends them at once.
	 */
	if (z->comp == COMP_ZSTD && mkr_interrupted())
		return;
	ZSTD_freeCStream(z->zc);
	free(z);
}

int
zsink_commit(struct zsink *z)
{
	int r = 0;

	if (z->comp == COMP_GZIP)
		r = gz_run(z, NULL, 0, Z_FINISH);
	else if (z->comp == COMP_ZSTD)
		r = zst_run(z, NULL, 0, ZSTD_e_end);
	if (r == 0 && mkr_interrupted())
		r = -1;
	if (r == -1) {
		zsink_abort(z);
		return -1;
	}
	if (atomic_commit(&z->af) == -1) {
		log_warn("%s", z->af.path);
		zsink_free(z);
		return -1;
	}
	log_info("%s: written", z->af.path);
	zsink_free(z);
	return 0;
}

void
zsink_abort(struct zsink *z)
{
	atomic_abort(&z->af);
	zsink_free(z);
}
