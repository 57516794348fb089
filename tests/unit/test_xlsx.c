/*
 * test_xlsx.c - the .xlsx reader on the workbooks in tests/fixtures/xlsx/
 * (made by make-fixtures.py there): every kind of cell value, sparse and
 * unordered rows, and hostile archives that must fail with one message
 * naming the workbook (and the sheet and cell where there is one).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "base/error.h"
#include "evidence/xlsx.h"
#include "base/xmlload.h"

#define FIX "tests/fixtures/xlsx/"

static struct xlsx *open_fixture(const char *name, const struct xlsx_limits *limits)
{
	char path[256];
	int fd;
	snprintf(path, sizeof(path), FIX "%s", name);
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	return xlsx_open_fd(fd, path, limits);
}

/*
 * Run fn with stderr going to a temporary file and return what was written
 * (caller frees); error_quiet is off meanwhile so the message is printed.
 */
static char *stderr_of(void (*fn)(void *), void *arg)
{
	FILE *tmp = tmpfile();
	int saved = dup(2), quiet = error_quiet;
	long n;
	char *out;
	assert_non_null(tmp);
	fflush(stderr);
	dup2(fileno(tmp), 2);
	error_quiet = 0;
	fn(arg);
	fflush(stderr);
	error_quiet = quiet;
	dup2(saved, 2);
	close(saved);
	n = ftell(tmp);
	assert_true(n >= 0);
	out = calloc(1, (size_t)n + 1);
	rewind(tmp);
	assert_int_equal(fread(out, 1, (size_t)n, tmp), (size_t)n);
	fclose(tmp);
	return out;
}

static void test_refs(void **state)
{
	uint32_t col, row;
	char name[8];
	(void)state;
	assert_int_equal(xlsx_ref_parse("A1", &col, &row), 0);
	assert_int_equal(col, 1);
	assert_int_equal(row, 1);
	assert_int_equal(xlsx_ref_parse("AB12", &col, &row), 0);
	assert_int_equal(col, 28);
	assert_int_equal(row, 12);
	assert_int_equal(xlsx_ref_parse("XFD1048576", &col, &row), 0);
	assert_int_equal(col, 16384);
	assert_int_equal(row, 1048576);
	assert_int_equal(xlsx_ref_parse("XFE1", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("A1048577", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("A0", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("A01", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("a1", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("$A$1", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("1A", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("AAAA1", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse("", &col, &row), -1);
	assert_int_equal(xlsx_ref_parse(NULL, &col, &row), -1);
	xlsx_col_name(1, name, sizeof(name));
	assert_string_equal(name, "A");
	xlsx_col_name(26, name, sizeof(name));
	assert_string_equal(name, "Z");
	xlsx_col_name(27, name, sizeof(name));
	assert_string_equal(name, "AA");
	xlsx_col_name(16384, name, sizeof(name));
	assert_string_equal(name, "XFD");
}

static void expect_cell(const struct xlsx_row *row, size_t i, const char *ref,
			const char *value)
{
	assert_true(i < row->nr_cells);
	assert_string_equal(row->cells[i].ref, ref);
	assert_string_equal(row->cells[i].value, value);
}

/* The rows of strings.xlsx, however it was opened. */
static void check_strings_workbook(struct xlsx *x)
{
	struct xlsx_sheet *s;
	struct xlsx_row row;

	assert_non_null(x);
	assert_int_equal(xlsx_sheet_count(x), 2);
	assert_string_equal(xlsx_sheet_name(x, 0), "Data");
	assert_string_equal(xlsx_sheet_name(x, 1), "二番目");
	assert_null(xlsx_sheet_name(x, 2));
	assert_int_equal(xlsx_sheet_find(x, "二番目"), 1);
	assert_int_equal(xlsx_sheet_find(x, "data"), -1);
	assert_int_equal(xlsx_sheet_find(x, NULL), -1);
	s = xlsx_sheet_open(x, 0);
	assert_non_null(s);

	/* rich-text runs joined; the phonetic guide (rPh) left out */
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	assert_int_equal(row.number, 1);
	assert_int_equal(row.nr_cells, 2);
	expect_cell(&row, 0, "A1", "Recovery Point ");
	expect_cell(&row, 1, "B1", "目標復旧時点");

	/* row 2 absent, cells written C, A, B: returned A, B, C */
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	assert_int_equal(row.number, 3);
	assert_int_equal(row.nr_cells, 3);
	expect_cell(&row, 0, "A3", "web");     /* inline string */
	expect_cell(&row, 1, "B3", "1.5");     /* number as written */
	expect_cell(&row, 2, "C3", "TRUE");    /* boolean */
	assert_string_equal(xlsx_row_cell(&row, 2)->value, "1.5");
	assert_null(xlsx_row_cell(&row, 4));

	/* row 4 is empty, row 5 only holds an empty string and an empty cell */
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	assert_int_equal(row.number, 10);
	assert_int_equal(row.nr_cells, 2);
	expect_cell(&row, 0, "Z10", "#N/A");   /* error value */
	expect_cell(&row, 1, "AB10", "web!");  /* cached formula result */
	assert_int_equal(row.cells[1].col, 28);

	/* a row and cells without references follow on */
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	assert_int_equal(row.number, 11);
	expect_cell(&row, 0, "A11", "ab");
	expect_cell(&row, 1, "B11", "7");

	assert_int_equal(xlsx_sheet_next(s, &row), 0);
	assert_int_equal(xlsx_sheet_next(s, &row), 0);
	xlsx_sheet_close(s);

	s = xlsx_sheet_open(x, 1);
	assert_non_null(s);
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	expect_cell(&row, 0, "A1", "x");
	xlsx_sheet_close(s);
	assert_null(xlsx_sheet_open(x, 2));
}

static void test_values(void **state)
{
	struct xlsx *x = open_fixture("strings.xlsx", NULL);
	(void)state;
	check_strings_workbook(x);
	xlsx_close(x);
}

static void test_open_memory(void **state)
{
	FILE *f = fopen(FIX "strings.xlsx", "rb");
	char *data;
	long n;
	struct xlsx *x;
	(void)state;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	x = xlsx_open_memory(data, (size_t)n, "mem.xlsx", NULL);
	check_strings_workbook(x);
	xlsx_close(x);
	/* half of it is not a zip any more */
	assert_null(xlsx_open_memory(data, (size_t)n / 2, "mem.xlsx", NULL));
	free(data);
}

static void test_no_shared_strings(void **state)
{
	struct xlsx *x = open_fixture("no-shared-strings.xlsx", NULL);
	struct xlsx_sheet *s;
	struct xlsx_row row;
	(void)state;
	assert_non_null(x);
	s = xlsx_sheet_open(x, 0);
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	expect_cell(&row, 0, "A1", "only");
	expect_cell(&row, 1, "B1", "inline");
	assert_int_equal(xlsx_sheet_next(s, &row), 1);
	assert_int_equal(row.nr_cells, 1);
	expect_cell(&row, 0, "B2", "42");
	assert_int_equal(xlsx_sheet_next(s, &row), 0);
	xlsx_sheet_close(s);
	xlsx_close(x);
}

struct failing_read {
	const char *fixture;
	struct xlsx_limits limits;
	int use_limits;
	int rows_before; /* rows read fine before the failure */
	int failed;
};

/* Open, read every row of the first sheet; record whether anything failed. */
static void read_all(void *arg)
{
	struct failing_read *fr = arg;
	struct xlsx *x = open_fixture(fr->fixture, fr->use_limits ? &fr->limits : NULL);
	struct xlsx_sheet *s;
	struct xlsx_row row;
	int rc;
	fr->rows_before = 0;
	fr->failed = 1;
	if (!x)
		return;
	s = xlsx_sheet_open(x, 0);
	if (s) {
		while ((rc = xlsx_sheet_next(s, &row)) == 1)
			fr->rows_before++;
		fr->failed = rc < 0;
		if (rc < 0)
			assert_int_equal(xlsx_sheet_next(s, &row), -1); /* stays failed */
		xlsx_sheet_close(s);
	}
	xlsx_close(x);
}

/* The fixture fails with exactly one line containing each of the needles. */
static void expect_failure(const char *fixture, const char *needle1, const char *needle2)
{
	struct failing_read fr = { .fixture = fixture };
	char *err = stderr_of(read_all, &fr);
	char prefix[256];
	assert_true(fr.failed);
	snprintf(prefix, sizeof(prefix), "ftrkit: " FIX "%s: ", fixture);
	if (strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, needle1) ||
	    (needle2 && !strstr(err, needle2)))
		fail_msg("%s: unexpected message: %s", fixture, err);
	/* one line */
	assert_non_null(strchr(err, '\n'));
	assert_string_equal(strchr(err, '\n'), "\n");
	free(err);
}

static void test_missing_shared_strings_part(void **state)
{
	(void)state;
	expect_failure("no-shared-strings-ref.xlsx", "sheet 'Inline' cell D2",
		       "no shared string table");
}

static void test_doctype_refused(void **state)
{
	(void)state;
	expect_failure("doctype.xlsx", "sheet 'Sheet1'", "DOCTYPE declarations are not allowed");
}

static void test_zip_bombs(void **state)
{
	(void)state;
	expect_failure("bomb-size.xlsx", "sheet 'Sheet1'", "over the 33554432-byte limit");
	expect_failure("bomb-ratio.xlsx", "sheet 'Sheet1'", "compression ratio over 200:1");
}

static void test_not_zip_and_truncated(void **state)
{
	(void)state;
	expect_failure("not-a-zip.xlsx", "not a zip archive", NULL);
	expect_failure("truncated.xlsx", "zip archive", NULL);
	expect_failure("not-a-workbook.xlsx", "xl/workbook.xml is missing", NULL);
	expect_failure("crc-mismatch.xlsx", "sheet 'Sheet1'", "CRC");
}

static void test_bad_sheets(void **state)
{
	(void)state;
	expect_failure("duplicate-cell.xlsx", "sheet 'Sheet1' cell B2", "appears twice");
	expect_failure("rows-out-of-order.xlsx", "sheet 'Sheet1'", "row 3 comes after row 5");
	expect_failure("bad-ref.xlsx", "sheet 'Sheet1' row 2", "'b2' is not valid");
	expect_failure("cell-outside-row.xlsx", "sheet 'Sheet1' cell A3", "outside its row 2");
	expect_failure("malformed-sheet.xlsx", "sheet 'Sheet1'", "xl/worksheets/sheet1.xml line");
	expect_failure("rel-escape.xlsx", "unusable target '../../etc/passwd'", NULL);
}

static void test_limits(void **state)
{
	struct failing_read fr = { .fixture = "many-rows.xlsx" };
	char *err;
	(void)state;
	read_all(&fr);
	assert_false(fr.failed);
	assert_int_equal(fr.rows_before, 20);

	fr.limits = xlsx_default_limits;
	fr.limits.max_rows = 10;
	fr.use_limits = 1;
	err = stderr_of(read_all, &fr);
	assert_true(fr.failed);
	assert_int_equal(fr.rows_before, 10);
	assert_non_null(strstr(err, "more than 10 rows"));
	free(err);

	/* value length: the shared strings of strings.xlsx are longer than 5 */
	fr.fixture = "strings.xlsx";
	fr.limits = xlsx_default_limits;
	fr.limits.max_string = 5;
	err = stderr_of(read_all, &fr);
	assert_true(fr.failed);
	assert_non_null(strstr(err, "longer than 5 bytes"));
	free(err);

	/* column limit */
	fr.limits = xlsx_default_limits;
	fr.limits.max_cols = 26;
	fr.limits.max_string = 100;
	err = stderr_of(read_all, &fr);
	assert_true(fr.failed);
	assert_non_null(strstr(err, "sheet 'Data' cell AB10: column beyond the 26-column limit"));
	free(err);

	/* part size cap lowered below a real part */
	fr.limits = xlsx_default_limits;
	fr.limits.max_part_size = 100;
	err = stderr_of(read_all, &fr);
	assert_true(fr.failed);
	assert_non_null(strstr(err, "over the 100-byte limit"));
	free(err);
}

static void test_sample_template(void **state)
{
	int fd = open("evidence/documents/ftr-self-assessment.xlsx", O_RDONLY);
	struct xlsx *x;
	struct xlsx_sheet *s;
	struct xlsx_row row;
	int header = 0;
	(void)state;
	assert_true(fd >= 0);
	x = xlsx_open_fd(fd, "sample", NULL);
	assert_non_null(x);
	assert_int_equal(xlsx_sheet_count(x), 2);
	assert_string_equal(xlsx_sheet_name(x, 1), "Resiliency");
	s = xlsx_sheet_open(x, 1);
	assert_non_null(s);
	while (xlsx_sheet_next(s, &row) == 1) {
		const struct xlsx_cell *c = xlsx_row_cell(&row, 5);
		if (c && strcmp(c->value, "Recovery Point") == 0)
			header = (int)row.number;
	}
	assert_int_equal(header, 4);
	xlsx_sheet_close(s);
	xlsx_close(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refs),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_open_memory),
		cmocka_unit_test(test_no_shared_strings),
		cmocka_unit_test(test_missing_shared_strings_part),
		cmocka_unit_test(test_doctype_refused),
		cmocka_unit_test(test_zip_bombs),
		cmocka_unit_test(test_not_zip_and_truncated),
		cmocka_unit_test(test_bad_sheets),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_sample_template),
	};
	error_quiet = 1;
	xml_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
