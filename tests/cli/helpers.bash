# Shared set-up for the command-line tests.  FTRKIT is the binary under test
# (the Makefile passes build/ftrkit or build-san/ftrkit); tests run from a
# scratch folder with the repository's questionnaires and sample available.

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
: "${FTRKIT:=$REPO/build/ftrkit}"
AS_OF=2026-11-25

setup_scratch() {
	SCRATCH="$(mktemp -d "${BATS_TMPDIR:-/tmp}/ftrkit.XXXXXX")"
	san_logs_to_files
	cd "$SCRATCH"
	cp -r "$REPO/questionnaires" "$REPO/evidence" .
}

# A sanitizer build (make sanitize) exits 86 on a report, but a test that
# expects a failure may not look at the code, and a report can come from a
# run whose status nobody checks.  So every ASan, LSan and UBSan report of
# this test goes to a file of its own, and teardown fails on any of them,
# whatever status the test expected.  Harmless for the normal build.
san_logs_to_files() {
	SAN_LOG_DIR="$(mktemp -d "${BATS_TMPDIR:-/tmp}/ftrkit-san.XXXXXX")"
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$SAN_LOG_DIR/asan"
	export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$SAN_LOG_DIR/ubsan"
}

# assert_no_san_reports: fail, showing them, when a sanitizer reported.
assert_no_san_reports() {
	[ -n "${SAN_LOG_DIR:-}" ] || return 0
	if [ -n "$(ls -A "$SAN_LOG_DIR")" ]; then
		echo "sanitizer report(s) during this test (exit 86):" >&2
		cat "$SAN_LOG_DIR"/* >&2
		rm -rf "$SAN_LOG_DIR"
		return 1
	fi
	rm -rf "$SAN_LOG_DIR"
}

teardown_scratch() {
	cd /
	rm -rf "$SCRATCH"
	assert_no_san_reports
}

# ftr ARGS... runs ftrkit and keeps status and output (bats' run).  Status
# 86 is a sanitizer report, never an answer a test may expect.
ftr() {
	run "$FTRKIT" "$@"
	if [ "$status" -eq 86 ]; then
		echo "ftrkit $*: exit 86, a sanitizer report: $output" >&2
		return 1
	fi
}

# The output folder holds nothing but what a finished run writes.
assert_no_temp_files() {
	! ls -A "${1:-reports}" 2>/dev/null | grep -q '\.tmp-'
}

# The package `ftrkit bundle --as-of $AS_OF` writes for the sample workspace.
PKG_NAME=acme-ledger-ftr-review-2026-11-25
PKG="reports/$PKG_NAME.zip"

# assert_same_objectives A.sqlite B.sqlite [WHERE]: the objectives table
# (component, disruption, RPO and RTO in seconds) of two results databases
# is the same, optionally only the rows WHERE selects (an SQL condition).
# Used by the workbook round trips (import.bats).
assert_same_objectives() {
	local q="SELECT component, disruption, rpo_seconds, rto_seconds FROM objectives WHERE ${3:-1} ORDER BY 1, 2"
	local a b
	a="$(sqlite3 "$1" "$q")"
	b="$(sqlite3 "$2" "$q")"
	if [ "$a" != "$b" ]; then
		echo "objectives differ:" >&2
		diff <(echo "$a") <(echo "$b") >&2
		return 1
	fi
	[ -n "$a" ]
}
