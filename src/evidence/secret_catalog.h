/*
 * secret_catalog.h - which secret rules apply to a questionnaire.
 */
#ifndef FTRKIT_SECRET_CATALOG_H
#define FTRKIT_SECRET_CATALOG_H

#include "model/questionnaire.h"
#include "evidence/secrets.h"

/*
 * The secret rules: from secret-patterns.txt beside the questionnaire q
 * (else ./questionnaires/, else the installed data folder) plus every
 * default of q named "secret-pattern-NAME" (a value rule).  0, or -1 after
 * reporting; free *rules with secret_rules_free() either way.
 */
int secret_catalog_load(const struct questionnaire *q, struct secret_rules *rules);

#endif
