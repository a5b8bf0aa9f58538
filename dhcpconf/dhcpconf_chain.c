// SPDX-License-Identifier: ISC
/*
 * Chains: the scopes that apply to one client, most specific first, as
 * ISC executes them (global, shared network and subnet, pool, classes,
 * host; a later one overrides).  Each scope brings its conditional
 * children that apply, latest first: the if/elsif/else branch whose
 * condition holds for the client (env; without one every condition is
 * false) and the statements after each `if'.  Class membership is judged
 * here too.  Pure.
 */
#include <string.h>

#include "dhcpconf_int.h"

#define DC_CONDS_MAX	32	/* applying conditional children per scope */

static void
dc_chain_push(struct dc_chain *ch, int scope)
{
	size_t i;

	for (i = 0; i < ch->n; i++)
		if (ch->v[i] == scope)
			return;
	if (ch->n < DC_CHAIN_MAX)
		ch->v[ch->n++] = scope;
}

static bool
dc_cond_true(const struct dhcpconf *c, int expr, const struct dc_env *env)
{
	return env != NULL && dhcpconf_eval_bool(c, expr, env) == 1;
}

/* scope's applying conditional children (their own first), then scope. */
static void
dc_chain_scope(const struct dhcpconf *c, struct dc_chain *ch, int scope,
    const struct dc_env *env, int depth)
{
	const struct dc_scope *k;
	int on[DC_CONDS_MAX], s;
	size_t n = 0;
	bool taken = false, applies;

	for (s = c->scopes[scope].first_cond; s != -1; s = k->next_cond) {
		k = &c->scopes[s];
		if (k->prev == -1) {		/* an `if', or what follows */
			applies = k->cond == -1 || dc_cond_true(c, k->cond,
			    env);
			taken = applies;
		} else {			/* elsif, else */
			applies = !taken && (k->cond == -1 ||
			    dc_cond_true(c, k->cond, env));
			taken |= applies;
		}
		if (applies && n < DC_CONDS_MAX)
			on[n++] = s;
	}
	while (n-- > 0)
		if (depth < DC_DEPTH_MAX)
			dc_chain_scope(c, ch, on[n], env, depth + 1);
	if (scope != DC_GLOBAL)
		dc_chain_push(ch, scope);
}

void
dhcpconf_chain_add(const struct dhcpconf *c, struct dc_chain *ch, int scope,
    const struct dc_env *env)
{
	enum dc_kind start = c->scopes[scope].kind;
	bool first = true;

	if (scope == DC_GLOBAL) {	/* its branches; itself comes last */
		dc_chain_scope(c, ch, DC_GLOBAL, env, 0);
		return;
	}
	for (; scope > DC_GLOBAL; scope = c->scopes[scope].parent) {
		/* The subnet (then its shared network) comes separately. */
		if (!first && (c->scopes[scope].kind == DC_K_SUBNET ||
		    (c->scopes[scope].kind == DC_K_SHARED &&
		    start != DC_K_SUBNET)))
			return;
		first = false;
		dc_chain_scope(c, ch, scope, env, 0);
	}
}

void
dhcpconf_host_chain(const struct dhcpconf *c, const struct dc_host *h,
    struct dc_chain *ch, const struct dc_env *env)
{
	ch->n = 0;
	dhcpconf_chain_add(c, ch, h->scope, env);
	if (h->subnet >= 0)
		dhcpconf_chain_add(c, ch, c->subnets[h->subnet].scope, env);
	dhcpconf_chain_add(c, ch, DC_GLOBAL, env);
}

void
dhcpconf_addr_chain(const struct dhcpconf *c, uint32_t ip,
    struct dc_chain *ch, const struct dc_env *env)
{
	const struct dc_subnet *sn;

	ch->n = 0;
	if ((sn = dhcpconf_subnet_for(c, ip)) != NULL)
		dhcpconf_chain_add(c, ch, sn->scope, env);
	dhcpconf_chain_add(c, ch, DC_GLOBAL, env);
}

bool
dhcpconf_class_match(const struct dhcpconf *c, const struct dc_class *cl,
    const struct dc_env *env)
{
	const struct dc_class *top = cl->parent == -1 ? cl :
	    &c->classes[cl->parent];
	uint8_t v[DC_EVAL_MAX];
	size_t len;

	if (top->match != -1 && dhcpconf_eval_bool(c, top->match, env) != 1)
		return false;
	if (top->submatch == -1)	/* `match if' alone decides */
		return top->match != -1;
	if (dhcpconf_eval_data(c, top->submatch, env, v, sizeof(v), &len) ==
	    -1 || len == 0)
		return false;
	if (cl->parent != -1)		/* a subclass: its value */
		return len == cl->len && memcmp(v, c->blob + cl->off, len) == 0;
	return cl->spawn;	/* a spawning class takes every such client */
}
