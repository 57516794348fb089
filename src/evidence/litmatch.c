/*
 * litmatch.c - many literals in one pass (see litmatch.h).
 *
 * The trie of the literals is completed into a DFA (every state has a
 * transition for every byte class, through the failure links), stored as
 * one array of uint32: entry = (target state * classes) << 1 | 1 when the
 * target ends some literal.  The scan loop is then one load per byte and
 * a test of the low bit; the outputs of a state are its own literal and
 * those along its dictionary-suffix links.
 */
#include <stdlib.h>
#include <string.h>

#include "evidence/litmatch.h"
#include "base/error.h"
#include "base/banned.h"

struct lit_matcher {
	char **texts;        /* owned */
	size_t *lens;
	size_t nr;
	uint16_t cls[256];   /* byte -> class; 0: in no literal */
	size_t ncls;
	size_t nstates;
	uint32_t *delta;     /* nstates * ncls entries, see above */
	int32_t *own;        /* state -> literal ending there, or -1 */
	uint32_t *dict;      /* state -> next state on its failure chain with
			      * its own literal, or 0 (none: root has none) */
	int built;
};

struct lit_matcher *lit_matcher_new(void)
{
	return xcalloc(1, sizeof(struct lit_matcher));
}

uint32_t lit_matcher_add(struct lit_matcher *m, const char *text, size_t n)
{
	size_t i;
	for (i = 0; i < m->nr; i++)
		if (m->lens[i] == n && !memcmp(m->texts[i], text, n))
			return (uint32_t)i;
	m->texts = xrealloc(m->texts, (m->nr + 1) * sizeof(*m->texts));
	m->lens = xrealloc(m->lens, (m->nr + 1) * sizeof(*m->lens));
	m->texts[m->nr] = xmalloc(n ? n : 1);
	memcpy(m->texts[m->nr], text, n);
	m->lens[m->nr] = n;
	return (uint32_t)m->nr++;
}

size_t lit_matcher_count(const struct lit_matcher *m)
{
	return m->nr;
}

size_t lit_matcher_len(const struct lit_matcher *m, uint32_t id)
{
	return m->lens[id];
}

void lit_matcher_build(struct lit_matcher *m)
{
	size_t i, k, max_states = 1, head = 0, tail = 0, c;
	uint32_t *trie, *fail, *queue;
	uint16_t next_cls = 1;

	for (i = 0; i < m->nr; i++) {
		max_states += m->lens[i];
		for (k = 0; k < m->lens[i]; k++) {
			unsigned char b = (unsigned char)m->texts[i][k];
			if (!m->cls[b])
				m->cls[b] = next_cls++;
		}
	}
	for (c = 'A'; c <= 'Z'; c++)
		m->cls[c] = m->cls[c - 'A' + 'a'];
	m->ncls = next_cls;
	trie = xcalloc(max_states * m->ncls, sizeof(*trie));
	m->own = xmalloc(max_states * sizeof(*m->own));
	m->dict = xcalloc(max_states, sizeof(*m->dict));
	fail = xcalloc(max_states, sizeof(*fail));
	queue = xmalloc(max_states * sizeof(*queue));
	m->own[0] = -1;
	m->nstates = 1;
	for (i = 0; i < m->nr; i++) {
		uint32_t s = 0;
		for (k = 0; k < m->lens[i]; k++) {
			size_t at = s * m->ncls + m->cls[(unsigned char)m->texts[i][k]];
			if (!trie[at]) {
				m->own[m->nstates] = -1;
				trie[at] = (uint32_t)m->nstates++;
			}
			s = trie[at];
		}
		m->own[s] = (int32_t)i;
	}
	/* Breadth first: a state's failure target is shallower, so its row
	 * is complete when the state's own row is filled from it. */
	for (c = 1; c < m->ncls; c++)
		if (trie[c])
			queue[tail++] = trie[c];
	while (head < tail) {
		uint32_t s = queue[head++];
		for (c = 1; c < m->ncls; c++) {
			uint32_t t = trie[s * m->ncls + c];
			uint32_t via = trie[fail[s] * m->ncls + c];
			if (!t) {
				trie[s * m->ncls + c] = via;
				continue;
			}
			fail[t] = via;
			m->dict[t] = m->own[via] >= 0 ? via : m->dict[via];
			queue[tail++] = t;
		}
	}
	m->delta = trie;
	for (i = 0; i < m->nstates * m->ncls; i++) {
		uint32_t t = trie[i];
		m->delta[i] = (uint32_t)(t * m->ncls) << 1 |
			      (uint32_t)(m->own[t] >= 0 || m->dict[t] != 0);
	}
	free(fail);
	free(queue);
	m->built = 1;
}

static void hit_add(struct lit_hits *out, size_t end, uint32_t id)
{
	if (out->nr == out->alloc) {
		out->alloc = out->alloc ? 2 * out->alloc : 256;
		out->items = xrealloc(out->items, out->alloc * sizeof(*out->items));
	}
	out->items[out->nr].end = end;
	out->items[out->nr++].id = id;
}

void lit_matcher_scan(const struct lit_matcher *m, const char *hay, size_t n,
		      struct lit_hits *out)
{
	uint32_t state = 0;
	lit_matcher_stream(m, hay, n, &state, out);
}

void lit_matcher_stream(const struct lit_matcher *m, const char *hay, size_t n,
			uint32_t *state, struct lit_hits *out)
{
	const uint32_t *delta = m->delta;
	const uint16_t *cls = m->cls;
	const unsigned char *p = (const unsigned char *)hay;
	uint32_t v = *state;
	size_t i;

	if (!m->nr)
		return;
	for (i = 0; i < n; i++) {
		v = delta[(v >> 1) + cls[p[i]]];
		if (v & 1) {
			uint32_t s = (uint32_t)((v >> 1) / m->ncls);
			if (m->own[s] < 0)
				s = m->dict[s];
			while (s) {
				hit_add(out, i, (uint32_t)m->own[s]);
				s = m->dict[s];
			}
		}
	}
	*state = v;
}

void lit_matcher_free(struct lit_matcher *m)
{
	size_t i;
	if (!m)
		return;
	for (i = 0; i < m->nr; i++)
		free(m->texts[i]);
	free(m->texts);
	free(m->lens);
	free(m->delta);
	free(m->own);
	free(m->dict);
	free(m);
}
