/*
 * inventory_scan.h - the secret scan riding on the inventory's single read.
 *
 * The workspace inventory takes any block consumer; this module is the one
 * bundle plugs in: a secret_stream per hashing thread, one secret_scan per
 * file.  The inventory owns the results; inventory_scan_of() reads them.
 */
#ifndef FTRKIT_INVENTORY_SCAN_H
#define FTRKIT_INVENTORY_SCAN_H

#include "evidence/secrets.h"
#include "evidence/workspace.h"

/* A consumer scanning with rules (borrowed; rules and the returned
 * consumer must outlive the workspace opened with it). */
struct block_consumer inventory_scan_consumer(const struct secret_rules *rules);

/*
 * The complete secret scan of f made during the inventory (hits in line
 * order, rule names borrowed from the rules), or NULL when the file was not
 * scanned then or the scan failed: scan it again to report why.  Borrowed
 * from the workspace, which must have been opened with
 * inventory_scan_consumer().
 */
const struct secret_scan *inventory_scan_of(const struct evidence_file *f);

#endif
