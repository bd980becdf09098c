import { describe, expect, it } from 'vitest';
import { iacCollector } from '../../src/scan/collectors/iac/index.js';
import type { IacResource } from '../../src/scan/facts.js';
import { collect } from '../helpers/collect.js';

/** The resources as `type name line`, which is what a user checks against the file. */
function declared(resources: IacResource[]): string[] {
  return resources.map(({ type, name, line }) => `${type} ${name} ${line}`);
}

const MAIN_TF = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

resource "aws_s3_bucket" "models" {
  bucket = "acme-ml-models"
}

resource "aws_s3_bucket_versioning" "models" {
  bucket = aws_s3_bucket.models.id
  versioning_configuration { status = "Enabled" }
}

/*
resource "aws_sagemaker_endpoint" "old" {
  name = "retired"
}
*/

resource "aws_iam_role_policy" "read_models" {
  policy = <<-EOF
    resource "not_hcl" "inside_heredoc" {
      "Resource": "arn:aws:s3:::acme-ml-models/*"
    }
  EOF
}

# resource "aws_instance" "commented" {}
resource "aws_cloudwatch_metric_alarm" "latency" {
  alarm_name = "p99-latency"
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
`;

describe('iacCollector: Terraform', () => {
  it('lists resources and modules at their lines, not data blocks, comments or heredocs', () => {
    const { facts, warnings } = collect(iacCollector, {
      'infra/main.tf': MAIN_TF,
      'infra/variables.tf': 'variable "region" {\n  default = "eu-west-1"\n}\n',
      'infra/prod.tfvars': 'region = "us-east-1"\n',
      'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.31.0"\n}\n',
      'live/prod/terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders()\n}\n',
    });
    expect(warnings).toEqual([]);
    expect(declared(facts.resources)).toEqual([
      'aws_s3_bucket models 13',
      'aws_s3_bucket_versioning models 17',
      'aws_iam_role_policy read_models 28',
      'aws_cloudwatch_metric_alarm latency 37',
      'module vpc 41',
    ]);
    expect(facts.resources.every((resource) => resource.tool === 'terraform' && resource.path === 'infra/main.tf')).toBe(true);
    expect(facts.files).toEqual([
      { path: 'infra/.terraform.lock.hcl', tool: 'terraform' },
      { path: 'infra/main.tf', tool: 'terraform' },
      { path: 'infra/prod.tfvars', tool: 'terraform' },
      { path: 'infra/variables.tf', tool: 'terraform' },
      { path: 'live/prod/terragrunt.hcl', tool: 'terragrunt' },
    ]);
    expect(facts.tools).toEqual(['terraform', 'terragrunt']);
  });

  it('reads Terraform JSON', () => {
    const { facts } = collect(iacCollector, {
      'monitoring/alerts.tf.json': `{
  "resource": {
    "google_monitoring_alert_policy": {
      "drift": { "display_name": "Feature drift" }
    },
    "pagerduty_service": {
      "ml_oncall": { "name": "ML on-call" }
    }
  }
}
`,
    });
    expect(declared(facts.resources)).toEqual(['google_monitoring_alert_policy drift 4', 'pagerduty_service ml_oncall 7']);
  });
});

const SAM_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Fraud scoring API

Globals:
  Function:
    Timeout: 30

Resources:
  ScoreFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.11
      Role: !GetAtt ScoreRole.Arn
      Environment:
        Variables:
          MODEL_BUCKET: !Ref ModelBucket
          STAGE: !Sub "\${AWS::StackName}-prod"
  ModelBucket:
    Type: AWS::S3::Bucket
    Condition: !If [IsProd, true, false]

Outputs:
  Api:
    Value: !Sub "https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/"
`;

describe('iacCollector: CloudFormation and SAM', () => {
  it('reads a SAM template with intrinsic tags', () => {
    const { facts, warnings } = collect(iacCollector, { 'template.yaml': SAM_TEMPLATE });
    expect(warnings).toEqual([]);
    expect(facts.files).toEqual([{ path: 'template.yaml', tool: 'sam' }]);
    expect(facts.resources).toEqual([
      { tool: 'sam', type: 'AWS::Serverless::Function', name: 'ScoreFunction', path: 'template.yaml', line: 10, kind: 'container-service' },
      { tool: 'sam', type: 'AWS::S3::Bucket', name: 'ModelBucket', path: 'template.yaml', line: 20 },
    ]);
  });

  it.each([
    [
      'a JSON template',
      'cfn/endpoint.json',
      `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Endpoint": {
      "Type": "AWS::SageMaker::Endpoint",
      "Properties": { "EndpointConfigName": { "Fn::GetAtt": ["Config", "EndpointConfigName"] } }
    }
  }
}`,
      ['AWS::SageMaker::Endpoint Endpoint 4'],
    ],
    [
      'a template without the version key',
      'stacks/alarms.yml',
      'Resources:\n  LatencyAlarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      MetricName: ModelLatency\n',
      ['AWS::CloudWatch::Alarm LatencyAlarm 2'],
    ],
  ])('reads %s as cloudformation', (_case, path, text, resources) => {
    const { facts } = collect(iacCollector, { [path]: text });
    expect(facts.files).toEqual([{ path, tool: 'cloudformation' }]);
    expect(declared(facts.resources)).toEqual(resources);
  });
});

describe('iacCollector: Azure', () => {
  it('reads Bicep resources and modules, not existing ones', () => {
    const { facts } = collect(iacCollector, {
      'infra/main.bicep': `param location string = resourceGroup().location

/*
resource legacy 'Microsoft.Web/sites@2020-06-01' = {}
*/
var description = '''
resource fake 'Microsoft.Fake/things@2020-01-01' = {
'''

resource workspace 'Microsoft.MachineLearningServices/workspaces@2023-10-01' = {
  name: 'mlw-fraud'
  location: location
}

resource vault 'Microsoft.KeyVault/vaults@2023-02-01' existing = {
  name: 'kv-shared'
}

resource endpoints 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2023-10-01' = [for name in names: {
  parent: workspace
  name: name
}]

module monitoring './monitoring.bicep' = {
  name: 'monitoring'
}
`,
    });
    expect(declared(facts.resources)).toEqual([
      'Microsoft.MachineLearningServices/workspaces workspace 10',
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints endpoints 19',
      'module monitoring 24',
    ]);
    expect(facts.tools).toEqual(['bicep']);
  });

  it('reads an ARM template, nested resources included, at the line of each type', () => {
    const { facts } = collect(iacCollector, {
      'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[parameters('storageName')]",
      "resources": [
        {
          "type": "blobServices",
          "name": "default"
        }
      ]
    },
    {
      "type": "Microsoft.Insights/metricAlerts",
      "name": "latency-alert"
    }
  ]
}`,
      'azuredeploy.parameters.json': '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#" }',
    });
    expect(facts.files).toEqual([{ path: 'azuredeploy.json', tool: 'arm' }]);
    expect(declared(facts.resources)).toEqual([
      "Microsoft.Storage/storageAccounts [parameters('storageName')] 6",
      'Microsoft.Storage/storageAccounts/blobServices default 11',
      'Microsoft.Insights/metricAlerts latency-alert 17',
    ]);
  });
});

describe('iacCollector: Serverless, Pulumi, CDK', () => {
  it('reads the CloudFormation block of serverless.yml, Pulumi YAML resources and cdk.json', () => {
    const { facts, warnings } = collect(iacCollector, {
      'serverless.yml': `service: batch-scoring
provider:
  name: aws
  runtime: python3.11
functions:
  score:
    handler: handler.score
resources:
  Resources:
    ResultsTable:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: !Sub "\${self:service}-results"
`,
      'pulumi/Pulumi.yaml': `name: feature-store
runtime: yaml
resources:
  offlineStore:
    type: gcp:storage:Bucket
    properties:
      location: EU
  alerts:
    type: gcp:monitoring:AlertPolicy
`,
      'pulumi/Pulumi.prod.yaml': 'config:\n  gcp:project: acme-prod\n',
      'cdk/cdk.json': '{ "app": "python3 app.py" }',
    });
    expect(warnings).toEqual([]);
    expect(facts.tools).toEqual(['cdk', 'pulumi', 'serverless']);
    expect(facts.files.map(({ path, tool }) => `${tool} ${path}`)).toEqual([
      'cdk cdk/cdk.json',
      'pulumi pulumi/Pulumi.prod.yaml',
      'pulumi pulumi/Pulumi.yaml',
      'serverless serverless.yml',
    ]);
    expect(facts.resources.map(({ tool, type, name, line }) => `${tool} ${type} ${name} ${line}`)).toEqual([
      'pulumi gcp:storage:Bucket offlineStore 4',
      'pulumi gcp:monitoring:AlertPolicy alerts 8',
      'serverless AWS::DynamoDB::Table ResultsTable 10',
    ]);
  });
});

describe('iacCollector: files that are not infrastructure as code', () => {
  it.each([
    ['k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n'],
    [
      '.github/workflows/deploy.yml',
      'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy --capabilities CAPABILITY_IAM # uses AWS::IAM roles\n',
    ],
    ['data/labels.json', '[{"label": "AWS::S3::Bucket", "count": 3}]'],
    ['conf/config.yaml', 'model:\n  name: xgboost\n  params: [unclosed\n'],
  ])('%s yields nothing and no warning', (path, text) => {
    const { facts, warnings } = collect(iacCollector, { [path]: text });
    expect(facts).toEqual({ tools: [], files: [], resources: [], grants: [] });
    expect(warnings).toEqual([]);
  });
});

describe('iacCollector: malformed input', () => {
  it.each([
    ['template.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: [AWS::Serverless::Function\n", 'sam'],
    ['cfn/stack.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n', 'cloudformation'],
    ['serverless.yml', 'service: api\nresources:\n  Resources: {\n', 'serverless'],
  ])('warns about %s and keeps it as a %s file', (path, text, tool) => {
    const { facts, warnings } = collect(iacCollector, { [path]: text });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path, message: expect.stringMatching(/does not parse/) });
    expect(warnings[0]!.line).toBeGreaterThan(0);
    expect(facts.files).toEqual([{ path, tool }]);
    expect(facts.resources).toEqual([]);
  });

  it('never throws on odd Terraform and Bicep', () => {
    const files = {
      'broken.tf': 'resource "aws_s3_bucket" {\n  /* unterminated\n',
      'odd.tf': 'locals {\n  script = <<EOF\nresource "x" "y" {\n',
      'odd.bicep': "var x = '''\nresource r 'A/b@1' = {\n",
    };
    expect(() => collect(iacCollector, files)).not.toThrow();
    expect(collect(iacCollector, files).facts.resources).toEqual([]);
  });
});

describe('iacCollector: what resources are, whichever tool declares them', () => {
  it('gives resources of every family the same kind, and modules the kind their source names', () => {
    const { facts } = collect(iacCollector, {
      'infra/serving.tf': `resource "aws_sagemaker_endpoint" "churn" {
  name = "churn"
}

module "api" {
  source = "terraform-aws-modules/ecs/aws//modules/service"
}

module "api_alarms" {
  source = "git::https://github.com/acme/tf-modules.git//modules/observability/ecs-alarms?ref=v2.0.0"
}

module "network" {
  source = "./modules/network"
}

resource "google_billing_budget" "monthly" {
  amount {}
}
`,
      'cfn/monitor.yaml': 'Resources:\n  Drift:\n    Type: AWS::SageMaker::MonitoringSchedule\n  Quality:\n    Type: AWS::SageMaker::ModelQualityJobDefinition\n',
      'bicep/ml.bicep': "resource deployment 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments@2023-10-01' = {\n  name: 'blue'\n}\n",
    });
    expect(facts.resources.map(({ type, name, kind, source }) => `${type} ${name} ${kind ?? '-'}${source ? ` ${source}` : ''}`)).toEqual([
      'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments deployment model-endpoint',
      'AWS::SageMaker::MonitoringSchedule Drift model-monitor',
      'AWS::SageMaker::ModelQualityJobDefinition Quality model-quality-monitor',
      'aws_sagemaker_endpoint churn model-endpoint',
      'module api container-service terraform-aws-modules/ecs/aws//modules/service',
      'module api_alarms alert git::https://github.com/acme/tf-modules.git//modules/observability/ecs-alarms?ref=v2.0.0',
      'module network - ./modules/network',
      'google_billing_budget monthly budget',
    ]);
  });
});

describe('iacCollector: over-broad grants', () => {
  it('finds admin roles on a whole project, admin and FullAccess policies and wildcard actions in Terraform, heredocs included', () => {
    const { facts } = collect(iacCollector, {
      'iam.tf': `resource "google_project_iam_member" "pipeline" {
  project = var.project
  role    = "roles/bigquery.admin"
  member  = "serviceAccount:\${google_service_account.pipeline.email}"
}

resource "google_storage_bucket_iam_member" "state" {
  bucket = google_storage_bucket.state.name
  role   = "roles/storage.admin"
}

resource "google_project_iam_member" "reader" {
  role = "roles/storage.objectViewer"
}

# role = "roles/owner"
resource "aws_iam_role_policy_attachment" "sagemaker" {
  policy_arn = "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"
}

resource "aws_iam_policy" "everything" {
  policy = <<POLICY
{
  "Statement": [{ "Sid": "EKSFullAccess", "Effect": "Allow", "Action": "*", "Resource": "*" }]
}
POLICY
}

resource "azurerm_role_assignment" "ci" {
  scope                = data.azurerm_subscription.primary.id
  role_definition_name = "Contributor"
}
`,
    });
    expect(facts.grants.map(({ grant, detail, line }) => `${line} ${grant} ${detail}`)).toEqual([
      '3 admin-role roles/bigquery.admin',
      '18 admin-policy arn:aws:iam::aws:policy/AmazonSageMakerFullAccess',
      '24 wildcard-action "Statement": [{ "Sid": "EKSFullAccess", "Effect": "Allow", "Action": "*", "Resource": "*" }]',
      '31 admin-role Contributor',
    ]);
  });

  it('follows roles granted for each item of a list to the variable default, tfvars value or local that holds them', () => {
    const { facts } = collect(iacCollector, {
      'provision/service-accounts.tf': `resource "google_project_iam_member" "training" {
  for_each = toset(var.training_roles)
  member   = "serviceAccount:\${google_service_account.training.email}"
  role     = "roles/\${each.value}"
}

resource "google_project_iam_member" "deployer" {
  for_each = local.deployer_roles
  role     = each.key
}

resource "google_storage_bucket_iam_member" "artifacts" {
  for_each = toset(var.bucket_roles)
  role     = each.value
}

resource "google_project_iam_member" "serving" {
  for_each = toset(var.serving_roles)
  role     = "roles/\${each.value}"
}
`,
      'provision/variables.tf': `variable "training_roles" {
  default = [
    "storage.admin",
    "aiplatform.user",
  ]
}

variable "bucket_roles" {
  default = ["roles/storage.admin"]
}

variable "serving_roles" {
  # "storage.admin" was dropped: the service only reads
  default = ["storage.objectViewer", "aiplatform.user"]
}

locals {
  deployer_roles = toset(["roles/run.developer", "roles/editor"])
}
`,
      'provision/prod.tfvars': 'training_roles = ["bigquery.admin"]\n',
      // Another module's list of the same name is not this module's.
      'other/variables.tf': 'variable "serving_roles" {\n  default = ["owner"]\n}\n',
    });
    expect(facts.grants.map(({ path, grant, detail, line }) => `${path}:${line} ${grant} ${detail}`)).toEqual([
      'provision/service-accounts.tf:4 admin-role roles/bigquery.admin, an item of var.training_roles (provision/prod.tfvars:1)',
      'provision/service-accounts.tf:4 admin-role roles/storage.admin, an item of var.training_roles (provision/variables.tf:3)',
      'provision/service-accounts.tf:9 admin-role roles/editor, an item of local.deployer_roles (provision/variables.tf:18)',
      'provision/variables.tf:18 admin-role roles/editor',
    ]);
  });

  it('finds them in CloudFormation and ARM templates', () => {
    const { facts } = collect(iacCollector, {
      'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  PipelineRole:
    Type: AWS::IAM::Role
    Properties:
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
      Policies:
        - PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ['*']
                Resource: '*'
              - Effect: Allow
                Action: s3:GetObject
                Resource: '*'
`,
      'azuredeploy.json': `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Authorization/roleAssignments",
      "properties": { "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')]" }
    }
  ]
}`,
    });
    expect(facts.grants.map(({ path, grant, line }) => `${path}:${line} ${grant}`)).toEqual([
      'azuredeploy.json:6 admin-role',
      'template.yaml:7 admin-policy',
      'template.yaml:12 wildcard-action',
    ]);
  });
});
