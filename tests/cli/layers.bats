#!/usr/bin/env bats
# tools/layers.py, which `make check` runs: the real src/ is clean, and a
# made-up tree with each kind of violation is refused with the reason.

load helpers

setup() {
	SCRATCH="$(mktemp -d "${BATS_TMPDIR:-/tmp}/ftrkit-layers.XXXXXX")"
	mkdir -p "$SCRATCH/src/base" "$SCRATCH/src/model" "$SCRATCH/src/drills" "$SCRATCH/src/configs"
	printf '#include "base/a.h"\n' > "$SCRATCH/src/base/a.c"
	: > "$SCRATCH/src/base/a.h"
	printf '#include "base/a.h"\n#include "model/m.h"\n' > "$SCRATCH/src/model/m.c"
	: > "$SCRATCH/src/model/m.h"
}
teardown() { rm -rf "$SCRATCH"; }

layers() { run python3 "$REPO/tools/layers.py" "$SCRATCH/src"; }

@test "layers: src/ has no circle and no upward include" {
	run python3 "$REPO/tools/layers.py" "$REPO/src"
	[ "$status" -eq 0 ]
	[[ "$output" == *", 0 circles, 0 upward includes" ]]
	# at least five folders, none over 40 files
	[ "$(find "$REPO/src" -mindepth 1 -maxdepth 1 -type d | wc -l)" -ge 5 ]
	for d in "$REPO"/src/*/; do
		[ "$(find "$d" -maxdepth 1 -type f | wc -l)" -le 40 ]
	done
}

@test "layers: a clean made-up tree passes" {
	layers
	[ "$status" -eq 0 ]
	[[ "$output" == "layers: 2 modules in 4 folders, 0 circles, 0 upward includes" ]]
}

@test "layers: an include of a higher layer fails, naming file and line" {
	printf '/* a */\n#include "model/m.h"\n' > "$SCRATCH/src/base/up.c"
	layers
	[ "$status" -eq 1 ]
	[[ "$output" == *"src/base/up.c:2: upward include \"model/m.h\""* ]]
	[[ "$output" == *", 1 upward includes" ]]
}

@test "layers: sibling layers may not include each other" {
	: > "$SCRATCH/src/configs/c.h"
	printf '#include "configs/c.h"\n' > "$SCRATCH/src/drills/d.c"
	layers
	[ "$status" -eq 1 ]
	[[ "$output" == *"sideways include \"configs/c.h\""* ]]
}

@test "layers: a circle inside one layer fails and names its modules" {
	printf '#include "model/q.h"\n' > "$SCRATCH/src/model/p.h"
	printf '#include "model/r.h"\n' > "$SCRATCH/src/model/q.c"
	: > "$SCRATCH/src/model/q.h"
	printf '#include "model/p.h"\n' > "$SCRATCH/src/model/r.c"
	: > "$SCRATCH/src/model/r.h"
	layers
	[ "$status" -eq 1 ]
	[[ "$output" == *"circle: p -> q -> r"* ]]
	[[ "$output" == *", 1 circles, "* ]]
}

@test "layers: an unqualified, missing or stray include fails" {
	printf '#include "a.h"\n#include "base/none.h"\n' > "$SCRATCH/src/base/b.c"
	: > "$SCRATCH/src/loose.c"
	mkdir "$SCRATCH/src/misc"
	layers
	[ "$status" -eq 1 ]
	[[ "$output" == *'include "a.h" is not "layer/name.h"'* ]]
	[[ "$output" == *'include "base/none.h" does not exist'* ]]
	[[ "$output" == *"loose.c: file outside a layer folder"* ]]
	[[ "$output" == *"misc: folder is not a known layer"* ]]
}
