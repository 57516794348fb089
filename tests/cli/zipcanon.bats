#!/usr/bin/env bats
# verify accepts one zip shape, the one bundle writes (issue 15 items 1 and
# 3): every forgery of tests/tools/zip_forge.py is exit 2 "not a package
# written by ftrkit", and for every archive it accepts, unzip and Python's
# zipfile list exactly the entries verify checked.

load helpers

FORGE="$REPO/tests/tools/zip_forge.py"

setup() {
	setup_scratch
	"$FTRKIT" bundle --as-of "$AS_OF" --quiet
}
teardown() { teardown_scratch; }

# forged KIND: verify the forgery of the sample package; exit 2, one reason
forged() {
	python3 "$FORGE" "$1" "$PKG" "f-$1.zip"
	run "$FTRKIT" verify "f-$1.zip"
	[ "$status" -eq 2 ] || { echo "$1: status $status: $output"; return 1; }
	[[ "$output" == *"f-$1.zip: not a package written by ftrkit: "* ]] ||
		{ echo "$1: $output"; return 1; }
	[[ "$output" == *"safety     REFUSED"* ]]
}

@test "zip forge: the rebuilt genuine package is byte for byte the package" {
	python3 "$FORGE" identity "$PKG" same.zip
	cmp same.zip "$PKG"
}

@test "two readers, two archives: a forged archive after the genuine one -> 2" {
	forged twodir
	[[ "$output" == *"bytes before its local header"* ]]
	# what the auditor's unzip would have shown: the forged copy
	run unzip -p f-twodir.zip "$PKG_NAME/VERIFY.txt"
	[[ "$output" == "FORGED: trust this copy" ]]
	# and the other way round: a whole forged archive in front of the genuine one
	forged prepend
	[[ "$output" == *"bytes before its local header"* ]]
}

@test "bytes before, after or between entries, and archive comments -> 2" {
	forged prefix
	forged suffix
	[[ "$output" == *"does not end with its end-of-central-directory record"* ]]
	forged comment
	forged gap
	[[ "$output" == *"bytes before its local header"* ]]
	forged overlap
	[[ "$output" == *"overlaps the previous entry"* ]]
	forged cdgap
	[[ "$output" == *"central directory does not end where the end record begins"* ]]
	forged eocdcount
}

@test "local headers must agree with the directory: name, sizes, CRC, method, flags -> 2" {
	forged localname
	[[ "$output" == *"bagit.txt': local header names another file"* ]]
	forged localsize
	[[ "$output" == *"on the sizes"* ]]
	forged localcrc
	[[ "$output" == *"flags, method or CRC"* ]]
	forged localmethod
	forged localflags
}

@test "flags, methods, extra fields and comments bundle never writes -> 2" {
	forged descriptor
	[[ "$output" == *"data descriptor"* ]]
	forged encrypted
	[[ "$output" == *"encrypted"* ]]
	forged method
	forged unicodepath
	[[ "$output" == *"extra field"* ]]
	forged extra
	forged entrycomment
	forged zip64stray
}

@test "names readers decode differently: CP437, NUL, invalid UTF-8 -> 2" {
	forged cp437
	[[ "$output" == *"without the UTF-8 flag"* ]]
	forged nulname
	[[ "$output" == *'VERIF\000.txt'*"NUL byte"* ]]
	forged badutf8
	[[ "$output" == *'VERIF\377.txt'*"not valid UTF-8"* ]]
}

@test "symlinks by another name: link mode bits under any creator OS -> 2" {
	for os in unix beos atheos atari dos; do
		forged "symlink-$os"
		[[ "$output" == *"bagit.txt': symbolic link: refused"* ]] || { echo "$os: $output"; return 1; }
	done
	forged fifo
	[[ "$output" == *"not a regular file or folder"* ]]
	forged dirfile
	[[ "$output" == *"folder without '/'"* ]]
	forged madeon-beos
	[[ "$output" == *"other than MS-DOS (0) or Unix (3)"* ]]
}

@test "every forgery the forge knows is refused" {
	for k in $(python3 "$FORGE" list); do
		forged "$k"
	done
}

# listed ZIP: the entries of ZIP as verify -v, unzip -Z1 and zipfile list them
differential() {
	run "$FTRKIT" verify -v "$1"
	[ "$status" -eq 0 ] || [ "$status" -eq 1 ] || { echo "$1: $output"; return 1; }
	printf '%s\n' "${lines[@]}" | sed -n 's/^  entry //p' > verify.list
	[ -s verify.list ]
	unzip -Z1 "$1" > unzip.list
	python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' \
		"$1" > python.list
	diff verify.list unzip.list
	diff verify.list python.list
}

@test "differential: for every accepted archive, unzip and zipfile list exactly what verify checked" {
	differential "$PKG"
	"$FTRKIT" keygen signer >/dev/null
	"$FTRKIT" bundle --as-of "$AS_OF" --sign signer.key -o signed --quiet
	differential signed/"$PKG_NAME.zip"
	cp -r "$REPO/tests/workspaces/failing" ws
	"$FTRKIT" bundle -w ws --as-of "$AS_OF" -o failing --quiet || [ $? -eq 1 ]
	differential failing/*.zip
	# archives rewritten by Python's zipfile (the tamper tool) are accepted shapes too
	python3 "$REPO/tests/tools/zip_edit.py" "$PKG" edited.zip \
		"add:data/evidence/notes/caf$(printf '\303\251').md:x" rebag
	differential edited.zip
	python3 "$FORGE" identity "$PKG" same.zip
	differential same.zip
}

@test "one byte flipped anywhere in a local header, its directory entry or the end record -> not intact" {
	# the second entry (VERIFY.txt): every byte of its local header and of its
	# directory entry, and the end record; the only bytes left free carry no
	# content (directory: version made by, text flag, DOS and permission bits)
	python3 - "$PKG" <<-'PY'
	import struct, sys
	d = open(sys.argv[1], "rb").read()
	end = len(d) - 22
	cd = struct.unpack_from("<I", d, end + 16)[0]
	c1 = cd + 46 + sum(struct.unpack_from("<HHH", d, cd + 28))
	nl = struct.unpack_from("<H", d, c1 + 28)[0]
	lo = struct.unpack_from("<I", d, c1 + 42)[0]
	free = {4, 36, 38, 39, 40, 41}
	spots = [i for i in range(lo, lo + 30 + nl)]
	spots += [c1 + k for k in range(46 + nl) if k not in free]
	spots += list(range(end, len(d)))
	for n, i in enumerate(spots):
	    m = bytearray(d)
	    m[i] ^= 0x01
	    open("flip-%03d.zip" % n, "wb").write(m)
	PY
	count=0
	for f in flip-*.zip; do
		run "$FTRKIT" verify "$f"
		[ "$status" -ne 0 ] || { echo "$f verifies intact"; return 1; }
		count=$((count + 1))
	done
	[ "$count" -gt 150 ]
}
