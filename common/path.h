/* SPDX-License-Identifier: ISC */
/*
 * Path names for the shells that build trees of files (mkrootfs's
 * starter root, pxecfg-gen's pxelinux.cfg/ and ipxe/ files).  Shell code:
 * a path too long is logged.
 */
#ifndef NB_PATH_H
#define NB_PATH_H

/*
 * dir/name into out (PATH_MAX bytes): 0, or -1 (errno ENAMETOOLONG) with
 * "dir/name: path too long" logged when it does not fit.
 */
int	path_join(char *out, const char *dir, const char *name);

#endif
