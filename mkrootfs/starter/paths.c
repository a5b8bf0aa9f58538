// SPDX-License-Identifier: ISC
/*
 * `mkdir -p' under the starter root: both build.c (the root's directories,
 * busybox, scripts) and modules.c (lib/modules/<version>/...) use it, so it
 * lives in neither.  Joining paths is common/path.c.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "common/log.h"
#include "mkrootfs/starter/starter.h"

int
mkdirs_p(const char *dir)
{
	char path[PATH_MAX], *p, c;

	if (strlcpy(path, dir, sizeof(path)) >= sizeof(path)) {
		log_warnx("%s: path too long", dir);
		return -1;
	}
	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(path, 0755) == -1 && errno != EEXIST) {
			log_warn("%s", path);
			return -1;
		}
		if ((*p = c) == '\0')
			return 0;
	}
}
