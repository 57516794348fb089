#!/bin/sh
# run-tests.sh BUILD_DIR - run every cmocka unit test of BUILD_DIR/tests and
# the bats suite against BUILD_DIR/ftrkit, then print one closing line:
#
#   tests: N passed, M failed, K skipped
#
# The harness listens to the runners instead of counting lines alone:
#   - a unit binary that exits non-zero, or whose PASSED + FAILED + SKIPPED
#     counts do not add up to the "N test(s) run" it announced, has failed;
#   - bats' own exit status is trusted, and its plan line (1..N) must match
#     the number of results it printed: an aborted run ("Executed 2 instead
#     of expected 3") is a failure, never a shorter green run;
#   - no bats, no unit binary, or an empty plan is a failure, not "0 passed".
# Exit 1 when anything failed.
#
# Environment:
#   FTRKIT_NO_SKIPS=1   a skipped test is a failure unless its reason starts
#                       with "machine:" (a capability this machine lacks, such
#                       as mounting a tmpfs); a missing tool is never a reason.
#                       CI sets it.
#   FTRKIT_FAIL_FAST=1  stop at the first failing unit binary or bats file
#                       (tools/mutation-check.sh: one failure kills a mutant).
#   FTRKIT_BATS_DIR     the bats folder (default tests/cli).
#   FTRKIT_TEST_JOBS    bats runs side by side (default: the number of CPUs);
#                       1 runs the folder in one bats process.
set -u
build=$1
bats_dir=${FTRKIT_BATS_DIR:-tests/cli}
no_skips=${FTRKIT_NO_SKIPS:-0}
fail_fast=${FTRKIT_FAIL_FAST:-0}
jobs=${FTRKIT_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
passed=0
failed=0
skipped=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# add_skips COUNT MACHINE_COUNT: count skips; without FTRKIT_NO_SKIPS they
# are reported, with it every skip not blamed on the machine fails.
add_skips() {
	skipped=$((skipped + $1))
	if [ "$no_skips" = 1 ] && [ "$1" -gt "$2" ]; then
		echo "run-tests: $(($1 - $2)) test(s) skipped for a reason other than \"machine:\" (FTRKIT_NO_SKIPS=1)"
		failed=$((failed + $1 - $2))
	fi
}

# stop_if_failed: under FTRKIT_FAIL_FAST, end the run at the first failure.
stop_if_failed() {
	if [ "$fail_fast" = 1 ] && [ "$failed" -gt 0 ]; then
		echo "tests: $passed passed, $failed failed, $skipped skipped (stopped at the first failure: FTRKIT_FAIL_FAST=1)"
		exit 1
	fi
}

# count PATTERN: the number that a cmocka summary line PATTERN carries, or 0.
count() {
	sed -n "s/^\[  $1 *\] \([0-9]*\) test.*/\1/p" "$log" | tail -n 1 | grep . || echo 0
}

units=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	units=$((units + 1))
	echo "== $t"
	if "$t" >"$log" 2>&1; then status=0; else status=$?; fi
	cat "$log"
	run=$(sed -n 's/^\[==========\] \([0-9]*\) test(s) run\./\1/p' "$log" | tail -n 1)
	p=$(count PASSED)
	f=$(count FAILED)
	s=$(count SKIPPED)
	passed=$((passed + p))
	failed=$((failed + f))
	add_skips "$s" "$(grep -c '^machine: ' "$log")"
	if [ "$status" != 0 ] && [ "$f" = 0 ]; then
		echo "run-tests: $t exited with status $status (a crash, a sanitizer report or a failed setup)"
		failed=$((failed + 1))
	elif [ -z "$run" ] || [ $((p + f + s)) != "$run" ]; then
		echo "run-tests: $t announced ${run:-no} tests but reported $((p + f + s))"
		failed=$((failed + 1))
	fi
	stop_if_failed
done
if [ "$units" = 0 ]; then
	echo "run-tests: no unit test binary in $build/tests"
	failed=$((failed + 1))
fi

# judge_bats NAME STATUS: judge one bats run whose TAP output is in $log by
# its exit status and its plan.
judge_bats() {
	cat "$log"
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$log" | head -n 1)
	ok=$(grep -c '^ok ' "$log")
	s=$(grep -c '^ok [0-9]* .* # skip' "$log")
	s_machine=$(grep -c '^ok [0-9]* .* # skip machine:' "$log")
	f=$(grep -c '^not ok ' "$log")
	passed=$((passed + ok - s))
	failed=$((failed + f))
	add_skips "$s" "$s_machine"
	if [ -z "$plan" ] || [ "$plan" = 0 ]; then
		echo "run-tests: bats ran no test in $1"
		failed=$((failed + 1))
	elif [ $((ok + f)) != "$plan" ]; then
		echo "run-tests: bats planned $plan tests in $1 but reported $((ok + f))"
		failed=$((failed + 1))
	fi
	if [ "$2" != 0 ] && [ "$f" = 0 ]; then
		echo "run-tests: bats exited with status $2 for $1 though no test reported a failure"
		failed=$((failed + 1))
	fi
	stop_if_failed
}

# run_bats FILE-OR-DIR: one bats run.
run_bats() {
	echo "== bats $1 ($build/ftrkit)"
	if FTRKIT="$(pwd)/$build/ftrkit" bats --tap "$1" >"$log" 2>&1; then status=0; else status=$?; fi
	judge_bats "$1" "$status"
}

# run_bats_sharded JOBS: the bats files in JOBS groups run side by side
# (largest files first, dealt round the groups), each judged on its own.
# Every test has a scratch folder of its own, so they do not interfere.
run_bats_sharded() {
	shards=$(mktemp -d)
	i=0
	for file in $(ls -S "$bats_dir"/*.bats 2>/dev/null); do
		echo "$file" >>"$shards/group$((i % $1))"
		i=$((i + 1))
	done
	if [ "$i" = 0 ]; then
		echo "run-tests: bats ran no test in $bats_dir (no .bats file)"
		failed=$((failed + 1))
		rm -rf "$shards"
		return
	fi
	for group in "$shards"/group*; do
		(
			# shellcheck disable=SC2046
			if FTRKIT="$(pwd)/$build/ftrkit" bats --tap $(sort "$group") >"$group.log" 2>&1; then
				echo 0 >"$group.status"
			else
				echo $? >"$group.status"
			fi
		) &
	done
	wait
	for group in "$shards"/group?; do
		echo "== bats $(sort "$group" | tr '\n' ' ')($build/ftrkit)"
		cp "$group.log" "$log"
		judge_bats "$bats_dir (shard $(basename "$group"))" "$(cat "$group.status")"
	done
	rm -rf "$shards"
}

if ! command -v bats >/dev/null 2>&1; then
	echo "run-tests: bats is not installed: the command-line suite cannot run (make deps installs it)"
	failed=$((failed + 1))
elif [ "$fail_fast" = 1 ]; then
	for file in "$bats_dir"/*.bats; do run_bats "$file"; done
elif [ "$jobs" -gt 1 ]; then
	run_bats_sharded "$jobs"
else
	run_bats "$bats_dir"
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
