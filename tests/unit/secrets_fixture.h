/*
 * secrets_fixture.h - shared set-up for the secret-scanner tests: the
 * shipped rules (questionnaires/secret-patterns.txt) loaded once per test
 * group, and a deterministic random source (the same inputs on every
 * machine).
 */
#ifndef FTRKIT_SECRETS_FIXTURE_H
#define FTRKIT_SECRETS_FIXTURE_H

#include <stdint.h>
#include <string.h>

#include "evidence/secrets.h"

static struct secret_rules rules;

static inline int setup(void **state)
{
	(void)state;
	memset(&rules, 0, sizeof(rules));
	return secret_rules_load("questionnaires/secret-patterns.txt", &rules);
}

static inline int teardown(void **state)
{
	(void)state;
	secret_rules_free(&rules);
	return 0;
}

/* xorshift64; set rng_state (non-zero) first. */
static uint64_t rng_state;
static inline uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static inline size_t below(size_t n)
{
	return (size_t)(rnd() % n);
}

#endif
