// SPDX-License-Identifier: ISC
/*
 * Target resolution (see wol_target.h).  A string that parses as a MAC is
 * a MAC, whatever ethers says, as in ether-wake, which tries
 * ether_aton() before ether_hostton().
 */
#include <string.h>

#include "wol_target.h"

int
wol_target_resolve(const char *arg, const struct ethers *e,
    struct wol_target *t, const char **errstr)
{
	const struct ethers_ent *ent;

	memset(t, 0, sizeof(*t));
	if (mac_parse(arg, t->mac) == 0) {
		if ((ent = ethers_by_mac(e, t->mac)) != NULL)
			strlcpy(t->name, ent->name, sizeof(t->name));
		return 0;
	}
	if (text_hostname_ok(arg) && (ent = ethers_by_name(e, arg)) != NULL) {
		memcpy(t->mac, ent->mac, MAC_LEN);
		strlcpy(t->name, ent->name, sizeof(t->name));
		return 0;
	}
	/* Hex digits and separators only: a MAC with a typo. */
	if (strspn(arg, "0123456789abcdefABCDEF:-.") == strlen(arg) &&
	    strpbrk(arg, ":-.") != NULL)
		*errstr = "malformed MAC address";
	else if (text_hostname_ok(arg))
		*errstr = "unknown host";
	else
		*errstr = "neither a MAC address nor a host name";
	return -1;
}

int
wol_target_ip(struct wol_target *t, const struct hosts *h,
    const char **errstr)
{
	const struct hosts_ent *ent;

	if (t->name[0] == '\0') {
		*errstr = "no host name for this MAC in ethers";
		return -1;
	}
	if (ip4_parse(t->name, &t->ip) == 0) {
		t->has_ip = true;
		return 0;
	}
	if ((ent = hosts_by_name(h, t->name)) == NULL) {
		*errstr = "not in hosts";
		return -1;
	}
	t->ip = ent->ip;
	t->has_ip = true;
	return 0;
}
