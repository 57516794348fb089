/*
 * readers_compute.c - readers of the compute and network exports: Auto
 * Scaling, EC2 NAT gateways and subnets, ECS services (see
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
	{ NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL },
};
