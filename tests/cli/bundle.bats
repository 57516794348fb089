#!/usr/bin/env bats
# ftrkit bundle: the review package is a valid, reproducible BagIt bag,
# written atomically, and never carries a secret unnoticed.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

TOOLS="$REPO/tests/tools"

@test "sample: package written, exit 0, one top folder, every report and input inside" {
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" == *"package written to $PKG"* ]]
	[ -s "$PKG" ]
	assert_no_temp_files
	run zipinfo -1 "$PKG"
	[ "$(printf '%s\n' "$output" | cut -d/ -f1 | sort -u)" = "$PKG_NAME" ]
	for f in bagit.txt bag-info.txt manifest-sha256.txt tagmanifest-sha256.txt VERIFY.txt \
		 data/results.sqlite data/report.json data/assessment.xml \
		 data/questionnaire/ftr-dr.xml data/evidence/drills/2026-09-16-db-az-failover.md; do
		[[ "$output" == *"$PKG_NAME/$f"* ]] || { echo "missing $f"; return 1; }
	done
	# every report assess wrote is in the payload (registry, not a fixed list)
	for f in reports/*; do
		case "$f" in *.zip) continue ;; esac
		[[ "$output" == *"$PKG_NAME/data/${f#reports/}"* ]] || { echo "missing report $f"; return 1; }
	done
	# assessment.xml is not repeated under data/evidence
	[[ "$output" != *"data/evidence/assessment.xml"* ]]
}

@test "bag-info.txt names organisation, date, oxum, description, versions and verdict" {
	ftr bundle --as-of "$AS_OF"
	run unzip -p "$PKG" "$PKG_NAME/bag-info.txt"
	[[ "$output" == *"Source-Organization: "* ]]
	[[ "$output" == *"Bagging-Date: 2026-11-25"* ]]
	[[ "$output" =~ Payload-Oxum:\ [0-9]+\.[0-9]+ ]]
	[[ "$output" == *"External-Description: "* ]]
	[[ "$output" == *"Bag-Software-Agent: ftrkit "* ]]
	[[ "$output" == *"FTR-Questionnaire: ftr-dr "* ]]
	[[ "$output" == *"FTR-Overall-Verdict: met"* ]]
	[[ "$output" != *"FTR-Signer-Fingerprint"* ]]
}

@test "independent check: RFC 8493 validator and sha256sum -c on an unzipped copy" {
	ftr bundle --as-of "$AS_OF"
	mkdir unz && (cd unz && unzip -q "../$PKG")
	python3 "$TOOLS/bagit_validate.py" "unz/$PKG_NAME"
	(cd "unz/$PKG_NAME" && sha256sum --strict --quiet -c manifest-sha256.txt &&
	 sha256sum --strict --quiet -c tagmanifest-sha256.txt)
	# the validator is not a rubber stamp: a changed payload file fails it
	echo tampered >> "unz/$PKG_NAME/data/evidence/documents/sla.md"
	run python3 "$TOOLS/bagit_validate.py" "unz/$PKG_NAME"
	[ "$status" -eq 1 ]
	[[ "$output" == *"sla.md does not match"* ]]
}

@test "VERIFY.txt steps work as written with unzip, sha256sum and openssl alone" {
	"$FTRKIT" keygen signer >/dev/null
	ftr bundle --as-of "$AS_OF" --sign signer.key
	[ "$status" -eq 0 ]
	mkdir auditor && cp "$PKG" auditor/
	unzip -p "$PKG" "$PKG_NAME/VERIFY.txt" | sed -n 's/^    \$ //p' > auditor/steps.sh
	grep -q 'openssl pkeyutl -verify -pubin' auditor/steps.sh
	grep -q 'sha256sum --strict -c manifest-sha256.txt' auditor/steps.sh
	cd auditor
	run bash -e steps.sh
	[ "$status" -eq 0 ]
	[[ "$output" == *"Signature Verified Successfully"* ]]
	[[ "$output" == *"$(openssl pkey -pubin -in ../signer.pub -outform DER | sha256sum | cut -d' ' -f1)"* ]]
	# and the same steps catch a changed payload file
	echo x >> "$PKG_NAME.check/$PKG_NAME/data/evidence/documents/sla.md"
	run bash -c "cd $PKG_NAME.check/$PKG_NAME && sha256sum --strict -c manifest-sha256.txt"
	[ "$status" -ne 0 ]
}

@test "byte-for-byte reproducible across runs, time zones and locales" {
	ftr bundle --as-of "$AS_OF"
	cp "$PKG" first.zip
	TZ=America/Sao_Paulo LANG=ja_JP.UTF-8 LC_ALL=ja_JP.UTF-8 "$FTRKIT" bundle --as-of "$AS_OF" --quiet
	cmp first.zip "$PKG"
	TZ=Pacific/Kiritimati SOURCE_DATE_EPOCH=1 "$FTRKIT" bundle --as-of "$AS_OF" --quiet
	cmp first.zip "$PKG"
	# a fresh copy of the workspace (new inodes, new directory order) too
	cp -r evidence evidence2 && rm -rf evidence && mv evidence2 evidence
	touch evidence/runbooks/*
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	cmp first.zip "$PKG"
}

@test "entries: sorted, fixed DOS time, 0644 files, 0755 folders, no extra fields" {
	ftr bundle --as-of "$AS_OF"
	python3 - "$PKG" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = [i.filename for i in z.infolist()]
assert names == sorted(names, key=lambda n: n.encode()), names
for i in z.infolist():
    assert i.date_time == (2026, 11, 25, 0, 0, 0), (i.filename, i.date_time)
    assert i.create_system == 3, i.filename
    mode = i.external_attr >> 16
    want = 0o40755 if i.filename.endswith("/") else 0o100644
    assert mode == want, (i.filename, oct(mode))
    assert i.extra == b"", (i.filename, i.extra)
PY
}

@test "SOURCE_DATE_EPOCH sets the entry times when --as-of is not given" {
	SOURCE_DATE_EPOCH=1700000000 "$FTRKIT" bundle --quiet || [ $? -eq 1 ]
	python3 - reports/*.zip <<'PY'
import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist():
    assert i.date_time == (2023, 11, 14, 22, 13, 20), i.date_time
PY
}

@test "already-compressed evidence is stored, text is deflated" {
	# incompressible bytes from a fixed seed (random ones may match a secret rule by chance)
	python3 -c 'import random, sys; random.seed(1); sys.stdout.buffer.write(random.randbytes(20000))' > evidence/documents/console.png
	python3 -c 'import random, sys; random.seed(2); sys.stdout.buffer.write(random.randbytes(20000))' | gzip -c > evidence/documents/logs.gz
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	python3 - "$PKG" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
m = {i.filename.split("/", 1)[1]: i.compress_type for i in z.infolist()}
assert m["data/evidence/documents/console.png"] == zipfile.ZIP_STORED
assert m["data/evidence/documents/logs.gz"] == zipfile.ZIP_STORED
assert m["data/evidence/documents/sla.md"] == zipfile.ZIP_DEFLATED
PY
}

@test "failing workspace: package written with findings, exit 1" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr bundle -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	run ls out/*.zip
	[ "$status" -eq 0 ]
	run unzip -p out/*.zip '*/bag-info.txt'
	[[ "$output" == *"FTR-Overall-Verdict: not-met"* ]]
}

@test "the sample workspace does not trip the secret scanner" {
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[[ "$output" != *"possible secret"* ]]
}

plant_secrets() {
	mkdir -p evidence/configs
	printf 'region=eu-west-1\nAWS_ACCESS_KEY_ID=AKIAQWERTYUIOPASDFGH\naws_secret_access_key = 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\nDB_PASSWORD=hunter2hunter2\nurl=postgres://app:s3cr3tpass@db.internal:5432/ledger\nok=1\n' \
		> evidence/configs/app.env
	printf 'notes\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nQyNTUxOQAAACD4bW9yZWtleW1hdGVyaWFs\n-----END OPENSSH PRIVATE KEY-----\ntrailer\n' \
		> evidence/configs/deploy-key.txt
}

@test "a secret in the evidence: finding with file and line, exit 2, nothing written" {
	plant_secrets
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/configs/app.env:2: possible secret (aws-access-key)"* ]]
	[[ "$output" == *"evidence/configs/app.env:3: possible secret (aws-secret-access-key)"* ]]
	[[ "$output" == *"evidence/configs/app.env:4: possible secret (password-setting)"* ]]
	[[ "$output" == *"evidence/configs/app.env:5: possible secret (connection-password)"* ]]
	[[ "$output" == *"evidence/configs/deploy-key.txt:2: possible secret (private-key)"* ]]
	[[ "$output" == *"package not written"* ]]
	[[ "$output" != *"hunter2"* ]]
	[ ! -e reports ] || [ -z "$(ls -A reports)" ]
}

@test "--redact: package written, no planted secret inside, redaction record, verify passes" {
	plant_secrets
	orig_sha=$(sha256sum evidence/configs/app.env | cut -d' ' -f1)
	ftr bundle --as-of "$AS_OF" --redact
	[ "$status" -eq 0 ]
	[[ "$output" == *"redacted"* ]]
	mkdir unz && (cd unz && unzip -q "../$PKG")
	for s in AKIAQWERTYUIOPASDFGH wJalrXUtnFEMIK7MDENGbPxRfiCYzQWERTYUKEYz hunter2hunter2 \
		 s3cr3tpass b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ QyNTUxOQAAACD4bW9yZWtleW1hdGVyaWFs; do
		run grep -rF "$s" unz
		[ "$status" -eq 1 ] || { echo "secret $s leaked: $output"; return 1; }
		run bash -c "unzip -p '$PKG' | grep -cF '$s'"
		[ "$output" = 0 ]
	done
	grep -q '\[REDACTED:aws-access-key\]' "unz/$PKG_NAME/data/evidence/configs/app.env"
	grep -q '^region=eu-west-1$' "unz/$PKG_NAME/data/evidence/configs/app.env"
	grep -q '^trailer$' "unz/$PKG_NAME/data/evidence/configs/deploy-key.txt"
	[ "$(wc -l < "unz/$PKG_NAME/data/evidence/configs/app.env")" -eq 6 ]
	grep -q "^$orig_sha  lines=2,3,4,5  data/evidence/configs/app.env$" "unz/$PKG_NAME/data/redactions.txt"
	grep -q "lines=2,3,4,5  data/evidence/configs/deploy-key.txt$" "unz/$PKG_NAME/data/redactions.txt"
	python3 "$TOOLS/bagit_validate.py" "unz/$PKG_NAME"
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "secret patterns are data: a rule added to secret-patterns.txt is used" {
	echo 'INTERNAL-TOKEN-12345 in a note' > evidence/documents/note.md
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	echo 'internal-token value INTERNAL-TOKEN-[0-9]+' >> questionnaires/secret-patterns.txt
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"evidence/documents/note.md:1: possible secret (internal-token)"* ]]
}

@test "a bad secret rule is an input error naming file and line" {
	echo 'broken value ([unclosed' >> questionnaires/secret-patterns.txt
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == *"secret-patterns.txt:"*": secret rule broken: error at offset"* ]]
}

@test "--sign with a missing key: exit 2, no package" {
	ftr bundle --as-of "$AS_OF" --sign nosuch.key
	[ "$status" -eq 2 ]
	[[ "$output" == *"nosuch.key"* ]]
	[ ! -e "$PKG" ]
	assert_no_temp_files
}

@test "kill -9 at any moment leaves the previous package intact and no partial file" {
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	cp "$PKG" old.zip
	# 30 MB that does not compress, from a fixed seed: /dev/urandom now and
	# then holds bytes a secret rule matches (a '://user:pass@' by chance)
	python3 -c 'import random, sys; random.seed(20261203); sys.stdout.buffer.write(random.randbytes(30000000))' \
		> evidence/documents/big-export.bin
	"$FTRKIT" bundle --as-of "$AS_OF" -o ref --quiet
	cp "ref/$PKG_NAME.zip" new.zip
	cmp -s old.zip new.zip && { echo "packages should differ"; return 1; }
	for delay in 0.02 0.1 0.3 0.6 1.0 1.5; do
		"$FTRKIT" bundle --as-of "$AS_OF" --quiet &
		pid=$!
		sleep "$delay"
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
		# the final path holds the old package or the complete new one, never a part
		cmp -s "$PKG" old.zip || cmp -s "$PKG" new.zip || { echo "partial at $delay"; return 1; }
		[ "$(ls reports | grep -c '\.zip$')" -eq 1 ]
	done
	# the next run cleans up whatever a killed run left behind
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	cmp "$PKG" new.zip
	assert_no_temp_files
}

@test "-q with a symlinked questionnaire: bundled under its own name" {
	ln -s questionnaires/ftr-dr.xml catalog.xml
	ftr bundle --as-of "$AS_OF" -q catalog.xml
	[ "$status" -eq 0 ]
	run zipinfo -1 "$PKG"
	[[ "$output" == *"$PKG_NAME/data/questionnaire/catalog.xml"* ]]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "names with spaces, UTF-8 and %: literal or percent-encoded as RFC 8493 says" {
	echo one > "evidence/documents/meeting notes ü.md"
	echo two > "evidence/documents/100% sure.md"
	ftr bundle --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	run unzip -p "$PKG" "$PKG_NAME/manifest-sha256.txt"
	[[ "$output" == *"  data/evidence/documents/meeting notes ü.md"* ]]
	[[ "$output" == *"  data/evidence/documents/100%25 sure.md"* ]]
	run unzip -p "$PKG" "$PKG_NAME/VERIFY.txt"
	[[ "$output" == *"'%', which the manifest writes as %25"* ]]
	[[ "$output" == *"sed 's/%25/%/g' manifest-sha256.txt | sha256sum --strict -c"* ]]
	mkdir unz && (cd unz && unzip -q "../$PKG")
	python3 "$TOOLS/bagit_validate.py" "unz/$PKG_NAME"
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

# links_open PAGE: every non-fragment link of PAGE opens a file, resolved
# from PAGE's folder after percent-decoding (as a browser does); prints
# the links.  Fails on a page without evidence links.
links_open() {
	python3 - "$1" <<'PY'
import os, sys, urllib.parse
import xml.etree.ElementTree as ET
page = sys.argv[1]
hrefs = sorted({a.get("href") for a in ET.parse(page).getroot().iter("a")
                if a.get("href") and not a.get("href").startswith("#")})
assert hrefs, "no evidence link in " + page
broken = [h for h in hrefs
          if not os.path.isfile(os.path.join(os.path.dirname(page), urllib.parse.unquote(h)))]
assert not broken, "broken links in %s: %s" % (page, broken)
print("\n".join(hrefs))
PY
}

@test "every evidence link opens its file: in the package, in reports/, in any -o folder" {
	# names a browser must percent-decode: a space, '%', '#', '?', non-ASCII
	printf 'notes\n' > "evidence/documents/q3 review 100% #1?.md"
	printf 'notes\n' > "evidence/documents/議事録.md"
	sed -i 's|<evidence>documents/dr-policy.md</evidence>|&<evidence>documents/q3 review 100% #1?.md</evidence><evidence>documents/議事録.md</evidence>|' "evidence/assessment.xml"
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	mkdir un && unzip -q "$PKG" -d un
	data="un/$PKG_NAME/data"
	run links_open "$data/index.html"
	[ "$status" -eq 0 ]
	[[ $'\n'"$output"$'\n' == *$'\nassessment.xml\n'* ]]
	[[ "$output" == *"evidence/documents/q3%20review%20100%25%20%231%3F.md"* ]]
	[[ "$output" == *"evidence/drills/"* ]]
	# the workspace's own report links the workspace, not a package layout
	run links_open reports/index.html
	[ "$status" -eq 0 ]
	[[ "$output" == *"../evidence/assessment.xml"* ]]
	[[ $'\n'"$output" != *$'\nevidence/'* ]]
	# an output folder elsewhere, deeper, through a symlink
	mkdir -p deep/er && ln -s deep/er via
	"$FTRKIT" assess --as-of "$AS_OF" -o via/out --quiet
	run links_open deep/er/out/index.html
	[ "$status" -eq 0 ]
	[[ "$output" == *"../../../evidence/documents/"* ]]
	# verify regenerates the package's copy byte for byte
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}
