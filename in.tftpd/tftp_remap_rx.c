// SPDX-License-Identifier: ISC
/*
 * The cost check remap regexes pass before regcomp(): glibc's regcomp
 * takes time exponential in stacked repetitions ("a++++") and grows with
 * nested counted ones, and a remap file is read at every start.  A
 * nodeboot restriction (tftp-hpa has none), generous for real maps.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "in.tftpd/tftp_remap.h"

#define RX_OPS_MAX	16	/* repetition operators in one regex */
#define RX_GROUPS_MAX	16	/* parentheses in one regex */
#define RX_BOUND_MAX	32	/* largest m or n of {m,n} */

/* Skips a bracket expression at s ('['); the char after ']', or NULL. */
static const char *
rx_bracket(const char *s)
{
	s++;
	if (*s == '^')
		s++;
	if (*s == ']')
		s++;
	for (; *s != '\0' && *s != ']'; s++)
		if (s[0] == '[' && (s[1] == ':' || s[1] == '.' ||
		    s[1] == '=')) {
			if ((s = strchr(s + 2, ']')) == NULL)
				return NULL;
		}
	return *s == ']' ? s + 1 : NULL;
}

/* Skips an interval at s ('{'); the char after '}', or NULL if too big. */
static const char *
rx_interval(const char *s)
{
	unsigned long v;
	char *e;

	for (s++;; s = e + 1) {
		v = strtoul(s, &e, 10);
		if (v > RX_BOUND_MAX)
			return NULL;
		if (*e == '}')
			return e + 1;
		if (*e != ',')
			return *e == '\0' ? e : NULL;
	}
}

const char *
tftp_remap_rx_check(const char *s)
{
	unsigned ops = 0, groups = 0;
	bool rep = false, isrep;

	if (strlen(s) > TFTP_REMAP_RXMAX)
		return "longer than 256 bytes";
	while (*s != '\0') {
		isrep = *s == '*' || *s == '+' || *s == '?' ||
		    (*s == '{' && isdigit((unsigned char)s[1]));
		if (isrep && rep)
			return "has a repetition operator after another";
		if (isrep && ++ops > RX_OPS_MAX)
			return "has over 16 repetition operators";
		if (*s == '(' && ++groups > RX_GROUPS_MAX)
			return "has over 16 groups";
		rep = isrep;
		if (*s == '\\' && s[1] != '\0')
			s += 2;
		else if (*s == '[')
			s = rx_bracket(s);
		else if (isrep && *s == '{')
			s = rx_interval(s);
		else
			s++;
		if (s == NULL)
			return "has a bad [] or an interval over {32}";
	}
	return NULL;
}
