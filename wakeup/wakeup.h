/* SPDX-License-Identifier: ISC */
/*
 * wakeup's runtime state, created in main.c and passed down (STYLE.md
 * 3.11), and the shell's internal interfaces: sending (send.c), the power
 * back ends and their BMC clients (bmc.c, bmc_run.c), loading the nodes
 * (nodes.c), following the transfer log (logtail.c) and running the
 * sequence (seq.c).
 */
#ifndef WAKEUP_H
#define WAKEUP_H

#include <sys/types.h>

#include <stdbool.h>
#include <stdint.h>

#include "common/ethers.h"
#include "common/hosts.h"
#include "pxeconf/pxeconf.h"
#include "bmc_cmd.h"
#include "wol_packet.h"
#include "wol_target.h"
#include "wol_xferlog.h"

#define WAKEUP_ETHERS	"/etc/ethers"
#define WAKEUP_HOSTS	"/etc/hosts"
#define WAKEUP_TFTPBOOT	"/tftpboot"
#define WAKEUP_IFACE	"eth0"		/* ether-wake's default */
#define WAKEUP_AUTO_MAX	256	/* --parallel auto: in.tftpd's --max-transfers */
#define WAKEUP_HTTPLOGS	8	/* --http-log: the server's, and racks' */
#define WAKEUP_CREDS	"/etc/nodeboot/bmc-credentials"

/* Is a node's boot seen in a log (else it is only woken)? */
#define WAKEUP_HASLOG(w)	((w)->log_path != NULL || (w)->nhttplog > 0)

struct wakeup {
	/* ether-wake's options */
	const char	*iface;		/* raw frames on it (-i) */
	bool		 bcast;		/* -b */
	struct wol_pw	 pw;		/* -p */
	int		 debug;		/* -D */
	/* UDP instead of raw frames */
	bool		 udp;
	uint16_t	 port;
	uint32_t	 to;
	/* files */
	const char	*ethers_path;
	bool		 ethers_given;
	const char	*hosts_path;
	const char	*tftpboot;
	const char	*log_path;	/* transfer log, or NULL */
	const char	*http_log_path[WAKEUP_HTTPLOGS]; /* nginx's access logs */
	size_t		 nhttplog;
	const char	*nodes_file;
	bool		 all;
	/* the sequencer; parallel 0 is ether-wake's single shot */
	size_t		 parallel;	/* with auto: the window's limit */
	bool		 autopace;	/* --parallel auto (wol_pace.h) */
	unsigned	 retries;
	int64_t		 timeout_ms;
	int64_t		 delay_ms;
	/* power back ends (bmc.c) */
	const char	*bmc_path;	/* --bmc inventory, or NULL: all wol */
	const char	*cred_path;	/* --credentials */
	bool		 off;		/* --off */
	bool		 status;	/* --status */
	struct bmc_inv	 inv;
	bool		 inv_wol;	/* a node of it is woken by WoL */
	struct bmc_creds creds;
	const struct bmc_ent **be;	/* each target's entry, with --bmc */
	/* runtime */
	int		 fd;
	int		 ifindex;
	uint8_t		 src[MAC_LEN];
	struct ethers	 ethers;
	struct hosts	 hosts;
	struct wol_target *t;
	char		(*bootfile)[PXECONF_NAMEMAX + 1];
	size_t		 nt;
};

/* send.c: opens the socket (before the privilege drop); sends one. */
void	send_open(struct wakeup *);
int	send_magic(struct wakeup *, const uint8_t mac[MAC_LEN]);

/*
 * bmc.c: loads the inventory (before the socket: it says whether one is
 * needed; exits on error); binds w->t to it, loading the credentials;
 * powers a target on by its back end; --status and --off.
 */
enum power_res {
	POWER_SENT,		/* sent or done */
	POWER_SEND_FAILED,	/* a magic packet not sent: counted as sent */
	POWER_GAVE_UP		/* the BMC did not answer: the node failed */
};

void	bmc_load(struct wakeup *);
void	bmc_bind(struct wakeup *);
enum power_res power_on(struct wakeup *, size_t i, const char **how);
/* "magic packet" or "power-on": what power_on() does to target i. */
const char *power_unit(const struct wakeup *, size_t i);
int	bmc_table(struct wakeup *, int argc, char *argv[]);

/*
 * bmc_run.c: exits unless prog is in PATH (naming its Debian package);
 * runs op on e with its password from c, tried up to 3 times: 0 with the
 * client's output in out, or -1 after a warning per failed try (a status
 * without a power state in its answer fails too).
 */
void	bmc_need(const char *prog, const char *pkg);
int	bmc_try(const struct bmc_creds *c, const struct bmc_ent *e,
	    enum bmc_op op, char *out, size_t outsz);

/* nodes.c: fills w->t (and w->bootfile with a log) from argv; exits on error. */
void	nodes_load(struct wakeup *, int argc, char *argv[]);

/* seq.c: wakes w->t in sequence; returns the exit status. */
int	seq_run(struct wakeup *);

/* logtail.c: follows a growing file, handing over complete lines. */
struct logtail {
	const char	*path;
	int		 fd;		/* -1 until the file exists */
	dev_t		 dev;
	ino_t		 ino;
	off_t		 off;
	char		 buf[XFERLOG_LINEMAX];
	size_t		 len;
	bool		 skipping;	/* discarding an overlong line */
};

void	logtail_open(struct logtail *, const char *path);
/* Reads what was appended; calls fn for each new line (no newline). */
void	logtail_poll(struct logtail *,
	    void (*fn)(const char *line, size_t len, void *arg), void *arg);

#endif
