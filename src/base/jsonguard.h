/*
 * jsonguard.h - a check SQLite's JSON functions need on Debian 12.
 *
 * SQLite 3.40's JSON parser accepts an object member whose "key" is itself
 * an object or array ending in a string ({"a":1,{"b":"x"}:3} is
 * json_valid), and json_extract/json_each over such a document then read a
 * key pointer that is not a string and crash (found by fuzz_drill_json).
 * Every JSON text is therefore checked with json_keys_are_strings() before
 * SQLite sees it.  This is not a JSON parser: it only follows string
 * literals and nesting to confirm that every object member starts with a
 * string; SQLite still decides whether the text is valid JSON.
 */
#ifndef FTRKIT_JSONGUARD_H
#define FTRKIT_JSONGUARD_H

#include <stddef.h>

/* 1 when every member of every object in text[0..len) begins with a string
 * literal (and nesting stays under 1000 levels); 0 otherwise. */
int json_keys_are_strings(const char *text, size_t len);

#endif
