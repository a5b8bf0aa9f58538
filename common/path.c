// SPDX-License-Identifier: ISC
/* Joining a directory and a name into a bounded path. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "common/log.h"
#include "common/path.h"

int
path_join(char *out, const char *dir, const char *name)
{
	int n = snprintf(out, PATH_MAX, "%s/%s", dir, name);

	if (n < 0 || n >= PATH_MAX) {
		log_warnx("%s/%s: path too long", dir, name);
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}
