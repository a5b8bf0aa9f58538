/* SPDX-License-Identifier: ISC */
/*
 * What the parts of the client core share (fl_cbase.c), under
 * fl_dhcpc.c (the firmware's DHCP), fl_boot.c (the TFTP phases and
 * pxelinux.cfg) and fl_client.c (the dispatch above them): a client's
 * state and its output (the types fl_client.h hands the shell), frames,
 * records, the end of the boot, ARP.
 */
#ifndef FL_CBASE_H
#define FL_CBASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/addr.h"
#include "pxeconf/pxeconf.h"
#include "pxeconf/pxename.h"
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
	bool		 cfg_only;	/* done once pxelinux has its entry */
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

/* "dhcp", "nbp", ...: a phase as the CSV names it. */
const char *fl_phase_name(enum fl_phase);

/* A UDP frame from the client to dst (MAC, address, port). */
void	fl_c_udp(struct fl_client *, struct fl_out *, const uint8_t *dmac,
	    uint32_t sip, uint32_t dip, uint16_t sport, uint16_t dport,
	    const void *data, size_t len);
struct fl_rec *fl_c_rec(struct fl_client *, struct fl_out *,
	    const char *phase, const char *name, int64_t t0, int64_t t1);
/* The boot's own record; the client is done. */
void	fl_c_end(struct fl_client *, int64_t now, const char *result,
	    struct fl_out *);
/* fl_c_end() with a formatted result. */
void	fl_c_endf(struct fl_client *, int64_t now, struct fl_out *,
	    const char *fmt, ...) __attribute__((__format__(printf, 4, 5)));
/* The lease is ours: resolve the boot server (an ARP request, sent again
 * on each timeout); the dispatch starts the boot when it is answered. */
void	fl_c_arp_start(struct fl_client *, int64_t now, struct fl_out *);
void	fl_c_arp_send(struct fl_client *, struct fl_out *);


#endif
