// SPDX-License-Identifier: ISC
/*
 * Unit tests for wakeup/wol_packet.c and wol_target.c: the exact bytes of
 * ether-wake's frame and payload, with and without a SecureOn password,
 * the password spellings, overflow, and target resolution.
 */
#include <string.h>

#include "tests.h"

#include "wakeup/wol_packet.h"
#include "wakeup/wol_target.h"

static const uint8_t target[MAC_LEN] = { 0xfe, 0xed, 0xfa, 0xce, 0xde, 0xad };
static const uint8_t src[MAC_LEN] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };

static void
check_payload(const uint8_t *p, size_t len, const struct wol_pw *pw)
{
	size_t i;

	ck_assert_uint_eq(len, 102 + pw->len);
	for (i = 0; i < 6; i++)
		ck_assert_uint_eq(p[i], 0xff);
	for (i = 0; i < 16; i++)
		ck_assert_mem_eq(p + 6 + i * 6, target, MAC_LEN);
	ck_assert_mem_eq(p + 102, pw->b, pw->len);
}

START_TEST(test_wol_payload)
{
	uint8_t buf[WOL_PAYLOAD_MAX];
	struct wol_pw pw = { .len = 0 };
	struct wbuf w;
	const char *errstr;

	wbuf_init(&w, buf, sizeof(buf));
	wol_payload_put(&w, target, &pw);
	ck_assert_int_eq(wbuf_len(&w), 102);
	check_payload(buf, 102, &pw);

	ck_assert_int_eq(wol_pw_parse("00:11:22:33:44:55", &pw, &errstr), 0);
	wbuf_init(&w, buf, sizeof(buf));
	wol_payload_put(&w, target, &pw);
	ck_assert_int_eq(wbuf_len(&w), 108);
	check_payload(buf, 108, &pw);
}
END_TEST

START_TEST(test_wol_frame)
{
	uint8_t buf[WOL_FRAME_MAX];
	struct wol_pw pw;
	struct wbuf w;
	const char *errstr;
	static const uint8_t bc[MAC_LEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};

	ck_assert_int_eq(wol_pw_parse("192.0.2.1", &pw, &errstr), 0);
	wbuf_init(&w, buf, sizeof(buf));
	wol_frame_put(&w, target, src, 0, &pw);
	ck_assert_int_eq(wbuf_len(&w), 14 + 106);
	ck_assert_mem_eq(buf, target, MAC_LEN);
	ck_assert_mem_eq(buf + 6, src, MAC_LEN);
	ck_assert_uint_eq(buf[12], 0x08);
	ck_assert_uint_eq(buf[13], 0x42);
	check_payload(buf + 14, 106, &pw);
	ck_assert_mem_eq(buf + 116, "\xc0\x00\x02\x01", 4);

	wbuf_init(&w, buf, sizeof(buf));
	wol_frame_put(&w, target, src, 1, NULL);
	ck_assert_int_eq(wbuf_len(&w), 14 + 102);
	ck_assert_mem_eq(buf, bc, MAC_LEN);

	/* Too small: the overflow is sticky, not a partial frame. */
	wbuf_init(&w, buf, 60);
	wol_frame_put(&w, target, src, 1, NULL);
	ck_assert_int_eq(wbuf_len(&w), -1);
}
END_TEST

static const struct {
	const char	*s;
	size_t		 len;
	const char	*bytes;
} pw_good[] = {
	{ "00:11:22:33:44:55", 6, "\x00\x11\x22\x33\x44\x55" },
	{ "a:B:c:D", 4, "\x0a\x0b\x0c\x0d" },
	{ "ff:0:1:fe:a:9", 6, "\xff\x00\x01\xfe\x0a\x09" },
	{ "192.0.2.1", 4, "\xc0\x00\x02\x01" },
	{ "255.255.255.0", 4, "\xff\xff\xff\x00" },
};

static const char *const pw_bad[] = {
	"", "1", "1:2:3", "1:2:3:4:5", "1:2:3:4:5:6:7", "100:2:3:4",
	"1:2:3:4:", ":1:2:3:4", "1::2:3:4", "g:1:2:3", "1.2.3", "1.2.3.4.5",
	"256.1.1.1", "1.2.3.a", "1.2.3.4 ", " 1.2.3.4", "1:2.3:4", "1234.1.1.1"
};

START_TEST(test_wol_pw_good)
{
	struct wol_pw pw;
	const char *errstr;

	ck_assert_int_eq(wol_pw_parse(pw_good[_i].s, &pw, &errstr), 0);
	ck_assert_uint_eq(pw.len, pw_good[_i].len);
	ck_assert_mem_eq(pw.b, pw_good[_i].bytes, pw.len);
}
END_TEST

START_TEST(test_wol_pw_bad)
{
	struct wol_pw pw = { .len = 99 };
	const char *errstr = NULL;

	ck_assert_int_eq(wol_pw_parse(pw_bad[_i], &pw, &errstr), -1);
	ck_assert_ptr_nonnull(errstr);
	ck_assert_uint_eq(pw.len, 99);
}
END_TEST

static const char ethers_txt[] =
    "fe:ed:fa:ce:de:ad node1\n"
    "be:ef:fe:ed:fa:ce node2\n"
    "02:00:00:00:00:09 192.0.2.9\n"
    "02:00:00:00:00:0a nohosts\n";
static const char hosts_txt[] =
    "192.0.2.11 node1.example node1\n"
    "192.0.2.12 node2\n";

START_TEST(test_wol_target)
{
	struct ethers e = { 0 };
	struct hosts h = { 0 };
	struct perr err;
	struct wol_target t;
	const char *errstr;

	ck_assert_int_eq(ethers_parse(&e, ethers_txt, strlen(ethers_txt),
	    "ethers", &err), 0);
	ck_assert_int_eq(hosts_parse(&h, hosts_txt, strlen(hosts_txt),
	    "hosts", &err), 0);

	ck_assert_int_eq(wol_target_resolve("node2", &e, &t, &errstr), 0);
	ck_assert_mem_eq(t.mac, "\xbe\xef\xfe\xed\xfa\xce", MAC_LEN);
	ck_assert_int_eq(wol_target_ip(&t, &h, &errstr), 0);
	ck_assert_uint_eq(t.ip, 0xc000020c);

	/* A MAC finds its name, and through it the address. */
	ck_assert_int_eq(wol_target_resolve("FE-ED-FA-CE-DE-AD", &e, &t,
	    &errstr), 0);
	ck_assert_str_eq(t.name, "node1");
	ck_assert_int_eq(wol_target_ip(&t, &h, &errstr), 0);
	ck_assert_uint_eq(t.ip, 0xc000020b);

	/* ethers(5) may give an address instead of a name. */
	ck_assert_int_eq(wol_target_resolve("192.0.2.9", &e, &t, &errstr), 0);
	ck_assert_int_eq(wol_target_ip(&t, &h, &errstr), 0);
	ck_assert_uint_eq(t.ip, 0xc0000209);

	ck_assert_int_eq(wol_target_resolve("nohosts", &e, &t, &errstr), 0);
	ck_assert_int_eq(wol_target_ip(&t, &h, &errstr), -1);
	ck_assert_str_eq(errstr, "not in hosts");
	ck_assert_int_eq(wol_target_resolve("00:11:22:33:44:55", &e, &t,
	    &errstr), 0);
	ck_assert_int_eq(wol_target_ip(&t, &h, &errstr), -1);
	ck_assert_str_eq(errstr, "no host name for this MAC in ethers");

	ck_assert_int_eq(wol_target_resolve("node9", &e, &t, &errstr), -1);
	ck_assert_str_eq(errstr, "unknown host");
	ck_assert_int_eq(wol_target_resolve("00:11:22:33:44", &e, &t,
	    &errstr), -1);
	ck_assert_str_eq(errstr, "malformed MAC address");
	ck_assert_int_eq(wol_target_resolve("00-11-22-33-44-5g", &e, &t,
	    &errstr), -1);
	ck_assert_str_eq(errstr, "unknown host");
	ck_assert_int_eq(wol_target_resolve("00:11:22:33:44:555", &e, &t,
	    &errstr), -1);
	ck_assert_str_eq(errstr, "malformed MAC address");
	ck_assert_int_eq(wol_target_resolve("a b", &e, &t, &errstr), -1);
	ck_assert_str_eq(errstr, "neither a MAC address nor a host name");
	ethers_free(&e);
	hosts_free(&h);
}
END_TEST

Suite *
wol_packet_suite(void)
{
	Suite *s = suite_create("wol_packet");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_wol_payload);
	tcase_add_test(tc, test_wol_frame);
	tcase_add_loop_test(tc, test_wol_pw_good, 0,
	    (int)(sizeof(pw_good) / sizeof(pw_good[0])));
	tcase_add_loop_test(tc, test_wol_pw_bad, 0,
	    (int)(sizeof(pw_bad) / sizeof(pw_bad[0])));
	tcase_add_test(tc, test_wol_target);
	suite_add_tcase(s, tc);
	return s;
}
