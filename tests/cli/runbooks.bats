#!/usr/bin/env bats
# Runbooks: each scenario's runbook has the sections the questionnaire asks
# for (English or Japanese headings, patterns are data), with numbered steps.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

db() { sqlite3 "${DB:-reports/results.sqlite}" "$1"; }

@test "ftrkit init's runbook template has every section but fails until its placeholders are filled" {
	ftr init ws
	[ "$status" -eq 0 ]
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$status" -eq 1 ]
	DB=out/results.sqlite
	[ "$(db "SELECT group_concat(status) FROM findings WHERE subject='runbook app-az-failure'")" = not-met ]
	[[ "$(db "SELECT message FROM findings WHERE subject='runbook app-az-failure'")" == *"line 1 still holds the placeholder '<scenario title>'"* ]]
	# filled in (placeholders replaced), the same template passes
	sed -i -e 's/<[^>!][^>]*>/filled/g' -e 's/\bTBD\b/done/g' ws/runbooks/runbook-template.md
	ftr assess -w ws --as-of "$AS_OF" -o out
	[ "$(db "SELECT group_concat(status) FROM findings WHERE subject='runbook app-az-failure'")" = met ]
	[[ "$(db "SELECT message FROM findings WHERE subject='runbook app-az-failure'")" == *"has every section"*"4 numbered steps"* ]]
}

@test "a runbook placeholder in Japanese (未記入) or TBD is a finding; comments and code blocks are not" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	printf '\n<!-- note: <name, phone> is fine inside a comment -->\n```\nTBD inside code\n```\n' >> evidence/runbooks/db-pitr-restore.md
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	printf '\n連絡先: 未記入\n' >> evidence/runbooks/db-pitr-restore.md
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 1 ]
	[[ "$(db "SELECT message FROM findings WHERE subject='runbook db-pitr-restore' AND status='not-met'")" == *"placeholder '未記入'"* ]]
}

@test "sample runbooks, English and Japanese, all complete" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	runbooks=$(grep -c 'runbook="runbooks/' evidence/assessment.xml)
	[ "$runbooks" -ge 4 ]
	[ "$(db "SELECT count(*) FROM findings WHERE subject LIKE 'runbook %' AND status='met'")" = "$runbooks" ]
	[[ "$(db "SELECT message FROM findings WHERE subject='runbook db-pitr-restore'")" == *"steps (line 13)"* ]]
}

@test "a Japanese runbook without 切り戻し: the finding names the section and the file" {
	python3 - <<'PY'
p = "evidence/runbooks/db-pitr-restore.md"
s = open(p, encoding="utf-8").read()
start = s.index("## 切り戻し"); end = s.index("## 連絡先")
open(p, "w", encoding="utf-8").write(s[:start] + s[end:])
PY
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"runbook runbooks/db-pitr-restore.md of scenario db-pitr-restore has no 'rollback' section"*"(runbooks/db-pitr-restore.md)"* ]]
	[ "$(db "SELECT count(*) FROM findings WHERE status='not-met'")" = 1 ]
}

@test "headings inside a code block do not count; steps must be numbered" {
	f=evidence/runbooks/web-instance-failure.md
	python3 - "$f" <<'PY'
import sys, re
p = sys.argv[1]
s = open(p).read()
s = s.replace("## Contacts", "```\n## Contacts\n```")
s = re.sub(r"(?m)^\d+\. ", "- ", s)
open(p, "w").write(s)
PY
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"web-instance-failure.md of scenario web-instance-failure has no 'contacts' section"* ]]
	[[ "$output" == *"runbook runbooks/web-instance-failure.md: section 'steps' has no numbered steps"* ]]
}

@test "a scenario without a runbook is a finding on its assessment line" {
	sed -i 's| runbook="runbooks/db-az-failover.md"||' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"scenario db-az-failover names no runbook"*"(assessment.xml:"* ]]
}

@test "sections are data: a team adds one in the questionnaire and every runbook lacks it" {
	sed -i 's|value="scenario,preparation,steps,verification,rollback,contacts"|value="scenario,preparation,steps,verification,rollback,contacts,monitoring"|' questionnaires/ftr-dr.xml
	sed -i 's|<param name="runbook-numbered-section"|<param name="runbook-section-monitoring" value="^(?:monitoring\|監視)"/>\n    &|' questionnaires/ftr-dr.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[ "$(db "SELECT count(*) FROM findings WHERE message LIKE '%no ''monitoring'' section%'")" = \
	  "$(grep -c 'runbook="runbooks/' evidence/assessment.xml)" ]
}

@test "a broken section pattern: exit 2 naming the questionnaire and line" {
	sed -i 's|value="^(?:\\d+\[.)\]?\\s\*)?(?:rollback|value="^(?:rollback(|' questionnaires/ftr-dr.xml
	grep -q 'value="^(?:rollback(' questionnaires/ftr-dr.xml
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	# an edited shipped catalog is warned about first
	[[ "${lines[0]}" == *"modified questionnaire: ftr-dr 2024.1"* ]]
	[[ "${lines[1]}" == "ftrkit: questionnaires/ftr-dr.xml:"[0-9]*": pattern runbook-section-rollback: error at offset"* ]]
	[ ! -e reports ]
}
