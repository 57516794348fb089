/*
 * reports.c - the report registry.  Adding a format: one function, one row.
 */
#include <stddef.h>

#include "reports/reports.h"
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
