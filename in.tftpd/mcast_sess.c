// SPDX-License-Identifier: ISC
/*
 * One multicast session's I/O (mcast_sess.h): the OACKs to its clients,
 * the DATA to its group, the ACKs and ERRORs read back, and the transfer
 * log's line for each client, as tftp_mcast decides.
 */
#include <sys/socket.h>

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#define LIBBSD_OPENBSD_VIS
#include <vis.h>

#include "common/addr.h"
#include "common/log.h"
#include "in.tftpd/file.h"
#include "in.tftpd/mcast_sess.h"

#define MCAST_READS	64	/* packets read per session per wakeup */

/* Client i's line in the transfer log, and in syslog if it failed. */
static void
client_end(const struct tftpd *d, struct msess *ses, size_t i)
{
	const struct tftp_mc_client *c = &ses->mc.cl[i];
	uint64_t bytes = c->got * ses->par.blksize;
	char res[16], peer[IP4_STRLEN], name[4 * TFTP_FILE_MAX + 1];
	struct tftp_xferlog_rec rec = {
		.start = { c->start / 1000, (c->start % 1000) * 1000000 },
		.ip = c->ip, .op = TFTP_RRQ, .file = ses->file,
		.result = res,
	};

	if (c->state == MC_DONE)
		strlcpy(res, "ok", sizeof(res));
	else if (c->code != 0)
		snprintf(res, sizeof(res), "E%u", c->code);
	else
		strlcpy(res, ses->io ? "io" : "timeout", sizeof(res));
	rec.bytes = c->state == MC_DONE || bytes > (uint64_t)ses->st.st_size ?
	    (uint64_t)ses->st.st_size : bytes;
	clock_gettime(CLOCK_REALTIME, &rec.end);
	ip4_ntoa(c->ip, peer);
	strvis(name, ses->file, VIS_WHITE | VIS_CSTYLE | VIS_OCTAL);
	if (c->state != MC_DONE)
		logit(LOG_NOTICE, "%s: RRQ %s: multicast session %u: failed, %s",
		    peer, name, ses->id, res);
	else if (log_getverbose() > 0)
		log_info("%s: RRQ %s: multicast session %u: %llu bytes", peer,
		    name, ses->id, (unsigned long long)rec.bytes);
	file_xferlog(d, &rec);
}

void
msess_close(struct msess *ses)
{
	log_info("multicast session %u over: %zu clients, %llu blocks sent",
	    ses->id, ses->mc.ncl, (unsigned long long)ses->mc.out);
	close(ses->s);
	close(ses->fd);
	free(ses->cl);
	ses->used = false;
}

static void
send_oack(struct msess *ses, size_t i, bool master)
{
	const struct tftp_mc_client *c = &ses->mc.cl[i];
	struct sockaddr_in to = { .sin_family = AF_INET,
	    .sin_addr.s_addr = htonl(c->ip), .sin_port = htons(c->port) };
	char peer[IP4_STRLEN];
	size_t n;

	if (log_getverbose() > 1) {
		ip4_ntoa(c->ip, peer);
		log_debug("multicast session %u: OACK to %s, mc=%d, block %u",
		    ses->id, peer, master, ses->mc.sent);
	}
	if ((n = tftp_mc_oack(ses->buf, sizeof(ses->buf), c, ses->group,
	    ses->port, master)) > 0)
		(void)sendto(ses->s, ses->buf, n, 0, (struct sockaddr *)&to,
		    sizeof(to));
}

/* Block k to the group; -1 if the file could not be read. */
static int
send_data(struct msess *ses, uint32_t k)
{
	struct sockaddr_in to = { .sin_family = AF_INET,
	    .sin_addr.s_addr = htonl(ses->group), .sin_port = htons(ses->port) };
	off_t off = (off_t)(k - 1) * ses->par.blksize;
	size_t len = ses->st.st_size - off < ses->par.blksize ?
	    (size_t)(ses->st.st_size - off) : ses->par.blksize;
	ssize_t n;

	tftp_data_hdr(ses->buf, sizeof(ses->buf), (uint16_t)k);
	if ((n = pread(ses->fd, ses->buf + TFTP_HDRLEN, len, off)) !=
	    (ssize_t)len)
		return -1;
	/* a full queue is a loss: the master's timer resends */
	(void)sendto(ses->s, ses->buf, TFTP_HDRLEN + len, 0,
	    (struct sockaddr *)&to, sizeof(to));
	return 0;
}

void
msess_step(const struct tftpd *d, struct msess *ses, int64_t now)
{
	struct tftp_mc_action a;
	size_t i, k;

	for (k = 0; k < 2 * ses->mc.cap + 4; k++) {
		tftp_mc_next(&ses->mc, now, &a);
		switch (a.act) {
		case MC_ACT_WAIT:
			return;
		case MC_ACT_OACK:
			send_oack(ses, a.client, a.master);
			break;
		case MC_ACT_DATA:
			if (send_data(ses, a.block) == 0)
				break;
			log_warn("multicast session %u: read", ses->id);
			ses->io = true;
			for (i = 0; i < ses->mc.ncl; i++)
				tftp_mc_error(&ses->mc, ses->cl[i].ip,
				    ses->cl[i].port, 0);
			break;
		case MC_ACT_END:
			client_end(d, ses, a.client);
			break;
		case MC_ACT_OVER:
			msess_close(ses);
			return;
		}
	}
}

void
msess_drain(struct msess *ses)
{
	struct sockaddr_in from;
	socklen_t flen;
	struct tftp_pkt p;
	const char *errstr;
	ssize_t n;
	int k;

	for (k = 0; k < MCAST_READS; k++) {
		flen = sizeof(from);
		if ((n = recvfrom(ses->s, ses->buf, sizeof(ses->buf), 0,
		    (struct sockaddr *)&from, &flen)) == -1)
			return;
		if (tftp_pkt_parse(ses->buf, (size_t)n, &p, &errstr) == -1)
			continue;
		if (p.op == TFTP_ACK)
			tftp_mc_ack(&ses->mc, ntohl(from.sin_addr.s_addr),
			    ntohs(from.sin_port), p.block);
		else if (p.op == TFTP_ERROR)
			tftp_mc_error(&ses->mc, ntohl(from.sin_addr.s_addr),
			    ntohs(from.sin_port), p.code);
	}
}
