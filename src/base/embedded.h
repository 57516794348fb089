/*
 * embedded.h - files compiled into the binary by tools/embed.sh (see the
 * Makefile): the schemas every questionnaire and assessment is validated
 * against, so validation never depends on a file beside the binary.
 */
#ifndef FTRKIT_EMBEDDED_H
#define FTRKIT_EMBEDDED_H

#include <stddef.h>

extern const char embedded_questionnaire_xsd[];
extern const size_t embedded_questionnaire_xsd_len;
extern const char embedded_assessment_xsd[];
extern const size_t embedded_assessment_xsd_len;
extern const char embedded_waivers_xsd[];
extern const size_t embedded_waivers_xsd_len;
extern const char embedded_tailoring_xsd[];
extern const size_t embedded_tailoring_xsd_len;
/* The shipped catalogs, so init/assess/bundle work from any folder without
 * an installed data folder (datadir.h, shipped_builtin). */
extern const char embedded_ftr_dr_xml[];
extern const size_t embedded_ftr_dr_xml_len;
extern const char embedded_ftr_current_xml[];
extern const size_t embedded_ftr_current_xml_len;
extern const char embedded_secret_patterns_txt[];
extern const size_t embedded_secret_patterns_txt_len;

#endif
