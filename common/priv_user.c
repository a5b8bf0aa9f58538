// SPDX-License-Identifier: ISC
/*
 * priv_drop(): the user name lookup in front of priv_drop_ids(), in an
 * object of its own so that only programs that name a user link getpwnam()
 * (see priv.c).  The lookup happens before the chroot, which has no
 * /etc/passwd.
 */
#include <pwd.h>
#include <sysexits.h>

#include "log.h"
#include "priv.h"

void
priv_drop(const struct priv_spec *ps)
{
	struct passwd *pw;
	struct priv_ids ids;

	if (ps->user == NULL) {
		priv_drop_ids(ps, NULL);
		return;
	}
	log_setfatalstatus(EX_NOPERM);
	if ((pw = getpwnam(ps->user)) == NULL)
		fatalx("unknown user %s", ps->user);
	ids.uid = pw->pw_uid;
	ids.gid = pw->pw_gid;
	ids.name = ps->user;
	priv_drop_ids(ps, &ids);
}
