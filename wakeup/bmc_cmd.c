// SPDX-License-Identifier: ISC
/*
 * argv, secret and status output of the BMC clients (see bmc_cmd.h).
 * ipmitool: cipher suite 3 (RAKP-HMAC-SHA1, the one every IPMI 2.0 BMC
 * has; without -C ipmitool first asks for suite 17 and an older BMC makes
 * each call wait 10 s), a 2 s timeout and 2 retries per request, so a BMC
 * that does not answer is known within seconds; the chassis commands are
 * ipmitool(1)'s.  redfishtool: the first system of the service
 * (Systems -F), https always, 10 s per request; ResetType and
 * BootSourceOverride values are Redfish's (DSP0268 ComputerSystem).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bmc_cmd.h"

#define SECRET_PATH	"/dev/fd/3"

static const char *const ipmi_op[][3] = {
	[BMC_BOOTDEV] = { "chassis", "bootdev", "pxe" },
	[BMC_ON] = { "power", "on", NULL },
	[BMC_CYCLE] = { "power", "cycle", NULL },
	[BMC_OFF] = { "power", "off", NULL },
	[BMC_STATUS] = { "power", "status", NULL }
};

static const char *const redfish_op[][4] = {
	[BMC_BOOTDEV] = { "setBootOverride", "Once", "Pxe", NULL },
	[BMC_ON] = { "reset", "On", NULL, NULL },
	[BMC_CYCLE] = { "reset", "ForceRestart", NULL, NULL },
	[BMC_OFF] = { "reset", "ForceOff", NULL, NULL },
	[BMC_STATUS] = { "get", "-P", "PowerState", NULL }
};

const char *
bmc_op_name(enum bmc_op op)
{
	static const char *const names[] = {
		[BMC_BOOTDEV] = "network boot once", [BMC_ON] = "power on",
		[BMC_CYCLE] = "power cycle", [BMC_OFF] = "power off",
		[BMC_STATUS] = "power status"
	};

	return names[op];
}

int
bmc_argv(const struct bmc_ent *e, enum bmc_op op,
    const char *av[BMC_ARGV_MAX])
{
	int n = 0, i;

	if (e->kind == BMC_IPMI) {
		av[n++] = "ipmitool";
		av[n++] = "-I";
		av[n++] = "lanplus";
		av[n++] = "-C";
		av[n++] = "3";
		av[n++] = "-N";
		av[n++] = "2";
		av[n++] = "-R";
		av[n++] = "2";
		av[n++] = "-H";
		av[n++] = e->addr;
		av[n++] = "-U";
		av[n++] = e->user;
		av[n++] = "-f";
		av[n++] = SECRET_PATH;
		for (i = 0; i < 3 && ipmi_op[op][i] != NULL; i++)
			av[n++] = ipmi_op[op][i];
	} else {
		av[n++] = "redfishtool";
		av[n++] = "-r";
		av[n++] = e->addr;
		av[n++] = "-c";
		av[n++] = SECRET_PATH;
		av[n++] = "-S";
		av[n++] = "Always";
		av[n++] = "-T";
		av[n++] = "10";
		av[n++] = "Systems";
		av[n++] = "-F";
		for (i = 0; i < 4 && redfish_op[op][i] != NULL; i++)
			av[n++] = redfish_op[op][i];
	}
	av[n] = NULL;
	return n;
}

/* s as a JSON string's contents (RFC 8259, 7) at *pos; false if full. */
static bool
json_put(char *buf, size_t bufsz, size_t *pos, const char *s)
{
	int r;

	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			r = snprintf(buf + *pos, bufsz - *pos, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			r = snprintf(buf + *pos, bufsz - *pos, "\\u%04x",
			    (unsigned char)*s);
		else
			r = snprintf(buf + *pos, bufsz - *pos, "%c", *s);
		if (r < 0 || (size_t)r >= bufsz - *pos)
			return false;
		*pos += (size_t)r;
	}
	return true;
}

ssize_t
bmc_secret(const struct bmc_ent *e, const char *pass, char *buf,
    size_t bufsz)
{
	size_t pos = 0;
	int r;

	if (e->kind == BMC_IPMI) {
		r = snprintf(buf, bufsz, "%s\n", pass);
		return r < 0 || (size_t)r >= bufsz ? -1 : r;
	}
	if (strlcpy(buf, "{\"user\": \"", bufsz) >= bufsz)
		return -1;
	pos = strlen(buf);
	if (!json_put(buf, bufsz, &pos, e->user) ||
	    (r = snprintf(buf + pos, bufsz - pos, "\", \"password\": \"")) <
	    0 || (size_t)r >= bufsz - pos)
		return -1;
	pos += (size_t)r;
	if (!json_put(buf, bufsz, &pos, pass) ||
	    (r = snprintf(buf + pos, bufsz - pos, "\"}\n")) < 0 ||
	    (size_t)r >= bufsz - pos)
		return -1;
	return (ssize_t)(pos + (size_t)r);
}

int
bmc_power_parse(enum bmc_kind k, const char *out)
{
	const char *p;

	if (k == BMC_IPMI) {
		/* ipmitool: "Chassis Power is on" */
		if ((p = strstr(out, "Chassis Power is ")) == NULL)
			return -1;
		p += strlen("Chassis Power is ");
	} else {
		/* redfishtool: {"PowerState": "On"} */
		if ((p = strstr(out, "\"PowerState\"")) == NULL)
			return -1;
		p += strlen("\"PowerState\"");
		p += strspn(p, " \t\r\n:");
		if (*p++ != '"')
			return -1;
	}
	if (strncasecmp(p, "on", 2) == 0)
		return 1;
	if (strncasecmp(p, "off", 3) == 0)
		return 0;
	return -1;
}
