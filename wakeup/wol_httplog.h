/* SPDX-License-Identifier: ISC */
/*
 * One line of nginx's access log in the format etc/nginx/nodeboot.conf
 * defines (log_format nodeboot), the HTTP side of wakeup's contract:
 *	1796319727.683 192.0.2.11 GET 200 1048576 0.412 ok /rootfs.gz
 * end time ($msec), client IPv4 address, method, status, body bytes,
 * seconds, "ok" or "fail:<token>" ($request_completion mapped), and the
 * URI to the end of the line: it may hold blanks, and nginx writes '"',
 * '\', control bytes and bytes from 0x7f up as \xHH.  The record is the
 * transfer log's, so a node's boot does not depend on the protocol: the
 * URI loses its leading slashes, and it is ok only for a complete GET
 * answered 200.  Else fail is the method (a HEAD) or "H<status>": tokens
 * that begin with a capital, as in.tftpd's "E<code>", are the server's
 * answer, not trouble in transport ("incomplete", in.tftpd's "timeout").
 */
#ifndef WOL_HTTPLOG_H
#define WOL_HTTPLOG_H

#include <stddef.h>

#include "wol_xferlog.h"

/* As xferlog_parse(): 0 and *r filled, or -1 and *errstr. */
int	httplog_parse(const char *line, size_t len, struct xferlog_rec *r,
	    const char **errstr);

#endif
