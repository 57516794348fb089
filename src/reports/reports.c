/*
 * reports.c - the report registry.  Adding a format: one function, one row.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "reports/reports.h"
#include "base/error.h"
#include "base/banned.h"

static const struct report_def registry[] = {
	{ "html", "index.html", report_html },
	{ "json", "report.json", report_json },
	{ "junit", "junit.xml", report_junit },
	{ "oscal", "oscal-assessment-results.xml", report_oscal },
	{ "oscal-json", "oscal-assessment-results.json", report_oscal_json },
	{ "xlsx", "ftr-self-assessment.xlsx", report_xlsx },
	{ NULL, NULL, NULL },
};

const struct report_def *report_registry(void)
{
	return registry;
}

int report_render_memory(const struct report_def *r, sqlite3 *db,
			 const struct report_links *links, const char *name)
{
	struct atomic_file af;
	int ret;

	memset(&af, 0, sizeof(af));
	af.fd = memfd_create("ftrkit-report", MFD_CLOEXEC);
	if (af.fd < 0)
		return error("%s: cannot create a memory file: %s", name, strerror(errno));
	af.final_path = af.tmp_path = xstrdup(name);
	ret = r->write(db, links, &af);
	free(af.tmp_path);
	if (ret < 0) {
		close(af.fd);
		return -1;
	}
	return af.fd;
}
