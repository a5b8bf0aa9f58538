/* SPDX-License-Identifier: ISC */
/*
 * The shell's one runtime struct (STYLE.md 3.11), filled from the command
 * line by main.c and passed down to the listener (server.c), the transfer
 * (session.c) and the file side (file.c).
 */
#ifndef TFTPD_H
#define TFTPD_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "in.tftpd/tftp_mcast.h"
#include "in.tftpd/tftp_proto.h"
#include "in.tftpd/tftp_remap.h"

#define TFTPD_MAXDIRS	16
#define TFTPD_RETRIES	10	/* retransmissions of one packet (--retries) */
#define TFTPD_WINMAX	64	/* largest windowsize granted */
#define TFTPD_MAX_TRANSFERS 256	/* --max-transfers default */
#define TFTPD_MAX_PER_SOURCE 8	/* --max-per-source default */
#define TFTPD_MAX_LIMIT	4096	/* largest --max-transfers */
/* The listening socket's receive buffer: ~4000 requests queued. */
#define TFTPD_RCVBUF	(4 << 20)
/* Most time a transfer waits without progress, whatever the timeouts. */
#define TFTPD_STALL_MS	120000

struct tftpd {
	bool		 secure;	/* -s: chroot into dirs[0] */
	bool		 create;	/* -c */
	bool		 permissive;	/* -p */
	bool		 standalone;	/* -l or -L */
	bool		 foreground;	/* -L */
	bool		 threads;	/* --threads */
	const char	*user;		/* -u, NULL when not root */
	const char	*addr;		/* -a */
	const char	*pidfile;	/* -P */
	const char	*mapfile;	/* -m */
	const char	*xferlog;	/* --xferlog */
	mode_t		 umask;		/* -U */
	bool		 umask_set;
	unsigned	 idle_s;	/* -t */
	uint32_t	 timeout_us;	/* -T */
	unsigned	 retries;	/* --retries */
	uint16_t	 blksize_max;	/* -B */
	unsigned	 refuse;	/* -r, bit per enum tftp_optid */
	uint16_t	 port_lo;	/* -R */
	uint16_t	 port_hi;
	const char	*dirs[TFTPD_MAXDIRS];
	size_t		 ndirs;
	int		 dirfds[TFTPD_MAXDIRS];
	unsigned	 max_transfers;	/* --max-transfers */
	unsigned	 max_per_source; /* --max-per-source */
	bool		 mcast;		/* --mcast-range given */
	struct tftp_mc_range mc_range;
	int		 mc_ttl;	/* --mcast-ttl */
	int		 sock;		/* where requests arrive */
	int		 wake[2];	/* self-pipe: SIGCHLD wakes the listener */
	int		 logfd;		/* transfer log, or -1 */
	struct tftp_remap remap;
};

/* One request as the listener received it. */
struct tftpd_req {
	uint8_t			buf[TFTP_REQ_MAX];
	size_t			len;
	struct sockaddr_in	peer;
	struct in_addr		local;	/* where it arrived */
	int			ifindex;
	int64_t			arrived; /* ms since the epoch (kernel's) */
};

/* server.c */
int	server_listen_socket(const char *addr);
/* Raises s's receive buffer to TFTPD_RCVBUF (past rmem_max as root). */
void	server_rcvbuf(int s);
void	server_run(struct tftpd *);

/*
 * session.c: serves one request, in a forked child or a thread, and
 * returns with everything it opened or allocated released.
 */
void	session_run(struct tftpd *, const struct tftpd_req *);

#endif
