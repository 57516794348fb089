#!/usr/bin/env bats
# secrets.bats - the measured secret scan: every planted secret of the
# corpus (tests/secrets/gen-corpus) is found by its rule, the benign corpus
# and the sample give no hit, containers are seen through and --redact
# refuses to rewrite them.

load helpers

setup() {
	setup_scratch
	TOOLS="$REPO/tools"
	python3 "$REPO/tests/secrets/gen-corpus" corpus
}

teardown() {
	teardown_scratch
}

# The "PATH:LINE RULE" findings of a bundle run's output, sorted.
findings() {
	sed -n 's|^.*evidence/corpus/\([^ ]*\):\([0-9]*\): possible secret (\([^)]*\)).*|\1:\2 \3|p' \
		| LC_ALL=C sort -u
}

@test "corpus: every planted secret is found by its rule, no hit off a planted line" {
	cp -r corpus/planted evidence/corpus
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	printf '%s\n' "$output" > bundle.txt
	findings < bundle.txt > found.txt
	LC_ALL=C sort corpus/manifest.txt > want.txt
	planted=$(wc -l < want.txt)
	[ "$planted" -ge 60 ]
	# every planted secret, by its rule
	run env LC_ALL=C comm -23 want.txt found.txt
	[ -z "$output" ] || { echo "missed: $output"; return 1; }
	# extra hits only on planted lines (a line may trip two rules)
	cut -d' ' -f1 want.txt | LC_ALL=C sort -u > want-lines.txt
	cut -d' ' -f1 found.txt | LC_ALL=C sort -u > found-lines.txt
	run env LC_ALL=C comm -13 want-lines.txt found-lines.txt
	[ -z "$output" ] || { echo "hits off planted lines: $output"; return 1; }
	echo "# planted $planted, found all" >&3
}

@test "corpus: the benign look-alikes give zero hits" {
	cp -r corpus/benign evidence/corpus
	[ "$(wc -l < evidence/corpus/benign.txt)" -ge 100 ]
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" != *"possible secret"* ]]
}

@test "a hit inside a workbook names the part" {
	mkdir -p evidence/documents
	cp corpus/planted/documents/book.xlsx evidence/documents/book.xlsx
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/documents/book.xlsx!xl/sharedStrings.xml:4: possible secret (aws-access-key)"* ]]
}

@test "--redact cannot rewrite a container: exit 2, remove the secret" {
	cp corpus/planted/logs/app.log.gz evidence/documents/app.log.gz
	ftr bundle --as-of "$AS_OF" --redact
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/documents/app.log.gz:2: possible secret (aws-access-key)"* ]]
	[[ "$output" == *"--redact cannot rewrite a gzip stream: remove the secret from the file"* ]]
	[ ! -e reports ] || [ -z "$(ls -A reports)" ]
}

@test "--redact refuses a zip archive too" {
	cp corpus/planted/documents/restore.docx evidence/documents/restore.docx
	ftr bundle --as-of "$AS_OF" --redact
	[ "$status" -eq 2 ]
	[[ "$output" == *"restore.docx!word/document.xml:2: possible secret (github-token)"* ]]
	[[ "$output" == *"--redact cannot rewrite a zip archive: remove the secret from the file"* ]]
}

@test "a gzip bomb is not scanned blind: cannot judge, exit 2" {
	head -c 50000000 /dev/zero | gzip -9 > evidence/documents/bomb.log.gz
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"bomb.log.gz"*"compression ratio"*"cannot judge"* ]]
}

@test "a truncated gzip stream cannot be judged: exit 2" {
	head -c 40 corpus/planted/logs/app.log.gz > evidence/documents/cut.log.gz
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"cut.log.gz"*"cannot judge"* ]]
}
