// SPDX-License-Identifier: ISC
/*
 * nbxattr: sets or prints one extended attribute of a file without
 * following symbolic links, for the mkrootfs tests (the attr package's
 * setfattr/getfattr are not among the suite's dependencies).
 *   nbxattr set PATH NAME VALUE
 *   nbxattr get PATH NAME        prints VALUE and a newline
 */
#include <sys/xattr.h>

#include <err.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

int
main(int argc, char *argv[])
{
	char buf[4096];
	ssize_t n;

	if (argc == 5 && strcmp(argv[1], "set") == 0) {
		if (lsetxattr(argv[2], argv[3], argv[4], strlen(argv[4]), 0) ==
		    -1)
			err(EX_OSERR, "%s: %s", argv[2], argv[3]);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "get") == 0) {
		if ((n = lgetxattr(argv[2], argv[3], buf, sizeof(buf))) == -1)
			err(EX_OSERR, "%s: %s", argv[2], argv[3]);
		printf("%.*s\n", (int)n, buf);
		return 0;
	}
	fprintf(stderr, "usage: nbxattr set PATH NAME VALUE | get PATH NAME\n");
	return EX_USAGE;
}
