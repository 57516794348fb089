/*
 * cmd_init.c - `ftrkit init DIR`: scaffold a workspace.
 *
 * Writes DIR/assessment.xml pre-filled with every control of the chosen
 * questionnaire (each unanswered, its requirement as a comment), the
 * evidence sub-folders, a runbook template and a drill-log template.  It
 * never overwrites: if any file it would write exists, it writes nothing and
 * exits 2.  Files are created through a temporary file and link(), which
 * fails rather than replace a file that appeared meanwhile.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/xmlwriter.h>

#include "base/atomicfile.h"
#include "cli/commands.h"
#include "cli/scaffold.h"
#include "run/assess.h"
#include "base/error.h"
#include "checks/checks.h"
#include "configs/collect.h"
#include "model/questionnaire.h"
#include "base/strbuf.h"
#include "base/banned.h"

static const char *const subfolders[] = { "drills", "runbooks", "configs", "documents" };

static const char runbook_template[] =
	"# Runbook: <scenario title>\n"
	"\n"
	"<!-- Copy this file per DR scenario and name it in assessment.xml\n"
	"     (scenario runbook=\"runbooks/NAME.md\"). Keep the six sections. -->\n"
	"\n"
	"## Scenario\n"
	"\n"
	"What fails (instance, Availability Zone, Region, data corruption, accidental\n"
	"deletion), which component, what users notice, and the RTO and RPO that apply.\n"
	"\n"
	"## Preparation\n"
	"\n"
	"- [ ] Announce the drill and its window.\n"
	"- [ ] Confirm backups / replicas / capacity the recovery relies on.\n"
	"- [ ] Open the dashboards that show the outage and the recovery.\n"
	"\n"
	"## Steps\n"
	"\n"
	"1. [ ] Record the start time (\"Drill started\").\n"
	"2. [ ] Cause or simulate the failure; record \"Outage start\".\n"
	"3. [ ] Recover; record the last recoverable point (\"Last recoverable point\").\n"
	"4. [ ] Record \"Service restored\" when users are served again.\n"
	"\n"
	"## Verification\n"
	"\n"
	"- [ ] Health checks and synthetic transactions pass.\n"
	"- [ ] Data checks (row counts, checksums) match the expected values.\n"
	"\n"
	"## Rollback\n"
	"\n"
	"How to return to the state before the drill if recovery fails.\n"
	"\n"
	"## Contacts\n"
	"\n"
	"- On-call: <name, phone, e-mail>\n"
	"- Drill lead: <name>\n";

static const char drill_log_template[] =
	"# DR drill log: <scenario title>\n"
	"\n"
	"<!-- One log per drill: drills/YYYY-MM-DD-<scenario>.md, named in\n"
	"     assessment.xml (<drill-log>). Times: ISO 8601 with offset\n"
	"     (2026-10-07T14:02:10+09:00), YYYY/MM/DD hh:mm:ss, or epoch seconds.\n"
	"     Times without an offset are read in the assessment's timezone. -->\n"
	"\n"
	"- Scenario: <scenario id>\n"
	"- Component: <component id>\n"
	"- Date: YYYY-MM-DD\n"
	"- Runbook: runbooks/<runbook>.md\n"
	"- Operators: <names>\n"
	"\n"
	"## Timeline\n"
	"\n"
	"YYYY-MM-DDThh:mm:ss+hh:mm Drill started.\n"
	"YYYY-MM-DDThh:mm:ss+hh:mm Last recoverable point: <what and when>.\n"
	"YYYY-MM-DDThh:mm:ss+hh:mm Outage start: <what was done>.\n"
	"YYYY-MM-DDThh:mm:ss+hh:mm Service restored: <how it was confirmed>.\n"
	"YYYY-MM-DDThh:mm:ss+hh:mm Drill ended.\n"
	"\n"
	"## Result\n"
	"\n"
	"Result: success | failure. Recovery took <duration> against an RTO of <RTO>.\n";

/* The Japanese drill log: 年月日 dates, 時分秒 times, the same events. */
static const char drill_log_template_ja[] =
	"# DR 訓練記録: <シナリオ名>\n"
	"\n"
	"<!-- 1 回の訓練につき 1 ファイル。assessment.xml の <drill-log> に記載します。\n"
	"     時刻は 2026年9月3日 14時05分30秒、2026/09/03 14:05:30、ISO 8601 など。\n"
	"     時刻だけの行は直前の日付 (見出しやファイル名) を使います。 -->\n"
	"\n"
	"- シナリオ: <シナリオ ID>\n"
	"- 実施日: <YYYY年M月D日>\n"
	"- 担当: <氏名>\n"
	"\n"
	"## 経過\n"
	"\n"
	"<hh時mm分ss秒> 訓練開始\n"
	"<hh時mm分ss秒> 最終復旧可能時点: <時刻>\n"
	"<hh時mm分ss秒> 障害発生: <実施した操作>\n"
	"<hh時mm分ss秒> 復旧完了: <確認方法>\n"
	"<hh時mm分ss秒> 訓練終了\n"
	"\n"
	"## 結果\n"
	"\n"
	"結果: 成功 / 失敗\n";

/* `aws rds describe-events` export: the Dates are placeholders until filled. */
static const char drill_rds_template[] =
	"{\n"
	"  \"Events\": [\n"
	"    {\"SourceIdentifier\": \"<db-instance>\", \"SourceType\": \"db-instance\",\n"
	"     \"Message\": \"Started cross AZ failover to DB instance: <db-instance>\",\n"
	"     \"Date\": \"<YYYY-MM-DDThh:mm:ss.sssZ>\"},\n"
	"    {\"SourceIdentifier\": \"<db-instance>\", \"SourceType\": \"db-instance\",\n"
	"     \"Message\": \"Completed failover to DB instance: <db-instance>\",\n"
	"     \"Date\": \"<YYYY-MM-DDThh:mm:ss.sssZ>\"}\n"
	"  ]\n"
	"}\n";

/* `aws fis get-experiment` export: times and state are placeholders. */
static const char drill_fis_template[] =
	"{\n"
	"  \"experiment\": {\n"
	"    \"id\": \"<EXP id>\",\n"
	"    \"tags\": {\"scenario\": \"<scenario id>\"},\n"
	"    \"state\": {\"status\": \"<completed|failed>\"},\n"
	"    \"startTime\": \"<YYYY-MM-DDThh:mm:ssZ>\",\n"
	"    \"endTime\": \"<YYYY-MM-DDThh:mm:ssZ>\",\n"
	"    \"actions\": {\n"
	"      \"inject-fault\": {\"actionId\": \"aws:ec2:stop-instances\",\n"
	"        \"startTime\": \"<YYYY-MM-DDThh:mm:ssZ>\", \"endTime\": \"<YYYY-MM-DDThh:mm:ssZ>\"},\n"
	"      \"verify-recovery\": {\"actionId\": \"aws:fis:wait\",\n"
	"        \"startTime\": \"<YYYY-MM-DDThh:mm:ssZ>\", \"endTime\": \"<YYYY-MM-DDThh:mm:ssZ>\"}\n"
	"    }\n"
	"  }\n"
	"}\n";

/* JUnit from an automated DR test: timestamp and counts to fill in. */
static const char drill_junit_template[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<!-- One <testsuite> per drill. Until filled in, the timestamp below is not a time,\n"
	"     so this file reads as unreadable evidence, never as a drill. -->\n"
	"<testsuite name=\"SCENARIO-ID drill\" tests=\"0\" failures=\"0\" errors=\"0\"\n"
	"           timestamp=\"YYYY-MM-DDThh:mm:ss\" time=\"SECONDS\">\n"
	"  <properties>\n"
	"    <property name=\"scenario\" value=\"SCENARIO-ID\"/>\n"
	"    <property name=\"outage-start\" value=\"YYYY-MM-DDThh:mm:ss+hh:mm\"/>\n"
	"    <property name=\"service-restored\" value=\"YYYY-MM-DDThh:mm:ss+hh:mm\"/>\n"
	"    <property name=\"last-recoverable-point\" value=\"YYYY-MM-DDThh:mm:ss+hh:mm\"/>\n"
	"  </properties>\n"
	"  <testcase name=\"WHAT-THE-TEST-CHECKS\"/>\n"
	"</testsuite>\n";

#define NR_FILES 8

/* Comments may not contain "--": replace it so the writer's output stays XML. */
static char *comment_safe(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	for (p = text; *p; p++) {
		strbuf_addch(&sb, *p);
		if (*p == '-' && (p[1] == '-' || !p[1]))
			strbuf_addch(&sb, ' ');
	}
	return strbuf_detach(&sb);
}

static int w_ok(int rc)
{
	if (rc < 0)
		die_oom();
	return rc;
}

xmlBufferPtr scaffold_assessment(const struct questionnaire *q, const char *product)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
	static const char *const disruptions[] = { "instance", "az", "data-corruption" };
	size_t i;
	char *comment;

	if (!w)
		die_oom();
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	w_ok(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL));
	w_ok(xmlTextWriterWriteComment(w, BAD_CAST
		" ftrkit assessment: fill in the product, components and objectives, the DR "
		"scenarios with their runbooks and drill logs, and answer each control. "
		"Schema: questionnaires/assessment.xsd. "));
	w_ok(xmlTextWriterStartElement(w, BAD_CAST "assessment"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "questionnaire", BAD_CAST q->id));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "timezone", BAD_CAST "+00:00"));

	w_ok(xmlTextWriterStartElement(w, BAD_CAST "product"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST product));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.0"));
	w_ok(xmlTextWriterWriteElement(w, BAD_CAST "organisation", BAD_CAST "Your organisation"));
	w_ok(xmlTextWriterEndElement(w));

	w_ok(xmlTextWriterStartElement(w, BAD_CAST "components"));
	w_ok(xmlTextWriterWriteComment(w, BAD_CAST
		" One component per part of the product; criticality critical or non-critical. "
		"Durations: PT1H30M, 90m, 1h30m, 2 hours, 1時間30分. Empty = not stated yet. "));
	w_ok(xmlTextWriterStartElement(w, BAD_CAST "component"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "app"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "Application"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "criticality", BAD_CAST "critical"));
	for (i = 0; i < sizeof(disruptions) / sizeof(disruptions[0]); i++) {
		w_ok(xmlTextWriterStartElement(w, BAD_CAST "objective"));
		w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "disruption", BAD_CAST disruptions[i]));
		w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "rpo", BAD_CAST ""));
		w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "rto", BAD_CAST ""));
		w_ok(xmlTextWriterEndElement(w));
	}
	w_ok(xmlTextWriterEndElement(w)); /* component */
	w_ok(xmlTextWriterEndElement(w)); /* components */

	w_ok(xmlTextWriterStartElement(w, BAD_CAST "scenarios"));
	w_ok(xmlTextWriterStartElement(w, BAD_CAST "scenario"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "app-az-failure"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "component", BAD_CAST "app"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "disruption", BAD_CAST "az"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "cadence", BAD_CAST "quarterly"));
	w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "runbook", BAD_CAST "runbooks/runbook-template.md"));
	w_ok(xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST "Availability Zone failure"));
	w_ok(xmlTextWriterWriteComment(w, BAD_CAST
		" Add <drill-log>drills/YYYY-MM-DD-app-az-failure.md</drill-log> after each drill. "));
	w_ok(xmlTextWriterEndElement(w));
	w_ok(xmlTextWriterEndElement(w));

	w_ok(xmlTextWriterWriteComment(w, BAD_CAST
		" The filled FTR self-assessment workbook (DR-003/DR-006 read its Recovery Point"
		" and Recovery Time columns): <template path=\"documents/ftr-self-assessment.xlsx\"/> "));
	w_ok(xmlTextWriterStartElement(w, BAD_CAST "controls"));
	for (i = 0; i < q->nr_controls; i++) {
		const struct control *c = &q->controls[i];
		char *text = xasprintf(" %s %s ", c->id, text_pick(&c->requirement, "en"));
		comment = comment_safe(text);
		free(text);
		w_ok(xmlTextWriterWriteComment(w, BAD_CAST comment));
		free(comment);
		w_ok(xmlTextWriterStartElement(w, BAD_CAST "control"));
		w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "ref", BAD_CAST c->id));
		w_ok(xmlTextWriterWriteAttribute(w, BAD_CAST "status", BAD_CAST "unanswered"));
		w_ok(xmlTextWriterWriteElement(w, BAD_CAST "notes", BAD_CAST ""));
		w_ok(xmlTextWriterEndElement(w));
	}
	w_ok(xmlTextWriterEndElement(w)); /* controls */
	w_ok(xmlTextWriterEndElement(w)); /* assessment */
	w_ok(xmlTextWriterEndDocument(w));
	xmlFreeTextWriter(w);
	return buf;
}

/* Create path with content, failing (not replacing) if it exists. */
static int create_new(const char *path, const void *data, size_t len)
{
	struct atomic_file af;
	int ret;
	if (atomic_begin(&af, path, 0644) < 0)
		return -1;
	if (atomic_write(&af, data, len) < 0 || fsync(af.fd) < 0) {
		atomic_abort(&af);
		return error_at(path, 0, "cannot write");
	}
	if (link(af.tmp_path, path) < 0) {
		ret = error_at(path, 0, errno == EEXIST ? "already exists; init never overwrites"
					: "cannot create: %s", strerror(errno));
		atomic_abort(&af);
		return ret;
	}
	atomic_abort(&af); /* removes the temporary name; the link stays */
	return 0;
}

char *scaffold_product(const char *dir)
{
	char *product = xstrdup(dir), *slash, *name;
	while ((slash = strrchr(product, '/')) && !slash[1] && slash != product)
		*slash = '\0';
	slash = strrchr(product, '/');
	name = xstrdup(slash ? slash + 1 : product);
	free(product);
	return name;
}

int scaffold_write(const char *dir, const void *assessment, size_t assessment_len,
		   int keep_existing)
{
	char *files[NR_FILES];
	const void *contents[NR_FILES];
	size_t lengths[NR_FILES], i;
	int made[NR_FILES] = { 0 };
	int ret = -1;

	files[0] = xasprintf("%s/assessment.xml", dir);
	files[1] = xasprintf("%s/runbooks/runbook-template.md", dir);
	files[2] = xasprintf("%s/drills/drill-log-template.md", dir);
	files[3] = xasprintf("%s/drills/drill-log-template-ja.md", dir);
	files[4] = xasprintf("%s/drills/drill-rds-events-template.json", dir);
	files[5] = xasprintf("%s/drills/drill-fis-template.json", dir);
	files[6] = xasprintf("%s/drills/drill-junit-template.xml", dir);
	files[7] = xasprintf("%s/configs/collect.sh", dir);
	for (i = 0; i < NR_FILES; i++) {
		if ((i == 0 || !keep_existing) && access(files[i], F_OK) == 0) {
			error_at(files[i], 0, "already exists; init never overwrites");
			goto out;
		}
	}
	if (make_dirs(dir) < 0)
		goto out;
	for (i = 0; i < sizeof(subfolders) / sizeof(subfolders[0]); i++) {
		char *sub = xasprintf("%s/%s", dir, subfolders[i]);
		int rc = make_dirs(sub);
		free(sub);
		if (rc < 0)
			goto out;
	}
	contents[0] = assessment;
	lengths[0] = assessment_len;
	contents[1] = runbook_template;
	lengths[1] = sizeof(runbook_template) - 1;
	contents[2] = drill_log_template;
	lengths[2] = sizeof(drill_log_template) - 1;
	contents[3] = drill_log_template_ja;
	lengths[3] = sizeof(drill_log_template_ja) - 1;
	contents[4] = drill_rds_template;
	lengths[4] = sizeof(drill_rds_template) - 1;
	contents[5] = drill_fis_template;
	lengths[5] = sizeof(drill_fis_template) - 1;
	contents[6] = drill_junit_template;
	lengths[6] = sizeof(drill_junit_template) - 1;
	contents[7] = configs_collect_script();
	lengths[7] = strlen(configs_collect_script());
	for (i = 0; i < NR_FILES; i++) {
		if (keep_existing && i > 0 && access(files[i], F_OK) == 0)
			continue;
		if (create_new(files[i], contents[i], lengths[i]) < 0)
			goto out;
		made[i] = 1;
	}
	ret = 0;
out:
	for (i = 0; i < NR_FILES; i++) {
		if (ret != 0 && made[i])
			unlink(files[i]);
		free(files[i]);
	}
	return ret;
}

int cmd_init(struct options *opt)
{
	struct questionnaire q;
	xmlBufferPtr xml;
	const char *dir;
	char *product;
	int ret = EXIT_INPUT;

	if (opt->argc != 1) {
		error("usage: ftrkit init DIR");
		return EXIT_INPUT;
	}
	dir = opt->argv[0];
	if (assess_load_questionnaire(opt->questionnaire, &q) < 0)
		return EXIT_INPUT;
	product = scaffold_product(dir);
	xml = scaffold_assessment(&q, product);
	free(product);
	if (scaffold_write(dir, xmlBufferContent(xml), (size_t)xmlBufferLength(xml), 0) == 0) {
		if (!opt->quiet)
			printf("workspace created in %s/: assessment.xml, runbooks/, drills/, configs/, documents/\n"
			       "next: fill in %s/assessment.xml, export the AWS configurations with "
			       "%s/configs/collect.sh (read-only),\n"
			       "then run: ftrkit assess -w %s\n", dir, dir, dir, dir);
		ret = 0;
	}
	xmlBufferFree(xml);
	questionnaire_free(&q);
	return ret;
}
