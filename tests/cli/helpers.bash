# Shared set-up for the command-line tests.  FTRKIT is the binary under test
# (the Makefile passes build/ftrkit or build-san/ftrkit); tests run from a
# scratch folder with the repository's questionnaires and sample available.

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
: "${FTRKIT:=$REPO/build/ftrkit}"
AS_OF=2026-11-25

setup_scratch() {
	SCRATCH="$(mktemp -d "${BATS_TMPDIR:-/tmp}/ftrkit.XXXXXX")"
	cd "$SCRATCH"
	cp -r "$REPO/questionnaires" "$REPO/evidence" .
}

teardown_scratch() {
	cd /
	rm -rf "$SCRATCH"
}

# ftr ARGS... runs ftrkit and keeps status and output (bats' run).
ftr() {
	run "$FTRKIT" "$@"
}

# The output folder holds nothing but what a finished run writes.
assert_no_temp_files() {
	! ls -A "${1:-reports}" 2>/dev/null | grep -q '\.tmp-'
}

# The package `ftrkit bundle --as-of $AS_OF` writes for the sample workspace.
PKG_NAME=acme-ledger-ftr-review-2026-11-25
PKG="reports/$PKG_NAME.zip"
