/* SPDX-License-Identifier: ISC */
/*
 * One simulated PXE client, from power-on to the last boot file: the
 * firmware's DHCP (fl_dhcp.h, timed by fl_sched.h), an ARP for the boot
 * server, iPXE's TFTP read of the boot file the ACK names, then what
 * pxelinux does: ldlinux.c32 (.e64), the pxelinux.cfg/ names in its order
 * (common/pxename.h; a UUID only when its version nibble is valid, as
 * syslinux's is_valid_uuid() wants), the entry pxelinux runs unattended
 * (common/pxeconf.h, INCLUDEd files fetched as pxelinux fetches them), then
 * its kernel and initrds.  File names are relative to the boot file's
 * directory, as pxelinux's path prefix makes them.
 *
 * The core is driven by the caller: a frame for this client, or its
 * deadline passed.  Each call puts what to send (whole Ethernet frames)
 * and what to record (fl_rec: one per DHCP exchange or transfer, one for
 * the boot as a whole) in a struct fl_out, and leaves the next deadline in
 * fl_client_deadline().  Times are microseconds on any monotonic clock.
 * Pure: no I/O, no clock, no allocation (pxeconf's parser allocates).
 */
#ifndef FL_CLIENT_H
#define FL_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"
#include "common/pxeconf.h"
#include "common/pxename.h"
#include "fleet/fl_dhcp.h"
#include "fleet/fl_net.h"
#include "fleet/fl_sched.h"
#include "fleet/fl_tftp.h"

#define FL_CFG_MAX	16384	/* pxelinux.cfg text kept, all files */
#define FL_CFG_FILES	4	/* the client's file and its INCLUDEs */
#define FL_OUT_FRAMES	3
#define FL_OUT_RECS	3
#define FL_WHYMAX	160
#define FL_NO_DEADLINE	INT64_MAX

enum fl_phase {
	FL_P_OFF, FL_P_DHCP, FL_P_ARP, FL_P_NBP, FL_P_LDLINUX, FL_P_CFG,
	FL_P_INCLUDE, FL_P_KERNEL, FL_P_INITRD, FL_P_END
};

/* What every client of a run shares. */
struct fl_conf {
	enum fl_arch	 arch;
	enum fl_sched	 sched;
	uint16_t	 windowsize;	/* pxelinux's transfers; <= 1: none */
	int64_t		 limit;		/* per client from power-on; 0: none */
};

/* One line of the generator's CSV. */
struct fl_rec {
	size_t		 client;
	const char	*phase;		/* "dhcp", "nbp", ..., "boot" */
	char		 name[FL_TFTP_NAMEMAX + 1];
	int64_t		 t0, t1;
	unsigned	 sent, retrans;
	uint64_t	 bytes;
	char		 result[FL_WHYMAX];
};

struct fl_out {
	uint8_t		 frame[FL_OUT_FRAMES][FL_FRAME_MAX];
	size_t		 flen[FL_OUT_FRAMES];
	size_t		 nframes;
	struct fl_rec	 rec[FL_OUT_RECS];
	size_t		 nrecs;
	bool		 bound;		/* the client's address is new */
};

struct fl_client {
	const struct fl_conf *conf;
	size_t		 index;
	uint8_t		 mac[MAC_LEN], uuid[FL_UUID_LEN];
	enum fl_phase	 phase;
	uint64_t	 rng;
	int64_t		 deadline;	/* the protocol's next timer */
	int64_t		 t_on;		/* powered on (DHCP starts) */
	int64_t		 t_phase;	/* this exchange or transfer began */
	uint16_t	 ipid;
	unsigned	 sent, retrans;	/* the whole boot */
	uint64_t	 bytes;
	/* DHCP */
	uint32_t	 xid;
	unsigned	 k, count, dsent, dretrans, naks;
	bool		 requesting, have_offer, offer_pxe;
	uint32_t	 offer_ip, offer_server;
	char		 offer_file[FL_DHCP_FILEMAX];
	/* the lease and the boot server */
	uint32_t	 ip, next_server;
	uint8_t		 smac[MAC_LEN];
	char		 bootfile[FL_DHCP_FILEMAX];
	size_t		 prefixlen;	/* bootfile's directory, with '/' */
	/* TFTP */
	struct fl_tftp	 t;
	uint16_t	 lport;
	unsigned	 nports;	/* pxelinux's ports taken */
	/* pxelinux.cfg */
	char		 names[PXENAME_NMAX][PXENAME_LEN];
	size_t		 nnames, iname;
	char		 cfg[FL_CFG_MAX];
	size_t		 cfglen;
	size_t		 cfgstart;	/* of the file being read */
	bool		 cfg_over;
	struct pxeconf_src set[FL_CFG_FILES];
	char		 setname[FL_CFG_FILES][PXECONF_NAMEMAX + 1];
	size_t		 nset;
	/* the entry */
	char		 kernel[PXECONF_NAMEMAX + 1];
	char		 initrd[PXECONF_INITRDMAX][PXECONF_NAMEMAX + 1];
	size_t		 ninitrd, iinitrd;
	bool		 booted;
};

const char *fl_phase_name(enum fl_phase);

/* A client that is off; seed makes its random choices repeatable. */
void	fl_client_init(struct fl_client *, const struct fl_conf *,
	    size_t index, const uint8_t mac[MAC_LEN],
	    const uint8_t uuid[FL_UUID_LEN], uint64_t seed);
/* Power on at `at' (>= now): the first DISCOVER goes out then. */
void	fl_client_power(struct fl_client *, int64_t now, int64_t at);
/* A frame addressed to this client (by MAC, chaddr or address). */
void	fl_client_frame(struct fl_client *, const struct fl_frame *,
	    int64_t now, struct fl_out *);
/* Called once now >= fl_client_deadline(). */
void	fl_client_timer(struct fl_client *, int64_t now, struct fl_out *);
/* Gives up now, e.g. at the end of the run: why goes in the record. */
void	fl_client_stop(struct fl_client *, int64_t now, const char *why,
	    struct fl_out *);
/* The next time fl_client_timer() is due, or FL_NO_DEADLINE. */
int64_t	fl_client_deadline(const struct fl_client *);
bool	fl_client_ended(const struct fl_client *);
bool	fl_client_powered(const struct fl_client *);

#endif
