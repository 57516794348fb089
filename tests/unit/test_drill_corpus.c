/*
 * test_drill_corpus.c - the drill-log corpus (tests/drills/corpus): logs
 * written the way teams write them, read with the shipped vocabulary, and
 * every record held to EXPECTED.tsv to the second: outcome, measured
 * recovery and measured data loss ("-" = not measured).  Rows marked
 * holdout were written after the vocabulary was frozen.  Every marker of
 * the shipped vocabulary must also keep its literal prefilter (speed).
 */
#include <stdlib.h>

#include "unit.h"
#include "drill_fixture.h"
#include "evidence/literals.h"

#define CORPUS "tests/drills/corpus/"

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fclose(fp);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	fclose(fp);
	return buf;
}

static void measured(char *out, size_t size, int has, int64_t seconds)
{
	if (has)
		snprintf(out, size, "%lld", (long long)seconds);
	else
		snprintf(out, size, "-");
}

static void test_corpus(void **state)
{
	struct fixture *f = *state;
	FILE *tsv = fopen(CORPUS "EXPECTED.tsv", "r");
	char row[512], file[128] = "", outcome[32], rec_s[32], loss_s[32], set[32];
	int bad = 0, rows = 0, holdout = 0, files = 0;
	unsigned idx;

	assert_non_null(tsv);
	while (fgets(row, sizeof(row), tsv)) {
		char name[128], got_rec[32], got_loss[32];
		const struct drill_record *r;
		if (row[0] == '#' || row[0] == '\n')
			continue;
		if (sscanf(row, "%127s %u %31s %31s %31s %31s", name, &idx, outcome, rec_s, loss_s,
			   set) != 6)
			fail_msg("EXPECTED.tsv: bad row: %s", row);
		rows++;
		holdout += !strcmp(set, "holdout");
		if (strcmp(name, file)) {
			char path[256];
			size_t len;
			char *data;
			int rc = 0;
			snprintf(file, sizeof(file), "%s", name);
			snprintf(path, sizeof(path), CORPUS "%s", name);
			data = slurp(path, &len);
			assert_non_null(data);
			files++;
			read_text_named(f, name, data, len, &rc);
			free(data);
			assert_int_equal(rc, 0);
		}
		if (idx >= f->set.nr) {
			print_message("%s: record %u expected, the reader gave %zu\n", name, idx, f->set.nr);
			bad++;
			continue;
		}
		r = &f->set.items[idx];
		measured(got_rec, sizeof(got_rec), r->has_recovery, r->recovery_seconds);
		measured(got_loss, sizeof(got_loss), r->has_data_loss, r->data_loss_seconds);
		if (strcmp(outcome, drill_outcome_name(r->problem ? DRILL_UNKNOWN : r->outcome)) ||
		    strcmp(rec_s, got_rec) || strcmp(loss_s, got_loss)) {
			print_message("%s record %u: expected %s %s %s, got %s %s %s%s%s\n", name, idx,
				      outcome, rec_s, loss_s, drill_outcome_name(r->outcome), got_rec,
				      got_loss, r->doubt ? " doubt: " : "", r->doubt ? r->doubt : "");
			bad++;
		}
	}
	fclose(tsv);
	/* every file's record count: a file with more records than rows is wrong too */
	print_message("corpus: %d files, %d records (%d holdout), %d wrong\n", files, rows, holdout, bad);
	assert_int_equal(bad, 0);
	assert_true(files >= 40);
	assert_true(holdout >= 10);
}

/* A row per record: no file gives more records than the table lists. */
static void test_corpus_record_counts(void **state)
{
	struct fixture *f = *state;
	FILE *tsv = fopen(CORPUS "EXPECTED.tsv", "r");
	char row[512], name[128], last[128] = "";
	unsigned idx, count = 0;
	int bad = 0;
	assert_non_null(tsv);
	for (;;) {
		int more = fgets(row, sizeof(row), tsv) != NULL;
		if (more && (row[0] == '#' || row[0] == '\n'))
			continue;
		if (more && sscanf(row, "%127s %u", name, &idx) != 2)
			fail_msg("bad row %s", row);
		if ((!more || strcmp(name, last)) && last[0]) {
			char path[256];
			size_t len;
			char *data;
			int rc = 0;
			snprintf(path, sizeof(path), CORPUS "%s", last);
			data = slurp(path, &len);
			assert_non_null(data);
			read_text_named(f, last, data, len, &rc);
			free(data);
			if (f->set.nr != count) {
				print_message("%s: %zu records, EXPECTED.tsv lists %u\n", last, f->set.nr, count);
				bad++;
			}
			count = 0;
		}
		if (!more)
			break;
		snprintf(last, sizeof(last), "%s", name);
		count++;
	}
	fclose(tsv);
	assert_int_equal(bad, 0);
}

/* Every shipped marker keeps the literal prefilter: a pattern without
 * required literals would be run on every line of a long log. */
static void test_vocabulary_prefilterable(void **state)
{
	struct fixture *f = *state;
	size_t i;
	for (i = 0; i < f->q.defaults.nr; i++) {
		const struct param *p = &f->q.defaults.items[i];
		struct required_literals *lits;
		if (strncmp(p->name, "marker-", 7))
			continue;
		lits = required_literals_of(p->value);
		if (!lits)
			fail_msg("%s has a branch without a literal word", p->name);
		required_literals_free(lits);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_corpus_record_counts),
		cmocka_unit_test(test_vocabulary_prefilterable),
	};
	return cmocka_run_group_tests(tests, fixture_setup, fixture_teardown);
}
