/* SPDX-License-Identifier: ISC */
/*
 * Growable arrays of fixed-size elements, the tables the parsers fill
 * (ethers, hosts, pxelinux labels and menus, dhcpconf's tables, pxecfg-gen's
 * nodes).  The capacity doubles, so n appends cost O(n) copies.  No I/O;
 * -1 with errno ENOMEM leaves the array as it was.
 */
#ifndef NB_ARRAY_H
#define NB_ARRAY_H

#include <stddef.h>

/*
 * Makes room for element n of the array *vp (elements of size bytes)
 * whose capacity is *cap: when n has reached it, the capacity doubles
 * (16 elements at first).  0 or -1.
 */
int	array_grow(void *vp, size_t *cap, size_t n, size_t size);
/*
 * Appends one zeroed element to the array *vp of *n elements of size
 * bytes, for arrays that keep no capacity: theirs is *n rounded up to a
 * power of two, which holds as long as only array_push() grows them.
 * 0 or -1.
 */
int	array_push(void *vp, size_t *n, size_t size);

#endif
