#!/usr/bin/env bats
# The "no network, ever" promise: every command runs under the seccomp
# filter (src/sandbox.c), and none of them makes an AF_INET/AF_INET6 call.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# The commands `ftrkit --help` lists (so commands added later are covered).
help_commands() {
	"$FTRKIT" --help | awk '/^commands:/ {on=1; next} on && /^$/ {exit} on && /^  [a-z]/ {print $1}'
}

# Arguments that let COMMAND get past argument checking in the scratch folder.
args_for() {
	case "$1" in
	init) echo "ws-init" ;;
	import) echo "evidence/documents/ftr-self-assessment.xlsx -w ws-import" ;;
	verify) ls reports/*.zip 2>/dev/null | head -n 1 || echo "missing.zip" ;;
	*) echo "" ;;
	esac
}

@test "the selftest sees the network denied once the filter is in" {
	ftr --sandbox-selftest
	[ "$status" -eq 0 ]
	[[ "$output" == *"socket(AF_INET)              denied (EACCES)"* ]]
	[[ "$output" == *"socket(AF_INET6)             denied (EACCES)"* ]]
	[[ "$output" == *"socketpair(AF_INET)          denied (EACCES)"* ]]
	[[ "$output" == *"io_uring_setup               denied (EACCES)"* ]]
	[[ "$output" == *"socket(AF_UNIX)              allowed"* ]]
	[[ "$output" == *"sandbox selftest: network denied"* ]]
}

@test "the selftest's probe detects an open network (without the filter it fails)" {
	ftr --sandbox-selftest --no-sandbox
	[ "$status" -eq 1 ]
	[[ "$output" == *"socket(AF_INET)              allowed"* ]]
	[[ "$output" == *"NETWORK NOT DENIED"* ]]
}

@test "when the filter cannot be installed, ftrkit refuses to run and writes nothing" {
	FTRKIT_SANDBOX_SIMULATE_FAILURE=1 run "$FTRKIT" assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == "ftrkit: cannot install the network sandbox (seccomp): "*"refusing to run (give --no-sandbox to run without it)" ]]
	[ ! -e reports ]
	FTRKIT_SANDBOX_SIMULATE_FAILURE=1 run "$FTRKIT" init ws
	[ "$status" -eq 2 ]
	[ ! -e ws ]
}

@test "--no-sandbox runs without the filter, and says so under --verbose" {
	FTRKIT_SANDBOX_SIMULATE_FAILURE=1 run "$FTRKIT" assess --as-of "$AS_OF" --no-sandbox --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"warning: --no-sandbox: running without the network sandbox"* ]]
	[ -s reports/results.sqlite ]
}

@test "strace: no command makes an AF_INET/AF_INET6 call, and each installs the filter" {
	command -v strace >/dev/null || skip "strace not installed (tools/deps.sh installs it)"
	strace -qq -o /dev/null true 2>/dev/null || skip "machine: ptrace is not permitted here"
	# LeakSanitizer cannot run under ptrace (it reports a fatal error of its
	# own, which teardown would count): the sanitizer build runs the traced
	# commands without leak checking; every other test still checks leaks.
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	# The probe must be able to see a network call: without the filter the
	# selftest's socket(AF_INET) shows up in the trace.
	strace -f -qq -e trace=socket,connect -o probe.trace "$FTRKIT" --sandbox-selftest --no-sandbox >/dev/null || true
	grep -q 'AF_INET' probe.trace
	cmds="$(help_commands)"
	[ -n "$cmds" ]
	for cmd in $cmds; do
		# shellcheck disable=SC2046
		strace -f -qq -e trace=socket,socketpair,connect,seccomp -o "$cmd.trace" \
			"$FTRKIT" "$cmd" $(args_for "$cmd") --as-of "$AS_OF" >/dev/null 2>&1 || true
		echo "# $cmd: $(grep -c . "$cmd.trace") traced calls" >&3
		if grep -E 'AF_INET6?[,)]|sin_family=AF_INET|sin6_family=AF_INET6' "$cmd.trace"; then
			echo "$cmd made a network call" >&2
			return 1
		fi
		grep -q 'seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=' "$cmd.trace"
	done
}

@test "every command listed refuses to run when the filter cannot be installed" {
	# A command never gets further than argument parsing without the filter:
	# with installation made to fail, every command listed refuses to run.
	cmds="$(help_commands)"
	# at least the six commands of the contract, or the loop tests too little
	[ "$(echo "$cmds" | wc -w)" -ge 6 ]
	for cmd in $cmds; do
		# shellcheck disable=SC2046
		FTRKIT_SANDBOX_SIMULATE_FAILURE=1 run "$FTRKIT" "$cmd" $(args_for "$cmd") --as-of "$AS_OF"
		[ "$status" -eq 2 ]
		[[ "$output" == *"cannot install the network sandbox"* ]]
	done
}
