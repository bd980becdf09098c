import { describe, expect, it } from 'vitest';
import { iacCollector } from '../../src/scan/collectors/iac/index.js';
import type { IacFacts } from '../../src/scan/facts.js';
import { collect } from '../helpers/collect.js';
import { expectRoughlyLinear } from '../helpers/growth.js';

/** Resources as `tool type name line kind`, which is what a user checks against the file. */
function declared(facts: IacFacts): string[] {
  return facts.resources.map(({ tool, type, name, line, kind }) => `${tool} ${type} ${name} ${line}${kind ? ` ${kind}` : ''}`);
}

const CDK_PYTHON_STACK = `import aws_cdk as cdk
from aws_cdk import (
    aws_cloudwatch as cloudwatch,
    aws_sagemaker as sagemaker,
)
from constructs import Construct


class EndpointStack(cdk.Stack):
    """Deploys the model. sagemaker.CfnEndpoint(self, "InDocstring") is prose."""

    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        model = sagemaker.CfnModel(
            self,
            "Model",
            execution_role_arn=role_arn,
            primary_container=sagemaker.CfnModel.ContainerDefinitionProperty(model_package_name=package),
        )
        # sagemaker.CfnEndpoint(self, "Commented")
        label = "sagemaker.CfnEndpoint(self, 'InAString')"
        endpoint = sagemaker.CfnEndpoint(self, "Endpoint", endpoint_config_name=config.attr_endpoint_config_name)
        sagemaker.CfnMonitoringSchedule(
            self, "MonitoringSchedule", monitoring_schedule_name=f"{name}-drift"
        )
        cloudwatch.CfnAlarm(self, "DriftAlarm", metric_name="feature_baseline_drift_total")
        endpoint.metric("Invocations").create_alarm(self, "NoTraffic", threshold=1, evaluation_periods=3)
`;

const CDK_TYPESCRIPT_STACK = `import * as cdk from 'aws-cdk-lib';
import { aws_iam as iam, aws_ecs as ecs } from 'aws-cdk-lib';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { CfnModelPackageGroup } from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';

/* new sagemaker.CfnEndpoint(this, 'Commented', {}) */
export class ServingStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const pattern = /new sagemaker.CfnEndpoint\\(this, 'InARegex'\\)/;
    const role = new iam.Role(this, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSageMakerFullAccess'));
    new CfnModelPackageGroup(this, 'Registry', { modelPackageGroupName: \`\${id}-models\` });
    const endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', { endpointConfigName: 'churn' });
    new ecs.FargateService(this, 'Api', { cluster, taskDefinition });
    new iam.PolicyStatement({ actions: ['*'], resources: ['*'] });
  }
}
`;

describe('iacCollector: AWS CDK programs', () => {
  it('reads constructs from Python, as their CloudFormation types, never from comments, docstrings or strings', () => {
    const { facts } = collect(iacCollector, { 'infra/endpoint_stack.py': CDK_PYTHON_STACK });
    expect(declared(facts)).toEqual([
      'cdk AWS::SageMaker::Model Model 14',
      'cdk AWS::SageMaker::Endpoint Endpoint 22 model-endpoint',
      'cdk AWS::SageMaker::MonitoringSchedule MonitoringSchedule 23 model-monitor',
      'cdk AWS::CloudWatch::Alarm DriftAlarm 26 alert',
      'cdk AWS::CloudWatch::Alarm NoTraffic 27 alert',
    ]);
    expect(facts.files).toEqual([{ path: 'infra/endpoint_stack.py', tool: 'cdk' }]);
    expect(facts.tools).toEqual(['cdk']);
  });

  it('reads L1 and L2 constructs from TypeScript, with the grants they make', () => {
    const { facts } = collect(iacCollector, { 'lib/serving-stack.ts': CDK_TYPESCRIPT_STACK });
    expect(declared(facts)).toEqual([
      'cdk AWS::IAM::Role ExecutionRole 12',
      'cdk AWS::SageMaker::ModelPackageGroup Registry 14 model-registry',
      'cdk AWS::SageMaker::Endpoint Endpoint 15 model-endpoint',
      'cdk AWS::ECS::Service Api 16 container-service',
    ]);
    expect(facts.grants.map(({ grant, detail, line }) => `${grant} ${detail} ${line}`)).toEqual([
      'admin-policy AmazonSageMakerFullAccess 13',
      'wildcard-action actions: "*" 17',
    ]);
  });

  it('reads CommonJS requires and CDK v1 packages', () => {
    const { facts } = collect(iacCollector, {
      'bin/app.js': "const sagemaker = require('@aws-cdk/aws-sagemaker');\nconst { Stack } = require('@aws-cdk/core');\n\nnew sagemaker.CfnEndpoint(stack, 'Endpoint', { endpointConfigName: 'x' });\n",
    });
    expect(declared(facts)).toEqual(['cdk AWS::SageMaker::Endpoint Endpoint 4 model-endpoint']);
  });

  it('ignores code that does not import the library, and calls that are not constructs', () => {
    const { facts } = collect(iacCollector, {
      // Mentions CDK but imports nothing of it: a script that shells out to `cdk deploy`.
      'scripts/deploy.py': 'import subprocess\n\nsagemaker.CfnEndpoint(self, "Endpoint")\nsubprocess.run(["cdk", "deploy"])  # aws_cdk app\n',
      // A class of the project's own named like a construct, and lookups of existing resources.
      'infra/lookups.py':
        'from aws_cdk import aws_s3 as s3\nfrom .constructs import CfnEndpoint\n\nCfnEndpoint(self, "Own")\nbucket = s3.Bucket.from_bucket_name(self, "Data", "acme-data")\nprops = s3.BucketProps(versioned=True)\n',
      'types/cdk.d.ts': "import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';\nexport declare const e: sagemaker.CfnEndpoint;\n",
    });
    expect(declared(facts)).toEqual([]);
    expect(facts.files).toEqual([{ path: 'infra/lookups.py', tool: 'cdk' }]);
  });
});

describe('iacCollector: CDK for Terraform programs', () => {
  it('reads provider classes as Terraform resource types, in TypeScript and Python', () => {
    const { facts } = collect(iacCollector, {
      'main.ts': `import { Construct } from 'constructs';
import { App, TerraformStack } from 'cdktf';
import { SagemakerEndpoint } from '@cdktf/provider-aws/lib/sagemaker-endpoint';
import * as google from '@cdktf/provider-google';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

class Serving extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DataAwsIamPolicyDocument(this, 'assume', {});
    new SagemakerEndpoint(this, 'endpoint', { endpointConfigName: 'churn' });
    new google.cloudRunV2Service.CloudRunV2Service(this, 'api', { name: 'api', location: 'europe-west1' });
    new google.projectIamMember.ProjectIamMember(this, 'deployer', { project: 'acme', role: 'roles/storage.admin', member: 'serviceAccount:ci' });
    new google.storageBucketIamMember.StorageBucketIamMember(this, 'bucket', { bucket: 'b', role: 'roles/storage.admin', member: 'user:x' });
  }
}
new Serving(new App(), 'serving');
`,
      'py/main.py': `from cdktf import App, TerraformStack
from imports.aws.cloudwatch_metric_alarm import CloudwatchMetricAlarm
from cdktf_cdktf_provider_aws.sagemaker_model_package_group import SagemakerModelPackageGroup

class Registry(TerraformStack):
    def __init__(self, scope, id):
        super().__init__(scope, id)
        SagemakerModelPackageGroup(self, "registry", model_package_group_name="churn")
        CloudwatchMetricAlarm(self, "latency", alarm_name="p99")
`,
      'cdktf.json': '{ "language": "typescript", "app": "npx ts-node main.ts" }',
    });
    expect(declared(facts)).toEqual([
      'cdktf aws_sagemaker_endpoint endpoint 11 model-endpoint',
      'cdktf google_cloud_run_v2_service api 12 container-service',
      'cdktf google_project_iam_member deployer 13',
      'cdktf google_storage_bucket_iam_member bucket 14',
      'cdktf aws_sagemaker_model_package_group registry 8 model-registry',
      'cdktf aws_cloudwatch_metric_alarm latency 9 alert',
    ]);
    // The admin role on the whole project is over-broad; the same role on one bucket is scoped.
    expect(facts.grants.map(({ grant, detail, line }) => `${grant} ${detail} ${line}`)).toEqual(['admin-role roles/storage.admin 13']);
    expect(facts.tools).toEqual(['cdktf']);
  });
});

describe('iacCollector: Pulumi programs', () => {
  it('reads resources from Python and TypeScript as Pulumi types, a component package\'s top-level classes in its index module', () => {
    const { facts } = collect(iacCollector, {
      '__main__.py': `import json
import pulumi
import pulumi_aws as aws
from pulumi_gcp import vertex
import pulumi_azure_native as azure_native

endpoint = aws.sagemaker.Endpoint("churn", endpoint_config_name=config.name)
args = aws.sagemaker.EndpointProductionVariantArgs(variant_name="primary")
document = aws.iam.get_policy_document(statements=[])
vertex.AiEndpoint(resource_name="vertex-endpoint", location="europe-west1")
azure_native.machinelearningservices.OnlineDeployment(f"{name}-blue", endpoint_name="churn")
aws.iam.RolePolicyAttachment("admin", role=role.name, policy_arn=aws.iam.ManagedPolicy.ADMINISTRATOR_ACCESS)
aws.iam.Policy("all", policy=json.dumps({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
`,
      'index.ts': `import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as eks from "@pulumi/eks";
import * as kx from "@pulumi/kubernetesx";

const alarm = new aws.cloudwatch.MetricAlarm("latency", { comparisonOperator: "GreaterThanThreshold" });
new k8s.apps.v1.Deployment("api", { spec: {} });
const attachment = new aws.iam.RolePolicyAttachment("s3", { role, policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" });
const config = new pulumi.Config();
const cluster = new eks.Cluster("ml-eks", { createOidcProvider: true });
new kx.Deployment("model-serving", { spec: pod.asDeploymentSpec({ replicas: 3 }) });
`,
    });
    expect(declared(facts)).toEqual([
      'pulumi aws:sagemaker:Endpoint churn 7 model-endpoint',
      'pulumi gcp:vertex:AiEndpoint vertex-endpoint 10 model-endpoint',
      'pulumi azure-native:machinelearningservices:OnlineDeployment {name}-blue 11 model-endpoint',
      'pulumi aws:iam:RolePolicyAttachment admin 12',
      'pulumi aws:iam:Policy all 13',
      'pulumi aws:cloudwatch:MetricAlarm latency 7 alert',
      'pulumi kubernetes:apps/v1:Deployment api 8 kubernetes-workload',
      'pulumi aws:iam:RolePolicyAttachment s3 9',
      'pulumi eks:index:Cluster ml-eks 11 kubernetes-cluster',
      'pulumi kubernetesx:index:Deployment model-serving 12 kubernetes-workload',
    ]);
    expect(facts.grants.map(({ path, grant, detail }) => `${path} ${grant} ${detail}`)).toEqual([
      '__main__.py admin-policy ManagedPolicy.ADMINISTRATOR_ACCESS',
      '__main__.py wildcard-action Action: "*"',
      'index.ts admin-policy arn:aws:iam::aws:policy/AmazonS3FullAccess',
    ]);
  });
});

describe('iacCollector: hostile programs', () => {
  const program = (header: string, unit: string) => (size: number) => () => {
    collect(iacCollector, { 'infra/stack.ts': header + unit.repeat(size) });
  };

  it('reads template substitutions nested to any depth without overflowing the stack', () => {
    const { facts } = collect(iacCollector, { 'infra/stack.ts': "import * as aws from '@pulumi/aws';\nconst s = `" + '${`'.repeat(50_000) + "\nnew aws.s3.Bucket('data');\n" });
    expect(facts.files).toEqual([{ path: 'infra/stack.ts', tool: 'pulumi' }]);
  });

  it('reads unclosed nested action lists in time linear in their length', () => {
    expectRoughlyLinear(program("import * as iam from 'aws-cdk-lib/aws-iam';\n", '{ actions: ['), 2_000);
  });

  it('reads long lines of slashes that never close a regular expression in linear time', () => {
    expectRoughlyLinear(program("import * as aws from '@pulumi/aws';\nconst x = ", '= /[ '), 2_000);
  });
});
