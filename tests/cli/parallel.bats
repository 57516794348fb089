#!/usr/bin/env bats
# Work spread over threads never changes a result: the package, the
# inventory and the secret findings are the same with 1 or many threads,
# a file changed behind ftrkit's back is caught by the packer, and the
# progress bar never reaches a stderr that is not a terminal.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

# A workspace with big, chunked files (several 1 MiB deflate chunks each).
bigger_workspace() {
	mkdir -p evidence/exports
	python3 - <<'PY'
import random
r = random.Random(7)
for i in range(3):
    with open("evidence/exports/events-%d.log" % i, "w") as f:
        for n in range(60000 + 20000 * i):
            f.write("2026-09-16T01:%02d:%02dZ step %d tenant t%d ok\n" % (n // 60 % 60, n % 60, n, r.randint(1, 999)))
with open("evidence/exports/blob.gz", "wb") as f:
    f.write(bytes(r.getrandbits(8) for _ in range(300000)))
PY
}

@test "bundle: byte-identical package with 1, 2 and 5 threads" {
	bigger_workspace
	FTRKIT_THREADS=1 "$FTRKIT" bundle --as-of "$AS_OF" >/dev/null
	cp "$PKG" one.zip
	for n in 2 5; do
		FTRKIT_THREADS=$n "$FTRKIT" bundle --as-of "$AS_OF" >/dev/null
		cmp one.zip "$PKG"
	done
	unzip -tq "$PKG"
	# the big logs were deflated, the .gz stored
	run zipinfo -v "$PKG" "$PKG_NAME/data/evidence/exports/events-2.log"
	[[ "$output" == *"compression method:"*"deflated"* ]]
	run zipinfo -v "$PKG" "$PKG_NAME/data/evidence/exports/blob.gz"
	[[ "$output" == *"compression method:"*"none (stored)"* ]]
	ftr verify "$PKG"
	[ "$status" -eq 0 ]
}

@test "bundle: secret findings come in path order whatever the thread count" {
	mkdir -p evidence/configs
	printf 'db=postgres://app:Sup3rSecretPw@db.internal/ledger\n' > evidence/configs/b.env
	printf 'x\nAWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n' > evidence/configs/a.env
	FTRKIT_THREADS=1 "$FTRKIT" bundle --as-of "$AS_OF" >one.out 2>one.err || true
	for n in 2 4; do
		FTRKIT_THREADS=$n "$FTRKIT" bundle --as-of "$AS_OF" >many.out 2>many.err || true
		cmp one.err many.err
	done
	grep -q 'configs/a.env:2: possible secret' one.err
	[ "$(grep -n 'a.env' one.err | cut -d: -f1)" -lt "$(grep -n 'b.env' one.err | cut -d: -f1)" ]
	[ ! -e "$PKG" ]
}

@test "verify: same verdict and the same lines with 1 and 3 hashing threads, intact or tampered" {
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
	FTRKIT_THREADS=1 "$FTRKIT" verify "$PKG" >one.txt
	FTRKIT_THREADS=3 "$FTRKIT" verify "$PKG" >three.txt
	cmp one.txt three.txt
	grep -q '^intact: ' one.txt
	python3 "$REPO/tests/tools/zip_edit.py" "$PKG" edited.zip \
		flip:data/evidence/drills/2026-09-16-db-az-failover.md
	FTRKIT_THREADS=1 run "$FTRKIT" verify edited.zip
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" >one.txt
	FTRKIT_THREADS=3 run "$FTRKIT" verify edited.zip
	[ "$status" -eq 1 ]
	printf '%s\n' "$output" >three.txt
	cmp one.txt three.txt
	grep -q 'SHA-256 differs from manifest-sha256.txt' three.txt
}

@test "bundle: no progress output when stderr is not a terminal" {
	bigger_workspace
	"$FTRKIT" bundle --as-of "$AS_OF" >out.txt 2>err.txt
	[ ! -s err.txt ]
	! grep -q 'package \[' out.txt
}
