/*
 * report_json.c - reports/report.json, built entirely by SQLite's JSON
 * functions from the results database: no hand-rolled escaping.
 */
#include <string.h>

#include "reports/reports.h"
#include "results/resultsdb.h"
#include "base/error.h"
#include "base/banned.h"

/*
 * Everything index.html shows and more: the run, every control with its
 * checks and findings (each finding with the SHA-256 of its evidence file),
 * components, objectives stated beside the latest drill's measurements,
 * scenarios, every drill with measured recovery and data loss, the drill
 * schedule, the facts read from exported configurations, and the evidence
 * inventory.  questionnaires/report.schema.json describes it; a test holds
 * the sample and the failing workspace to it.  Subqueries order their rows
 * before json_group_array aggregates them.
 */
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
	"            'status', fi.status, 'message', fi.message, 'file', fi.file, 'line', fi.line,"
	"            'sha256', fe.sha256, 'component', fi.component, 'subject', fi.subject) AS f"
	"            FROM findings fi LEFT JOIN evidence fe ON fe.path = fi.file"
	"            WHERE fi.control_id = ck.control_id AND fi.check_seq = ck.seq"
	"            ORDER BY fi.id))"
	"      ) AS k FROM checks ck WHERE ck.control_id = ctl.id ORDER BY ck.seq))"
	"   ) AS c FROM controls ctl ORDER BY ctl.seq)),"
	" 'components', (SELECT json_group_array(json(p)) FROM (SELECT json_object("
	"    'id', id, 'name', name, 'criticality', criticality, 'line', line) AS p"
	"    FROM components ORDER BY rowid)),"
	" 'objectives', (SELECT json_group_array(json(o)) FROM (SELECT json_object("
	"    'component', o.component, 'disruption', o.disruption,"
	"    'rpo', o.rpo_text, 'rpo_seconds', o.rpo_seconds,"
	"    'rto', o.rto_text, 'rto_seconds', o.rto_seconds, 'slo', o.slo,"
	"    'latest_drill', json((SELECT json_object('id', d.id, 'date', d.date, 'file', d.file,"
	"        'outcome', d.outcome, 'recovery_seconds', d.recovery_seconds,"
	"        'data_loss_seconds', d.data_loss_seconds)"
	"      FROM drills d LEFT JOIN scenarios s ON s.id = d.scenario"
	"      WHERE COALESCE(d.component, s.component) = o.component"
	"        AND COALESCE(d.disruption, s.disruption) = o.disruption"
	"      ORDER BY d.date DESC, d.id DESC LIMIT 1))) AS o"
	"    FROM objectives o ORDER BY o.component, o.disruption)),"
	" 'scenarios', (SELECT json_group_array(json(s)) FROM (SELECT json_object("
	"    'id', id, 'title', title, 'component', component, 'disruption', disruption,"
	"    'cadence', cadence, 'runbook', runbook, 'line', line) AS s"
	"    FROM scenarios ORDER BY rowid)),"
	" 'drills', (SELECT json_group_array(json(d)) FROM (SELECT json_object("
	"    'id', d.id, 'scenario', d.scenario,"
	"    'component', COALESCE(d.component, s.component),"
	"    'disruption', COALESCE(d.disruption, s.disruption),"
	"    'file', d.file, 'line', d.line, 'sha256', e.sha256, 'source', d.source,"
	"    'date', d.date, 'started', d.started, 'ended', d.ended, 'outcome', d.outcome,"
	"    'recovery_seconds', d.recovery_seconds, 'recovery_line', d.recovery_line,"
	"    'data_loss_seconds', d.data_loss_seconds, 'data_loss_line', d.data_loss_line,"
	"    'stated_rto_seconds', d.stated_rto_seconds,"
	"    'stated_rpo_seconds', d.stated_rpo_seconds,"
	"    'timezone_assumed', json(CASE WHEN d.timezone_assumed THEN 'true' ELSE 'false' END)"
	"    ) AS d FROM drills d LEFT JOIN scenarios s ON s.id = d.scenario"
	"    LEFT JOIN evidence e ON e.path = d.file ORDER BY d.id)),"
	" 'schedule', (SELECT json_group_array(json(x)) FROM (SELECT json_object("
	"    'scenario', ss.scenario, 'cadence', ss.cadence, 'last_success', ss.last_success,"
	"    'next_due', ss.next_due,"
	"    'overdue', json(CASE WHEN ss.overdue THEN 'true' ELSE 'false' END)) AS x"
	"    FROM scenario_status ss LEFT JOIN scenarios sc ON sc.id = ss.scenario"
	"    ORDER BY sc.rowid)),"
	" 'configs', (SELECT json_group_array(json(g)) FROM (SELECT json_object("
	"    'file', cf.file, 'json_path', cf.json_path, 'sha256', e.sha256, 'kind', cf.kind,"
	"    'resource', cf.resource, 'component', cf.component,"
	"    'fact', cf.fact, 'value', cf.value) AS g"
	"    FROM configs cf LEFT JOIN evidence e ON e.path = cf.file ORDER BY cf.id)),"
	" 'evidence', (SELECT json_group_array(json(e)) FROM (SELECT json_object("
	"    'path', ev.path, 'kind', ev.kind, 'size', ev.size, 'sha256', ev.sha256,"
	"    'controls', (SELECT json_group_array(control_id) FROM (SELECT u.control_id"
	"        FROM evidence_use u JOIN controls cc ON cc.id = u.control_id"
	"        WHERE u.path = ev.path ORDER BY cc.seq))) AS e"
	"    FROM evidence ev ORDER BY ev.path))"
	") FROM run r";

int report_json(sqlite3 *db, const struct report_links *links, struct atomic_file *out)
{
	sqlite3_stmt *st;
	const unsigned char *text;
	int ret;
	(void)links;

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
