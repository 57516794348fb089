/*
 * check_messages_configs.h - the messages of the configuration checks for
 * the exports added in issue 17 (ECS, ElastiCache, EFS, global tables and
 * databases, S3 replication) and for "cannot judge", kept apart from
 * check_messages.h so its list grows in one place.  Same rules as there:
 * CM_NAME_EN / CM_NAME_JA and one X(NAME) in CONFIG_MESSAGE_IDS.
 *
 * "cannot judge: needs `CMD`" is the one wording for a component a check
 * cannot decide: verdict manual, never met; CMD comes from configs_needed()
 * and depends on the kind of the component's resources.
 */
#ifndef FTRKIT_CHECK_MESSAGES_CONFIGS_H
#define FTRKIT_CHECK_MESSAGES_CONFIGS_H

/* 1 commands */
#define CM_CFG_NONE_CMDS_EN "no exported configurations are listed under <configs>: export `%s` " \
	"(configs/collect.sh lists every command) and list the files"
#define CM_CFG_NONE_CMDS_JA "<configs> にエクスポートされた構成が記載されていません: `%1$s` でエクスポートし" \
	" (全コマンドは configs/collect.sh にあります)、そのファイルを記載してください"
/* 1 component, 2 disruption, 3 RPO, 4 commands, 5 NO_RESOURCE or "" */
#define CM_RP_CANNOT_EN "%s (%s, RPO %s): cannot judge: needs `%s`: no exported configuration " \
	"shows its recovery points%s"
#define CM_RP_CANNOT_JA "%1$s (%2$s、RPO %3$s): 判定できません: `%4$s` のエクスポートが必要です。" \
	"復旧ポイントを示すエクスポートされた構成がありません%5$s"
#define CM_RP_CANNOT_REGION_EN "%s (%s, RPO %s): cannot judge: needs `%s`: no exported " \
	"configuration shows a copy in another Region%s"
#define CM_RP_CANNOT_REGION_JA "%1$s (%2$s、RPO %3$s): 判定できません: `%4$s` のエクスポートが必要です。" \
	"別のリージョンへのコピーを示すエクスポートされた構成がありません%5$s"
/* 1 component, 2 disruption, 3 RPO, 4 source (a cannot-judge text) */
#define CM_RP_CANNOT_SOURCE_EN "%s (%s, RPO %s): %s"
#define CM_RP_CANNOT_SOURCE_JA "%1$s (%2$s、RPO %3$s): %4$s"
/* 1 plan name, 2 file, 3 plan id, 4 "yes"/"no" copies */
#define CM_RP_PLAN_UNLINKED_EN "backup plan %s (%s) covers no component: no <resource> names the plan " \
	"and no exported selection of it covers a declared resource, so its rules%s protect nothing " \
	"this assessment can show: cannot judge: needs `aws backup get-backup-selection --backup-plan-id %s " \
	"--selection-id SELECTION_ID`"
#define CM_RP_PLAN_UNLINKED_JA "バックアッププラン %1$s (%2$s) はどのコンポーネントにも対応していません。" \
	"プランを記載した <resource> も、宣言済みのリソースを含むエクスポート済みの選択条件もないため、" \
	"そのルール%3$sが何を保護するかを示せません: 判定できません: `aws backup get-backup-selection " \
	"--backup-plan-id %4$s --selection-id SELECTION_ID` のエクスポートが必要です"
#define CM_RP_PLAN_COPIES_EN " (which copy to another Region)"
#define CM_RP_PLAN_COPIES_JA " (別リージョンへのコピーを含む)"
/* 1 resource, 2 kept, 3 JSON path, 4 days, 5 number of settings, 6 minimum */
#define CM_RP_RETENTION_ALL_EN "%s keeps recovery points the longest, %s (%s = %lld), of %zu " \
	"retention settings that cover the component: below the %s minimum"
#define CM_RP_RETENTION_ALL_JA "コンポーネントを対象とする保持設定 %5$zu 件のうち最長は %1$s の %2$s (%3$s = %4$lld)" \
	" で、最小値 %6$sを下回っています"
/* 1 global table, 2 Regions, 3 JSON path */
#define CM_RP_DDB_REPLICAS_EN "global table %s has replicas in %s (%s): replication is asynchronous, " \
	"usually within a second"
#define CM_RP_DDB_REPLICAS_JA "グローバルテーブル %1$s は %2$s にレプリカがあります (%3$s)。レプリケーションは非同期で、" \
	"通常は 1 秒以内です"
/* 1 table, 2 JSON path */
#define CM_RP_DDB_NO_REPLICAS_EN "table %s has no replica in another Region (%s)"
#define CM_RP_DDB_NO_REPLICAS_JA "テーブル %1$s には別リージョンのレプリカがありません (%2$s)"
/* 1 global database, 2 Regions, 3 JSON path */
#define CM_RP_GLOBAL_DB_EN "Aurora global database %s has clusters in %s (%s): storage-level " \
	"replication, usually under a second behind"
#define CM_RP_GLOBAL_DB_JA "Aurora グローバルデータベース %1$s は %2$s にクラスターがあります (%3$s)。" \
	"ストレージレベルのレプリケーションで、遅延は通常 1 秒未満です"
/* 1 global database, 2 JSON path */
#define CM_RP_GLOBAL_DB_ONE_EN "Aurora global database %s has clusters in one Region only (%s)"
#define CM_RP_GLOBAL_DB_ONE_JA "Aurora グローバルデータベース %1$s のクラスターは一つのリージョンにしかありません (%2$s)"
/* 1 bucket, 2 destination, 3 Region, 4 JSON path */
#define CM_RP_S3_REPL_RTC_EN "bucket %s replicates to %s in %s (%s) with S3 Replication Time " \
	"Control: 99.99%% of objects within 15 minutes"
#define CM_RP_S3_REPL_RTC_JA "バケット %1$s は %3$s の %2$s にレプリケートしています (%4$s)。S3 Replication Time " \
	"Control により 99.99%% のオブジェクトが 15 分以内に複製されます"
#define CM_RP_S3_REPL_NO_RTC_EN "bucket %s replicates to %s in %s (%s) without S3 Replication Time " \
	"Control: nothing bounds how far the copy lags, so the RPO cannot be judged: cannot judge: " \
	"needs `aws s3api put-bucket-replication` with ReplicationTime enabled, or a drill that measured the lag"
#define CM_RP_S3_REPL_NO_RTC_JA "バケット %1$s は %3$s の %2$s にレプリケートしています (%4$s) が、S3 Replication Time " \
	"Control がないため複製の遅延に上限がなく、RPO を判定できません: 判定できません: ReplicationTime を有効にした " \
	"`aws s3api put-bucket-replication` か、遅延を測定した訓練が必要です"
/* 1 bucket, 2 destination, 3 JSON path, 4 bucket whose Region is unknown */
#define CM_RP_S3_REPL_REGION_EN "bucket %s replicates to %s (%s), but the Region is not exported: " \
	"cannot judge: needs `aws s3api get-bucket-location --bucket %s`"
#define CM_RP_S3_REPL_REGION_JA "バケット %1$s は %2$s にレプリケートしています (%3$s) が、リージョンがエクスポートされていません: " \
	"判定できません: `aws s3api get-bucket-location --bucket %4$s` のエクスポートが必要です"
/* 1 bucket, 2 destination, 3 Region, 4 JSON path */
#define CM_RP_S3_REPL_SAME_EN "bucket %s replicates to %s in the same Region %s (%s): not a copy in another Region"
#define CM_RP_S3_REPL_SAME_JA "バケット %1$s は同じリージョン %3$s の %2$s にレプリケートしています (%4$s)。別リージョンのコピーではありません"
/* 1 bucket, 2 JSON path */
#define CM_RP_S3_REPL_NONE_EN "a replication rule of bucket %s is not enabled (%s)"
#define CM_RP_S3_REPL_NONE_JA "バケット %1$s のレプリケーションルールが有効ではありません (%2$s)"
/* 1 group, 2 JSON path, 3 days, 4 window */
#define CM_RP_CACHE_SNAP_EN "daily automatic snapshot of replication group %s (%s = %lld days, window %s)"
#define CM_RP_CACHE_SNAP_JA "レプリケーショングループ %1$s の日次自動スナップショット (%2$s = %3$lld 日、ウィンドウ %4$s)"
/* 1 group, 2 JSON path */
#define CM_RP_CACHE_OFF_EN "replication group %s takes no automatic snapshots (%s = 0)"
#define CM_RP_CACHE_OFF_JA "レプリケーショングループ %1$s は自動スナップショットを取得しません (%2$s = 0)"
/* 1 file system, 2 JSON path, 3 start window */
#define CM_RP_EFS_BACKUP_EN "automatic backups of file system %s (%s = ENABLED: AWS Backup's default " \
	"EFS plan, daily, %s start window, kept 35 days)"
#define CM_RP_EFS_BACKUP_JA "ファイルシステム %1$s の自動バックアップ (%2$s = ENABLED: AWS Backup の EFS 用デフォルトプラン。" \
	"毎日、開始ウィンドウ %3$s、保持 35 日)"
/* 1 file system, 2 value, 3 JSON path */
#define CM_RP_EFS_OFF_EN "automatic backups of file system %s are %s (%s)"
#define CM_RP_EFS_OFF_JA "ファイルシステム %1$s の自動バックアップは %2$s です (%3$s)"
#define CM_EXPECT_COUNT_EN "a whole number of tasks"
#define CM_EXPECT_COUNT_JA "タスク数 (整数)"
#define CM_EXPECT_WINDOW_EN "a window hh:mm-hh:mm"
#define CM_EXPECT_WINDOW_JA "hh:mm-hh:mm 形式のウィンドウ"
/* 1 component, 2 disruption, 3 RTO, 4 commands, 5 min AZs, 6 NO_RESOURCE or "" */
#define CM_AV_CANNOT_EN "%s (%s, RTO %s): cannot judge: needs `%s`: no exported configuration " \
	"shows it runs in %lld AZs%s"
#define CM_AV_CANNOT_JA "%1$s (%2$s、RTO %3$s): 判定できません: `%4$s` のエクスポートが必要です。" \
	"%5$lld 個の AZ で稼働していることを示すエクスポートされた構成がありません%6$s"
/* 1 resource, 2 subnet, 3 JSON path */
#define CM_AV_SUBNET_CANNOT_EN "%s: cannot judge: needs `aws ec2 describe-subnets --subnet-ids %s`: " \
	"the AZ of subnet %s (%s) is unknown"
#define CM_AV_SUBNET_CANNOT_JA "%1$s: 判定できません: `aws ec2 describe-subnets --subnet-ids %2$s` のエクスポートが必要です。" \
	"サブネット %3$s (%4$s) の AZ が不明です"
/* 1 component, 2 resource */
#define CM_AV_NAT_CANNOT_EN "%s: cannot judge NAT gateways per AZ for %s: needs " \
	"`aws ec2 describe-nat-gateways`: no NAT gateway export (if its subnets need none, say so in the notes)"
#define CM_AV_NAT_CANNOT_JA "%1$s: %2$s の AZ ごとの NAT ゲートウェイを判定できません: " \
	"`aws ec2 describe-nat-gateways` のエクスポートが必要です (NAT が不要なサブネットならその旨を notes に記載してください)"
/* 1 component, 2 resource, 3 AZs, 4 NAT gateway, 5 its subnet, 6 subnet again */
#define CM_AV_NAT_UNMAPPED_EN "%s: %s has no NAT gateway known to be in %s, but NAT gateway %s sits in " \
	"subnet %s whose AZ is unknown: cannot judge: needs `aws ec2 describe-subnets --subnet-ids %s`"
#define CM_AV_NAT_UNMAPPED_JA "%1$s: %2$s は %3$s に NAT ゲートウェイがあると確認できませんが、NAT ゲートウェイ %4$s の" \
	"サブネット %5$s の AZ が不明です: 判定できません: `aws ec2 describe-subnets --subnet-ids %6$s` のエクスポートが必要です"
/* 1 component, 2 disruption, 3 RTO, 4 service, 5 AZ count, 6 plural, 7 JSON path, 8 AZs,
 * 9 desired count, 10 JSON path */
#define CM_AV_ECS_OK_EN "%s (%s, RTO %s): service %s places tasks in %zu AZ%s (%s → %s) and " \
	"desires %lld tasks (%s), spread across them, so tasks keep running when one AZ is lost"
#define CM_AV_ECS_OK_JA "%1$s (%2$s、RTO %3$s): サービス %4$s はタスクを %5$zu 個の AZ に配置し (%7$s → %8$s)、" \
	"希望タスク数は %9$lld (%10$s) で、AZ に分散されるため AZ を一つ失ってもタスクが残ります%6$.0s"
#define CM_AV_ECS_FEW_AZ_EN "%s (%s, RTO %s): service %s places tasks in %zu AZ%s only (%s → %s): " \
	"one AZ lost takes the tier down"
#define CM_AV_ECS_FEW_AZ_JA "%1$s (%2$s、RTO %3$s): サービス %4$s のタスクは %5$zu 個の AZ にしか配置されません " \
	"(%7$s → %8$s)。AZ を一つ失うとこの層が停止します%6$.0s"
/* 1 component, 2 disruption, 3 RTO, 4 service, 5 desired, 6 JSON path, 7 min AZs */
#define CM_AV_ECS_FEW_TASKS_EN "%s (%s, RTO %s): service %s desires %lld task(s) (%s), fewer than " \
	"%lld: an AZ lost can take every task, and new ones start only after it is noticed"
#define CM_AV_ECS_FEW_TASKS_JA "%1$s (%2$s、RTO %3$s): サービス %4$s の希望タスク数は %5$lld (%6$s) で %7$lld " \
	"未満です。AZ を一つ失うとすべてのタスクを失うおそれがあります"
/* 1 component, 2 service, 3 JSON path */
#define CM_AV_ECS_NO_SUBNETS_EN "%s: service %s has no awsvpc subnets (%s): its tasks run where its " \
	"EC2 container instances are: cannot judge: needs `aws ecs describe-container-instances` " \
	"and `aws ec2 describe-instances` for their AZs"
#define CM_AV_ECS_NO_SUBNETS_JA "%1$s: サービス %2$s には awsvpc のサブネットがありません (%3$s)。タスクは EC2 コンテナ" \
	"インスタンス上で動きます: 判定できません: AZ を示す `aws ecs describe-container-instances` と " \
	"`aws ec2 describe-instances` のエクスポートが必要です"
/* 1 component, 2 service, 3 JSON path */
#define CM_AV_ECS_BREAKER_OK_EN "%s: service %s stops and rolls back a deployment whose tasks fail (%s = true)"
#define CM_AV_ECS_BREAKER_OK_JA "%1$s: サービス %2$s はタスクが失敗するデプロイを停止してロールバックします (%3$s = true)"
/* 1 component, 2 service, 3 JSON path, 4 value */
#define CM_AV_ECS_BREAKER_NO_EN "%s: service %s has no deployment circuit breaker with rollback (%s = %s): " \
	"a deployment whose tasks fail keeps replacing them until someone rolls back; judge whether " \
	"the RTO allows that"
#define CM_AV_ECS_BREAKER_NO_JA "%1$s: サービス %2$s にはロールバック付きのデプロイサーキットブレーカーがありません (%3$s = %4$s)。" \
	"失敗するデプロイは誰かがロールバックするまでタスクを置き換え続けます。RTO が許すか判断してください"
/* 1 component, 2 disruption, 3 RTO, 4 group, 5 MultiAZ, 6 AutomaticFailover, 7 AZs, 8 JSON path */
#define CM_AV_CACHE_OK_EN "%s (%s, RTO %s): replication group %s fails over to a replica in another " \
	"AZ (MultiAZ = %s, AutomaticFailover = %s, nodes in %s; %s)"
#define CM_AV_CACHE_OK_JA "%1$s (%2$s、RTO %3$s): レプリケーショングループ %4$s は別 AZ のレプリカにフェイルオーバーします " \
	"(MultiAZ = %5$s、AutomaticFailover = %6$s、ノードの AZ: %7$s。%8$s)"
#define CM_AV_CACHE_NO_EN "%s (%s, RTO %s): replication group %s does not fail over to another AZ " \
	"by itself (MultiAZ = %s, AutomaticFailover = %s, nodes in %s; %s): losing the primary's AZ " \
	"takes the cache down until someone promotes or rebuilds it"
#define CM_AV_CACHE_NO_JA "%1$s (%2$s、RTO %3$s): レプリケーショングループ %4$s は自動では別 AZ にフェイルオーバーしません " \
	"(MultiAZ = %5$s、AutomaticFailover = %6$s、ノードの AZ: %7$s。%8$s)。プライマリの AZ を失うと、" \
	"昇格か再構築までキャッシュが停止します"
/* 1 component, 2 disruption, 3 RTO, 4 file system, 5 JSON path, 6 AZ */
#define CM_AV_EFS_ONE_ZONE_EN "%s (%s, RTO %s): file system %s is One Zone (%s = %s): losing that AZ " \
	"makes the files unavailable"
#define CM_AV_EFS_ONE_ZONE_JA "%1$s (%2$s、RTO %3$s): ファイルシステム %4$s は 1 ゾーン構成です (%5$s = %6$s)。" \
	"その AZ を失うとファイルを利用できません"
/* 1 component, 2 service, 3 AZs (the ECS twins of AV_NAT_MISSING / AV_NAT_OK) */
#define CM_AV_NAT_MISSING_SVC_EN "%s: service %s has no available NAT gateway in %s, where it runs tasks: " \
	"losing the AZ of the shared NAT gateway cuts their outbound traffic"
#define CM_AV_NAT_MISSING_SVC_JA "%1$s: サービス %2$s はタスクを実行している %3$s に利用可能な NAT ゲートウェイがありません。" \
	"共有の NAT ゲートウェイがある AZ を失うと、外向きの通信が途絶えます"
#define CM_AV_NAT_OK_SVC_EN "%s: service %s has an available NAT gateway in every AZ it uses (%s)"
#define CM_AV_NAT_OK_SVC_JA "%1$s: サービス %2$s は使用するすべての AZ に利用可能な NAT ゲートウェイがあります (%3$s)"
/* 1 component, 2 load balancer, 3 AZ count, 4 plural, 5 JSON path, 6 AZs */
#define CM_AV_ELB_OK_EN "%s: load balancer %s serves from %zu AZ%s (%s = %s)"
#define CM_AV_ELB_OK_JA "%1$s: ロードバランサー %2$s は %3$zu 個の AZ から応答します (%5$s = %6$s)%4$.0s"
#define CM_AV_ELB_FEW_EN "%s: load balancer %s serves from %zu AZ%s only (%s = %s): losing it takes the entry point down"
#define CM_AV_ELB_FEW_JA "%1$s: ロードバランサー %2$s は %3$zu 個の AZ からしか応答しません (%5$s = %6$s)。その AZ を失うと入口が停止します%4$.0s"
/* 1 component, 2 target group, 3 JSON path, 4 health check path, 5 interval s, 6 threshold */
#define CM_AV_TG_OK_EN "%s: target group %s checks its targets' health (%s = true, path %s, every %lld s, " 	"unhealthy after %lld)"
#define CM_AV_TG_OK_JA "%1$s: ターゲットグループ %2$s はターゲットのヘルスチェックを行います (%3$s = true、パス %4$s、" 	"%5$lld 秒ごと、%6$lld 回失敗で異常)"
/* 1 component, 2 target group, 3 JSON path, 4 value */
#define CM_AV_TG_NO_EN "%s: target group %s has health checks off (%s = %s): a failed target keeps receiving traffic"
#define CM_AV_TG_NO_JA "%1$s: ターゲットグループ %2$s のヘルスチェックは無効です (%3$s = %4$s)。障害のあるターゲットにも通信が送られ続けます"
/* 1 component, 2 disruption, 3 RTO, 4 export file, 5 states, 6 AZs */
#define CM_AV_TH_OK_EN "%s (%s, RTO %s): every target in %s is healthy (%s), in %s"
#define CM_AV_TH_OK_JA "%1$s (%2$s、RTO %3$s): %4$s のターゲットはすべて正常です (%5$s)。AZ: %6$s"
#define CM_AV_TH_NO_EN "%s (%s, RTO %s): targets in %s are not all healthy in %lld AZs (states %s; AZs %s)"
#define CM_AV_TH_NO_JA "%1$s (%2$s、RTO %3$s): %4$s のターゲットは %5$lld 個の AZ で正常とは言えません (状態 %6$s、AZ %7$s)"
/* 1 component, 2 check id, 3 resource id, 4 status, 5 Region, 6 metadata, 7 JSON path */
#define CM_TA_FLAGGED_EN "%s: Trusted Advisor check %s flags %s (status %s, Region %s: %s; %s)"
#define CM_TA_FLAGGED_JA "%1$s: Trusted Advisor のチェック %2$s が %3$s を指摘しています (状態 %4$s、リージョン %5$s: %6$s。%7$s)"
#define CM_TA_OK_EN "%s: Trusted Advisor check %s finds %s ok (status %s, Region %s: %s; %s)"
#define CM_TA_OK_JA "%1$s: Trusted Advisor のチェック %2$s は %3$s を問題なしとしています (状態 %4$s、リージョン %5$s: %6$s。%7$s)"
#define CM_TA_SUPPRESSED_EN "%s: Trusted Advisor check %s flags %s, but the partner suppressed it (status %s, Region %s: %s; %s): judge whether that is deliberate"
#define CM_TA_SUPPRESSED_JA "%1$s: Trusted Advisor のチェック %2$s が %3$s を指摘していますが、抑制されています (状態 %4$s、リージョン %5$s: %6$s。%7$s)。意図的か判断してください"
/* 1 policy, 2 JSON path, 3 interval text, 4 retention text */
#define CM_RP_DLM_EN "Data Lifecycle Manager policy %s (%s: a snapshot every %s, starting within 1 h of its time; kept %s)"
#define CM_RP_DLM_JA "Data Lifecycle Manager ポリシー %1$s (%2$s: %3$sごとにスナップショット、予定時刻から 1 時間以内に開始。保持 %4$s)"
/* 1 policy, 2 state, 3 JSON path */
#define CM_RP_DLM_OFF_EN "Data Lifecycle Manager policy %s is %s (%s)"
#define CM_RP_DLM_OFF_JA "Data Lifecycle Manager ポリシー %1$s は %2$s です (%3$s)"
#define CM_RP_DLM_UNKNOWN_EN "Data Lifecycle Manager policy %s: the first schedule (%s) has neither a whole Interval " \
	"in HOURS nor a CronExpression ftrkit can read"
#define CM_RP_DLM_UNKNOWN_JA "Data Lifecycle Manager ポリシー %1$s: 最初のスケジュール (%2$s) に HOURS 単位の整数の Interval も、" \
	"読み取れる CronExpression もありません"
/* 1 volume, 2 snapshot, 3 age, 4 as-of date, 5 JSON path */
#define CM_RP_SNAP_RECENT_EN "newest completed snapshot of %s is %s, %s old at the end of %s (%s)"
#define CM_RP_SNAP_RECENT_JA "%1$s の最新の完了済みスナップショットは %2$s で、%4$s の終わりの時点で %3$s経過しています (%5$s)"
#define CM_RP_SNAP_OLD_EN "newest completed snapshot of %s is %s, %s old at the end of %s (%s): older than the RPO, so no schedule is delivering it"
#define CM_RP_SNAP_OLD_JA "%1$s の最新の完了済みスナップショットは %2$s で、%4$s の終わりの時点で %3$s経過しています (%5$s)。RPO より古く、スケジュールが機能していません"
/* 1 count, 2 plural */
#define CM_SUM_CANNOT_EN "; %zu component%s cannot be judged (the findings name the exports needed)"
#define CM_SUM_CANNOT_JA "。判定できないコンポーネント %1$zu 件 (必要なエクスポートは所見を参照)%2$.0s"

#define CONFIG_MESSAGE_IDS(X)                                                      \
	X(CFG_NONE_CMDS) X(RP_CANNOT) X(RP_CANNOT_REGION) X(RP_CANNOT_SOURCE)         \
	X(RP_PLAN_UNLINKED) X(RP_PLAN_COPIES) X(RP_RETENTION_ALL) X(RP_DDB_REPLICAS)  \
	X(RP_DDB_NO_REPLICAS) X(RP_GLOBAL_DB) X(RP_GLOBAL_DB_ONE) X(RP_S3_REPL_RTC)   \
	X(RP_S3_REPL_NO_RTC) X(RP_S3_REPL_REGION) X(RP_S3_REPL_SAME) X(RP_S3_REPL_NONE) \
	X(RP_CACHE_SNAP) X(RP_CACHE_OFF) X(RP_EFS_BACKUP) X(RP_EFS_OFF)                \
	X(EXPECT_WINDOW) X(EXPECT_COUNT) X(AV_CANNOT) X(AV_SUBNET_CANNOT)            \
	X(AV_NAT_CANNOT) X(AV_NAT_UNMAPPED) X(AV_ECS_OK) X(AV_ECS_FEW_AZ)              \
	X(AV_ECS_FEW_TASKS) X(AV_ECS_NO_SUBNETS) X(AV_ECS_BREAKER_OK)                 \
	X(AV_ECS_BREAKER_NO) X(AV_CACHE_OK) X(AV_CACHE_NO) X(AV_EFS_ONE_ZONE)         \
	X(AV_NAT_MISSING_SVC) X(AV_NAT_OK_SVC) X(AV_ELB_OK) X(AV_ELB_FEW) X(AV_TG_OK)   \
	X(AV_TG_NO) X(AV_TH_OK) X(AV_TH_NO) X(TA_FLAGGED) X(TA_OK) X(TA_SUPPRESSED)       \
	X(RP_DLM) X(RP_DLM_OFF) X(RP_DLM_UNKNOWN) X(RP_SNAP_RECENT) X(RP_SNAP_OLD)       \
	X(SUM_CANNOT)

#endif
