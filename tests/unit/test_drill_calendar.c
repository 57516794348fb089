/*
 * test_drill_calendar.c - next due dates, major changes, overdue, and the
 * iCalendar text (folding at 75 octets, escaping, RRULEs).
 */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "model/calendar.h"
#include "drills/drill_calendar.h"
#include "base/error.h"
#include "reports/ical.h"

static int64_t day(int y, unsigned m, unsigned d)
{
	return days_from_civil(y, m, d);
}

static void test_cadence_add(void **state)
{
	struct cadence q = { "quarterly", 3, 0 }, d90 = { "90d", 0, 90 * 86400 },
		       odd = { "36h", 0, 36 * 3600 };
	(void)state;
	assert_int_equal(cadence_add(&q, day(2026, 11, 30)), day(2027, 2, 28));
	assert_int_equal(cadence_add(&q, day(2027, 11, 30)), day(2028, 2, 29));
	assert_int_equal(cadence_add(&d90, day(2026, 1, 1)), day(2026, 4, 1));
	assert_int_equal(cadence_add(&odd, day(2026, 1, 1)), day(2026, 1, 3));
}

/* One scenario, drills on the given days (success unless negative). */
static void build(struct assessment *a, struct scenario *s, struct drill_set *set,
		  const int64_t *days, const int *ok, size_t n)
{
	size_t i;
	memset(a, 0, sizeof(*a));
	memset(set, 0, sizeof(*set));
	a->scenarios = s;
	a->nr_scenarios = 1;
	for (i = 0; i < n; i++) {
		struct drill_record *r = drill_record_new(set, "drills/x.md", DRILL_SOURCE_TEXT, s);
		r->has_date = 1;
		r->day = days[i];
		r->outcome = ok[i] ? DRILL_SUCCESS : DRILL_FAILURE;
	}
}

static void test_calendar(void **state)
{
	struct scenario s = { 0 };
	struct assessment a;
	struct drill_set set;
	struct scenario_status *cal;
	struct major_change change = { 0 };
	size_t nr;
	int64_t days[] = { day(2026, 3, 5), day(2026, 9, 1), day(2026, 12, 1) };
	int ok[] = { 1, 0, 1 };
	(void)state;
	s.id = "queue-restore";
	s.component = "queue";
	s.cadence.text = "quarterly";
	s.cadence.months = 3;
	build(&a, &s, &set, days, ok, 3);
	/* the failed drill and the one after as-of do not count */
	drill_calendar_build(&a, &set, day(2026, 11, 25), &cal, &nr);
	assert_int_equal(nr, 1);
	assert_int_equal(cal[0].last_success->day, day(2026, 3, 5));
	assert_int_equal(cal[0].next_due, day(2026, 6, 5));
	assert_int_equal(cal[0].overdue, 1);
	free(cal);
	/* due on as-of is not overdue yet */
	drill_calendar_build(&a, &set, day(2026, 6, 5), &cal, &nr);
	assert_int_equal(cal[0].overdue, 0);
	free(cal);
	/* a major change of the component after the drill brings the date forward */
	change.day = day(2026, 4, 1);
	change.component = "queue";
	change.text = "new broker";
	a.changes = &change;
	a.nr_changes = 1;
	drill_calendar_build(&a, &set, day(2026, 4, 20), &cal, &nr);
	assert_int_equal(cal[0].next_due, day(2026, 4, 1));
	assert_ptr_equal(cal[0].change, &change);
	assert_int_equal(cal[0].overdue, 1);
	free(cal);
	/* another component's change does not */
	change.component = "api";
	drill_calendar_build(&a, &set, day(2026, 4, 20), &cal, &nr);
	assert_int_equal(cal[0].next_due, day(2026, 6, 5));
	assert_int_equal(cal[0].overdue, 0);
	free(cal);
	drill_set_free(&set);
	/* never drilled: overdue */
	build(&a, &s, &set, NULL, NULL, 0);
	drill_calendar_build(&a, &set, day(2026, 4, 20), &cal, &nr);
	assert_null(cal[0].last_success);
	assert_int_equal(cal[0].overdue, 1);
	free(cal);
	drill_set_free(&set);
}

static void test_ical_folding(void **state)
{
	struct strbuf out = STRBUF_INIT;
	const char *p, *line;
	char value[200];
	(void)state;
	memset(value, 'x', sizeof(value) - 1);
	value[sizeof(value) - 1] = '\0';
	ical_line(&out, "DESCRIPTION", value);
	/* every physical line is at most 75 octets and ends in CRLF */
	for (line = out.buf; *line; line = p + 2) {
		p = strstr(line, "\r\n");
		assert_non_null(p);
		assert_true(p - line <= 75);
	}
	assert_int_equal(out.len, strlen("DESCRIPTION:") + 199 + 2 + 3 * 2);
	strbuf_release(&out);
	/* multi-byte characters are never split */
	strbuf_init(&out, 0);
	ical_line(&out, "SUMMARY", "データ破損からのポイントインタイムリカバリ データ破損からのポイントインタイムリカバリ");
	for (line = out.buf; *line; line = p + 2) {
		p = strstr(line, "\r\n");
		assert_true(p - line <= 75);
		if (line != out.buf)
			assert_int_equal(line[0], ' ');
		/* the byte after a fold point starts a character */
		assert_true(((unsigned char)(line == out.buf ? line[0] : line[1]) & 0xc0) != 0x80);
	}
	strbuf_release(&out);
}

static void test_ical_escape_and_calendar(void **state)
{
	char *esc = ical_escape_text("a,b;c\\d\ne");
	struct strbuf out = STRBUF_INIT;
	struct scenario s = { 0 };
	struct assessment a;
	struct drill_set set;
	struct scenario_status *cal;
	size_t nr;
	int64_t days[] = { day(2026, 10, 7) };
	int ok[] = { 1 };
	(void)state;
	assert_string_equal(esc, "a\\,b\\;c\\\\d\\ne");
	free(esc);
	s.id = "web";
	s.component = "web";
	s.disruption = "instance";
	s.cadence.text = "90d";
	s.cadence.seconds = 90 * 86400;
	build(&a, &s, &set, days, ok, 1);
	a.product = "acme";
	drill_calendar_build(&a, &set, day(2026, 11, 25), &cal, &nr);
	ical_drill_calendar(&out, &a, cal, nr, day(2026, 11, 25), "-//t//t//EN", NULL);
	assert_non_null(strstr(out.buf, "\r\nUID:web@acme.ftrkit\r\n"));
	assert_non_null(strstr(out.buf, "\r\nDTSTART;VALUE=DATE:20270105\r\n"));
	assert_non_null(strstr(out.buf, "\r\nRRULE:FREQ=DAILY;INTERVAL=90\r\n"));
	assert_non_null(strstr(out.buf, "\r\nDTSTAMP:20261125T000000Z\r\n"));
	assert_int_equal(strncmp(out.buf, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_non_null(strstr(out.buf, "END:VCALENDAR\r\n"));
	free(cal);
	strbuf_release(&out);
	drill_set_free(&set);
}

/* A previous calendar is read as RFC 5545 lines, unfolded; events missing
 * any of UID, SEQUENCE, a 64-digit digest or their END are left out. */
static void test_ical_previous(void **state)
{
	static const char digest[] =
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
	struct strbuf in = STRBUF_INIT;
	struct ical_previous prev;
	(void)state;
	strbuf_addstr(&in, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a-very-long-scen\r\n ario@p.ftrkit\r\n"
		      "SEQUENCE:7\r\nX-FTRKIT-DIGEST:");
	strbuf_add(&in, digest, 40);
	strbuf_addstr(&in, "\r\n ");
	strbuf_addstr(&in, digest + 40);
	strbuf_addstr(&in, "\r\nEND:VEVENT\r\n"
		      /* no digest: left out */
		      "BEGIN:VEVENT\nUID:b@p.ftrkit\nSEQUENCE:1\nEND:VEVENT\n"
		      /* a sequence too large: left out */
		      "BEGIN:VEVENT\nUID:c@p.ftrkit\nSEQUENCE:99999999999999\nX-FTRKIT-DIGEST:");
	strbuf_addstr(&in, digest);
	strbuf_addstr(&in, "\nEND:VEVENT\n"
		      /* never ended: left out */
		      "BEGIN:VEVENT\nUID:d@p.ftrkit\nSEQUENCE:2\nX-FTRKIT-DIGEST:");
	strbuf_addstr(&in, digest);
	ical_previous_parse(in.buf, in.len, &prev);
	assert_int_equal(prev.nr, 1);
	assert_string_equal(prev.events[0].uid, "a-very-long-scenario@p.ftrkit");
	assert_int_equal(prev.events[0].sequence, 7);
	assert_string_equal(prev.events[0].digest, digest);
	ical_previous_free(&prev);
	ical_previous_parse("", 0, &prev);
	assert_int_equal(prev.nr, 0);
	ical_previous_free(&prev);
	strbuf_release(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cadence_add),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_ical_folding),
		cmocka_unit_test(test_ical_escape_and_calendar),
		cmocka_unit_test(test_ical_previous),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
