// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/bmc_cmd.c: the exact argv wakeup runs for each
 * operation, through ipmitool and redfishtool (the Redfish path has no BMC
 * to test against here: this is its test), with the password in none of
 * them; the secret each client reads on fd 3 (a line, or JSON with quotes
 * escaped); the power state read from each client's answer.
 */
#include <string.h>

#include "tests.h"

#include "wakeup/bmc_cmd.h"

#define PASS	"s3\"cr\\et"

static const struct bmc_ent ipmi = {
	.name = "node1", .kind = BMC_IPMI, .addr = "192.0.2.21",
	.user = "admin"
};
static const struct bmc_ent redfish = {
	.name = "node2", .kind = BMC_REDFISH, .addr = "198.51.100.12:8443",
	.user = "root"
};

/* av joined by blanks, and no password in any of it. */
static const char *
joined(const struct bmc_ent *e, enum bmc_op op)
{
	static char buf[512];
	const char *av[BMC_ARGV_MAX];
	int n, i;

	n = bmc_argv(e, op, av);
	ck_assert_int_lt(n, BMC_ARGV_MAX);
	ck_assert_ptr_null(av[n]);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		ck_assert_ptr_null(strstr(av[i], "s3"));
		/* the password options: ipmitool's -P, redfishtool's -p */
		if (e->kind == BMC_IPMI)
			ck_assert_str_ne(av[i], "-P");
		ck_assert_str_ne(av[i], "-p");
		ck_assert_ptr_null(strstr(av[i], "--password"));
		/* nor the environment (ipmitool -E) */
		ck_assert_str_ne(av[i], "-E");
		if (i > 0)
			strlcat(buf, " ", sizeof(buf));
		strlcat(buf, av[i], sizeof(buf));
	}
	return buf;
}

#define IPMITOOL "ipmitool -I lanplus -C 3 -N 2 -R 2 -H 192.0.2.21 -U admin " \
    "-f /dev/fd/3 "
#define REDFISHTOOL "redfishtool -r 198.51.100.12:8443 -c /dev/fd/3 " \
    "-S Always -T 10 Systems -F "

START_TEST(test_argv_ipmi)
{
	ck_assert_str_eq(joined(&ipmi, BMC_BOOTDEV),
	    IPMITOOL "chassis bootdev pxe");
	ck_assert_str_eq(joined(&ipmi, BMC_ON), IPMITOOL "power on");
	ck_assert_str_eq(joined(&ipmi, BMC_CYCLE), IPMITOOL "power cycle");
	ck_assert_str_eq(joined(&ipmi, BMC_OFF), IPMITOOL "power off");
	ck_assert_str_eq(joined(&ipmi, BMC_STATUS), IPMITOOL "power status");
}
END_TEST

START_TEST(test_argv_redfish)
{
	ck_assert_str_eq(joined(&redfish, BMC_BOOTDEV),
	    REDFISHTOOL "setBootOverride Once Pxe");
	ck_assert_str_eq(joined(&redfish, BMC_ON), REDFISHTOOL "reset On");
	ck_assert_str_eq(joined(&redfish, BMC_CYCLE),
	    REDFISHTOOL "reset ForceRestart");
	ck_assert_str_eq(joined(&redfish, BMC_OFF),
	    REDFISHTOOL "reset ForceOff");
	ck_assert_str_eq(joined(&redfish, BMC_STATUS),
	    REDFISHTOOL "get -P PowerState");
	ck_assert_str_eq(bmc_op_name(BMC_BOOTDEV), "network boot once");
}
END_TEST

START_TEST(test_secret)
{
	char buf[BMC_SECRET_MAX], tiny[8];

	ck_assert_int_eq(bmc_secret(&ipmi, PASS, buf, sizeof(buf)),
	    (ssize_t)strlen(PASS "\n"));
	ck_assert_str_eq(buf, PASS "\n");
	ck_assert_int_eq(bmc_secret(&redfish, PASS "\001", buf, sizeof(buf)),
	    (ssize_t)strlen(buf));
	ck_assert_str_eq(buf, "{\"user\": \"root\", \"password\": "
	    "\"s3\\\"cr\\\\et\\u0001\"}\n");
	ck_assert_int_eq(bmc_secret(&ipmi, PASS, tiny, sizeof(tiny)), -1);
	ck_assert_int_eq(bmc_secret(&redfish, PASS, tiny, sizeof(tiny)), -1);
}
END_TEST

START_TEST(test_power_parse)
{
	ck_assert_int_eq(bmc_power_parse(BMC_IPMI, "Chassis Power is on\n"), 1);
	ck_assert_int_eq(bmc_power_parse(BMC_IPMI, "Chassis Power is off\n"),
	    0);
	ck_assert_int_eq(bmc_power_parse(BMC_IPMI, "Error: Unable to "
	    "establish IPMI v2 / RMCP+ session\n"), -1);
	ck_assert_int_eq(bmc_power_parse(BMC_REDFISH,
	    "{\n    \"PowerState\": \"On\"\n}\n"), 1);
	ck_assert_int_eq(bmc_power_parse(BMC_REDFISH,
	    "{\"PowerState\":\"Off\"}"), 0);
	ck_assert_int_eq(bmc_power_parse(BMC_REDFISH,
	    "{\"PowerState\": \"PoweringOn\"}"), -1);
	ck_assert_int_eq(bmc_power_parse(BMC_REDFISH, "{\"PowerState\": 1}"),
	    -1);
	ck_assert_int_eq(bmc_power_parse(BMC_REDFISH, ""), -1);
}
END_TEST

Suite *
bmc_cmd_suite(void)
{
	Suite *s = suite_create("bmc_cmd");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_argv_ipmi);
	tcase_add_test(tc, test_argv_redfish);
	tcase_add_test(tc, test_secret);
	tcase_add_test(tc, test_power_parse);
	suite_add_tcase(s, tc);
	return s;
}
