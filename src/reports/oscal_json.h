/*
 * oscal_json.h - OSCAL JSON from the OSCAL XML ftrkit writes.
 *
 * OSCAL defines one model with an XML and a JSON form; report_oscal.c
 * writes the XML, and this turns that document into the JSON form by the
 * model's rules (repeated elements become plural arrays, markup becomes
 * strings, attributes become fields), so the two files can never disagree.
 */
#ifndef FTRKIT_OSCAL_JSON_H
#define FTRKIT_OSCAL_JSON_H

#include <stddef.h>
#include <sqlite3.h>

#include "base/atomicfile.h"

/*
 * Convert the assessment-results document xml[0..len) and write it to out.
 * Every string is quoted by SQLite's json_quote() on db.  An element the
 * mapping does not know is an internal error: 0, or -1 after reporting.
 */
int oscal_xml_to_json(sqlite3 *db, const char *xml, size_t len, struct atomic_file *out);

#endif
