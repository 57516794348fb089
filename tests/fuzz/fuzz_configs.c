/*
 * fuzz_configs.c - configs_read_memory() (one AWS CLI JSON export) on any
 * bytes: recognised with resources and facts, or a problem; never a crash.
 * The resources are then matched against an assessment that declares one
 * resource of every kind the readers know (ARNs and plain names), and the
 * "needs `aws ...`" text is built for every component and purpose.
 */
#include "fuzz.h"
#include "configs/configs.h"
#include "configs/collect.h"

static const char assessment_xml[] =
	"<assessment questionnaire=\"ftr-dr\"><product name=\"p\"/><components>"
	"<component id=\"db\" criticality=\"critical\">"
	"<resource>arn:aws:rds:ap-northeast-1:1:cluster:ledger-prod</resource>"
	"<resource>arn:aws:rds:ap-northeast-1:1:db:ledger-1</resource></component>"
	"<component id=\"api\" criticality=\"critical\">"
	"<resource>arn:aws:ecs:ap-northeast-1:1:service/ledger-prod/ledger-api</resource>"
	"<resource>arn:aws:autoscaling:ap-northeast-1:1:autoScalingGroup:u:autoScalingGroupName/web</resource>"
	"</component>"
	"<component id=\"data\" criticality=\"critical\">"
	"<resource>arn:aws:elasticache:ap-northeast-1:1:replicationgroup:ledger-cache</resource>"
	"<resource>arn:aws:elasticfilesystem:ap-northeast-1:1:file-system/fs-1</resource>"
	"<resource>arn:aws:dynamodb:ap-northeast-1:1:table/export</resource>"
	"<resource>arn:aws:s3:::export</resource><resource>plan</resource></component>"
	"</components></assessment>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct assessment a;
	static int loaded;
	struct config_set set;
	struct config_file *f;
	size_t i, j;

	fuzz_setup();
	if (!loaded) {
		if (assessment_load_memory(assessment_xml, sizeof(assessment_xml) - 1,
					   "assessment.xml", &a) != 0)
			abort();
		loaded = 1;
	}
	memset(&set, 0, sizeof(set));
	f = configs_read_memory(&set, "configs/export.json", 1, (const char *)data, size,
				CONFIG_MAX_BYTES);
	if (!f || !f->kind)
		abort();
	configs_match(&set, &a);
	for (i = 0; i < set.nr_resources; i++) {
		const struct config_resource *r = &set.resources[i];
		for (j = 0; j < r->nr_facts; j++) {
			int64_t v;
			config_fact_int(&r->facts[j], INT64_MAX, &v);
			config_fact_bool(&r->facts[j]);
			config_fact_list_count(&r->facts[j]);
		}
		if (r->arn) {
			char region[64];
			arn_name(r->arn);
			arn_region(r->arn, region, sizeof(region));
		}
	}
	for (i = 0; i < a.nr_components; i++) {
		struct strbuf sb = STRBUF_INIT;
		configs_needed(&a.components[i], CONFIG_FOR_RPO, &sb);
		configs_needed(&a.components[i], CONFIG_FOR_AZ, &sb);
		configs_needed(&a.components[i], CONFIG_FOR_REGION, &sb);
		if (!sb.len)
			abort();
		strbuf_release(&sb);
	}
	configs_free(&set);
	return 0;
}
