// SPDX-License-Identifier: ISC
/*
 * nbparse KIND FILE: runs one of common/'s parsers on FILE and prints what
 * it understood in a canonical form, or the parser's "file:line: reason"
 * and exit status EX_DATAERR.  KIND is ethers, hosts, tokens or dhcpconf
 * (dhcpd.conf printed back in config syntax, as dhcpd-pxe -T does).  The golden
 * tests (tests/golden/common) diff this output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "common/conftok.h"
#include "dhcpconf/dhcpconf.h"
#include "common/ethers.h"
#include "common/fileio.h"
#include "common/hosts.h"

static int
dump_ethers(const char *path, struct perr *err)
{
	struct ethers e = { 0 };
	char mac[MAC_STRLEN];
	size_t i;

	if (ethers_load(&e, path, err) == -1)
		return -1;
	for (i = 0; i < e.n; i++)
		printf("%u %s %s\n", e.v[i].line, mac_ntoa(e.v[i].mac, mac),
		    e.v[i].name);
	ethers_free(&e);
	return 0;
}

static int
dump_hosts(const char *path, struct perr *err)
{
	struct hosts h = { 0 };
	char ip[IP4_STRLEN];
	size_t i;

	if (hosts_load(&h, path, err) == -1)
		return -1;
	for (i = 0; i < h.n; i++)
		printf("%u %s %s%s\n", h.v[i].line, ip4_ntoa(h.v[i].ip, ip),
		    h.v[i].name, h.v[i].canonical ? "" : " (alias)");
	hosts_free(&h);
	return 0;
}

static int
dump_tokens(const char *path, struct perr *err)
{
	static const char *const names[] = { "eof", "word", "string",
	    "punct" };
	struct conftok c;
	struct conftok_tok t;
	char *buf;
	size_t len;
	int r;

	if (file_read(path, FILE_READ_MAX, &buf, &len) == -1) {
		perror(path);
		exit(EX_NOINPUT);
	}
	conftok_init(&c, buf, len, path);
	while ((r = conftok_next(&c, &t, err)) == 0 && t.type != CT_EOF)
		printf("%u %s %s\n", t.line, names[t.type], t.text);
	free(buf);
	return r;
}

static int
dump_dhcpconf(const char *path, struct perr *err)
{
	struct dhcpconf c;

	if (dhcpconf_load(&c, path, 0, &dhcpconf_files, err) == -1)
		return -1;
	dhcpconf_print(stdout, &c);
	dhcpconf_free(&c);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct perr err;
	int r;

	if (argc != 3) {
		fprintf(stderr, "usage: nbparse ethers|hosts|tokens|dhcpconf file\n");
		return EX_USAGE;
	}
	if (strcmp(argv[1], "ethers") == 0)
		r = dump_ethers(argv[2], &err);
	else if (strcmp(argv[1], "hosts") == 0)
		r = dump_hosts(argv[2], &err);
	else if (strcmp(argv[1], "tokens") == 0)
		r = dump_tokens(argv[2], &err);
	else if (strcmp(argv[1], "dhcpconf") == 0)
		r = dump_dhcpconf(argv[2], &err);
	else {
		fprintf(stderr, "nbparse: unknown kind %s\n", argv[1]);
		return EX_USAGE;
	}
	if (r == -1) {
		fflush(stdout);
		fprintf(stderr, "%s\n", err.msg);
		return EX_DATAERR;
	}
	return 0;
}
