/*
 * drill_junit.c - drills from JUnit XML written by automated DR tests.
 *
 * Each <testsuite> (the root, or children of <testsuites>) is one drill:
 * timestamp = start (JUnit writes it without an offset, so the
 * assessment's timezone is assumed and said), time = duration in seconds,
 * tests/failures/errors = outcome (success when tests > 0 and nothing
 * failed).  Recovery is the suite's duration unless <properties> name the
 * moments: outage-start, service-restored, last-recoverable-point (times)
 * and scenario (the scenario id).  Parsed with xmlload.h's hardening
 * (no network, no DTD, no entities); no schema is required.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "model/check_messages.h"
#include "drills/drill_readers.h"
#include "base/error.h"
#include "base/xmlload.h"
#include "base/banned.h"

/* A property's value as a time into t; a bad value becomes the problem. */
static void property_time(struct drill_record *rec, const struct drill_reader_ctx *rc,
			  struct drill_time *t, const char *name, const char *value, long line)
{
	struct timestamp ts;
	if (timestamp_parse(value, &rc->ts, &ts) < 0) {
		drill_record_problem(rec, line, CMSG(rc->lang, DP_JUNIT_PROPERTY), name, value);
		return;
	}
	drill_time_set(rec, t, &ts, line);
}

static long attr_long(xmlNodePtr n, const char *name, long dflt)
{
	char *v = xml_attr(n, name), *end;
	long out = dflt;
	if (v) {
		out = strtol(v, &end, 10);
		if (end == v || *end)
			out = dflt;
	}
	free(v);
	return out;
}

/*
 * The first failed testcase of suite into rec->failure_note ("suite S,
 * testcase T: message", the message from the <failure>/<error> message
 * attribute, else its text, cut at 200 bytes) and failure_line.
 */
static void failed_testcase(xmlNodePtr suite, struct drill_record *rec)
{
	xmlNodePtr tc, f;
	for (tc = suite->children; tc; tc = tc->next) {
		if (!xml_is(tc, "testcase"))
			continue;
		for (f = tc->children; f; f = f->next) {
			char *sname, *tname, *msg;
			if (!xml_is(f, "failure") && !xml_is(f, "error"))
				continue;
			sname = xml_attr(suite, "name");
			tname = xml_attr(tc, "name");
			msg = xml_attr(f, "message");
			if (!msg || !*msg) {
				xmlChar *text = xmlNodeGetContent(f);
				free(msg);
				msg = xstrdup(text ? (const char *)text : "");
				xmlFree(text);
			}
			{
				char *p;
				for (p = msg; *p; p++)
					if (*p == '\n' || *p == '\r' || *p == '\t')
						*p = ' ';
			}
			rec->failure_note = xasprintf("suite %s, testcase %s (%s): %.200s",
						      sname ? sname : "?", tname ? tname : "?",
						      xml_is(f, "failure") ? "failure" : "error", msg);
			rec->failure_line = xmlGetLineNo(f) > 0 ? xmlGetLineNo(f) : xmlGetLineNo(tc);
			free(sname);
			free(tname);
			free(msg);
			return;
		}
	}
}

static void read_suite(xmlNodePtr suite, const char *relpath, const struct drill_reader_ctx *rc,
		       struct drill_set *out)
{
	struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_JUNIT, rc->scenario);
	char *stamp = xml_attr(suite, "timestamp"), *time_s = xml_attr(suite, "time");
	long line = xmlGetLineNo(suite), tests, failures, errors;
	xmlNodePtr props = xml_child(suite, "properties"), p;

	rec->line = line > 0 ? line : 1;
	if (stamp) {
		property_time(rec, rc, &rec->started, "timestamp", stamp, rec->line);
		if (rec->started.set && time_s) {
			char *end;
			double secs = strtod(time_s, &end);
			if (end != time_s && !*end && isfinite(secs) && secs >= 0 && secs < 1e9) {
				rec->ended = rec->started;
				rec->ended.epoch += (int64_t)secs;
			} else {
				drill_record_problem(rec, rec->line, CMSG(rc->lang, DP_JUNIT_TIME),
						     time_s);
			}
		}
	}
	for (p = props ? props->children : NULL; p; p = p->next) {
		char *name, *value;
		long pline = xmlGetLineNo(p);
		if (!xml_is(p, "property"))
			continue;
		name = xml_attr(p, "name");
		value = xml_attr(p, "value");
		if (name && value) {
			if (!strcmp(name, "outage-start"))
				property_time(rec, rc, &rec->outage, name, value, pline);
			else if (!strcmp(name, "service-restored"))
				property_time(rec, rc, &rec->restored, name, value, pline);
			else if (!strcmp(name, "last-recoverable-point"))
				property_time(rec, rc, &rec->recovery_point, name, value, pline);
			else if (!strcmp(name, "scenario") && !rec->scenario_named) {
				rec->scenario_named = xstrdup(value);
				rec->scenario_line = pline;
			}
		}
		free(name);
		free(value);
	}
	if (!rec->outage.set && rec->started.set)
		rec->outage = rec->started;
	if (!rec->restored.set && rec->ended.set)
		rec->restored = rec->ended;
	tests = attr_long(suite, "tests", -1);
	failures = attr_long(suite, "failures", 0);
	errors = attr_long(suite, "errors", 0);
	if (tests >= 0) {
		rec->outcome = tests > 0 && failures == 0 && errors == 0 ? DRILL_SUCCESS : DRILL_FAILURE;
		rec->outcome_line = rec->line;
	}
	failed_testcase(suite, rec);
	if (rec->failure_note && rec->outcome != DRILL_FAILURE) {
		/* the counts say passed, a testcase says failed: not judged */
		drill_record_doubt(rec, rec->failure_line, CMSG(rc->lang, DP_JUNIT_COUNTS),
				   failures, errors, rec->failure_note);
	}
	drill_record_finish(rec, rc->ts.tz_offset_seconds);
	free(stamp);
	free(time_s);
}

void drill_read_junit(int fd, const char *relpath, const struct drill_reader_ctx *rc,
		      struct drill_set *out)
{
	struct strbuf sb;
	char *why = NULL, msg[512];
	xmlDocPtr doc = NULL;
	xmlNodePtr root, n;
	size_t before = out->nr;
	long line = 0;

	if (drill_slurp(fd, rc->export_max, &sb, &why) < 0) {
		drill_record_problem(drill_record_new(out, relpath, DRILL_SOURCE_JUNIT, rc->scenario),
				     0, "%s", why);
		goto out;
	}
	doc = xml_parse_evidence(strbuf_str(&sb), sb.len, relpath, msg, sizeof(msg), &line);
	if (!doc) {
		drill_record_problem(drill_record_new(out, relpath, DRILL_SOURCE_JUNIT, rc->scenario),
				     line, CMSG(rc->lang, DP_JUNIT_UNREADABLE), msg);
		goto out;
	}
	root = xmlDocGetRootElement(doc);
	if (xml_is(root, "testsuite")) {
		read_suite(root, relpath, rc, out);
	} else if (xml_is(root, "testsuites")) {
		for (n = root->children; n; n = n->next)
			if (xml_is(n, "testsuite"))
				read_suite(n, relpath, rc, out);
	}
	if (out->nr == before)
		drill_record_problem(drill_record_new(out, relpath, DRILL_SOURCE_JUNIT, rc->scenario),
				     xmlGetLineNo(root),
				     CMSG(rc->lang, DP_JUNIT_NO_SUITE),
				     (const char *)root->name);
out:
	if (doc)
		xmlFreeDoc(doc);
	strbuf_release(&sb);
	free(why);
}
