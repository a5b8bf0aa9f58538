// SPDX-License-Identifier: ISC
/*
 * Path policy for requested file names; see tftp_path.h.  The check works
 * on components, not substrings: "a..b" is a fine name, "a/../b" is not,
 * and a match on a served directory must end at a '/' so that /tftpbootx
 * is not inside /tftpboot (the strstr("/../") and prefix traps of older
 * servers).
 */
#include <string.h>

#include "in.tftpd/tftp_path.h"

static bool
has_ctrl(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
			return true;
	return false;
}

/* Length of dir without trailing slashes ("/" stays 0: every name). */
static size_t
dir_len(const char *dir)
{
	size_t n = strlen(dir);

	while (n > 0 && dir[n - 1] == '/')
		n--;
	return n;
}

/* The rest of an absolute name inside one of dirs, or NULL. */
static const char *
strip_dir(const char *name, const char *const *dirs, size_t ndirs,
    size_t *which)
{
	size_t i, n;

	for (i = 0; i < ndirs; i++) {
		n = dir_len(dirs[i]);
		if (strncmp(name, dirs[i], n) == 0 && name[n] == '/') {
			*which = i;
			return name + n;
		}
	}
	return NULL;
}

/* Copies the components of rel into out, dropping "" and ".". */
static int
copy_components(const char *rel, char *out, size_t outsz,
    const char **errstr)
{
	const char *p = rel, *slash;
	size_t n, o = 0;

	for (; *p != '\0'; p = *slash == '/' ? slash + 1 : slash) {
		if ((slash = strchr(p, '/')) == NULL)
			slash = p + strlen(p);
		n = (size_t)(slash - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			*errstr = "\"..\" in path";
			return -1;
		}
		if (o + (o > 0) + n + 1 > outsz) {
			*errstr = "path too long";
			return -1;
		}
		if (o > 0)
			out[o++] = '/';
		memcpy(out + o, p, n);
		o += n;
	}
	if (o == 0 || (*rel != '\0' && rel[strlen(rel) - 1] == '/')) {
		*errstr = "not a file name";
		return -1;
	}
	out[o] = '\0';
	return 0;
}

int
tftp_path_resolve(const char *name, bool secure, const char *const *dirs,
    size_t ndirs, char *out, size_t outsz, size_t *which,
    const char **errstr)
{
	const char *rel = name;

	*which = 0;
	if (has_ctrl(name)) {
		*errstr = "control character in name";
		return -1;
	}
	if (!secure && name[0] == '/' &&
	    (rel = strip_dir(name, dirs, ndirs, which)) == NULL) {
		*errstr = "outside the served directories";
		return -1;
	}
	if (!secure && ndirs == 0) {
		*errstr = "no served directory";
		return -1;
	}
	return copy_components(rel, out, outsz, errstr);
}
