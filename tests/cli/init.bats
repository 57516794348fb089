#!/usr/bin/env bats
# ftrkit init: a ready-to-fill workspace, never an overwrite.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

@test "init makes a workspace that validates and lists every control" {
	ftr init ws
	[ "$status" -eq 0 ]
	[ -f ws/assessment.xml ]
	[ -d ws/drills ]
	[ -d ws/runbooks ]
	[ -d ws/configs ]
	[ -d ws/documents ]
	[ -f ws/runbooks/runbook-template.md ]
	[ -f ws/drills/drill-log-template.md ]
	xmllint --noout --schema questionnaires/assessment.xsd ws/assessment.xml
	for n in 1 2 3 4 5 6 7 8 9; do
		grep -q "ref=\"DR-00$n\"" ws/assessment.xml
	done
}

@test "a fresh workspace assesses with findings, not errors" {
	ftr init ws
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	[[ "$output" == *"RPO not stated"* ]]
	[[ "$output" == *"has no drill log"* ]]
}

@test "init with another questionnaire lists its controls" {
	ftr init -q questionnaires/ftr-current.xml ws
	[ "$status" -eq 0 ]
	grep -q 'ref="RES-004"' ws/assessment.xml
	grep -q 'ref="BAR-001"' ws/assessment.xml
	! grep -q 'ref="DR-001"' ws/assessment.xml
}

@test "init never overwrites: exit 2 and nothing touched" {
	mkdir -p ws/runbooks
	echo "mine" > ws/runbooks/runbook-template.md
	ftr init ws
	[ "$status" -eq 2 ]
	[[ "$output" == *"ws/runbooks/runbook-template.md: already exists; init never overwrites"* ]]
	[ "$(cat ws/runbooks/runbook-template.md)" = mine ]
	[ ! -e ws/assessment.xml ]
	ls -A ws/runbooks | grep -qv tmp
	! ls -A ws ws/runbooks | grep -q '\.tmp-'
}

@test "init twice: the second run refuses" {
	ftr init ws
	cp ws/assessment.xml first.xml
	ftr init ws
	[ "$status" -eq 2 ]
	cmp first.xml ws/assessment.xml
}

@test "init needs exactly one folder" {
	ftr init
	[ "$status" -eq 2 ]
	ftr init a b
	[ "$status" -eq 2 ]
}

@test "init in an unwritable place: exit 2 with the path" {
	if [ "$(id -u)" = 0 ]; then
		ftr init /proc/ftrkit-ws
	else
		mkdir ro && chmod 0555 ro
		ftr init ro/ws
	fi
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: "*"cannot create folder"* ]]
}

@test "an installed tree finds its questionnaires beside the binary" {
	mkdir -p prefix/bin prefix/share/ftrkit
	cp "$FTRKIT" prefix/bin/ftrkit
	cp -r "$REPO/questionnaires" prefix/share/ftrkit/
	mkdir elsewhere && cd elsewhere
	run ../prefix/bin/ftrkit init ws
	[ "$status" -eq 0 ]
	grep -q 'questionnaire="ftr-dr"' ws/assessment.xml
}

@test "a missing questionnaire is exit 2 naming it" {
	ftr assess -q nowhere.xml
	[ "$status" -eq 2 ]
	[ "$output" = "ftrkit: nowhere.xml: cannot open: No such file or directory" ]
}
