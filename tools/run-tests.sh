#!/bin/sh
# run-tests.sh BUILD_DIR - run every cmocka unit test and every bats file
# against BUILD_DIR/ftrkit, then print one closing line:
#   "tests: N passed, M failed"
# Exit 1 when anything failed.
set -u
build=$1
passed=0
failed=0
log=$(mktemp)
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	echo "== $t"
	if "$t" >"$log" 2>&1; then status=0; else status=1; fi
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	[ "$status" = 0 ] || [ -n "$f" ] || failed=$((failed + 1))
done
echo "== bats tests/cli ($build/ftrkit)"
FTRKIT="$(pwd)/$build/ftrkit" bats --tap tests/cli >"$log" 2>&1
cat "$log"
p=$(grep -c '^ok ' "$log")
f=$(grep -c '^not ok ' "$log")
passed=$((passed + p))
failed=$((failed + f))
rm -f "$log"
echo "tests: $passed passed, $failed failed"
[ "$failed" = 0 ]
