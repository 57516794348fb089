/*
 * drill_sources.c - the one table of drill readers: which reader reads
 * which file, and the JSON exports told apart by content.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "drills/drill_sources.h"
#include "drills/drill_json.h"
#include "drills/drill_readers.h"
#include "model/check_messages.h"
#include "base/error.h"
#include "base/banned.h"

void drill_read_json(int fd, const char *relpath, const struct drill_reader_ctx *rc,
		     struct drill_set *out)
{
	struct json_doc doc;
	char *why = NULL, *kind = NULL;

	if (json_doc_load(fd, rc->export_max, &doc, &why) < 0) {
		struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_TEXT,
							    rc->scenario);
		drill_record_problem(rec, 0, "%s", why);
		goto out;
	}
	kind = json_doc_string(&doc,
		"SELECT CASE WHEN json_type(?1, '$.Events') = 'array' THEN 'rds'"
		" WHEN json_type(?1, '$.experiment') = 'object' THEN 'fis' ELSE 'other' END");
	if (kind && !strcmp(kind, "rds")) {
		drill_rds_from_json(&doc, relpath, rc, out);
	} else if (kind && !strcmp(kind, "fis")) {
		drill_fis_from_json(&doc, relpath, rc, out);
	} else {
		struct drill_record *rec = drill_record_new(out, relpath, DRILL_SOURCE_TEXT,
							    rc->scenario);
		drill_record_problem(rec, 1,
				     "%s", CMSG(rc->lang, DP_JSON_UNKNOWN));
	}
out:
	free(kind);
	free(why);
	json_doc_free(&doc);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

int drills_read(const struct questionnaire *q, const struct assessment *a,
		struct workspace *ws, int64_t as_of_day, const char *lang,
		struct drill_set *out)
{
	struct drill_markers markers;
	struct drill_reader_ctx rc;
	int compiled = 0, ret = 0;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	memset(&rc, 0, sizeof(rc));
	memset(&markers, 0, sizeof(markers));
	rc.markers = &markers;
	rc.ts.tz_offset_seconds = a->tz_offset_seconds;
	rc.ts.as_of_day = as_of_day;
	rc.export_max = DRILL_EXPORT_MAX;
	rc.lang = lang;
	for (i = 0; i < a->nr_scenarios; i++) {
		const struct scenario *s = &a->scenarios[i];
		rc.scenario = s;
		for (j = 0; j < s->nr_drill_logs; j++) {
			const char *path = s->drill_logs[j].path;
			int fd;
			if (!compiled && !ends_with(path, ".xml")) {
				if (drill_markers_compile(&q->defaults, q->path, &markers) < 0) {
					ret = -1;
					goto out;
				}
				compiled = 1;
				/* a team's own phrases, beside the questionnaire's */
				if (workspace_find(ws, DRILL_MARKERS_FILE) &&
				    drill_markers_add_file(&markers, ws, DRILL_MARKERS_FILE) < 0) {
					ret = -1;
					goto out;
				}
			}
			if (!ends_with(path, ".json") && !ends_with(path, ".xml")) {
				if (drill_read_text(ws, path, &rc, out) < 0) {
					ret = -1;
					goto out;
				}
				continue;
			}
			/* A file that vanished or changed since the inventory is an
			 * input error (reported by workspace_open_file). */
			fd = workspace_open_file(ws, path);
			if (fd < 0) {
				ret = -1;
				goto out;
			}
			if (ends_with(path, ".json"))
				drill_read_json(fd, path, &rc, out);
			else
				drill_read_junit(fd, path, &rc, out);
			close(fd);
		}
	}
out:
	drill_markers_free(&markers);
	if (ret < 0)
		drill_set_free(out);
	return ret;
}
