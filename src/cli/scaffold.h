/*
 * scaffold.h - the workspace `ftrkit init` writes, shared with `ftrkit
 * import` (which starts a workspace from a workbook the same way).
 */
#ifndef FTRKIT_SCAFFOLD_H
#define FTRKIT_SCAFFOLD_H

#include <stddef.h>
#include <libxml/tree.h>

#include "model/questionnaire.h"

/* init's pre-filled assessment (every control of q unanswered, one
 * placeholder component "app" and scenario "app-az-failure") for product;
 * a new buffer the caller frees with xmlBufferFree. */
xmlBufferPtr scaffold_assessment(const struct questionnaire *q, const char *product);

/* The product name init takes from DIR (its last path component); caller frees. */
char *scaffold_product(const char *dir);

/*
 * Write DIR (made when missing), its sub-folders, DIR/assessment.xml with
 * assessment[0..len) and the runbook, drill-log and collect.sh templates.
 * Never overwrites: an existing file is refused (keep_existing 0, init) or,
 * except assessment.xml, left as it is (keep_existing 1, import).  On
 * failure every file it made is removed.  0, or -1 after reporting.
 */
int scaffold_write(const char *dir, const void *assessment, size_t len, int keep_existing);

#endif
