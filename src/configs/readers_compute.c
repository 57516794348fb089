/*
 * readers_compute.c - readers of the compute and network exports: Auto
 * Scaling, EC2 NAT gateways, subnets and snapshots, ECS services, ELB load
 * balancers and target groups, Data Lifecycle Manager policies (see
 * config_readers.h).  Field names are those of AWS CLI v2 output.
 */
#include <stddef.h>

#include "configs/config_readers.h"

static const struct fact_def asg_facts[] = {
	{ "AvailabilityZones", "$.AvailabilityZones", "$", 0 },
	{ "HealthCheckType", "$.HealthCheckType", NULL, 0 },
	{ "HealthCheckGracePeriod", "$.HealthCheckGracePeriod", NULL, 0 },
	{ "MinSize", "$.MinSize", NULL, 0 },
	{ "DesiredCapacity", "$.DesiredCapacity", NULL, 0 },
	{ "VPCZoneIdentifier", "$.VPCZoneIdentifier", NULL, 0 },
	{ "InstanceAvailabilityZones", "$.Instances", "$.AvailabilityZone", 0 },
	{ "TargetGroupARNs", "$.TargetGroupARNs", "$", 0 },
	{ NULL, NULL, NULL, 0 },
};

/* Real describe-nat-gateways output has no AZ: only SubnetId (mapped through subnets). */
static const struct fact_def nat_facts[] = {
	{ "SubnetId", "$.SubnetId", NULL, 0 },
	{ "VpcId", "$.VpcId", NULL, 0 },
	{ "State", "$.State", NULL, 0 },
	{ "ConnectivityType", "$.ConnectivityType", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

static const struct fact_def subnet_facts[] = {
	{ "AvailabilityZone", "$.AvailabilityZone", NULL, 0 },
	{ "VpcId", "$.VpcId", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* ecs describe-services: awsvpc subnets (Fargate), desired count, circuit breaker. */
static const struct fact_def ecs_service_facts[] = {
	{ "desiredCount", "$.desiredCount", NULL, 0 },
	{ "runningCount", "$.runningCount", NULL, 0 },
	{ "launchType", "$.launchType", NULL, 0 },
	{ "schedulingStrategy", "$.schedulingStrategy", NULL, 0 },
	{ "subnets", "$.networkConfiguration.awsvpcConfiguration.subnets", "$", 0 },
	{ "deploymentCircuitBreaker", "$.deploymentConfiguration.deploymentCircuitBreaker.enable", NULL, 0 },
	{ "deploymentCircuitBreakerRollback", "$.deploymentConfiguration.deploymentCircuitBreaker.rollback", NULL, 0 },
	{ "targetGroupArns", "$.loadBalancers", "$.targetGroupArn", 0 },
	{ "clusterArn", "$.clusterArn", NULL, 0 },
	{ "status", "$.status", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* elbv2 describe-load-balancers: the AZs a load balancer serves from. */
static const struct fact_def elb_facts[] = {
	{ "AvailabilityZones", "$.AvailabilityZones", "$.ZoneName", 0 },
	{ "Type", "$.Type", NULL, 0 },
	{ "Scheme", "$.Scheme", NULL, 0 },
	{ "State", "$.State.Code", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* elbv2 describe-target-groups: the health check, and the load balancers it serves. */
static const struct fact_def target_group_facts[] = {
	{ "HealthCheckEnabled", "$.HealthCheckEnabled", NULL, 0 },
	{ "HealthCheckPath", "$.HealthCheckPath", NULL, 0 },
	{ "HealthCheckIntervalSeconds", "$.HealthCheckIntervalSeconds", NULL, 0 },
	{ "UnhealthyThresholdCount", "$.UnhealthyThresholdCount", NULL, 0 },
	{ "LoadBalancerArns", "$.LoadBalancerArns", "$", 0 },
	{ "TargetType", "$.TargetType", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* elbv2 describe-target-health: names no target group (the file name does). */
static const struct fact_def target_health_facts[] = {
	{ "TargetStates", "$.TargetHealthDescriptions", "$.TargetHealth.State", 0 },
	{ "HealthyTargetAZs", "$.TargetHealthDescriptions", "$.Target.AvailabilityZone", 0 },
	{ NULL, NULL, NULL, 0 },
};

/* ec2 describe-snapshots: one resource per snapshot, matched through VolumeId. */
static const struct fact_def snapshot_facts[] = {
	{ "VolumeId", "$.VolumeId", NULL, 0 },
	{ "StartTime", "$.StartTime", NULL, 0 },
	{ "State", "$.State", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};

/* dlm get-lifecycle-policy: the first schedule's interval and retention. */
static const struct fact_def dlm_facts[] = {
	{ "State", "$.State", NULL, 0 },
	{ "ResourceTypes", "$.PolicyDetails.ResourceTypes", "$", 0 },
	{ "TargetTags", "$.PolicyDetails.TargetTags", "$.Value", 0 },
	{ "Interval", "$.PolicyDetails.Schedules[0].CreateRule.Interval", NULL, 0 },
	{ "IntervalUnit", "$.PolicyDetails.Schedules[0].CreateRule.IntervalUnit", NULL, 0 },
	{ "CronExpression", "$.PolicyDetails.Schedules[0].CreateRule.CronExpression", NULL, 0 },
	{ "RetainCount", "$.PolicyDetails.Schedules[0].RetainRule.Count", NULL, 0 },
	{ "RetainInterval", "$.PolicyDetails.Schedules[0].RetainRule.Interval", NULL, 0 },
	{ "RetainIntervalUnit", "$.PolicyDetails.Schedules[0].RetainRule.IntervalUnit", NULL, 0 },
	{ "Schedules", "$.PolicyDetails.Schedules", "$.Name", 0 },
	{ NULL, NULL, NULL, 0 },
};

const struct reader_def config_readers_compute[] = {
	{ "autoscaling-groups", "aws autoscaling describe-auto-scaling-groups",
	  "AutoScalingGroups", "$.AutoScalingGroups", 0, "autoscaling-group",
	  "$.AutoScalingGroupName", "$.AutoScalingGroupARN", NULL, asg_facts },
	{ "nat-gateways", "aws ec2 describe-nat-gateways", "NatGateways", "$.NatGateways", 0,
	  "nat-gateway", "$.NatGatewayId", NULL, NULL, nat_facts },
	{ "subnets", "aws ec2 describe-subnets", "Subnets", "$.Subnets", 0, "subnet",
	  "$.SubnetId", "$.SubnetArn", NULL, subnet_facts },
	{ "ecs-services", "aws ecs describe-services", "services", "$.services", 0, "ecs-service",
	  "$.serviceName", "$.serviceArn", NULL, ecs_service_facts },
	{ "elbv2-load-balancers", "aws elbv2 describe-load-balancers", "LoadBalancers",
	  "$.LoadBalancers", 0, "elb-load-balancer", "$.LoadBalancerName", "$.LoadBalancerArn", NULL,
	  elb_facts },
	{ "elbv2-target-groups", "aws elbv2 describe-target-groups", "TargetGroups", "$.TargetGroups", 0,
	  "elb-target-group", "$.TargetGroupName", "$.TargetGroupArn", NULL, target_group_facts },
	{ "elbv2-target-health", "aws elbv2 describe-target-health", "TargetHealthDescriptions", "$", 1,
	  "elb-target-health", NULL, NULL, "elasticloadbalancing", target_health_facts },
	{ "ec2-snapshots", "aws ec2 describe-snapshots", "Snapshots", "$.Snapshots", 0, "ebs-snapshot",
	  "$.SnapshotId", NULL, NULL, snapshot_facts },
	{ "dlm-lifecycle-policy", "aws dlm get-lifecycle-policy", "Policy", "$.Policy", 1, "dlm-policy",
	  "$.PolicyId", "$.PolicyArn", NULL, dlm_facts },
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL },
};
