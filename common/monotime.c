// SPDX-License-Identifier: ISC
/*
 * CLOCK_MONOTONIC in milliseconds (or microseconds).  clock_gettime() cannot fail for this
 * clock on Linux (the clock exists and the pointer is ours).
 */
#include <time.h>

#include "common/monotime.h"

int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
