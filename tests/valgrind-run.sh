#!/bin/sh
# valgrind-run.sh VALGRIND FLAGS LOGDIR NAME EXPECTED DIR COMMAND...
# Run COMMAND in DIR under valgrind; fail when valgrind found an error or a
# leak (exit 99) or the command's exit code is not EXPECTED.
set -u
vg=$1 flags=$2 logdir=$3 name=$4 expected=$5 dir=$6
shift 6
# shellcheck disable=SC2086
# memcheck cannot see into PCRE2's JIT code: interpret the patterns instead.
(cd "$dir" && FTRKIT_NO_JIT=1 "$vg" $flags --log-file="$logdir/$name.log" "$@" >"$logdir/$name.out" 2>&1)
rc=$?
if [ "$rc" -eq 99 ] || [ "$rc" -ne "$expected" ]; then
	echo "valgrind: $name: exit $rc (expected $expected)" >&2
	grep -v -e 'unhandled amd64-linux syscall' -e 'your own handler' -e 'README_MISSING' \
		-e 'consider this a bug' -e 'bug_reports.html' "$logdir/$name.log" >&2
	tail -n 20 "$logdir/$name.out" >&2
	exit 1
fi
echo "valgrind: $name ok (exit $rc)"
