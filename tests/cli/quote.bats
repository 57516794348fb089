#!/usr/bin/env bats
# Untrusted text is never raw on a terminal (issue 15 item 6): manifest
# paths (percent-decoded), FIS tags and file names with ESC, CR or LF are
# shown escaped (\033, \r, \n) by verify, assess -v and every error line.

load helpers

TOOLS="$REPO/tests/tools"

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# no ESC, CR or other C0 control but LF and TAB in $output; lines as printed
no_raw_controls() {
	[ "$(printf '%s' "$output" | LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]')" -eq 0 ]
}

@test "verify: a manifest path with %1B[2J, %0D and %0A is shown escaped" {
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	unzip -p "$PKG" "$PKG_NAME/manifest-sha256.txt" > man.txt
	printf '%064d  data/evidence/x%%1B[2J%%0Dintact: ok%%0Afake line\n' 0 >> man.txt
	python3 "$TOOLS/zip_edit.py" "$PKG" edited.zip "put:manifest-sha256.txt:man.txt"
	run "$FTRKIT" verify edited.zip
	[ "$status" -eq 1 ]
	no_raw_controls
	[[ "$output" == *'data/evidence/x\033[2J\rintact: ok\nfake line: listed in manifest-sha256.txt but missing'* ]]
	# the forged text did not become a line of its own
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^fake line')" -eq 0 ]
	[[ "${lines[-1]}" == "TAMPERED: "* ]]
}

@test "assess -v: an FIS scenario tag with ESC, CR and LF is shown escaped" {
	f=evidence/drills/2026-10-21-web-az-outage-fis.json
	sed -i 's/"scenario": "web-az-outage"/"scenario": "web\\u001b[2J\\r\\nDR-009 met"/' "$f"
	grep -q 'u001b' "$f"
	run "$FTRKIT" assess -v --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	no_raw_controls
	[[ "$output" == *'web\033[2J\r\nDR-009 met'* ]]
}

@test "errors: a file name with ESC and LF is escaped on stderr" {
	name=$'bad\e[2J\nname.zip'
	printf 'not a zip' > "$name"
	run "$FTRKIT" verify "$name"
	[ "$status" -eq 2 ]
	no_raw_controls
	[[ "$output" == *'bad\033[2J\nname.zip: not a package written by ftrkit'* ]]
}
