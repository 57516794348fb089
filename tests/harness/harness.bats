#!/usr/bin/env bats
# Tests of the test harness itself (issue 21): tools/run-tests.sh must fail
# whenever a runner says something went wrong, the command-line helpers must
# fail a test on a sanitizer report whatever status it expected, the browser
# canary must only pass on a caught request, and bats-lint must catch
# assertions that cannot fail.  Fake unit binaries and fake bats files stand
# in for real ones, so every case is exact and fast.

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"

setup() {
	# The harness's own switches come from each test, never from the caller:
	# CI runs this file with FTRKIT_NO_SKIPS=1 exported.
	unset FTRKIT_NO_SKIPS FTRKIT_FAIL_FAST FTRKIT_TEST_JOBS
	W="$(mktemp -d "${BATS_TMPDIR:-/tmp}/ftrkit-harness.XXXXXX")"
	mkdir -p "$W/b/tests" "$W/cli" "$W/bin"
	printf '#!/bin/sh\nexit 0\n' > "$W/b/ftrkit"
	chmod +x "$W/b/ftrkit"
	cd "$W"
}
teardown() { cd /; rm -rf "$W"; }

# unit NAME RUN PASSED [FAILED] [SKIPPED] [EXIT]: a fake cmocka binary.
unit() {
	{
		echo '#!/bin/sh'
		echo "echo '[==========] $2 test(s) run.'"
		echo "echo '[  PASSED  ] $3 test(s).'"
		[ "${4:-0}" = 0 ] || echo "echo '[  FAILED  ] $4 test(s), listed below:'"
		[ "${5:-0}" = 0 ] || echo "echo '[  SKIPPED ] $5 test(s), listed below:'"
		[ -z "${6:-}" ] || echo "echo 'machine: pretend reason'"
		echo "exit ${7:-${4:-0}}"
	} > "b/tests/test_$1"
	chmod +x "b/tests/test_$1"
}

# harness: run tools/run-tests.sh on the fake build and the fake bats folder.
# The nested bats must not inherit this bats' own variables (BATS_*) nor
# its libexec folder on PATH (there `bats` is the inner script, which lacks
# the launcher's functions): it starts from a clean environment.
CLEAN_PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v 'bats-core' | paste -sd: -)"
harness() {
	run env -i PATH="$CLEAN_PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" FTRKIT_BATS_DIR="$W/cli" \
		FTRKIT_NO_SKIPS="${FTRKIT_NO_SKIPS:-0}" FTRKIT_FAIL_FAST="${FTRKIT_FAIL_FAST:-0}" \
		FTRKIT_TEST_JOBS="${FTRKIT_TEST_JOBS:-1}" \
		sh "$REPO/tools/run-tests.sh" b
	echo "$output"
}

good_bats() {
	printf '@test "a" { true; }\n@test "b" { true; }\n' > cli/good.bats
}

@test "all green: closing line with passed, failed and skipped counts" {
	unit one 2 2
	good_bats
	harness
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "tests: 4 passed, 0 failed, 0 skipped" ]
}

@test "a skipped test is counted as skipped, never as passed" {
	unit one 2 2
	printf '@test "a" { true; }\n@test "b" { skip "no tool"; }\n' > cli/s.bats
	harness
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "tests: 3 passed, 0 failed, 1 skipped" ]
}

@test "FTRKIT_NO_SKIPS=1: a skip fails unless the machine is to blame" {
	unit one 2 2
	printf '@test "a" { skip "machine: no tmpfs"; }\n' > cli/m.bats
	FTRKIT_NO_SKIPS=1 harness
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "tests: 2 passed, 0 failed, 1 skipped" ]
	printf '@test "b" { skip "strace not installed"; }\n' > cli/t.bats
	FTRKIT_NO_SKIPS=1 harness
	[ "$status" -eq 1 ]
	[ "${lines[-1]}" = "tests: 2 passed, 1 failed, 2 skipped" ]
	unit two 1 0 0 1
	rm cli/t.bats
	FTRKIT_NO_SKIPS=1 harness
	[ "$status" -eq 1 ]
	unit two 1 0 0 1 machine
	FTRKIT_NO_SKIPS=1 harness
	[ "$status" -eq 0 ]
}

@test "bats missing is a failure, not 0 passed" {
	unit one 1 1
	good_bats
	for tool in sh env sed grep tail cat mktemp rm; do ln -s "$(command -v $tool)" bin/; done
	run env -i PATH="$W/bin" FTRKIT_BATS_DIR="$W/cli" sh "$REPO/tools/run-tests.sh" b
	[ "$status" -eq 1 ]
	[[ "$output" == *"bats is not installed"* ]]
}

@test "an aborted bats run (plan 3, two results) fails though every result is ok" {
	unit one 1 1
	good_bats
	printf '#!/bin/sh\necho 1..3\necho "ok 1 a"\necho "ok 2 b"\necho "# Executed 2 instead of expected 3 tests"\nexit 1\n' > bin/bats
	chmod +x bin/bats
	CLEAN_PATH="$W/bin:$CLEAN_PATH" harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"bats planned 3 tests"* ]]
}

@test "bats exiting non-zero with only ok lines fails" {
	unit one 1 1
	good_bats
	printf '#!/bin/sh\necho 1..1\necho "ok 1 a"\nexit 1\n' > bin/bats
	chmod +x bin/bats
	CLEAN_PATH="$W/bin:$CLEAN_PATH" harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"bats exited with status 1"* ]]
}

@test "a bats folder with no test fails" {
	unit one 1 1
	harness
	[ "$status" -eq 1 ]
	FTRKIT_TEST_JOBS=2 harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"no .bats file"* ]]
}

@test "FTRKIT_TEST_JOBS=2: files run side by side, every shard judged and counted" {
	unit one 1 1
	good_bats
	printf '@test "c" { true; }\n' > cli/other.bats
	printf '@test "d" { skip "no tool"; }\n' > cli/third.bats
	FTRKIT_TEST_JOBS=2 harness
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "tests: 4 passed, 0 failed, 1 skipped" ]
	printf '@test "e" { false; }\n' > cli/third.bats
	FTRKIT_TEST_JOBS=2 harness
	[ "$status" -eq 1 ]
	[ "${lines[-1]}" = "tests: 4 passed, 1 failed, 0 skipped" ]
	# an aborted shard fails the run though its every result was ok
	printf '#!/bin/sh\necho 1..3\necho "ok 1 a"\nexit 1\n' > bin/bats
	chmod +x bin/bats
	CLEAN_PATH="$W/bin:$CLEAN_PATH" FTRKIT_TEST_JOBS=2 harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"(shard group0) but reported 1"* ]]
	[[ "$output" == *"(shard group1) but reported 1"* ]]
}

@test "a unit binary that exits 86 (sanitizer) after PASSED fails" {
	unit one 2 2 0 0 "" 86
	good_bats
	harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"exited with status 86"* ]]
}

@test "a unit binary whose counts do not add up fails" {
	unit one 3 2
	good_bats
	harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"announced 3 tests but reported 2"* ]]
}

@test "no unit binary at all fails" {
	good_bats
	harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"no unit test binary"* ]]
}

@test "FTRKIT_FAIL_FAST=1 stops at the first failing unit binary" {
	unit a 1 0 1
	unit b 1 1
	good_bats
	FTRKIT_FAIL_FAST=1 harness
	[ "$status" -eq 1 ]
	[[ "$output" == *"stopped at the first failure"* ]]
	[[ "$output" != *"test_b"* ]]
}

# guarded BODY: a bats file using tests/cli/helpers.bash whose one test runs
# BODY against a fake ftrkit that reports like a sanitizer would.
guarded() {
	cat > fake-ftrkit <<'SH'
#!/bin/sh
# pretend a leak: a report where ASAN_OPTIONS' log_path says, exit 86
path=$(printf '%s' "$ASAN_OPTIONS" | sed -n 's/.*log_path=\([^:]*\).*/\1/p')
[ -n "$path" ] && echo "ERROR: LeakSanitizer: detected memory leaks" > "$path.$$"
exit 86
SH
	chmod +x fake-ftrkit
	# helpers.bash finds the repository two folders up: give it one
	mkdir -p g/tests/cli g/questionnaires g/evidence
	cp "$REPO/tests/cli/helpers.bash" g/tests/cli/
	{
		echo 'load helpers'
		echo 'setup() { setup_scratch; }'
		echo 'teardown() { teardown_scratch; }'
		echo "@test \"guarded\" { $1; }"
	} > g/tests/cli/t.bats
	run env -i PATH="$CLEAN_PATH" HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" FTRKIT="$W/fake-ftrkit" \
		bats --tap g/tests/cli/t.bats
	echo "$output"
}

@test "helpers: a sanitizer report fails the test even when its status was expected" {
	# the test accepts any status; only the report file can fail it
	guarded 'run "$FTRKIT" assess; true'
	[ "$status" -ne 0 ]
	[[ "$output" == *"not ok 1 guarded"* ]]
	[[ "$output" == *"LeakSanitizer"* ]]
}

@test "helpers: ftr refuses exit 86 as an answer" {
	guarded 'ftr assess; [ "$status" -eq 86 ]'
	[ "$status" -ne 0 ]
	[[ "$output" == *"exit 86, a sanitizer report"* ]]
}

@test "netlog_check: 3 for a page request, 0 for none, 2 for a broken log" {
	cat > req.json <<'JSON'
{"constants": {"logEventTypes": {"URL_REQUEST_START_JOB": 7}},
 "events": [{"type": 7, "params": {"url": "http://example.invalid/x.png", "initiator": "null"}},
            {"type": 7, "params": {"url": "https://update.invalid/", "initiator": "not an origin"}}]}
JSON
	run python3 "$REPO/tests/browser/netlog_check.py" req.json
	[ "$status" -eq 3 ]
	[[ "$output" == *"example.invalid"* ]]
	[[ "$output" != *"update.invalid"* ]]
	printf '{"constants": {"logEventTypes": {}}, "events": []}' > none.json
	run python3 "$REPO/tests/browser/netlog_check.py" none.json
	[ "$status" -eq 0 ]
	printf '{"events": [' > broken.json
	run python3 "$REPO/tests/browser/netlog_check.py" broken.json
	[ "$status" -eq 2 ]
	run python3 "$REPO/tests/browser/netlog_check.py" missing.json
	[ "$status" -eq 2 ]
}

@test "bats-lint flags assertions that cannot fail, and the suite is clean" {
	# (written with printf: bats would take a heredoc's @test line as a test)
	printf '%s\n' '@test "weak" {' '	! grep -q x file' '	[ -d a ] &'"&"' [ -d b ]' '	skip' '	true' '}' > weak.bats
	run python3 "$REPO/tools/bats-lint.py" weak.bats
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 3 ]
	[[ "${lines[0]}" == "weak.bats:2: '!' before the last command"* ]]
	[[ "${lines[1]}" == "weak.bats:3: only the last test of an && chain"* ]]
	[[ "${lines[2]}" == "weak.bats:4: skip without a reason" ]]
	run python3 "$REPO/tools/bats-lint.py" "$REPO"/tests/cli/*.bats "$REPO"/tests/harness/*.bats
	[ "$status" -eq 0 ]
}
