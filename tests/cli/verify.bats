#!/usr/bin/env bats
# ftrkit verify: the auditor's check.  0 intact, 1 tampered or verdicts
# differ, 2 unsafe or unreadable -- and never a byte written to disk.

load helpers

TOOLS="$REPO/tests/tools"

setup() {
	setup_scratch
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
}
teardown() { teardown_scratch; }

edit() { python3 "$TOOLS/zip_edit.py" "$PKG" edited.zip "$@"; }

@test "round trip: bundle then verify, exit 0, one verdict line per step" {
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == "safety     ok "* ]]
	[[ "${lines[1]}" == "bag        ok     "[0-9]*" payload files match manifest-sha256.txt"* ]]
	[ "$(echo "${lines[1]}" | awk '{print $3}')" = "$(unzip -Z1 "$PKG" | grep -c "/data/.*[^/]$")" ]
	[[ "${lines[2]}" == "tags       ok "* ]]
	[[ "${lines[3]}" == "signature  ok     none: the package is not signed"* ]]
	[[ "${lines[4]}" == "verdicts   ok     9 controls re-derived"*"results.sqlite and report.json"* ]]
	[[ "${lines[5]}" == "intact: $PKG" ]]
	[ "${lines[6]}" = "integrity only — not signed" ]
	[ "${#lines[@]}" -eq 7 ]
}

@test "the failing workspace's package verifies too (verdicts not met, but intact)" {
	cp -r "$REPO/tests/workspaces/failing" ws
	"$FTRKIT" bundle -w ws --as-of "$AS_OF" -o out --quiet || [ $? -eq 1 ]
	ftr verify out/*.zip
	[ "$status" -eq 0 ]
}

@test "signed: verify reports the signer; --pubkey and --fingerprint insist on it" {
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key --quiet
	fpr=$(openssl pkey -pubin -in signer.pub -outform DER | sha256sum | cut -d' ' -f1)
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	[[ "$output" == *"signature  ok     Ed25519, signer SHA256:$fpr"* ]]
	ftr verify --pubkey signer.pub "$PKG"
	[ "$status" -eq 0 ]
	ftr verify --fingerprint "SHA256:$fpr" "$PKG"
	[ "$status" -eq 0 ]
	run unzip -p "$PKG" "$PKG_NAME/bag-info.txt"
	[[ "$output" == *"FTR-Signer-Fingerprint: $fpr"* ]]
	# another signer is refused
	"$FTRKIT" keygen other >/dev/null
	ftr verify --pubkey other.pub "$PKG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"not by the --pubkey key"* ]]
	ftr verify --fingerprint "$(printf '%064d' 0)" "$PKG"
	[ "$status" -eq 1 ]
}

@test "signed: the last line says what was proven, pinned or not" {
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key --quiet
	fpr=$(openssl pkey -pubin -in signer.pub -outform DER | sha256sum | cut -d' ' -f1)
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "signed by SHA256:$fpr — not pinned: compare it with the fingerprint you were given" ]
	ftr verify --pubkey signer.pub "$PKG"
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "signed by the pinned key SHA256:$fpr" ]
	ftr verify --fingerprint "SHA256:$fpr" --require-signature "$PKG"
	[ "$status" -eq 0 ]
	[ "${lines[-1]}" = "signed by the pinned key SHA256:$fpr" ]
}

@test "signature stripped: a package that names a signer without its signature -> 1" {
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key --quiet
	# only the signature deleted (the issue's case)
	edit "del:tagmanifest-sha256.txt.sig"
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"signer-public-key.pem is present, but tagmanifest-sha256.txt.sig is missing"* ]]
	[[ "$output" == *"bag-info.txt names signer SHA256:"*"the signature was removed"* ]]
	[ "${lines[-1]}" = "TAMPERED: edited.zip fails verification (see above)" ]
	# signature and key deleted, tag manifest recomputed: bag-info still names the signer
	edit "del:tagmanifest-sha256.txt.sig" "del:signer-public-key.pem" rebag
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"tags       ok"* ]]
	[[ "$output" == *"bag-info.txt names signer SHA256:"*"the signature was removed"* ]]
}

@test "--require-signature: an unsigned package -> 1" {
	ftr verify --require-signature "$PKG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"not signed, and --require-signature was given"* ]]
	[[ "${lines[-1]}" == "TAMPERED: "* ]]
}

@test "a --pubkey or --fingerprint that cannot be used -> 2, one line, nothing checked" {
	echo "not a key" > garbage.pub
	ftr verify --pubkey garbage.pub "$PKG"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"garbage.pub"* ]]
	ftr verify --pubkey nosuch.pub "$PKG"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	openssl genpkey -algorithm ed448 -out ed448.key 2>/dev/null
	openssl pkey -in ed448.key -pubout -out ed448.pub
	ftr verify --pubkey ed448.pub "$PKG"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	ftr verify --fingerprint "$(printf 'zz\033[2J')" "$PKG"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"--fingerprint 'zz\033[2J' is not a SHA-256 fingerprint"* ]]
}

@test "plain openssl checks the signature over the tag manifest" {
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key --quiet
	unzip -q "$PKG" -d unz
	cd "unz/$PKG_NAME"
	openssl pkeyutl -verify -pubin -inkey ../../signer.pub -rawin -in tagmanifest-sha256.txt \
		-sigfile tagmanifest-sha256.txt.sig
	cmp signer-public-key.pem ../../signer.pub
	[ "$(stat -c %s tagmanifest-sha256.txt.sig)" -eq 64 ]
	grep -q '  manifest-sha256.txt$' tagmanifest-sha256.txt
	grep -q '  signer-public-key.pem$' tagmanifest-sha256.txt
}

@test "tampered: one byte changed in a payload file -> 1" {
	for f in data/evidence/drills/2026-09-16-db-az-failover.md data/results.sqlite \
		 data/report.json data/questionnaire/ftr-dr.xml data/assessment.xml; do
		edit "flip:$f"
		ftr verify edited.zip
		[ "$status" -eq 1 ] || { echo "$f: $output"; return 1; }
		[[ "$output" == *"$f: SHA-256 differs from manifest-sha256.txt"* ]]
		[[ "$output" == *"TAMPERED"* ]]
	done
}

@test "tampered: a payload file added -> 1" {
	edit "add:data/evidence/drills/2027-01-01-extra.md:2027-01-01 drill ok"
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"data/evidence/drills/2027-01-01-extra.md: present but not listed"* ]]
}

@test "tampered: a manifest line edited -> 1" {
	line=$(unzip -p "$PKG" "$PKG_NAME/manifest-sha256.txt" | grep 'sla.md$')
	edit "sub:manifest-sha256.txt:${line:0:8}:00000000"
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"sla.md: SHA-256 differs"* ]]
	[[ "$output" == *"manifest-sha256.txt: SHA-256 differs from tagmanifest-sha256.txt"* ]]
}

@test "tampered: a signature from another key -> 1" {
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" keygen other >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key --quiet
	unzip -p "$PKG" "$PKG_NAME/tagmanifest-sha256.txt" > tm.txt
	openssl pkeyutl -sign -inkey other.key -rawin -in tm.txt -out other.sig
	edit "put:tagmanifest-sha256.txt.sig:other.sig"
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"tagmanifest-sha256.txt.sig does not verify"* ]]
}

@test "a signer required but the package is unsigned -> 1" {
	"$FTRKIT" keygen signer >/dev/null
	ftr verify --pubkey signer.pub "$PKG"
	[ "$status" -eq 1 ]
	[[ "$output" == *"not signed, but a signer was required"* ]]
}

@test "verdicts re-derived: a consistent rewrite of results.sqlite is still caught -> 1" {
	# the tamperer fixes up both manifests, so only re-running the checks can tell
	edit "sql:data/results.sqlite:UPDATE controls SET verdict='not-met' WHERE id='DR-004'" rebag
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"bag        ok"* ]]
	[[ "$output" == *"DR-004: results.sqlite says not-met, the bundled evidence gives met"* ]]
}

@test "verdicts re-derived: evidence swapped and manifests fixed up -> 1" {
	# removing the drill log's dates makes DR-008 fail when re-derived
	f=data/evidence/drills/2026-09-16-db-az-failover.md
	unzip -p "$PKG" "$PKG_NAME/$f" | sed 's/2026/year/g' > undated.md
	edit "put:$f:undated.md" rebag
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"results.sqlite says met, the bundled evidence gives"* ]]
	[[ "$output" == *"not the file that was assessed"* ]]
}

@test "verdicts re-derived: bag-info.txt overall verdict rewritten and manifests fixed up -> 1" {
	unzip -p "$PKG" "$PKG_NAME/bag-info.txt" |
		sed 's/^FTR-Overall-Verdict: met$/FTR-Overall-Verdict: not-met/' > info.txt
	grep -q 'not-met' info.txt
	edit "put:bag-info.txt:info.txt" rebag
	ftr verify edited.zip
	[ "$status" -eq 1 ]
	[[ "$output" == *"bag-info.txt says overall not-met, the bundled evidence gives met"* ]]
}

hostile() {
	python3 "$TOOLS/hostile_zip.py" "$1" "$BATS_TEST_TMPDIR/h-$1.zip"
	mkdir -p empty && cd empty
	run "$FTRKIT" verify "$BATS_TEST_TMPDIR/h-$1.zip"
	[ "$status" -eq 2 ] || { echo "$1: status $status: $output"; return 1; }
	[[ "$output" == *"REFUSED"* ]]
	[ -z "$(ls -A .)" ]
	[ ! -e "$SCRATCH/evil.txt" ] && [ ! -e /tmp/evil.txt ]
	cd ..
}

@test "hostile: zip-slip names -> 2, nothing written" {
	hostile zipslip
	[[ "$output" == *"zip slip"* ]]
	hostile absolute
	[[ "$output" == *"absolute path"* ]]
}

@test "hostile: symlink entries -> 2" {
	hostile symlink
	[[ "$output" == *"symbolic link: refused"* ]]
}

@test "hostile: duplicate names and two top folders -> 2" {
	hostile duplicate
	[[ "$output" == *"same name"* ]]
	hostile twotop
	[[ "$output" == *"more than one top folder"* ]]
}

@test "hostile: a zip bomb -> 2" {
	hostile bomb
	[[ "$output" == *"zip bomb"* ]]
}

@test "hostile: declared size not the actual size -> 2" {
	hostile sizelie
	[[ "$output" == *"not a package written by ftrkit: "*"sizes differ"* ]]
}

@test "hostile: random bytes, a missing file, a folder -> 2" {
	hostile random
	[[ "$output" == *"not a package written by ftrkit: does not end with its end-of-central-directory record"* ]]
	ftr verify nosuch.zip
	[ "$status" -eq 2 ]
	ftr verify evidence
	[ "$status" -eq 2 ]
	ftr verify
	[ "$status" -eq 2 ]
}

@test "verify writes nothing: no file appears anywhere it could write" {
	mkdir box && cp "$PKG" box/ && cd box
	TMPDIR="$PWD" run "$FTRKIT" verify "$PKG_NAME.zip"
	[ "$status" -eq 0 ]
	[ "$(ls -A)" = "$PKG_NAME.zip" ]
}
