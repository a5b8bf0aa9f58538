// SPDX-License-Identifier: ISC
/*
 * The TFTP phases of a client (fl_client.h): the boot file by iPXE's
 * TFTP, then pxelinux's reads: ldlinux.c32 (ldlinux.e64 after an .efi
 * boot file, syslinux.efi's; its own second DHCP is not simulated), the
 * pxelinux.cfg/ names until one is found (a miss is an ERROR or a read
 * that timed out, as pxelinux's tftp_open() gives up on a name), the files
 * pxeconf_pick() asks for, the kernel and the initrds.  iPXE takes a
 * random local port; pxelinux takes 49152 up (core/legacynet/portnum.c),
 * one per file.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "fleet/fl_boot.h"

#define PXELINUX_PORT	49152
#define PXELINUX_PORTS	8192
#define PXELINUX_BLK	1408	/* core/fs/pxe/tftp.c rrq_tail */
#define IPXE_BLK	1432	/* iPXE TFTP_MAX_BLKSIZE */

/* name relative to the boot file's directory, as pxelinux opens it */
static void
path(const struct fl_client *c, const char *name, char *buf, size_t cap)
{
	if (strncmp(name, "::", 2) == 0)
		snprintf(buf, cap, "%s", name + 2);
	else if (name[0] == '/')
		snprintf(buf, cap, "%s", name);
	else
		snprintf(buf, cap, "%.*s%s", (int)c->prefixlen, c->bootfile,
		    name);
}

static void
perform(struct fl_client *c, const struct fl_tftp_act *a, int64_t now,
    struct fl_out *o)
{
	if (a->send != NULL)
		fl_c_udp(c, o, c->smac, c->ip, c->next_server, c->lport,
		    a->port, a->send, a->sendlen);
	if (a->arm)
		c->deadline = now + a->wait;
	if (a->data != NULL && (c->phase == FL_P_CFG ||
	    c->phase == FL_P_INCLUDE)) {
		if (a->datalen > sizeof(c->cfg) - c->cfglen)
			c->cfg_over = true;
		else {
			memcpy(c->cfg + c->cfglen, a->data, a->datalen);
			c->cfglen += a->datalen;
		}
	}
	c->bytes += a->datalen;
}

static void	xfer_end(struct fl_client *, const struct fl_tftp_act *,
		    int64_t, struct fl_out *);

static void
xfer(struct fl_client *c, enum fl_phase p, const char *name, int64_t now,
    struct fl_out *o)
{
	struct fl_tftp_conf tc;
	struct fl_tftp_act a;
	char file[FL_TFTP_NAMEMAX + 1];

	c->phase = p;
	c->t_phase = now;
	c->cfgstart = c->cfglen;
	c->cfg_over = false;
	memset(&tc, 0, sizeof(tc));
	tc.file = file;
	if (p == FL_P_NBP) {
		snprintf(file, sizeof(file), "%s", name);
		tc.wait = FL_W_IPXE_TFTP;
		tc.blksize = IPXE_BLK;
		tc.ipxe_order = true;
		c->lport = (uint16_t)(1024 + fl_rand(&c->rng) % 40000);
	} else {
		path(c, name, file, sizeof(file));
		tc.wait = FL_W_PXELINUX;
		tc.blksize = PXELINUX_BLK;
		tc.windowsize = c->conf->windowsize;
		c->lport = (uint16_t)(PXELINUX_PORT + c->nports++ %
		    PXELINUX_PORTS);
	}
	if (fl_tftp_start(&c->t, &tc, fl_rand(&c->rng), &a) == -1) {
		xfer_end(c, &a, now, o);
		return;
	}
	perform(c, &a, now, o);
}

static void
cfg_next(struct fl_client *c, int64_t now, struct fl_out *o)
{
	char name[FL_TFTP_NAMEMAX + 1];

	c->cfglen = 0;
	c->nset = 0;
	if (c->iname == c->nnames) {
		fl_c_end(c, now, "gave-up: no pxelinux.cfg file", o);
		return;
	}
	snprintf(name, sizeof(name), "pxelinux.cfg/%s", c->names[c->iname++]);
	xfer(c, FL_P_CFG, name, now, o);
}

/* What pxelinux does with the files read so far. */
static void
pick(struct fl_client *c, int64_t now, struct fl_out *o)
{
	static const char *const sysappend[PXECONF_SYSAPPEND];
	struct pxeconf_pick p;
	struct perr err;
	size_t i;

	memset(&err, 0, sizeof(err));
	if (pxeconf_pick(c->set, c->nset, sysappend, &p, &err) == -1) {
		fl_c_endf(c, now, o, "gave-up: cfg: %s", err.msg);
		return;
	}
	switch (p.how) {
	case PXECONF_BOOT:
		/* a storm's small phases: the kernel is not fetched */
		if (c->conf->cfg_only) {
			fl_c_end(c, now, "booted", o);
			return;
		}
		strlcpy(c->kernel, p.e.kernel, sizeof(c->kernel));
		for (i = 0; i < p.e.ninitrd; i++)
			strlcpy(c->initrd[i], p.e.initrd[i],
			    sizeof(c->initrd[i]));
		c->ninitrd = p.e.ninitrd;
		c->iinitrd = 0;
		xfer(c, FL_P_KERNEL, c->kernel, now, o);
		return;
	case PXECONF_NEED:
		if (c->nset == FL_CFG_FILES) {
			fl_c_end(c, now, "gave-up: cfg: too many files", o);
			return;
		}
		strlcpy(c->setname[c->nset], p.need, sizeof(c->setname[0]));
		xfer(c, FL_P_INCLUDE, p.need, now, o);
		return;
	case PXECONF_LOCAL:
		fl_c_end(c, now, "local: boots the local disk", o);
		return;
	case PXECONF_WAIT:
		fl_c_endf(c, now, o, "gave-up: cfg waits for a key: %s",
		    err.msg);
		return;
	}
}

/* A file of the configuration was read (text != NULL) or not. */
static void
cfg_file(struct fl_client *c, const char *name, bool found, int64_t now,
    struct fl_out *o)
{
	struct pxeconf_src *s = &c->set[c->nset];

	if (found && c->cfg_over) {
		fl_c_end(c, now, "gave-up: pxelinux.cfg over 16 KiB", o);
		return;
	}
	if (c->nset == 0)
		strlcpy(c->setname[0], name, sizeof(c->setname[0]));
	s->name = c->setname[c->nset];
	s->text = found ? c->cfg + c->cfgstart : NULL;
	s->len = found ? c->cfglen - c->cfgstart : 0;
	c->nset++;
	pick(c, now, o);
}

/* syslinux.efi (x86-64) loads ldlinux.e64, pxelinux.0 ldlinux.c32. */
static bool
efi(const struct fl_client *c)
{
	size_t n = strlen(c->bootfile);

	return n >= 4 && strcasecmp(c->bootfile + n - 4, ".efi") == 0;
}

/* The transfer ended with result res: the next file, or the end. */
static void
next_file(struct fl_client *c, bool ok, const char *res, int64_t now,
    struct fl_out *o)
{
	switch (c->phase) {
	case FL_P_NBP:
		if (ok) {
			xfer(c, FL_P_LDLINUX, efi(c) ? "ldlinux.e64" :
			    "ldlinux.c32", now, o);
			return;
		}
		break;
	case FL_P_LDLINUX:
		if (ok) {
			c->nnames = pxename_list(c->uuid[6] >= 0x10 &&
			    c->uuid[6] < 0xf0 ? c->uuid : NULL, c->mac, c->ip,
			    c->names);
			c->iname = 0;
			cfg_next(c, now, o);
			return;
		}
		break;
	case FL_P_CFG:
		if (ok)
			cfg_file(c, c->t.file + c->prefixlen, true, now, o);
		else
			cfg_next(c, now, o);
		return;
	case FL_P_INCLUDE:
		cfg_file(c, c->setname[c->nset], ok, now, o);
		return;
	case FL_P_KERNEL:
	case FL_P_INITRD:
		if (ok && c->iinitrd < c->ninitrd)
			xfer(c, FL_P_INITRD, c->initrd[c->iinitrd++], now, o);
		else if (ok)
			fl_c_end(c, now, "booted", o);
		else
			break;
		return;
	default:
		return;
	}
	fl_c_endf(c, now, o, "gave-up: %s %s: %s", fl_phase_name(c->phase),
	    c->t.file, res);
}

static void
xfer_end(struct fl_client *c, const struct fl_tftp_act *a, int64_t now,
    struct fl_out *o)
{
	struct fl_rec *r;
	bool ok = a->status == FL_TFTP_DONE;

	r = fl_c_rec(c, o, fl_phase_name(c->phase), c->t.file, c->t_phase,
	    now);
	r->sent = c->t.sent;
	r->retrans = c->t.retrans;
	r->bytes = c->t.bytes;
	if (ok)
		strlcpy(r->result, "ok", sizeof(r->result));
	else if (a->errcode == 1)
		strlcpy(r->result, "miss", sizeof(r->result));
	else if (a->errcode >= 0)
		snprintf(r->result, sizeof(r->result), "E%d", a->errcode);
	else
		strlcpy(r->result, a->errstr != NULL ? a->errstr : "failed",
		    sizeof(r->result));
	c->retrans += c->t.retrans;
	c->deadline = FL_NO_DEADLINE;
	next_file(c, ok, r->result, now, o);
}

void
fl_c_boot_start(struct fl_client *c, int64_t now, struct fl_out *o)
{
	xfer(c, FL_P_NBP, c->bootfile, now, o);
}

void
fl_c_boot_frame(struct fl_client *c, const struct fl_frame *f, int64_t now,
    struct fl_out *o)
{
	struct fl_tftp_act a;

	if (f->sip != c->next_server || f->dport != c->lport)
		return;
	fl_tftp_on_packet(&c->t, f->data, f->len, f->sport, fl_rand(&c->rng),
	    &a);
	perform(c, &a, now, o);
	if (a.status != FL_TFTP_CONTINUE)
		xfer_end(c, &a, now, o);
}

void
fl_c_boot_timer(struct fl_client *c, int64_t now, struct fl_out *o)
{
	struct fl_tftp_act a;

	fl_tftp_on_timeout(&c->t, fl_rand(&c->rng), &a);
	perform(c, &a, now, o);
	if (a.status != FL_TFTP_CONTINUE)
		xfer_end(c, &a, now, o);
}

void
fl_c_boot_abort(struct fl_client *c, int64_t now, const char *why,
    struct fl_out *o)
{
	struct fl_rec *r;

	r = fl_c_rec(c, o, fl_phase_name(c->phase), c->t.file, c->t_phase,
	    now);
	r->sent = c->t.sent;
	r->retrans = c->t.retrans;
	r->bytes = c->t.bytes;
	strlcpy(r->result, why, sizeof(r->result));
	c->retrans += c->t.retrans;
}
