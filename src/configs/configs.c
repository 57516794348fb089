/*
 * configs.c - read AWS CLI JSON exports with SQLite's JSON functions (see
 * configs.h).
 *
 * Design: one in-memory database per file with one table doc(j) holding the
 * text.  A reader is data: the top-level key that identifies the export,
 * the JSON path of its resource array (or single object), where the id and
 * ARN sit in each element, and the facts to copy, each a path relative to
 * the element (or to the document).  Every SQL statement is a constant or
 * is built only from these constants; the export itself is only ever bound
 * as a parameter.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "model/check_messages.h"
#include "configs/configs.h"
#include "configs/config_readers.h"
#include "base/jsonguard.h"
#include "base/error.h"
#include "base/strbuf.h"
#include "base/banned.h"

#define READ_BLOCK 65536

/* The reader families, searched in this order (the shape-told readers last). */
static const struct reader_def *const families[] = {
	config_readers_data, config_readers_compute, config_readers_backup, config_readers_shape,
};
#define NR_FAMILIES (sizeof(families) / sizeof(families[0]))

/* The reader at position *fam / *idx, advancing; NULL after the last. */
static const struct reader_def *next_reader(size_t *fam, size_t *idx)
{
	while (*fam < NR_FAMILIES) {
		const struct reader_def *rd = &families[*fam][*idx];
		if (rd->export_kind) {
			(*idx)++;
			return rd;
		}
		(*fam)++;
		*idx = 0;
	}
	return NULL;
}

/* The reader whose resources are of this kind (the first one), or NULL. */
static const struct reader_def *reader_of_kind(const char *kind)
{
	size_t fam = 0, idx = 0;
	const struct reader_def *rd;
	while ((rd = next_reader(&fam, &idx)))
		if (strcmp(rd->resource_kind, kind) == 0)
			return rd;
	return NULL;
}

static void add_problem(struct config_file *f, const char *json_path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_problem(struct config_file *f, const char *json_path, const char *fmt, ...)
{
	struct config_problem *p;
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ALLOC_GROW(f->problems, f->nr_problems, f->alloc_problems);
	p = &f->problems[f->nr_problems++];
	p->json_path = json_path ? xstrdup(json_path) : NULL;
	p->message = msg;
}

static char *column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* Prepare sql on db; dies only on out-of-memory (the SQL is ours and constant). */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		error("internal: cannot prepare configuration query: %s", sqlite3_errmsg(db));
		die_oom();
	}
	return st;
}

/* A one-row text query with one bound path; caller frees the result (NULL = SQL NULL). */
static char *query_text(sqlite3 *db, const char *sql, const char *path)
{
	sqlite3_stmt *st = prepare(db, sql);
	char *out = NULL;
	if (path)
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		out = column_dup(st, 0);
	sqlite3_finalize(st);
	return out;
}

/* "$.a.b" relative to element path base ("$.X[0]") -> "$.X[0].a.b"; "$" -> base. */
static char *join_path(const char *base, const char *rel)
{
	return xasprintf("%s%s", base, rel + 1);
}

static void read_fact(sqlite3 *db, struct config_resource *r, const struct fact_def *def)
{
	char *path = join_path(def->from_document ? "$" : r->json_path, def->path);
	char *type = query_text(db, "SELECT json_type(j, ?1) FROM doc", path);
	struct config_fact *f;

	if (!type) { /* absent */
		free(path);
		return;
	}
	ALLOC_GROW(r->facts, r->nr_facts, r->alloc_facts);
	f = &r->facts[r->nr_facts++];
	f->name = xstrdup(def->name);
	f->json_path = path;
	f->type = type;
	if (def->list_item && strncmp(def->list_item, "**.", 3) == 0 &&
	    (strcmp(type, "array") == 0 || strcmp(type, "object") == 0)) {
		sqlite3_stmt *st = prepare(db,
			"SELECT group_concat(v, ',') FROM (SELECT DISTINCT CAST(t.atom AS TEXT) AS v"
			" FROM doc, json_tree(doc.j, ?1) t WHERE t.key = ?2 AND t.atom IS NOT NULL"
			" AND t.type <> 'null' ORDER BY v)");
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, def->list_item + 3, -1, SQLITE_STATIC);
		f->value = sqlite3_step(st) == SQLITE_ROW ? column_dup(st, 0) : NULL;
		sqlite3_finalize(st);
		if (!f->value)
			f->value = xstrdup("");
		free(f->type);
		f->type = xstrdup("array");
	} else if (def->list_item && strcmp(type, "array") == 0) {
		sqlite3_stmt *st = prepare(db,
			"SELECT group_concat(v, ',') FROM (SELECT DISTINCT CAST(CASE"
			" WHEN ?2 = '$' THEN e.atom"
			" WHEN e.type = 'object' THEN json_extract(e.value, ?2) END"
			" AS TEXT) AS v FROM doc, json_each(doc.j, ?1) e WHERE v IS NOT NULL ORDER BY v)");
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, def->list_item, -1, SQLITE_STATIC);
		f->value = sqlite3_step(st) == SQLITE_ROW ? column_dup(st, 0) : NULL;
		sqlite3_finalize(st);
		if (!f->value)
			f->value = xstrdup("");
	} else if (strcmp(type, "true") == 0 || strcmp(type, "false") == 0 ||
		   strcmp(type, "null") == 0) {
		f->value = xstrdup(type);
	} else {
		f->value = query_text(db, "SELECT CAST(json_extract(j, ?1) AS TEXT) FROM doc", path);
		if (!f->value)
			f->value = xstrdup("");
	}
}

static struct config_resource *new_resource(struct config_set *set, const struct reader_def *rd,
					    const char *file, const char *json_path)
{
	struct config_resource *r;
	ALLOC_GROW(set->resources, set->nr_resources, set->alloc_resources);
	r = &set->resources[set->nr_resources++];
	memset(r, 0, sizeof(*r));
	r->kind = rd->resource_kind;
	r->file = xstrdup(file);
	r->json_path = xstrdup(json_path);
	return r;
}

static void fill_resource(sqlite3 *db, struct config_resource *r, const struct reader_def *rd)
{
	const struct fact_def *fd;
	if (rd->id_path) {
		char *p = join_path(r->json_path, rd->id_path);
		r->id = query_text(db, "SELECT CAST(json_extract(j, ?1) AS TEXT) FROM doc", p);
		free(p);
	}
	if (rd->arn_path) {
		char *p = join_path(r->json_path, rd->arn_path);
		r->arn = query_text(db, "SELECT CAST(json_extract(j, ?1) AS TEXT) FROM doc", p);
		free(p);
	}
	if (!r->arn && strcmp(rd->resource_kind, "backup-rule") == 0)
		r->arn = query_text(db, "SELECT CAST(json_extract(j, '$.BackupPlanArn') AS TEXT) FROM doc",
				    NULL);
	for (fd = rd->facts; fd->name; fd++)
		read_fact(db, r, fd);
}

/* Which reader understands the document; NULL when none. */
static const struct reader_def *detect(sqlite3 *db)
{
	const struct reader_def *rd;
	size_t fam = 0, idx = 0;
	char *type = query_text(db, "SELECT json_type(j) FROM doc", NULL);
	int is_object = type && strcmp(type, "object") == 0;
	free(type);
	if (!is_object)
		return NULL;
	while ((rd = next_reader(&fam, &idx))) {
		char *found;
		if (!rd->detect) {
			found = query_text(db, "SELECT count(*) FROM doc, json_each(doc.j)"
					       " WHERE key NOT IN ('Status', 'MFADelete')", NULL);
			if (found && strcmp(found, "0") == 0) {
				free(found);
				return rd;
			}
			free(found);
			continue;
		}
		found = query_text(db, "SELECT count(*) FROM doc, json_each(doc.j) WHERE key = ?1",
				   rd->detect);
		if (found && strcmp(found, "0") != 0) {
			free(found);
			return rd;
		}
		free(found);
	}
	return NULL;
}

static void read_resources(sqlite3 *db, struct config_set *set, struct config_file *f,
			   const struct reader_def *rd)
{
	char *type = query_text(db, "SELECT json_type(j, ?1) FROM doc", rd->items);
	sqlite3_stmt *st;
	int rc;

	if (rd->single) {
		if (!type || strcmp(type, "object") != 0) {
			add_problem(f, rd->items, CMSG(set->lang, CFGP_NOT_OBJECT), rd->items,
				    type ? type : CMSG(set->lang, CFGP_MISSING));
			free(type);
			return;
		}
		free(type);
		fill_resource(db, new_resource(set, rd, f->path, rd->items), rd);
		f->nr_resources++;
		return;
	}
	if (!type || strcmp(type, "array") != 0) {
		add_problem(f, rd->items, CMSG(set->lang, CFGP_NOT_ARRAY), rd->items,
			    type ? type : CMSG(set->lang, CFGP_MISSING));
		free(type);
		return;
	}
	free(type);
	st = prepare(db, "SELECT fullkey, type FROM doc, json_each(doc.j, ?1) ORDER BY id");
	sqlite3_bind_text(st, 1, rd->items, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		const char *etype = (const char *)sqlite3_column_text(st, 1);
		if (!etype || strcmp(etype, "object") != 0) {
			add_problem(f, key, CMSG(set->lang, CFGP_NOT_OBJECT), key,
				    etype ? etype : "null");
			continue;
		}
		fill_resource(db, new_resource(set, rd, f->path, key), rd);
		f->nr_resources++;
	}
	if (rc != SQLITE_DONE)
		add_problem(f, rd->items, CMSG(set->lang, CFGP_CANNOT_LIST), rd->items,
			    sqlite3_errmsg(db));
	sqlite3_finalize(st);
	/* A Trusted Advisor check that flags nothing is a clean result, not an empty export. */
	if (!f->nr_resources && !f->nr_problems && strcmp(rd->resource_kind, "ta-flagged-resource") != 0)
		add_problem(f, rd->items, CMSG(set->lang, CFGP_EMPTY), rd->items);
}

struct config_file *configs_read_memory(struct config_set *set, const char *path, long line,
					const char *data, size_t len, size_t max_bytes)
{
	struct config_file *f;
	const struct reader_def *rd;
	sqlite3 *db = NULL;
	sqlite3_stmt *st;
	char *valid;

	ALLOC_GROW(set->files, set->nr_files, set->alloc_files);
	f = &set->files[set->nr_files++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
	f->line = line;
	f->kind = "unreadable";

	if (len > max_bytes) {
		add_problem(f, NULL, CMSG(set->lang, CFGP_TOO_BIG),
			    max_bytes >> 20 ? max_bytes >> 20 : 1);
		return f;
	}
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		add_problem(f, NULL, "%s", CMSG(set->lang, CFGP_NUL));
		return f;
	}
	if (!json_keys_are_strings(data, len)) {
		add_problem(f, NULL, "%s", CMSG(set->lang, CFGP_NOT_JSON));
		return f;
	}
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
	    != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE TABLE doc(j TEXT)", NULL, NULL, NULL) != SQLITE_OK)
		die_oom();
	st = prepare(db, "INSERT INTO doc VALUES (?1)");
	sqlite3_bind_text64(st, 1, data, (sqlite3_uint64)len, SQLITE_STATIC, SQLITE_UTF8);
	if (sqlite3_step(st) != SQLITE_DONE)
		die_oom();
	sqlite3_finalize(st);

	valid = query_text(db, "SELECT json_valid(j) FROM doc", NULL);
	if (!valid || strcmp(valid, "1") != 0) {
		add_problem(f, NULL, "%s", CMSG(set->lang, CFGP_NOT_JSON));
		free(valid);
		goto out;
	}
	free(valid);
	rd = detect(db);
	if (!rd) {
		f->kind = "unrecognised";
		f->top_keys = query_text(db, "SELECT group_concat(key, ', ') FROM"
					     " (SELECT key FROM doc, json_each(doc.j)"
					     " WHERE json_type(doc.j) = 'object' ORDER BY id LIMIT 8)",
					 NULL);
		if (!f->top_keys) {
			char *type = query_text(db, "SELECT json_type(j) FROM doc", NULL);
			f->top_keys = xasprintf(CMSG(set->lang, CFGP_TOP_LEVEL),
						type ? type : CMSG(set->lang, CFGP_VALUE));
			free(type);
		}
		goto out;
	}
	f->kind = rd->export_kind;
	f->export_name = rd->export_name;
	read_resources(db, set, f, rd);
out:
	sqlite3_close(db);
	return f;
}

/* Slurp an export (it must be whole for SQLite) in blocks, up to max+1 bytes. */
static int read_capped(int fd, struct strbuf *sb, size_t max, int *too_big)
{
	char block[READ_BLOCK];
	*too_big = 0;
	for (;;) {
		ssize_t n = read(fd, block, sizeof(block));
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (sb->len + (size_t)n > max) {
			*too_big = 1;
			return 0;
		}
		strbuf_add(sb, block, (size_t)n);
	}
}

int configs_load(struct config_set *set, const struct assessment *a, struct workspace *ws,
		 const char *lang)
{
	size_t i;
	memset(set, 0, sizeof(*set));
	set->lang = lang;
	for (i = 0; i < a->nr_configs; i++) {
		const struct ref *ref = &a->configs[i];
		struct evidence_file *ef = workspace_find(ws, ref->path);
		struct strbuf sb = STRBUF_INIT;
		struct config_file *f;
		int fd, too_big, rc;

		if (!ef)
			return error_at(a->path, ref->line, "evidence file '%s' not found in workspace %s",
					ref->path, ws->root);
		fd = workspace_open_file(ws, ref->path);
		if (fd < 0)
			return -1;
		rc = read_capped(fd, &sb, CONFIG_MAX_BYTES, &too_big);
		close(fd);
		if (rc < 0) {
			char *shown = workspace_display_path(ws, ref->path);
			strbuf_release(&sb);
			error_at(shown, 0, "cannot read configuration export");
			free(shown);
			return -1;
		}
		f = configs_read_memory(set, ref->path, ref->line, sb.buf ? sb.buf : "",
					too_big ? CONFIG_MAX_BYTES + 1 : sb.len, CONFIG_MAX_BYTES);
		strbuf_release(&sb);
		if (!f->export_name)
			ef->kind = "unrecognised";
	}
	configs_match(set, a);
	return 0;
}

const char *arn_name(const char *arn)
{
	const char *colon = strrchr(arn, ':');
	const char *base = colon ? colon + 1 : arn;
	const char *slash = strrchr(base, '/');
	return slash ? slash + 1 : base;
}

void arn_region(const char *arn, char *out, size_t size)
{
	const char *p = arn;
	int field;
	size_t n;
	out[0] = '\0';
	if (strncmp(arn, "arn:", 4) != 0)
		return;
	for (field = 0; field < 3 && p; field++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	if (!p)
		return;
	n = strcspn(p, ":");
	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

void arn_service(const char *arn, char *out, size_t size)
{
	const char *p;
	size_t n;
	out[0] = '\0';
	if (strncmp(arn, "arn:", 4) != 0 || !(p = strchr(arn + 4, ':')))
		return;
	p++;
	n = strcspn(p, ":");
	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

static void add_component(struct config_resource *r, const char *id)
{
	size_t i;
	for (i = 0; i < r->nr_components; i++)
		if (strcmp(r->components[i], id) == 0)
			return;
	ALLOC_GROW(r->components, r->nr_components, r->alloc_components);
	r->components[r->nr_components++] = xstrdup(id);
}

/* The AWS service whose ARNs name resources of this kind. */
static const char *kind_service(const char *kind)
{
	if (strncmp(kind, "rds-", 4) == 0)
		return "rds";
	if (strncmp(kind, "backup-", 7) == 0)
		return "backup";
	if (strcmp(kind, "autoscaling-group") == 0)
		return "autoscaling";
	if (strncmp(kind, "dynamodb-", 9) == 0)
		return "dynamodb";
	if (strncmp(kind, "s3-", 3) == 0)
		return "s3";
	if (strncmp(kind, "ecs-", 4) == 0)
		return "ecs";
	if (strncmp(kind, "elasticache-", 12) == 0)
		return "elasticache";
	if (strncmp(kind, "efs-", 4) == 0)
		return "elasticfilesystem";
	if (strncmp(kind, "elb-", 4) == 0)
		return "elasticloadbalancing";
	if (strncmp(kind, "dlm-", 4) == 0)
		return "dlm";
	return "ec2";
}

/*
 * 1 when the declared resource names the exported one: the same ARN, the
 * same identifier, or the same name inside an ARN of the same service (a
 * DynamoDB table "orders" is not the RDS cluster "orders").
 */
static int names_resource(const char *declared, const struct config_resource *r)
{
	char svc[32];
	arn_service(declared, svc, sizeof(svc));
	if (*svc && strcmp(svc, kind_service(r->kind)) != 0)
		return 0;
	if (r->arn && strcmp(declared, r->arn) == 0)
		return 1;
	if (r->id && (strcmp(declared, r->id) == 0 || strcmp(arn_name(declared), r->id) == 0))
		return 1;
	return r->arn && strcmp(arn_name(r->arn), declared) == 0;
}

/* 1 when name occurs in the file's base name, not inside a longer word. */
static int name_in_file(const char *file, const char *name)
{
	const char *base = strrchr(file, '/'), *p;
	size_t n = strlen(name);
	base = base ? base + 1 : file;
	if (!n)
		return 0;
	for (p = strstr(base, name); p; p = strstr(p + 1, name)) {
		int before = p == base || !isalnum((unsigned char)p[-1]);
		int after = !isalnum((unsigned char)p[n]);
		if (before && after)
			return 1;
	}
	return 0;
}

/* Resources without an id: take the longest declared name of the service found in the file name. */
static void match_by_file_name(struct config_resource *r, const char *service,
			       const struct assessment *a)
{
	const char *best = NULL, *best_component = NULL;
	size_t i, j;
	for (i = 0; i < a->nr_components; i++) {
		const struct component *c = &a->components[i];
		for (j = 0; j < c->nr_resources; j++) {
			const char *decl = c->resources[j];
			const char *name = arn_name(decl);
			char svc[32];
			arn_service(decl, svc, sizeof(svc));
			if (*svc && strcmp(svc, service) != 0)
				continue;
			if (!name_in_file(r->file, name))
				continue;
			if (!best || strlen(arn_name(best)) < strlen(name)) {
				best = decl;
				best_component = c->id;
			}
		}
	}
	if (!best)
		return;
	free(r->id);
	r->id = xstrdup(arn_name(best));
	if (!r->arn && strncmp(best, "arn:", 4) == 0)
		r->arn = xstrdup(best);
	add_component(r, best_component);
}

/* 1 when a selection's Resources list covers the declared resource. */
static int selection_covers(const struct config_resource *sel, const char *declared)
{
	const struct config_fact *f = config_fact_get(sel, "Resources");
	const char *p;
	if (!f || !f->value || strcmp(f->type, "array") != 0)
		return 0;
	for (p = f->value; *p;) {
		size_t n = strcspn(p, ",");
		char *item = xstrndup(p, n);
		int hit = strcmp(item, declared) == 0 || fnmatch(item, declared, 0) == 0 ||
			  strcmp(arn_name(item), declared) == 0;
		free(item);
		if (hit)
			return 1;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* 1 when item is one of the comma-separated list. */
static int list_has(const char *list, const char *item)
{
	size_t n = strlen(item);
	const char *p;
	for (p = list; p && *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && strncmp(p, item, n) == 0)
			return 1;
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

int config_file_names(const char *file, const char *name)
{
	return name_in_file(file, name);
}

static const char *fact_value(const struct config_resource *r, const char *name)
{
	const struct config_fact *f = config_fact_get(r, name);
	return f && f->value ? f->value : NULL;
}

void configs_match(struct config_set *set, const struct assessment *a)
{
	size_t i, j, k, s;
	for (i = 0; i < set->nr_resources; i++) {
		struct config_resource *r = &set->resources[i];
		const struct reader_def *rd = reader_of_kind(r->kind);
		if (rd && rd->name_service && !r->id) {
			match_by_file_name(r, rd->name_service, a);
			continue;
		}
		for (j = 0; j < a->nr_components; j++) {
			const struct component *c = &a->components[j];
			for (k = 0; k < c->nr_resources; k++) {
				const char *decl = c->resources[k];
				int hit = names_resource(decl, r);
				if (!hit && strcmp(r->kind, "backup-rule") == 0) {
					const char *plan_id = fact_value(r, "BackupPlanId");
					const char *plan_name = fact_value(r, "BackupPlanName");
					hit = (plan_id && strcmp(decl, plan_id) == 0) ||
					      (plan_name && strcmp(decl, plan_name) == 0);
					for (s = 0; !hit && plan_id && s < set->nr_resources; s++) {
						const struct config_resource *sel = &set->resources[s];
						const char *sel_plan;
						if (strcmp(sel->kind, "backup-selection") != 0)
							continue;
						sel_plan = fact_value(sel, "BackupPlanId");
						hit = sel_plan && strcmp(sel_plan, plan_id) == 0 &&
						      selection_covers(sel, decl);
					}
				}
				if (hit)
					add_component(r, c->id);
			}
		}
	}
	/* A global database belongs where its member clusters belong, and the
	 * other way round: matched by the member ARNs inside the export. */
	for (i = 0; i < set->nr_resources; i++) {
		struct config_resource *g = &set->resources[i];
		if (strcmp(g->kind, "rds-global-cluster") != 0)
			continue;
		for (j = 0; j < a->nr_components; j++) {
			const struct component *c = &a->components[j];
			for (k = 0; k < c->nr_resources; k++)
				if (list_has(fact_value(g, "GlobalClusterMembers"), c->resources[k]))
					add_component(g, c->id);
		}
		for (j = 0; j < set->nr_resources; j++) {
			const struct config_resource *cl = &set->resources[j];
			const char *gid = fact_value(cl, "GlobalClusterIdentifier");
			if (strcmp(cl->kind, "rds-cluster") != 0 || !g->id)
				continue;
			if ((gid && strcmp(gid, g->id) == 0) ||
			    (cl->arn && list_has(fact_value(g, "GlobalClusterMembers"), cl->arn)))
				for (k = 0; k < cl->nr_components; k++)
					add_component(g, cl->components[k]);
		}
	}
	/* Load balancing follows the services and groups that use it: a target
	 * group where an ECS service or Auto Scaling group names its ARN, a load
	 * balancer where one of its target groups is. */
	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *u = &set->resources[i];
		const char *tgs = fact_value(u, strcmp(u->kind, "ecs-service") == 0 ? "targetGroupArns"
											: "TargetGroupARNs");
		if (strcmp(u->kind, "ecs-service") != 0 && strcmp(u->kind, "autoscaling-group") != 0)
			continue;
		for (j = 0; j < set->nr_resources; j++) {
			struct config_resource *tg = &set->resources[j];
			if (strcmp(tg->kind, "elb-target-group") == 0 && tg->arn && list_has(tgs, tg->arn))
				for (k = 0; k < u->nr_components; k++)
					add_component(tg, u->components[k]);
		}
	}
	for (i = 0; i < set->nr_resources; i++) {
		const struct config_resource *tg = &set->resources[i];
		if (strcmp(tg->kind, "elb-target-group") != 0)
			continue;
		for (j = 0; j < set->nr_resources; j++) {
			struct config_resource *lb = &set->resources[j];
			if (strcmp(lb->kind, "elb-load-balancer") == 0 && lb->arn &&
			    list_has(fact_value(tg, "LoadBalancerArns"), lb->arn))
				for (k = 0; k < tg->nr_components; k++)
					add_component(lb, tg->components[k]);
			if (strcmp(lb->kind, "elb-target-health") == 0 && tg->id &&
			    config_file_names(lb->file, tg->id))
				for (k = 0; k < tg->nr_components; k++)
					add_component(lb, tg->components[k]);
		}
	}
	/* Snapshots belong where their volume is declared; Trusted Advisor's
	 * flagged resources where their id or a metadata value names a declared
	 * resource. */
	for (i = 0; i < set->nr_resources; i++) {
		struct config_resource *r = &set->resources[i];
		int snap = strcmp(r->kind, "ebs-snapshot") == 0, ta = strcmp(r->kind, "ta-flagged-resource") == 0;
		if (!snap && !ta)
			continue;
		for (j = 0; j < a->nr_components; j++) {
			const struct component *c = &a->components[j];
			for (k = 0; k < c->nr_resources; k++) {
				const char *name = arn_name(c->resources[k]);
				int hit = snap ? (fact_value(r, "VolumeId") &&
						  strcmp(fact_value(r, "VolumeId"), name) == 0)
					       : (list_has(fact_value(r, "metadata"), name) ||
						  list_has(fact_value(r, "metadata"), c->resources[k]) ||
						  (r->id && strcmp(r->id, name) == 0));
				if (hit)
					add_component(r, c->id);
			}
		}
	}
	/* Aurora instances belong where their cluster belongs. */
	for (i = 0; i < set->nr_resources; i++) {
		struct config_resource *r = &set->resources[i];
		const char *cluster = fact_value(r, "DBClusterIdentifier");
		if (strcmp(r->kind, "rds-instance") != 0 || !cluster)
			continue;
		for (j = 0; j < set->nr_resources; j++) {
			const struct config_resource *c = &set->resources[j];
			if (strcmp(c->kind, "rds-cluster") != 0 || !c->id || strcmp(c->id, cluster) != 0)
				continue;
			for (k = 0; k < c->nr_components; k++)
				add_component(r, c->components[k]);
		}
	}
}

void configs_free(struct config_set *set)
{
	size_t i, j;
	for (i = 0; i < set->nr_files; i++) {
		struct config_file *f = &set->files[i];
		free(f->path);
		free(f->top_keys);
		for (j = 0; j < f->nr_problems; j++) {
			free(f->problems[j].json_path);
			free(f->problems[j].message);
		}
		free(f->problems);
	}
	free(set->files);
	for (i = 0; i < set->nr_resources; i++) {
		struct config_resource *r = &set->resources[i];
		free(r->file);
		free(r->json_path);
		free(r->id);
		free(r->arn);
		for (j = 0; j < r->nr_components; j++)
			free(r->components[j]);
		free(r->components);
		for (j = 0; j < r->nr_facts; j++) {
			free(r->facts[j].name);
			free(r->facts[j].json_path);
			free(r->facts[j].type);
			free(r->facts[j].value);
		}
		free(r->facts);
	}
	free(set->resources);
	memset(set, 0, sizeof(*set));
}

const struct config_fact *config_fact_get(const struct config_resource *r, const char *name)
{
	size_t i;
	for (i = 0; i < r->nr_facts; i++)
		if (strcmp(r->facts[i].name, name) == 0)
			return &r->facts[i];
	return NULL;
}

int config_resource_in(const struct config_resource *r, const char *component)
{
	size_t i;
	for (i = 0; i < r->nr_components; i++)
		if (strcmp(r->components[i], component) == 0)
			return 1;
	return 0;
}

int config_fact_int(const struct config_fact *f, int64_t max, int64_t *out)
{
	const char *p;
	int64_t v = 0;
	if (!f)
		return 0;
	if (strcmp(f->type, "integer") != 0 || !f->value || !*f->value)
		return -1;
	for (p = f->value; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return -1;
		if (v > (max - (*p - '0')) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return 1;
}

int config_fact_bool(const struct config_fact *f)
{
	if (!f)
		return -1;
	if (strcmp(f->type, "true") == 0)
		return 1;
	if (strcmp(f->type, "false") == 0)
		return 0;
	return -1;
}

size_t config_fact_list_count(const struct config_fact *f)
{
	size_t n = 1;
	const char *p;
	if (!f || !f->value || !*f->value || strcmp(f->type, "array") != 0)
		return 0;
	for (p = f->value; *p; p++)
		if (*p == ',')
			n++;
	return n;
}
