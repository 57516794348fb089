#!/usr/bin/env bats
# The conventions users' tools expect: per-command --help, no colour for
# TERM=dumb, a hardened build that honours CPPFLAGS/CFLAGS/LDFLAGS, make
# install/uninstall with bash completion, a man page with EXAMPLES,
# ENVIRONMENT and EXIT STATUS, catalogs built into the binary, and VERIFY.txt
# routes for GNU and macOS.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# The commands the general help lists, one a line.
help_commands() {
	"$FTRKIT" --help | sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z]*\).*/\1/p'
}

# make as a user runs it: nothing inherited from a make that runs the tests
# (make check passes WERROR and its command line down through MAKEFLAGS).
user_make() {
	env -u WERROR -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u CFLAGS -u CPPFLAGS -u LDFLAGS \
		make "$@"
}

# The long options one command's --help lists, one a line.
help_options() {
	"$FTRKIT" "$1" --help | grep -o -- '--[a-z][a-z-]*' | sort -u
}

@test "every command has its own --help: its usage, its options, exit 0" {
	run help_commands
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -ge 6 ]
	for cmd in "${lines[@]}"; do
		run "$FTRKIT" "$cmd" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: ftrkit $cmd"* ]]
		[[ "$output" == *"exit "* ]]
		[[ "$output" != *"commands"* ]]
		run "$FTRKIT" "$cmd" -h
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "usage: ftrkit $cmd"* ]]
	done
}

@test "assess --help shows assess's options, verify --help verify's" {
	ftr assess --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--format LIST"* ]]
	[[ "$output" != *"--pubkey"* ]]
	[[ "$output" != *"--sign"* ]]
	ftr verify --help
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "usage: ftrkit verify "*"PACKAGE" ]]
	[[ "$output" == *"--pubkey FILE"* ]]
	[[ "$output" != *"--format"* ]]
	# --help wins over a missing argument and writes nothing
	ftr init --help
	[ "$status" -eq 0 ]
	[ ! -e reports ]
}

@test "no colour when TERM=dumb, even on a terminal" {
	command -v script >/dev/null || skip "script(1) not installed"
	TERM=xterm script -qec "$FTRKIT assess --as-of $AS_OF" /dev/null > tty.out
	grep -q $'\033\[' tty.out
	TERM=dumb script -qec "$FTRKIT assess --as-of $AS_OF" /dev/null > tty.out
	run grep -c $'\033\[' tty.out
	[ "$output" = 0 ]
	grep -q 'DR-001' tty.out
	# NO_COLOR set but empty asks for nothing (no-color.org)
	TERM=xterm NO_COLOR= script -qec "$FTRKIT assess --as-of $AS_OF" /dev/null > tty.out
	grep -q $'\033\[' tty.out
}

@test "Makefile: CPPFLAGS, CFLAGS, LDFLAGS honoured after ftrkit's own; hardening by default" {
	run user_make -s -n -B -C "$REPO" build/obj/base/error.o build/ftrkit \
		CPPFLAGS=-DFROM_CPPFLAGS CFLAGS='-O1 -DFROM_CFLAGS' LDFLAGS=-Wl,--as-needed
	[ "$status" -eq 0 ]
	compile=$(printf '%s\n' "${lines[@]}" | grep -- '-c src/base/error.c')
	link=$(printf '%s\n' "${lines[@]}" | grep -- '-o build/ftrkit$')
	[[ "$compile" == *"-D_FORTIFY_SOURCE=2"* ]]
	[[ "$compile" == *"-fstack-protector-strong"* ]]
	[[ "$compile" == *"-fPIE"* ]]
	[[ "$compile" == *"-DFROM_CPPFLAGS"* ]]
	[[ "$compile" == *"-D_FORTIFY_SOURCE=2 -DFROM_CPPFLAGS"* ]]
	[[ "$compile" == *"-O1 -DFROM_CFLAGS"* ]]
	[[ "$link" == *"-pie"* ]]
	[[ "$link" == *"-Wl,-z,relro"* ]]
	[[ "$link" == *"-Wl,-z,now"* ]]
	[[ "$link" == *"-Wl,--as-needed"* ]]
	# the environment works as well as the command line
	CFLAGS='-O0 -DFROM_ENV' run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -n -B -C "$REPO" build/obj/base/error.o
	[[ "$output" == *"-O0 -DFROM_ENV"* ]]
}

@test "Makefile: -Werror only with WERROR=1, which development targets default to" {
	# (make check exports WERROR=1 to the tests; a user's build has none)
	run user_make -s -n -B -C "$REPO" build/obj/base/error.o
	[ "$status" -eq 0 ]
	[[ "$output" != *"-Werror"* ]]
	run user_make -s -n -B -C "$REPO" build/obj/base/error.o WERROR=1
	[[ "$output" == *"-Werror"* ]]
	# a development goal (here layers, which -n only prints) turns it on
	run user_make -s -n -B -C "$REPO" build/obj/base/error.o layers
	[[ "$output" == *"-Werror"* ]]
	run user_make -s -n -B -C "$REPO" build/obj/base/error.o layers WERROR=0
	[[ "$output" != *"-Werror"* ]]
}

@test "the built binary is PIE with full RELRO and a stack protector" {
	command -v readelf >/dev/null || skip "readelf not installed"
	[ -x "$REPO/build/ftrkit" ] || skip "build/ftrkit not built"
	run readelf -h "$REPO/build/ftrkit"
	[[ "$output" == *"DYN ("* ]]
	run readelf -d "$REPO/build/ftrkit"
	[[ "$output" == *"BIND_NOW"* ]]
	run readelf -lW "$REPO/build/ftrkit"
	[[ "$output" == *"GNU_RELRO"* ]]
	run readelf -sW --dyn-syms "$REPO/build/ftrkit"
	[[ "$output" == *"__stack_chk_fail"* ]]
}

@test "make install puts binary, man page, completion and catalogs; uninstall takes them all back" {
	[ -x "$REPO/build/ftrkit" ] || skip "build/ftrkit not built"
	root="$SCRATCH/root"
	run user_make -s -C "$REPO" install DESTDIR="$root" PREFIX=/usr
	[ "$status" -eq 0 ]
	[ -x "$root/usr/bin/ftrkit" ]
	[ -f "$root/usr/share/man/man1/ftrkit.1" ]
	[ -f "$root/usr/share/bash-completion/completions/ftrkit" ]
	[ -f "$root/usr/share/ftrkit/questionnaires/ftr-dr.xml" ]
	run user_make -s -C "$REPO" uninstall DESTDIR="$root" PREFIX=/usr
	[ "$status" -eq 0 ]
	run find "$root" -type f
	[ "$output" = "" ]
	[ ! -e "$root/usr/share/ftrkit" ]
}

# complete WORDS... prints the completions bash offers for the last word.
complete_words() {
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_ftrkit; printf "%s\n" "${COMPREPLY[@]}"' _ "$REPO/completions/ftrkit.bash" "$@"
}

@test "bash completion: commands, each command's options, option values" {
	run complete_words ftrkit ""
	[ "$status" -eq 0 ]
	for cmd in $(help_commands); do
		[[ " ${lines[*]} " == *" $cmd "* ]]
	done
	# every option a command's --help lists is offered for that command
	for cmd in $(help_commands); do
		run complete_words ftrkit "$cmd" --
		for o in $(help_options "$cmd"); do
			[[ " ${lines[*]} " == *" $o "* ]] || { echo "$cmd: $o not completed"; false; }
		done
	done
	run complete_words ftrkit assess --format json,oscal-
	[ "$output" = "json,oscal-json" ]
	run complete_words ftrkit assess --format json,x
	[ "$output" = "json,xlsx" ]
	run complete_words ftrkit assess --lang ""
	[ "${lines[*]}" = "en ja" ]
}

@test "man page: EXAMPLES, ENVIRONMENT, EXIT STATUS, and every option of --help" {
	man="$REPO/man/ftrkit.1"
	grep -q '^\.SH EXAMPLES' "$man"
	grep -q '^\.SH ENVIRONMENT' "$man"
	grep -q '^\.SH "\?EXIT STATUS' "$man"
	for v in NO_COLOR TERM FTRKIT_THREADS SOURCE_DATE_EPOCH; do
		grep -q "^\.B $v\$" "$man"
	done
	for o in $("$FTRKIT" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$esc" "$man" || { echo "man page lacks $o"; false; }
	done
	if command -v groff >/dev/null; then
		run groff -man -ww -z "$man"
		[ "$output" = "" ]
	fi
}

@test "init, assess and bundle work from an empty folder with the built-in catalogs" {
	mkdir -p empty/bin && cp "$FTRKIT" empty/bin/ftrkit && cd empty
	run ./bin/ftrkit init ws
	[ "$status" -eq 0 ]
	grep -q 'DR-009' ws/assessment.xml
	run ./bin/ftrkit assess -w ws --as-of "$AS_OF" --quiet
	[ "$status" -eq 1 ]
	[ -s reports/report.json ]
	run ./bin/ftrkit bundle -w ws --as-of "$AS_OF" --quiet
	[ "$status" -eq 1 ]
	unzip -p reports/ws-ftr-review-$AS_OF.zip \
		"ws-ftr-review-$AS_OF/data/questionnaire/ftr-dr.xml" > bundled.xml
	cmp bundled.xml "$REPO/questionnaires/ftr-dr.xml"
	# a questionnaire named with -q that is missing is still an error
	run ./bin/ftrkit assess -w ws -q nowhere.xml
	[ "$status" -eq 2 ]
	[[ "$output" == *"nowhere.xml"* ]]
}

@test "VERIFY.txt: GNU and macOS (shasum) routes, OpenSSL 3 and the LibreSSL caveat" {
	"$FTRKIT" keygen signer >/dev/null
	ftr bundle --as-of "$AS_OF" --sign signer.key
	[ "$status" -eq 0 ]
	unzip -p "$PKG" "$PKG_NAME/VERIFY.txt" > VERIFY.txt
	grep -q 'OpenSSL 3' VERIFY.txt
	grep -q 'LibreSSL' VERIFY.txt
	grep -q '^    macOS\$ shasum -a 256 --strict -c manifest-sha256.txt$' VERIFY.txt
	grep -q '^    macOS\$ shasum -a 256 --strict -c tagmanifest-sha256.txt$' VERIFY.txt
	grep -q 'outform DER | shasum -a 256$' VERIFY.txt
	command -v shasum >/dev/null || skip "shasum (perl) not installed"
	unzip -q "$PKG" -d unz
	cd "unz/$PKG_NAME"
	sed -n 's/^    macOS\$ \(shasum .*\)/\1/p' ../../VERIFY.txt > ../steps.sh
	[ "$(wc -l < ../steps.sh)" -eq 2 ]
	run bash -e ../steps.sh
	[ "$status" -eq 0 ]
	[[ "$output" == *"data/index.html: OK"* ]]
	echo x >> data/evidence/documents/sla.md
	run bash -e ../steps.sh
	[ "$status" -ne 0 ]
}
