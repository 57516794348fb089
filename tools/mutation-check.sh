#!/bin/sh
# mutation-check.sh - prove that the test suite bites.
#
# Copies the tracked files of this checkout (as they are in the working
# tree) to a scratch folder, then for each mutant below: applies one
# deliberate defect, runs the suite that must catch it, and restores the
# file.  A mutant is killed when the suite fails; one that survives, or a
# mutation whose anchor text is no longer in the source (the code moved on:
# update the anchor), fails the whole check.  Prints one line per mutant and
#   "mutants killed N/N"
# and exits 1 unless every mutant was killed.  `make mutation-check` runs
# it; CI runs it after `make check`.
#
# Suites: "unit" is the normal build's unit + command-line tests (make
# unit); "sanitize" is the same against the ASan + UBSan build, where a
# leak is an exit 86 that no test may expect.  FTRKIT_FAIL_FAST=1 makes the
# harness stop at the first failing test binary: once one test fails the
# mutant is killed, the rest need not run.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ftrkit-mutants.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
log="$work/log"

mkdir -p "$work/tree"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
	tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar xf - -C "$work/tree"
[ -f "$work/tree/Makefile" ] || { echo "mutation-check: could not copy the tree" >&2; exit 1; }

killed=0
total=0

# FTRKIT_MUTANTS=NAME,NAME runs only those mutants (while fixing one).
only=${FTRKIT_MUTANTS:-}

# mutate NAME SUITE FILE OLD NEW: one mutant.  OLD must occur exactly once
# in FILE.
mutate() {
	name=$1 suite=$2 file=$3 old=$4 new=$5
	case ",$only," in ,,|*",$name,"*) ;; *) return ;; esac
	total=$((total + 1))
	cp "$work/tree/$file" "$work/orig"
	if ! python3 - "$work/tree/$file" "$old" "$new" <<'EOF'
import sys
path, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
n = text.count(old)
if n != 1:
    sys.exit(f"anchor found {n} times, expected once: {old!r}")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
EOF
	then
		echo "mutant $name: NOT APPLIED ($file): update its anchor in tools/mutation-check.sh"
		return
	fi
	# A mutant that does not compile proves nothing: build first.
	case $suite in sanitize) binary=build-san/ftrkit ;; *) binary=build/ftrkit ;; esac
	if ! (cd "$work/tree" && make --no-print-directory "$binary" >"$log" 2>&1); then
		echo "mutant $name: DOES NOT COMPILE ($file): fix the mutation in tools/mutation-check.sh"
		grep -m3 -E 'error:' "$log" | sed 's/^/    /'
		cp "$work/orig" "$work/tree/$file"
		return
	fi
	if (cd "$work/tree" && FTRKIT_FAIL_FAST=1 make --no-print-directory "$suite" >"$log" 2>&1); then
		echo "mutant $name: SURVIVED - the $suite suite passed with it ($file)"
		tail -n 5 "$log" | sed 's/^/    /'
	else
		killed=$((killed + 1))
		reason=$(grep -m1 -E '^not ok|\[  FAILED  \]|FAILED:|exit 86|exited with status|ERROR: (Address|Leak)Sanitizer|runtime error' "$log" || true)
		echo "mutant $name: killed by the $suite suite${reason:+ ($reason)}"
	fi
	cp "$work/orig" "$work/tree/$file"
}

# A leak on the findings path (assess exiting 1): only the sanitizer build
# sees it, and only if no test accepts its exit code as "findings".
mutate leak-on-findings sanitize src/cli/cmd_assess.c \
	'	ret = assess_exit_code(&run);
' \
	'	ret = assess_exit_code(&run);
	if (ret == 1) {
		char *lost = xmalloc(64);
		lost[0] = (char)ret;
	}
'

# The RTO ceiling check with its comparison flipped.
mutate rto-ceiling-flipped unit src/checks/check_objectives.c \
	'if (o->rto_seconds > ceiling) {' \
	'if (o->rto_seconds < ceiling) {'

# The same check with the boundary moved: an RTO of exactly the ceiling
# (24 hours) is allowed.
mutate rto-ceiling-boundary unit src/checks/check_objectives.c \
	'if (o->rto_seconds > ceiling) {' \
	'if (o->rto_seconds >= ceiling) {'

# verify no longer compares a manifest's SHA-256 with the entry's.
mutate verify-skips-hash unit src/cli/cmd_verify.c \
	'if (strcmp(e->sha256, me->sha256) != 0) {' \
	'if (0 && strcmp(e->sha256, me->sha256) != 0) {'

# An off-by-one in every number the duration parser reads.
mutate duration-off-by-one unit src/model/duration.c \
	'*fixed = whole * FRAC_SCALE + frac;' \
	'*fixed = (whole + 1) * FRAC_SCALE + frac;'

echo "mutants killed $killed/$total"
[ "$killed" -eq "$total" ]
