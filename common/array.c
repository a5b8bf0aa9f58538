// SPDX-License-Identifier: ISC
/* Growable arrays: a capacity kept beside the array, or implied by n. */
#include <stdlib.h>
#include <string.h>

#include "common/array.h"

/* *vp reallocated to ncap elements of size bytes; -1 leaves it. */
static int
resize(void *vp, size_t ncap, size_t size)
{
	void **pp = vp;
	void *v;

	if ((v = reallocarray(*pp, ncap, size)) == NULL)
		return -1;
	*pp = v;
	return 0;
}

int
array_grow(void *vp, size_t *cap, size_t n, size_t size)
{
	size_t ncap;

	if (n < *cap)
		return 0;
	ncap = *cap == 0 ? 16 : *cap * 2;
	if (resize(vp, ncap, size) == -1)
		return -1;
	*cap = ncap;
	return 0;
}

int
array_push(void *vp, size_t *n, size_t size)
{
	void **pp = vp;

	/* Full when *n is 0 or a power of two: 1, 2, 4, 8, ... */
	if ((*n & (*n - 1)) == 0 &&
	    resize(vp, *n == 0 ? 1 : *n * 2, size) == -1)
		return -1;
	memset((char *)*pp + *n * size, 0, size);
	(*n)++;
	return 0;
}
