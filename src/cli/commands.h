/*
 * commands.h - one function per subcommand, one file per subcommand
 * (src/cmd_NAME.c), dispatched from the table in main.c.  Each returns the
 * process exit code (error.h: 0, 1, 2).
 */
#ifndef FTRKIT_COMMANDS_H
#define FTRKIT_COMMANDS_H

#include "run/options.h"

int cmd_init(struct options *opt);
int cmd_assess(struct options *opt);
int cmd_bundle(struct options *opt);
int cmd_verify(struct options *opt);
int cmd_keygen(struct options *opt);
int cmd_schedule(struct options *opt);
int cmd_explain(struct options *opt);
int cmd_diff(struct options *opt);
int cmd_history(struct options *opt);
int cmd_import(struct options *opt);

#endif
