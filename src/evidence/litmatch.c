/*
 * litmatch.c - many literals in one pass (see litmatch.h).
 *
 * The trie of the literals is completed into a DFA (every state has a
 * transition for every byte class, through the failure links), stored as
 * one array of uint32: entry = (target state * classes) << 2, | 1 when the
 * target ends some literal, | 2 when it is two or more bytes deep.  The
 * scan loop is then one load per byte and a test of the low bits; the
 * outputs of a state are its own literal and those along its
 * dictionary-suffix links.
 *
 * Most text starts no literal: when every literal is two bytes or more,
 * positions whose two bytes begin no literal (a bitmap of the 65536 byte
 * pairs, both cases) are stepped over without the automaton, which is
 * restarted wherever it falls back to a state one byte deep.
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
	uint8_t *starts;     /* bit b1 << 8 | b0: a literal begins b0 b1; NULL
			      * when some literal is one byte long */
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
	uint32_t *trie, *fail, *queue, *depth;
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
	depth = xcalloc(max_states, sizeof(*depth));
	m->own[0] = -1;
	m->nstates = 1;
	for (i = 0; i < m->nr; i++) {
		uint32_t s = 0;
		for (k = 0; k < m->lens[i]; k++) {
			size_t at = s * m->ncls + m->cls[(unsigned char)m->texts[i][k]];
			if (!trie[at]) {
				m->own[m->nstates] = -1;
				depth[m->nstates] = (uint32_t)k + 1;
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
		m->delta[i] = (uint32_t)(t * m->ncls) << 2 | (uint32_t)(depth[t] >= 2) << 1 |
			      (uint32_t)(m->own[t] >= 0 || m->dict[t] != 0);
	}
	free(fail);
	free(queue);
	free(depth);
	m->starts = xcalloc(65536 / 8, 1);
	for (i = 0; i < m->nr && m->starts; i++) {
		unsigned b0, b1;
		if (m->lens[i] < 2) {
			free(m->starts);
			m->starts = NULL;
			break;
		}
		/* every byte pair of the same classes: both cases of letters */
		for (b0 = 0; b0 < 256; b0++) {
			if (m->cls[b0] != m->cls[(unsigned char)m->texts[i][0]])
				continue;
			for (b1 = 0; b1 < 256; b1++)
				if (m->cls[b1] == m->cls[(unsigned char)m->texts[i][1]])
					m->starts[(b1 << 8 | b0) >> 3] |= (uint8_t)(1u << (b0 & 7));
		}
	}
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

/* Report the literals ending at i in the state entry v. */
static void report(const struct lit_matcher *m, uint32_t v, size_t i, struct lit_hits *out)
{
	uint32_t s = (uint32_t)((v >> 2) / m->ncls);
	if (m->own[s] < 0)
		s = m->dict[s];
	while (s) {
		hit_add(out, i, (uint32_t)m->own[s]);
		s = m->dict[s];
	}
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
	const uint8_t *starts = m->starts;
	const unsigned char *p = (const unsigned char *)hay;
	uint32_t v = *state;
	size_t i = 0;

	if (!m->nr || !n)
		return;
	if (!starts) {
		for (; i < n; i++) {
			v = delta[(v >> 2) + cls[p[i]]];
			if (v & 1)
				report(m, v, i, out);
		}
		*state = v;
		return;
	}
	/* Invariant of the loop below: at i no literal begun before i is still
	 * open, so a literal can only begin at i or later.  A run from the
	 * previous piece is finished first. */
	if (v >> 2) {
		for (; i < n; i++) {
			v = delta[(v >> 2) + cls[p[i]]];
			if (v & 1)
				report(m, v, i, out);
			if (!(v & 2))
				break;
		}
		if (i == n) {
			*state = v;
			return;
		}
	}
	while (i + 1 < n) {
		unsigned pair = (unsigned)p[i + 1] << 8 | p[i];
		if (!(starts[pair >> 3] & (1u << (pair & 7)))) {
			i++;
			continue;
		}
		/* a literal may begin at i: the automaton from the root, until it
		 * falls back to a state one byte deep (no literal is that short,
		 * so the byte there is read again from the root for nothing lost) */
		v = delta[cls[p[i]]];
		for (i++; i < n; i++) {
			v = delta[(v >> 2) + cls[p[i]]];
			if (v & 1)
				report(m, v, i, out);
			if (!(v & 2))
				break;
		}
	}
	/* the state after the last byte: as the loop left it, or, when the
	 * last byte was not read in a run, that byte read from the root */
	*state = i < n ? delta[cls[p[n - 1]]] : v;
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
	free(m->starts);
	free(m);
}
