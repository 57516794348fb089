/*
 * report_json.c - reports/report.json, built entirely by SQLite's JSON
 * functions from the results database: no hand-rolled escaping.
 */
#include <string.h>

#include "reports/reports.h"
#include "results/resultsdb.h"
#include "base/error.h"
#include "base/banned.h"

/* Subqueries order their rows before json_group_array aggregates them. */
static const char report_sql[] =
	"SELECT json_object("
	" 'format', 'ftrkit-report', 'format_version', 1,"
	" 'tool', r.tool,"
	" 'questionnaire', json_object('id', r.questionnaire_id, 'version', r.questionnaire_version,"
	"                              'title', r.questionnaire_title,"
	"                              'sha256', r.questionnaire_sha256,"
	"                              'provenance', r.questionnaire_provenance,"
	/* the words of provenance_problem() (model/provenance.c) */
	"                              'problem', CASE r.questionnaire_provenance WHEN 'modified'"
	"                                THEN 'modified questionnaire: ' || r.questionnaire_id || ' '"
	"                                     || r.questionnaire_version"
	"                                     || ' differs from the shipped catalog' END),"
	" 'product', json_object('name', r.product, 'version', r.product_version,"
	"                        'organisation', r.organisation),"
	" 'as_of', r.as_of, 'timezone', r.timezone, 'lang', r.lang,"
	" 'overall', r.overall,"
	" 'counts', json_object('met', r.met, 'not_met', r.not_met,"
	"                       'not_applicable', r.not_applicable, 'manual', r.manual, 'waived', r.waived),"
	" 'controls', (SELECT json_group_array(json(c)) FROM (SELECT json_object("
	"    'id', id, 'title', title, 'requirement', requirement, 'guidance', guidance,"
	"    'declared', declared, 'verdict', verdict, 'reason', reason,"
	"    'unwaived', unwaived, 'waiver', waiver,"
	"    'checks', (SELECT json_group_array(json(k)) FROM (SELECT json_object("
	"        'name', name, 'verdict', verdict, 'summary', summary,"
	"        'findings', (SELECT json_group_array(json(f)) FROM (SELECT json_object("
	"            'status', status, 'message', message, 'file', file, 'line', line,"
	"            'component', component, 'subject', subject) AS f"
	"            FROM findings WHERE control_id = ck.control_id AND check_seq = ck.seq"
	"            ORDER BY id))"
	"      ) AS k FROM checks ck WHERE ck.control_id = ctl.id ORDER BY ck.seq))"
	"   ) AS c FROM controls ctl ORDER BY ctl.seq)),"
	" 'objectives', (SELECT json_group_array(json(o)) FROM (SELECT json_object("
	"    'component', component, 'disruption', disruption,"
	"    'rpo', rpo_text, 'rpo_seconds', rpo_seconds,"
	"    'rto', rto_text, 'rto_seconds', rto_seconds, 'slo', slo) AS o"
	"    FROM objectives ORDER BY component, disruption)),"
	" 'evidence', (SELECT json_group_array(json(e)) FROM (SELECT json_object("
	"    'path', ev.path, 'kind', ev.kind, 'size', ev.size, 'sha256', ev.sha256,"
	"    'controls', (SELECT json_group_array(control_id) FROM (SELECT u.control_id"
	"        FROM evidence_use u JOIN controls cc ON cc.id = u.control_id"
	"        WHERE u.path = ev.path ORDER BY cc.seq))) AS e"
	"    FROM evidence ev ORDER BY ev.path))"
	") FROM run r";

int report_json(sqlite3 *db, const struct assess_run *run, struct atomic_file *out)
{
	sqlite3_stmt *st;
	const unsigned char *text;
	int ret;
	(void)run;

	if (sqlite3_prepare_v2(db, report_sql, -1, &st, NULL) != SQLITE_OK)
		return resultsdb_error(db, "report.json");
	if (sqlite3_step(st) != SQLITE_ROW || !(text = sqlite3_column_text(st, 0))) {
		ret = resultsdb_error(db, "report.json");
		sqlite3_finalize(st);
		return ret;
	}
	ret = atomic_write(out, text, (size_t)sqlite3_column_bytes(st, 0));
	if (!ret)
		ret = atomic_write(out, "\n", 1);
	sqlite3_finalize(st);
	return ret;
}
