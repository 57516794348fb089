/*
 * datadir.h - where the shipped questionnaires are found.
 */
#ifndef FTRKIT_DATADIR_H
#define FTRKIT_DATADIR_H

#include <stddef.h>

/*
 * The default questionnaire: ./questionnaires/ftr-dr.xml when the current
 * folder has one (the repository, a workspace checkout), else the one
 * installed beside the binary (BIN/../share/ftrkit/questionnaires/, so an
 * installed tree can be moved), else the compile-time FTRKIT_DATADIR.
 * Returns a new string; caller frees.
 */
char *default_questionnaire_path(void);

/*
 * A file shipped with ftrkit, by its path relative to the data folder
 * ("questionnaires/secret-patterns.txt"), found the same way: the current
 * folder, then BIN/../share/ftrkit/, then FTRKIT_DATADIR.  Caller frees.
 */
char *shipped_file_path(const char *relpath);

/*
 * The copy of a shipped file built into the binary, by the same relative
 * path ("questionnaires/ftr-dr.xml", "questionnaires/ftr-current.xml",
 * "questionnaires/secret-patterns.txt"): static bytes, *len set; NULL for
 * any other path.  Used when shipped_file_path() names no readable file.
 */
const char *shipped_builtin(const char *relpath, size_t *len);

#endif
