// SPDX-License-Identifier: ISC
/*
 * Paths under the starter root: joining two parts within PATH_MAX, and
 * `mkdir -p'.  Both build.c (the root's directories, busybox, scripts) and
 * modules.c (lib/modules/<version>/...) use them, so they live in neither.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "common/log.h"
#include "mkrootfs/starter/starter.h"

int
path_join(char *out, const char *a, const char *b)
{
	if ((size_t)snprintf(out, PATH_MAX, "%s/%s", a, b) >= PATH_MAX) {
		log_warnx("%s/%s: path too long", a, b);
		return -1;
	}
	return 0;
}

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
