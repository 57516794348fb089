/*
 * summary.h - the terminal summary of a run: one aligned row per control,
 * colour only on a terminal and never with NO_COLOR or --no-color.
 */
#ifndef FTRKIT_SUMMARY_H
#define FTRKIT_SUMMARY_H

#include <stdio.h>

#include "run/assess.h"

void summary_print(FILE *out, const struct options *opt, const struct assess_run *run);

#endif
