/*
 * verify_provenance.h - verify's questionnaire provenance check: the
 * bundled questionnaire is not an edited copy under a shipped catalog's id
 * and version, and is the one bag-info.txt names by SHA-256.
 */
#ifndef FTRKIT_VERIFY_PROVENANCE_H
#define FTRKIT_VERIFY_PROVENANCE_H

#include "model/questionnaire.h"
#include "package/zipread.h"

/*
 * NULL when the bundled questionnaire q (loaded from pr) passes, else why
 * the package is tampered, one line: "modified questionnaire: ID VERSION
 * differs from the shipped catalog", or "bag-info.txt names another
 * questionnaire SHA-256 than the bundled one's (HEX)".  Caller frees.
 */
char *verify_questionnaire_provenance(const struct pkg_reader *pr, const struct questionnaire *q);

#endif
