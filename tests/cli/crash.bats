#!/usr/bin/env bats
# Crash safety and resource errors: a run killed with SIGKILL at random
# moments never leaves a corrupt results database, a partial report or a
# file that differs from a complete run; a stale temporary file is cleaned
# up by the next run; a full disk is a clear error that replaces nothing.

load helpers

# The kill moments come from bash's RANDOM, seeded from FTRKIT_CRASH_SEED
# (default: a fresh seed per run) and printed, so a failure is reproduced with
#   FTRKIT_CRASH_SEED=N bats tests/cli/crash.bats
setup() {
	setup_scratch
	CRASH_SEED="${FTRKIT_CRASH_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}"
	RANDOM=$CRASH_SEED
	echo "# kill moments from FTRKIT_CRASH_SEED=$CRASH_SEED" >&3
	echo "kill moments from FTRKIT_CRASH_SEED=$CRASH_SEED (set it to replay this run)"
}
teardown() {
	if [ -n "${MNT:-}" ]; then umount "$MNT" 2>/dev/null || true; fi
	teardown_scratch
}

# Writing commands of `ftrkit --help` that take no positional argument.
writers() {
	"$FTRKIT" --help | awk '/^commands:/ {on=1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}' |
		grep -Ex 'assess|bundle'
}

# Every final (non-temporary) file of DIR with its sha256, sorted.
snapshot() {
	(cd "$1" && find . -type f ! -name '.*.tmp-*' -print0 | sort -z | xargs -0 -r sha256sum)
}

@test "SIGKILL at 20 random moments: outputs are the old complete ones, never partial" {
	cmds="$(writers)"
	# both writing commands, or the loop below would test nothing
	[ "$(echo $cmds)" = "assess bundle" ]
	for cmd in $cmds; do
		"$FTRKIT" "$cmd" --as-of "$AS_OF" -o out >/dev/null
		reference="$(snapshot out)"
		[ -n "$reference" ]
		for i in $(seq 1 20); do
			"$FTRKIT" "$cmd" --as-of "$AS_OF" -o out >/dev/null 2>&1 &
			pid=$!
			sleep "0.0$((RANDOM % 60))"
			kill -9 "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
			# same inputs, same --as-of: any complete output is byte-identical
			[ "$(snapshot out)" = "$reference" ]
			[ "$(sqlite3 out/results.sqlite 'PRAGMA integrity_check')" = ok ]
			[ "$(sqlite3 out/results.sqlite 'SELECT overall FROM run')" = met ]
			python3 -c 'import json; json.load(open("out/report.json"))'
		done
		echo "# $cmd: $(ls -A out | grep -c '\.tmp-' || true) stale temporary files after the kills" >&3
		# the next run cleans up what the killed ones left
		"$FTRKIT" "$cmd" --as-of "$AS_OF" -o out >/dev/null
		assert_no_temp_files out
		[ "$(snapshot out)" = "$reference" ]
	done
}

@test "a killed first run leaves no database that later runs cannot open" {
	for i in $(seq 1 10); do
		rm -rf fresh
		"$FTRKIT" assess --as-of "$AS_OF" -o fresh >/dev/null 2>&1 &
		pid=$!
		sleep "0.0$((RANDOM % 40))"
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		if [ -e fresh/results.sqlite ]; then
			[ "$(sqlite3 fresh/results.sqlite 'PRAGMA integrity_check')" = ok ]
		fi
		ftr assess --as-of "$AS_OF" -o fresh
		[ "$status" -eq 0 ]
		[ "$(sqlite3 fresh/results.sqlite 'SELECT count(*) FROM controls')" = 9 ]
	done
}

@test "disk full (ENOSPC on a small tmpfs): clear error, previous outputs intact" {
	MNT="$SCRATCH/mnt"
	mkdir -p "$MNT"
	mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null || { MNT=; skip "machine: cannot mount a tmpfs here (not root or no CAP_SYS_ADMIN)"; }
	ftr assess --as-of "$AS_OF" -o "$MNT/out"
	[ "$status" -eq 0 ]
	before="$(snapshot "$MNT/out")"
	# fill the file system to the last few blocks
	dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
	ftr assess --as-of "$AS_OF" -o "$MNT/out"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "ftrkit: $MNT/out/"* ]]
	[[ "$output" == *"full"* || "$output" == *"No space left on device"* ]]
	echo "# $output" >&3
	[ "$(snapshot "$MNT/out")" = "$before" ]
	assert_no_temp_files "$MNT/out"
	# a first run on a full disk leaves nothing at all
	ftr assess --as-of "$AS_OF" -o "$MNT/new"
	[ "$status" -eq 2 ]
	[ -z "$(ls -A "$MNT/new" 2>/dev/null)" ]
	rm -f "$MNT/filler"
	ftr assess --as-of "$AS_OF" -o "$MNT/out"
	[ "$status" -eq 0 ]
}

@test "an unwritable output folder is a clear error" {
	mkdir blocked
	touch blocked/x
	# a file where the output folder should be
	ftr assess --as-of "$AS_OF" -o blocked/x/reports
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "ftrkit: blocked/x"* ]]
}
