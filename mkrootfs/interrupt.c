// SPDX-License-Identifier: ISC
/*
 * The interrupt flag and its signal handler, apart from main.c so that the
 * files whose loops check it depend on this small file alone.  The handler
 * only stores the signal's number (STYLE.md 3.6); main.c forwards it to the
 * worker, and raises it again once everything is cleaned up.
 */
#include <signal.h>
#include <string.h>

#include "mkrootfs/interrupt.h"

volatile sig_atomic_t mkr_signal;

int
mkr_interrupted(void)
{
	return mkr_signal != 0;
}

static void
on_signal(int sig)
{
	mkr_signal = sig;
}

void
mkr_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: reads return EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}
