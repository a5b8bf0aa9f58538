// SPDX-License-Identifier: ISC
/*
 * priv_drop(): chroot, switch user, keep an explicit capability set, set
 * no_new_privs, then check that all of it took.  Modelled on OpenBSD
 * ntpd's ntp_main() sequence and dnsmasq's capability block; libcap does
 * the capability work.  Verification reads the state back from the kernel
 * rather than trusting the return codes.  The user name lookup is in
 * priv_user.c, so that a static program that never names a user does not
 * link getpwnam() (glibc's NSS wants its shared libraries at run time).
 */
#include <sys/prctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <grp.h>
#include <sysexits.h>
#include <unistd.h>

#include "log.h"
#include "priv.h"

static void
priv_chroot(const struct priv_spec *ps)
{
	struct stat st;

	if (stat(ps->chroot, &st) == -1)
		fatal("stat %s", ps->chroot);
	if (!S_ISDIR(st.st_mode))
		fatalx("%s: not a directory", ps->chroot);
	if (!ps->writable_root &&
	    (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0))
		fatalx("%s: must be owned by root and not group or world "
		    "writable", ps->chroot);
	if (chroot(ps->chroot) == -1)
		fatal("chroot %s", ps->chroot);
	if (chdir("/") == -1)
		fatal("chdir /");
}

static bool
kept(const struct priv_spec *ps, cap_value_t c)
{
	size_t i;

	for (i = 0; i < ps->nkeep; i++)
		if (ps->keep[i] == c)
			return true;
	return false;
}

static void
priv_caps(const struct priv_spec *ps)
{
	cap_t caps;

	if ((caps = cap_init()) == NULL)
		fatal("cap_init");
	if (ps->nkeep > 0 &&
	    (cap_set_flag(caps, CAP_PERMITTED, (int)ps->nkeep, ps->keep,
	    CAP_SET) == -1 ||
	    cap_set_flag(caps, CAP_EFFECTIVE, (int)ps->nkeep, ps->keep,
	    CAP_SET) == -1))
		fatal("cap_set_flag");
	if (cap_set_proc(caps) == -1)
		fatal("cap_set_proc");
	cap_free(caps);
	if (CAP_AMBIENT_SUPPORTED() && cap_reset_ambient() == -1)
		fatal("cap_reset_ambient");
}

void
priv_drop_ids(const struct priv_spec *ps, const struct priv_ids *ids)
{
	const char *errstr;
	uid_t uid = ids != NULL ? ids->uid : geteuid();
	gid_t gid = ids != NULL ? ids->gid : getegid();
	cap_value_t c;

	log_setfatalstatus(EX_NOPERM);
	if (ps->chroot != NULL)
		priv_chroot(ps);
	/* Without CAP_SETPCAP (not root) the bounding set stays; EPERM. */
	for (c = 0; c <= CAP_LAST_CAP; c++)
		if (!kept(ps, c) && cap_get_bound(c) == 1 &&
		    cap_drop_bound(c) == -1 && errno != EPERM)
			fatal("cap_drop_bound");
	if (ids != NULL) {
		if (ps->nkeep > 0 && prctl(PR_SET_KEEPCAPS, 1L) == -1)
			fatal("PR_SET_KEEPCAPS");
		if (setgroups(1, &gid) == -1 ||
		    setresgid(gid, gid, gid) == -1 ||
		    setresuid(uid, uid, uid) == -1)
			fatal("cannot drop privileges to %s", ids->name);
		if (ps->nkeep > 0 && prctl(PR_SET_KEEPCAPS, 0L) == -1)
			fatal("PR_SET_KEEPCAPS");
	}
	priv_caps(ps);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) == -1)
		fatal("PR_SET_NO_NEW_PRIVS");
	if (priv_verify(uid, gid, ids != NULL, ps->keep, ps->nkeep, &errstr) ==
	    -1)
		fatalx("privilege drop not verified: %s", errstr);
	log_setfatalstatus(1);
}

static int
caps_exact(const cap_value_t *keep, size_t nkeep)
{
	cap_t want, have;
	int r;

	if ((want = cap_init()) == NULL)
		return -1;
	if (nkeep > 0 &&
	    (cap_set_flag(want, CAP_PERMITTED, (int)nkeep, keep, CAP_SET) ==
	    -1 ||
	    cap_set_flag(want, CAP_EFFECTIVE, (int)nkeep, keep, CAP_SET) ==
	    -1)) {
		cap_free(want);
		return -1;
	}
	if ((have = cap_get_proc()) == NULL) {
		cap_free(want);
		return -1;
	}
	r = cap_compare(want, have) == 0 ? 0 : -1;
	cap_free(want);
	cap_free(have);
	return r;
}

int
priv_verify(uid_t uid, gid_t gid, bool groups, const cap_value_t *keep,
    size_t nkeep, const char **errstr)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg, gl[2];
	int ng;

	if (getresuid(&ru, &eu, &su) == -1 || ru != uid || eu != uid ||
	    su != uid) {
		*errstr = "user ids differ";
		return -1;
	}
	if (getresgid(&rg, &eg, &sg) == -1 || rg != gid || eg != gid ||
	    sg != gid) {
		*errstr = "group ids differ";
		return -1;
	}
	if (groups) {
		ng = getgroups(2, gl);
		if (ng > 1 || (ng == 1 && gl[0] != gid)) {
			*errstr = "supplementary groups remain";
			return -1;
		}
	}
	if (caps_exact(keep, nkeep) == -1) {
		*errstr = "capability sets differ from the kept set";
		return -1;
	}
	if (prctl(PR_GET_NO_NEW_PRIVS, 0L, 0L, 0L, 0L) != 1) {
		*errstr = "no_new_privs not set";
		return -1;
	}
	return 0;
}
