// SPDX-License-Identifier: ISC
/*
 * readloop STOPFILE MAXSECS PATH GOOD...: reads PATH again and again, as a
 * booting node would, until STOPFILE exists, MAXSECS pass or a million
 * reads are done, and checks that every read returns exactly one of the
 * GOOD files' contents: never a missing, empty, partial or mixed file.
 * It pauses 0.1 ms between reads.
 * Prints "N reads: n1 n2 ..." (how many matched each GOOD file); exits 1
 * on the first bad read, saying what it saw.  Used by it_pxecfg_atomic.sh.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/fileio.h"
#include "common/monotime.h"

#define GOOD_MAX	8
#define READ_MAX	1000000L

static double
now(void)
{
	return (double)mono_ms() / 1e3;
}

int
main(int argc, char *argv[])
{
	char *good[GOOD_MAX], *buf;
	size_t glen[GOOD_MAX], len;
	long count[GOOD_MAX] = { 0 }, n = 0;
	double end;
	int i, ngood = argc - 4, k;

	if (argc < 5 || ngood > GOOD_MAX)
		errx(2, "usage: readloop stopfile maxsecs path good...");
	for (i = 0; i < ngood; i++)
		if (file_read(argv[4 + i], 1 << 20, &good[i], &glen[i]) == -1)
			err(2, "%s", argv[4 + i]);
	end = now() + atof(argv[2]);
	while (n < READ_MAX && now() < end && access(argv[1], F_OK) == -1) {
		if (file_read(argv[3], 1 << 20, &buf, &len) == -1)
			err(1, "read %ld: %s", n, argv[3]);
		for (k = 0; k < ngood; k++)
			if (len == glen[k] && memcmp(buf, good[k], len) == 0)
				break;
		if (k == ngood)
			errx(1, "read %ld: %zu bytes matching no good file:\n%s",
			    n, len, buf);
		count[k]++;
		n++;
		free(buf);
		usleep(100);	/* a reader, not a CPU hog on a shared box */
	}
	printf("%ld reads:", n);
	for (k = 0; k < ngood; k++)
		printf(" %ld", count[k]);
	printf("\n");
	return 0;
}
