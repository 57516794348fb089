#!/usr/bin/env bats
# Exported AWS configurations: read with SQLite's JSON functions, judged
# against the partner's own objectives, facts recorded in results.sqlite.

load helpers

setup() { setup_scratch; }
teardown() { teardown_scratch; }

db() { sqlite3 "${DB:-reports/results.sqlite}" "$1"; }

@test "sample exports: DR-008 met and the facts are in the configs table with JSON paths" {
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(db "SELECT verdict FROM controls WHERE id='DR-008'")" = met ]
	[ "$(db "SELECT value FROM configs WHERE component='database' AND fact='BackupRetentionPeriod' AND kind='rds-cluster'")" = 14 ]
	[ "$(db "SELECT json_path FROM configs WHERE component='database' AND fact='BackupRetentionPeriod' AND kind='rds-cluster'")" = '$.DBClusters[0].BackupRetentionPeriod' ]
	[ "$(db "SELECT value FROM configs WHERE component='documents' AND fact='Status'")" = Enabled ]
	[ "$(db "SELECT value FROM configs WHERE component='sessions' AND fact='PointInTimeRecoveryStatus'")" = ENABLED ]
	[ "$(db "SELECT value FROM configs WHERE component='web' AND fact='AvailabilityZones'")" = "ap-northeast-1a,ap-northeast-1c,ap-northeast-1d" ]
	# the backup rules reach the database and the bucket through the selection
	[ "$(db "SELECT count(DISTINCT component) FROM configs WHERE kind='backup-rule'")" = 2 ]
	# every listed export was read: nothing unrecognised in the inventory
	[ "$(db "SELECT count(*) FROM evidence WHERE kind='config'")" = 11 ]
	[ "$(db "SELECT count(*) FROM evidence WHERE kind='unrecognised'")" = 0 ]
	[ "$(db "SELECT count(*) FROM checks WHERE control_id='DR-008' AND name LIKE 'config%' AND verdict='met'")" = 3 ]
}

@test "current numbering: BAR-001 is decided by the exports, nothing not met" {
	ftr assess --as-of "$AS_OF" -q questionnaires/ftr-current.xml
	[ "$status" -eq 0 ]
	[[ "$output" == *"BAR-001  met"* ]]
	[[ "$output" != *"not met  "* ]]
	[ "$(db "SELECT group_concat(name) FROM checks WHERE control_id='BAR-001'")" = "configs-readable,config-recovery-points" ]
}

@test "failing workspace: backups too sparse, versioning suspended, each with file and JSON path" {
	cp -r "$REPO/tests/workspaces/failing" ws
	ftr assess -w ws --as-of "$AS_OF" -o out --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"orders (data-corruption): RPO 1 h cannot be met: the closest recovery points are 25 h apart"*'$.BackupPlan.Rules[0].ScheduleExpression = cron(0 3 * * ? *)'* ]]
	[[ "$output" == *'versioning of bucket tiny-api-uploads is Suspended ($.Status)'*"(configs/s3api-get-bucket-versioning-tiny-api-uploads.json)"* ]]
	DB=out/results.sqlite
	[ "$(db "SELECT count(*) FROM findings WHERE control_id='DR-008' AND status='not-met' AND component='orders' AND file='configs/backup-get-backup-plan.json'")" -ge 1 ]
	[ "$(db "SELECT value FROM configs WHERE component='uploads' AND fact='Status'")" = Suspended ]
}

@test "sparse schedule in the sample: hourly continuous backup switched off, RDS PITR off" {
	python3 - <<'PY'
import json
p = "evidence/configs/backup-get-backup-plan.json"
d = json.load(open(p))
d["BackupPlan"]["Rules"][0]["EnableContinuousBackup"] = False
d["BackupPlan"]["Rules"][0]["ScheduleExpression"] = "cron(0 */6 ? * * *)"
json.dump(d, open(p, "w"))
p = "evidence/configs/rds-describe-db-clusters.json"
d = json.load(open(p))
d["DBClusters"][0]["BackupRetentionPeriod"] = 0
json.dump(d, open(p, "w"))
PY
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"database (data-corruption): RPO 1 h cannot be met: the closest recovery points are 7 h apart"* ]]
	[[ "$output" == *'automated backups are off ($.DBClusters[0].BackupRetentionPeriod = 0)'* ]]
	# the bucket still meets its RPO through versioning
	[[ "$output" == *"[met] documents (accidental-deletion): RPO 1 h can be met"* ]]
}

@test "an empty versioning export means versioning was never enabled" {
	echo '{}' > evidence/configs/s3api-get-bucket-versioning-acme-ledger-invoices-prod.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"versioning of bucket acme-ledger-invoices-prod was never enabled"* ]]
}

@test "invalid JSON: a finding names the file, the inventory says unreadable, exit 1" {
	printf '{ "DBClusters": [ \n' > evidence/configs/rds-describe-db-clusters.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"configs/rds-describe-db-clusters.json cannot be read: not valid JSON"* ]]
	[ "$(db "SELECT kind FROM evidence WHERE path='configs/rds-describe-db-clusters.json'")" = unrecognised ]
	[ "$(db "SELECT kind FROM configs WHERE file='configs/rds-describe-db-clusters.json'")" = unreadable ]
}

@test "an export no reader understands is listed as unrecognised, never skipped" {
	printf '{"Reservations": [], "NextToken": null}' > evidence/configs/ec2-instances.json
	sed -i 's|</configs>|  <config path="configs/ec2-instances.json"/>\n  </configs>|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"no reader understands configs/ec2-instances.json (top-level keys: Reservations, NextToken)"* ]]
	[ "$(db "SELECT verdict FROM controls WHERE id='DR-008'")" = manual ]
	[ "$(db "SELECT kind FROM evidence WHERE path='configs/ec2-instances.json'")" = unrecognised ]
	[ "$(db "SELECT kind || ' ' || fact FROM configs WHERE file='configs/ec2-instances.json'")" = "unrecognised reader" ]
}

@test "a BOM and CRLF line ends do not stop the readers" {
	f=evidence/configs/autoscaling-describe-auto-scaling-groups.json
	{ printf '\357\273\277'; sed 's/$/\r/' "$f"; } > tmp.json && mv tmp.json "$f"
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
}

@test "ELB health checks, AZ count and a NAT gateway per AZ are judged for an AZ RTO of minutes" {
	python3 - <<'PY'
import json
p = "evidence/configs/autoscaling-describe-auto-scaling-groups.json"
d = json.load(open(p))
d["AutoScalingGroups"][0]["HealthCheckType"] = "EC2"
d["AutoScalingGroups"][0]["AvailabilityZones"] = ["ap-northeast-1a"]
json.dump(d, open(p, "w"))
p = "evidence/configs/ec2-describe-nat-gateways.json"
d = json.load(open(p))
d["NatGateways"][2]["State"] = "deleted"
json.dump(d, open(p, "w"))
PY
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *'group ledger-web spans 1 AZ ($.AutoScalingGroups[0].AvailabilityZones = ap-northeast-1a)'* ]]
	[[ "$output" == *'group ledger-web uses EC2 health checks ($.AutoScalingGroups[0].HealthCheckType), not ELB'* ]]
	[[ "$output" == *"group ledger-web has no available NAT gateway in ap-northeast-1d"* ]]
}

@test "Region loss in scope: a cross-Region copy is required and found" {
	sed -i 's|<objective disruption="data-corruption" rpo="1h" rto="2h"/>|&\n      <objective disruption="region" rpo="2d" rto="8h"/>|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"database (region): RPO 2 d can be met"*"copies to ap-northeast-3"* ]]
	sed -i 's|rpo="2d" rto="8h"|rpo="4h" rto="8h"|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"database (region): RPO 4 h cannot be met"* ]]
}

@test "a broken schedule expression is a finding quoting it and saying why" {
	sed -i 's/cron(0 18 ? \* \* \*)/cron(0 18 * * * *)/' evidence/configs/backup-get-backup-plan.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"backup rule daily-snapshots: \$.BackupPlan.Rules[1].ScheduleExpression 'cron(0 18 * * * *)': exactly one of day-of-month and day-of-week must be '?'"* ]]
}

@test "a config listed but missing from the workspace: exit 2 naming assessment.xml and line" {
	rm evidence/configs/ec2-describe-subnets.json
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 2 ]
	[[ "$output" == "ftrkit: evidence/assessment.xml:"[0-9]*": evidence file 'configs/ec2-describe-subnets.json' not found"* ]]
	[ ! -e reports ]
}

@test "no <configs> at all: DR-008 says which exports to add" {
	sed -i '/<configs>/,/<\/configs>/d' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"no exported configurations are listed under <configs>"* ]]
}

@test "an export over the 64 MiB cap is a finding that says so, not a crash" {
	truncate -s 65M evidence/configs/huge.json
	sed -i 's|</configs>|  <config path="configs/huge.json"/>\n  </configs>|' evidence/assessment.xml
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"configs/huge.json cannot be read: larger than the 64 MiB limit for configuration exports"* ]]
}

@test "a JSON file in configs/ that is not listed is mentioned, not judged" {
	cp evidence/configs/ec2-describe-subnets.json evidence/configs/old-subnets.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"configs/old-subnets.json is in the workspace but not listed under <configs>, so it was not read"* ]]
	[ "$(db "SELECT verdict FROM controls WHERE id='DR-008'")" = met ]
}

@test "a bucket with an accidental-deletion objective needs a versioning export" {
	sed -i '/s3api-get-bucket-versioning-acme-ledger-invoices-prod.json/d' evidence/assessment.xml
	rm evidence/configs/s3api-get-bucket-versioning-acme-ledger-invoices-prod.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *"bucket acme-ledger-invoices-prod: no 's3api get-bucket-versioning' export (file named after the bucket) shows versioning"* ]]
}

@test "sample: the ECS service and the ElastiCache group of the api component are judged from their exports" {
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"api (az, RTO 30 min): service ledger-api places tasks in 3 AZs"* ]]
	[[ "$output" == *"api (az, RTO 30 min): replication group ledger-cache fails over to a replica in another AZ"* ]]
	[[ "$output" == *"api (data-corruption): RPO 2 d can be met"*"daily automatic snapshot of replication group ledger-cache"* ]]
	[ "$(db "SELECT value FROM configs WHERE component='api' AND kind='ecs-service' AND fact='desiredCount'")" = 3 ]
	[ "$(db "SELECT value FROM configs WHERE component='api' AND kind='elasticache-replication-group' AND fact='MultiAZ'")" = enabled ]
}

@test "one AZ for the cache, one task for the API: not met, naming the JSON paths" {
	python3 - <<'PY'
import json
p = "evidence/configs/elasticache-describe-replication-groups.json"
d = json.load(open(p))
d["ReplicationGroups"][0]["MultiAZ"] = "disabled"
d["ReplicationGroups"][0]["AutomaticFailover"] = "disabled"
json.dump(d, open(p, "w"))
p = "evidence/configs/ecs-describe-services.json"
d = json.load(open(p))
d["services"][0]["desiredCount"] = 1
json.dump(d, open(p, "w"))
PY
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 1 ]
	[[ "$output" == *'replication group ledger-cache does not fail over to another AZ by itself (MultiAZ = disabled, AutomaticFailover = disabled'* ]]
	[[ "$output" == *'service ledger-api desires 1 task(s) ($.services[0].desiredCount)'* ]]
}

@test "cannot judge: an ElastiCache component without exports is manual, asks for the ElastiCache command, never RDS" {
	sed -i 's|<config path="configs/elasticache-describe-replication-groups.json"/>||; s|<config path="configs/ecs-describe-services.json"/>||' evidence/assessment.xml
	rm evidence/configs/elasticache-describe-replication-groups.json evidence/configs/ecs-describe-services.json
	ftr assess --as-of "$AS_OF" --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"api (az, RTO 30 min): cannot judge: needs \`aws ecs describe-services --cluster ledger-prod --services ledger-api\`, \`aws ec2 describe-subnets\`, \`aws elasticache describe-replication-groups --replication-group-id ledger-cache\`"* ]]
	[[ "$output" == *"api (data-corruption, RPO 2 d): cannot judge: needs \`aws elasticache describe-replication-groups --replication-group-id ledger-cache\`"* ]]
	[[ "$(db "SELECT summary FROM checks WHERE name='config-availability'")" == *"; 1 component cannot be judged"* ]]
	[[ "$(db "SELECT summary FROM checks WHERE name='config-recovery-points'")" == *"; 1 component cannot be judged"* ]]
	[ "$(db "SELECT count(*) FROM findings WHERE component='api' AND message LIKE '%rds describe-db%'")" = 0 ]
	[ "$(db "SELECT count(*) FROM findings WHERE control_id='DR-008' AND component='api' AND status='manual'")" -ge 2 ]
	[ "$(db "SELECT count(*) FROM findings WHERE control_id='DR-008' AND component='api' AND status='met'")" = 0 ]
}

@test "NAT gateways name only their subnet: one outside the subnets export is 'cannot judge', not 'missing'" {
	python3 - <<'PY'
import json
p = "evidence/configs/ec2-describe-subnets.json"
d = json.load(open(p))
d["Subnets"] = [s for s in d["Subnets"] if s["SubnetId"] != "subnet-0ee11ff22aa33bb03"]
json.dump(d, open(p, "w"))
PY
	ftr assess --as-of "$AS_OF" --verbose
	[[ "$output" == *"NAT gateway nat-0a1b2c3d4e5f60003 sits in subnet subnet-0ee11ff22aa33bb03 whose AZ is unknown: cannot judge: needs \`aws ec2 describe-subnets --subnet-ids subnet-0ee11ff22aa33bb03\`"* ]]
	[[ "$output" != *"has no available NAT gateway"* ]]
	[ "$(db "SELECT verdict FROM checks WHERE control_id='DR-008' AND name='config-availability'")" = manual ]
}

@test "init writes configs/collect.sh: read-only aws commands, one JSON file each, for every export kind" {
	ftr init ws
	[ "$status" -eq 0 ]
	[ -f ws/configs/collect.sh ]
	sh -n ws/configs/collect.sh
	run grep -c '^aws ' ws/configs/collect.sh
	[ "$output" -ge 18 ]
	# every command line: describe/get only, JSON output into configs/
	run grep -Ev '^aws [a-z0-9-]+ (describe|get)-[a-z-]+( [^>]*)? --output json > (configs|drills)/[A-Za-z0-9_.-]+\.json$' ws/configs/collect.sh
	[[ "$output" != *"aws "* ]]
	for cmd in "rds describe-db-clusters" "rds describe-global-clusters" "backup get-backup-plan" \
		"dynamodb describe-table" "s3api get-bucket-replication" "s3api get-bucket-location" \
		"ecs describe-services" "ec2 describe-subnets" "ec2 describe-nat-gateways" \
		"elasticache describe-replication-groups" "efs describe-file-systems" "efs describe-backup-policy" \
		"elbv2 describe-load-balancers" "elbv2 describe-target-groups" "elbv2 describe-target-health" \
		"ec2 describe-snapshots" "dlm get-lifecycle-policy" "support describe-trusted-advisor-check-result" \
		"rds describe-events"; do
		grep -q "^aws $cmd " ws/configs/collect.sh
	done
	# init never overwrites it either
	ftr init ws
	[ "$status" -eq 2 ]
}

@test "RDS events: Aurora's same-AZ failover and a reboot with failover are drill events" {
	f=evidence/drills/2026-09-16-db-az-failover-rds-events.json
	sed -i 's/Started cross AZ failover to DB instance/Started same AZ failover to DB instance/' "$f"
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	# 29.784 s: whole seconds are rounded up (drill records keep recovery_ms)
	[ "$(db "SELECT recovery_seconds FROM drills WHERE source='rds-events'")" = 30 ]
	# a Multi-AZ DB instance rebooted with failover (aws rds reboot-db-instance --force-failover)
	python3 - <<'PY'
import json
p = "evidence/drills/2026-09-16-db-az-failover-rds-events.json"
d = json.load(open(p))
for e in d["Events"]:
    if e["Message"].startswith("Started same AZ failover"):
        e["Message"] = "Multi-AZ instance failover started."
    elif e["Message"].startswith("Completed failover"):
        e["Message"] = "Multi-AZ instance failover completed."
json.dump(d, open(p, "w"))
PY
	ftr assess --as-of "$AS_OF"
	[ "$status" -eq 0 ]
	[ "$(db "SELECT recovery_seconds FROM drills WHERE source='rds-events'")" = 30 ]
}

@test "cannot judge in Japanese: the command stays as written, the verdict is manual" {
	sed -i 's|<config path="configs/elasticache-describe-replication-groups.json"/>||' evidence/assessment.xml
	rm evidence/configs/elasticache-describe-replication-groups.json
	ftr assess --as-of "$AS_OF" --lang ja --verbose
	[ "$status" -eq 0 ]
	[[ "$output" == *"api (data-corruption、RPO 2日): 判定できません: \`aws elasticache describe-replication-groups --replication-group-id ledger-cache\` のエクスポートが必要です"* ]]
	[[ "$(db "SELECT summary FROM checks WHERE name='config-recovery-points'")" == *"判定できないコンポーネント 1 件"* ]]
}
