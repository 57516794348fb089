#!/usr/bin/env bats
# The progress bar: stderr only, only on a terminal, never with --quiet.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# A workspace big enough that the inventory takes longer than the bar's
# start delay even on a fast machine.
big_workspace() {
	cp -r evidence big
	mkdir -p big/exports
	truncate -s 512M big/exports/sparse.bin # no disk used; hashed all the same
}

@test "stderr not a terminal: no progress output at all" {
	big_workspace
	"$FTRKIT" assess -w big --as-of "$AS_OF" >out.txt 2>err.txt
	[ ! -s err.txt ]
	! grep -q 'inventory' out.txt
}

@test "on a terminal the bar is drawn on stderr and erased; --quiet silences it" {
	command -v script >/dev/null || skip "script(1) not installed"
	big_workspace
	# stdin and stdout/stderr on a pseudo-terminal; stdout of script captured
	script -qec "FTRKIT_THREADS=1 '$FTRKIT' assess -w big --as-of $AS_OF" /dev/null >tty.txt
	grep -q 'inventory \[' tty.txt
	grep -q 'files' tty.txt
	script -qec "FTRKIT_THREADS=1 '$FTRKIT' assess -w big --quiet --as-of $AS_OF" /dev/null >quiet.txt
	! grep -q 'inventory' quiet.txt
}
