// SPDX-License-Identifier: ISC
/*
 * The sequencer's shell: clock, signals, the transfer log and the
 * terminal.  wol_sched decides; this file powers the nodes it asks for
 * (a magic packet, or a BMC: bmc.c), feeds it the log lines, sleeps until
 * its next deadline (or the next log check), and reports: one line per
 * event, a status line redrawn on a terminal, and a summary on stdout.
 */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "common/log.h"
#include "common/monotime.h"
#include "wakeup.h"
#include "wol_httplog.h"
#include "wol_sched.h"

/*
 * A regular file always polls readable, so the log is read on a tick
 * instead of waited on; 100 ms is far below any boot's duration.
 */
#define SEQ_TICK_MS	100	/* how often the log is checked */
#define SEQ_DRAW_MS	500	/* how often the status line is redrawn */

static volatile sig_atomic_t quit;

struct seq {
	struct wakeup	*w;
	struct wol_sched s;
	struct wol_pace	 pace;		/* --parallel auto */
	size_t		 win;		/* its window as last reported */
	struct wol_snode *v;
	struct logtail	 lt;		/* in.tftpd's transfer log (-l) */
	struct htail {
		struct seq	*q;
		struct logtail	 lt;
	}		 ht[WAKEUP_HTTPLOGS];	/* nginx's access logs */
	int64_t		 t0;
	bool		 tty;
	bool		 drawn;		/* a status line is on the screen */
	unsigned	 badlines;
};

static void
on_signal(int sig)
{
	quit = sig;
}

static const char *
node_name(const struct seq *q, size_t i, char buf[MAC_STRLEN])
{
	return q->w->t[i].name[0] != '\0' ? q->w->t[i].name :
	    mac_ntoa(q->w->t[i].mac, buf);
}

static void
clear_status(struct seq *q)
{
	if (q->drawn)
		fputs("\r\033[K", stderr);
	q->drawn = false;
}

/* One event line, above the status line. */
static void __attribute__((__format__(printf, 3, 4)))
event(struct seq *q, size_t i, const char *fmt, ...)
{
	char mb[MAC_STRLEN];
	va_list ap;

	clear_status(q);
	fprintf(stderr, "%s: [%zu/%zu] %s: ", getprogname(), i + 1, q->s.n,
	    node_name(q, i, mb));
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* --parallel auto: a line when its window changed, saying why. */
static void
pace_event(struct seq *q)
{
	const struct wol_pace *p = &q->pace;
	size_t w;

	if (q->s.pace == NULL || (w = wol_pace_window(p)) == q->win)
		return;
	clear_status(q);
	fprintf(stderr, "%s: at most %zu at once (was %zu): ", getprogname(),
	    w, q->win);
	switch (p->why) {
	case WP_SLOW:
		fprintf(stderr, "%s took %.2f s, %.2f s if flat\n",
		    p->last_file, p->last_ms / 1e3, p->flat_ms / 1e3);
		break;
	case WP_FAILED:
		fputs("a transfer failed\n", stderr);
		break;
	case WP_TIMEOUT:
		fputs("a node did not boot in time\n", stderr);
		break;
	default:
		fputs("nodes boot, transfer times flat\n", stderr);
	}
	q->win = w;
}

/* "[2/5] node2: rootfs.gz from 192.0.2.12, 3.4 s, attempt 1 of 2 ..." */
static void
draw_status(struct seq *q, int64_t now)
{
	const struct wol_snode *nd;
	char mb[MAC_STRLEN], ib[IP4_STRLEN];
	size_t i;
	int col = 0;

	if (!q->tty)
		return;
	clear_status(q);
	for (i = 0; i < q->s.n && col < 160; i++) {
		nd = &q->v[i];
		if (nd->state != WN_WAITING)
			continue;
		col += fprintf(stderr, "%s[%zu/%zu] %s: ", col ? "; " : "",
		    i + 1, q->s.n, node_name(q, i, mb));
		if (q->s.uselog)
			col += fprintf(stderr, "waiting for %s from %s, %.1f s,"
			    " attempt %u of %u", q->w->bootfile[i],
			    ip4_ntoa(nd->ip, ib), (now - nd->first_ms) / 1e3,
			    nd->sends, q->s.retries + 1);
		else
			col += fprintf(stderr, "delay %.1f of %.1f s",
			    (now - nd->first_ms) / 1e3, q->s.delay_ms / 1e3);
	}
	q->drawn = col > 0;
}

typedef int logparse_fn(const char *, size_t, struct xferlog_rec *,
    const char **);

/*
 * A new line of a log: a boot, or nothing to us.  Boots are timed by this
 * host's monotonic clock when the line is read, never by the time in the
 * line, so a boot server with another clock changes nothing.
 */
static void
on_line(struct seq *q, const char *path, const char *proto,
    logparse_fn *parse, const char *line, size_t len)
{
	struct xferlog_rec r;
	const char *errstr;
	ssize_t i;
	int64_t now = mono_ms();

	if (parse(line, len, &r, &errstr) == -1) {
		if (q->badlines++ == 0)
			log_warnx("%s: unreadable line (%s), ignored; more are "
			    "counted in the summary", path, errstr);
		return;
	}
	i = wol_sched_xfer(&q->s, &r, now);
	pace_event(q);
	if (i == -1)
		return;
	event(q, (size_t)i, "booted: %s served over %s in %.1f s after %u "
	    "%s%s", r.file, proto, (now - q->v[i].first_ms) / 1e3,
	    q->v[i].sends, power_unit(q->w, (size_t)i),
	    q->v[i].sends > 1 ? "s" : "");
}

static void
on_tftp_line(const char *line, size_t len, void *arg)
{
	struct seq *q = arg;

	on_line(q, q->lt.path, "TFTP", xferlog_parse, line, len);
}

static void
on_http_line(const char *line, size_t len, void *arg)
{
	struct htail *h = arg;

	on_line(h->q, h->lt.path, "HTTP", httplog_parse, line, len);
}

/* Powers node i on as the plan says, and reports it. */
static void
power(struct seq *q, size_t i)
{
	const char *how;

	switch (power_on(q->w, i, &how)) {
	case POWER_SEND_FAILED:
		event(q, i, "send failed; counted as sent, so the timeout or "
		    "delay still runs");
		return;
	case POWER_GAVE_UP:
		wol_sched_fail(&q->s, i, mono_ms());
		event(q, i, "FAILED: its BMC did not answer");
		return;
	case POWER_SENT:
		break;
	}
	if (q->v[i].sends == 1 && q->s.uselog)
		event(q, i, "%s; waiting for %s", how, q->w->bootfile[i]);
	else if (q->v[i].sends == 1)
		event(q, i, "%s", how);
	else
		event(q, i, "not booted after %.1f s: %s again (attempt %u "
		    "of %u)", q->s.timeout_ms / 1e3, power_unit(q->w, i),
		    q->v[i].sends, q->s.retries + 1);
}

/* Does what the plan says until it says wait; false when all is done. */
static bool
step(struct seq *q)
{
	struct wol_action a;
	int64_t now = mono_ms(), wait;
	size_t i;

	for (;;) {
		wol_sched_next(&q->s, now, &a);
		pace_event(q);
		switch (a.act) {
		case WA_SEND:
			power(q, a.node);
			/* A BMC takes its time: the plan goes on from now. */
			now = mono_ms();
			continue;
		case WA_FAIL:
			event(q, a.node, "FAILED: not booted after %u %s%s",
			    q->v[a.node].sends, power_unit(q->w, a.node),
			    q->v[a.node].sends > 1 ? "s" : "");
			continue;
		case WA_WOKEN:
			event(q, a.node, "delay of %.1f s over",
			    q->s.delay_ms / 1e3);
			continue;
		case WA_DONE:
			return false;
		case WA_WAIT:
			break;
		}
		break;
	}
	wait = a.until - now;
	if (q->s.uselog && wait > SEQ_TICK_MS)
		wait = SEQ_TICK_MS;
	if (q->tty && wait > SEQ_DRAW_MS)
		wait = SEQ_DRAW_MS;
	draw_status(q, now);
	if (poll(NULL, 0, (int)(wait > 0 ? wait : 0)) == -1 && errno != EINTR)
		fatal("poll");
	if (q->w->log_path != NULL)
		logtail_poll(&q->lt, on_tftp_line, q);
	for (i = 0; i < q->w->nhttplog; i++)
		logtail_poll(&q->ht[i].lt, on_http_line, &q->ht[i]);
	return true;
}

/*
 * The summary goes to stdout (the result, for scripts); progress stays on
 * stderr.  Interrupted runs report what was left and exit 128 + signal.
 */
static int
summary(struct seq *q)
{
	size_t i, booted = 0, woken = 0, retried = 0, failed = 0, left = 0;
	char mb[MAC_STRLEN];

	clear_status(q);
	for (i = 0; i < q->s.n; i++) {
		retried += q->v[i].sends > 1;
		booted += q->v[i].state == WN_BOOTED;
		woken += q->v[i].state == WN_WOKEN;
		failed += q->v[i].state == WN_FAILED;
		left += q->v[i].state == WN_PENDING ||
		    q->v[i].state == WN_WAITING;
	}
	printf("%zu node%s in %.1f s: ", q->s.n, q->s.n == 1 ? "" : "s",
	    (mono_ms() - q->t0) / 1e3);
	if (q->s.uselog)
		printf("%zu booted, %zu retried, %zu failed", booted, retried,
		    failed);
	else
		printf("%zu woken (not confirmed: no transfer log)", woken);
	if (left > 0)
		printf(", %zu not done (interrupted)", left);
	if (failed > 0) {
		printf(" (");
		for (i = 0, left = 0; i < q->s.n; i++)
			if (q->v[i].state == WN_FAILED)
				printf("%s%s", left++ > 0 ? " " : "",
				    node_name(q, i, mb));
		printf(")");
	}
	if (q->s.pace != NULL)
		printf("; at most %zu at once at the end (widened %u times, "
		    "narrowed %u)", wol_pace_window(&q->pace), q->pace.ups,
		    q->pace.downs);
	if (q->badlines > 0)
		printf("; %u unreadable log lines", q->badlines);
	putchar('\n');
	fflush(stdout);
	if (quit != 0)
		return 128 + quit;
	return failed > 0 ? EX_UNAVAILABLE : EX_OK;
}

int
seq_run(struct wakeup *w)
{
	struct seq q = { .w = w, .tty = isatty(STDERR_FILENO) == 1 };
	struct sigaction sa;
	const char *errstr;
	size_t i;

	if ((q.v = calloc(w->nt, sizeof(*q.v))) == NULL)
		fatal("calloc");
	for (i = 0; i < w->nt; i++) {
		q.v[i].ip = w->t[i].ip;
		q.v[i].bootfile = w->bootfile != NULL ? w->bootfile[i] : NULL;
	}
	if (wol_sched_init(&q.s, q.v, w->nt, w->parallel, WAKEUP_HASLOG(w),
	    w->retries, w->timeout_ms, w->delay_ms, &errstr) == -1)
		fatalx("%s", errstr);
	if (w->autopace) {
		wol_pace_init(&q.pace, w->parallel);
		q.s.pace = &q.pace;
		q.win = wol_pace_window(&q.pace);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) == -1 ||
	    sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGHUP, &sa, NULL) == -1)
		fatal("sigaction");
	/* Lines already in the log are history: follow from its end. */
	if (w->log_path != NULL)
		logtail_open(&q.lt, w->log_path);
	for (i = 0; i < w->nhttplog; i++) {
		q.ht[i].q = &q;
		logtail_open(&q.ht[i].lt, w->http_log_path[i]);
	}
	q.t0 = mono_ms();
	log_info("%zu node%s, at most %zu at a time%s, %s", w->nt,
	    w->nt > 1 ? "s" : "", w->parallel, w->autopace ?
	    " (auto: from 2, paced by the transfer log)" : "",
	    WAKEUP_HASLOG(w) ?
	    "each until its last boot file is in the transfer log" :
	    "a fixed delay each (no transfer log)");
	while (quit == 0 && step(&q))
		;
	return summary(&q);
}
