/* SPDX-License-Identifier: ISC */
/*
 * Privilege drop on Linux (STYLE.md 3.7), in OpenBSD ntpd/tftpd order:
 * look the user up, chroot and chdir("/"), drop every capability outside
 * the kept set from the bounding set, setgroups/setresgid/setresuid, reduce
 * the permitted and effective sets to exactly the kept list, set
 * PR_SET_NO_NEW_PRIVS, then verify ids, groups and capability sets.  Any
 * failure or mismatch is fatal (exit EX_NOPERM).  Call it after opening
 * every socket, file and log the program needs and before reading the first
 * untrusted byte.
 */
#ifndef NB_PRIV_H
#define NB_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/capability.h>

struct priv_spec {
	const char		*user;	 /* NULL: keep the current ids */
	const char		*chroot; /* NULL: no chroot */
	/* Accept a chroot directory not owned by root or group/world
	 * writable (in.tftpd -c needs a writable root). */
	bool			 writable_root;
	const cap_value_t	*keep;	 /* capabilities kept, or NULL */
	size_t			 nkeep;
};

/* Ids already looked up (priv_drop_ids), e.g. before the chroot. */
struct priv_ids {
	uid_t		 uid;
	gid_t		 gid;
	const char	*name;	/* for messages */
};

/* Looks ps->user up (priv_user.c, getpwnam), then priv_drop_ids(). */
void	priv_drop(const struct priv_spec *);
/*
 * The drop itself, as ids (NULL: keep the current ids; ps->user is not
 * read).  A static program that names no user calls this, not priv_drop(),
 * and so links no getpwnam().
 */
void	priv_drop_ids(const struct priv_spec *, const struct priv_ids *);
/*
 * 0 if the real, effective and saved ids are uid/gid, the supplementary
 * groups are only gid (when `groups'), the permitted and effective sets are
 * exactly `keep', inheritable is empty and no_new_privs is set; else -1
 * with *errstr saying what differs.
 */
int	priv_verify(uid_t uid, gid_t gid, bool groups, const cap_value_t *keep,
	    size_t nkeep, const char **errstr);

#endif
