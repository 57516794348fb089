#!/usr/bin/env bats
# ftrkit keygen: an Ed25519 key pair in PEM that plain openssl understands;
# the private key is 0600 and nothing is ever overwritten.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

@test "keygen NAME writes NAME.key (0600) and NAME.pub, openssl reads both" {
	ftr keygen team
	[ "$status" -eq 0 ]
	[ "$(stat -c %a team.key)" = 600 ]
	[ "$(stat -c %a team.pub)" = 644 ]
	grep -q 'BEGIN PRIVATE KEY' team.key
	grep -q 'BEGIN PUBLIC KEY' team.pub
	openssl pkey -in team.key -noout -text | grep -q ED25519
	[ "$(openssl pkey -in team.key -pubout)" = "$(cat team.pub)" ]
	fpr=$(openssl pkey -pubin -in team.pub -outform DER | sha256sum | cut -d' ' -f1)
	[[ "$output" == *"fingerprint: SHA256:$fpr"* ]]
}

@test "keygen without NAME writes ftrkit-signing.key and .pub" {
	ftr keygen
	[ "$status" -eq 0 ]
	[ -s ftrkit-signing.key ]
	[ -s ftrkit-signing.pub ]
}

@test "keygen never overwrites: either file existing -> 2, both untouched" {
	"$FTRKIT" keygen team >/dev/null
	cp team.key before.key
	ftr keygen team
	[ "$status" -eq 2 ]
	[[ "$output" == *"team.key: already exists; not overwritten"* ]]
	cmp team.key before.key
	rm team.key
	ftr keygen team
	[ "$status" -eq 2 ]
	[[ "$output" == *"team.pub: already exists"* ]]
	[ ! -e team.key ]
}

@test "keygen into a missing folder -> 2, nothing left behind" {
	ftr keygen nosuch/team
	[ "$status" -eq 2 ]
	[[ "$output" == *"nosuch/team.key"* ]]
	[ ! -e nosuch ]
}

@test "a key openssl generated signs packages too; a non-Ed25519 key is refused" {
	openssl genpkey -algorithm ed25519 -out ext.key 2>/dev/null
	ftr bundle --as-of "$AS_OF" --sign ext.key
	[ "$status" -eq 0 ]
	openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key 2>/dev/null
	rm -rf reports
	ftr bundle --as-of "$AS_OF" --sign ec.key
	[ "$status" -eq 2 ]
	[[ "$output" == *"ec.key: not an Ed25519 key"* ]]
	[ ! -e reports ]
}

@test "--help and the man page document bundle, verify, keygen and their options" {
	ftr --help
	for word in bundle verify keygen --sign --redact --pubkey --fingerprint; do
		[[ "$output" == *"$word"* ]] || { echo "--help lacks $word"; return 1; }
	done
	for word in bundle verify keygen sign redact pubkey fingerprint SOURCE_DATE_EPOCH; do
		grep -q -- "$word" "$REPO/man/ftrkit.1" || { echo "man page lacks $word"; return 1; }
	done
}
