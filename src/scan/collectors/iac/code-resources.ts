import { importBindings } from './code-imports.js';
import { lineAtOffset, lineStarts } from '../ci/source-text.js';
import { tokenize, type CodeLanguage, type Token } from './code-tokens.js';
import type { GrantKind, IacGrant, IacResource, IacTool } from './facts.js';
import { ACTION_KEYS, grantOfValue, type GrantContext } from './grants.js';
import { kindOf } from './kinds.js';

/*
 * Infrastructure declared as code: AWS CDK, CDK for Terraform and Pulumi programs in Python,
 * TypeScript or JavaScript. A resource is a constructor call the program makes on a class the file
 * imports from the library, with the library's argument shape (CDK and CDK for Terraform take a
 * scope first, Pulumi a resource name), so a comment, a string, a class the project defines or a
 * property struct (`CfnModel.ContainerDefinitionProperty`) is not one. Each resource gets the type
 * of the declarative family it compiles to: CloudFormation for CDK, Terraform for CDK for
 * Terraform, Pulumi's token for Pulumi.
 */

/** Text any file of these libraries holds, checked before it is tokenised. */
export const IAC_CODE_MARKERS = /aws_cdk|aws-cdk|cdktf|pulumi/;

/** CloudFormation's spelling of the service namespaces a CDK module name does not capitalise alone. */
const CLOUDFORMATION_SERVICES: Record<string, string> = {
  apigateway: 'ApiGateway', apigatewayv2: 'ApiGatewayV2', applicationautoscaling: 'ApplicationAutoScaling', apprunner: 'AppRunner',
  autoscaling: 'AutoScaling', certificatemanager: 'CertificateManager', cloudformation: 'CloudFormation', cloudfront: 'CloudFront',
  cloudtrail: 'CloudTrail', cloudwatch: 'CloudWatch', codebuild: 'CodeBuild', codecommit: 'CodeCommit', codedeploy: 'CodeDeploy',
  codepipeline: 'CodePipeline', dynamodb: 'DynamoDB', ec2: 'EC2', ecr: 'ECR', ecs: 'ECS', efs: 'EFS', eks: 'EKS', elasticache: 'ElastiCache',
  elasticloadbalancingv2: 'ElasticLoadBalancingV2', emr: 'EMR', iam: 'IAM', kms: 'KMS', kinesisfirehose: 'KinesisFirehose',
  lakeformation: 'LakeFormation', opensearchservice: 'OpenSearchService', rds: 'RDS', route53: 'Route53', s3: 'S3', sagemaker: 'SageMaker',
  secretsmanager: 'SecretsManager', servicecatalog: 'ServiceCatalog', sns: 'SNS', sqs: 'SQS', ssm: 'SSM', stepfunctions: 'StepFunctions', wafv2: 'WAFv2',
};

/** L2 constructs whose CloudFormation type is not their own class name. */
const L2_TYPES: Record<string, string> = {
  'ec2.Vpc': 'AWS::EC2::VPC',
  'ecs.FargateService': 'AWS::ECS::Service', 'ecs.Ec2Service': 'AWS::ECS::Service', 'ecs.ExternalService': 'AWS::ECS::Service',
  'ecs.FargateTaskDefinition': 'AWS::ECS::TaskDefinition', 'ecs.Ec2TaskDefinition': 'AWS::ECS::TaskDefinition',
  'lambda.DockerImageFunction': 'AWS::Lambda::Function', 'lambda.SingletonFunction': 'AWS::Lambda::Function',
  'lambda_python.PythonFunction': 'AWS::Lambda::Function', 'lambda_nodejs.NodejsFunction': 'AWS::Lambda::Function',
  'apigateway.LambdaRestApi': 'AWS::ApiGateway::RestApi', 'apigatewayv2.HttpApi': 'AWS::ApiGatewayV2::Api',
  'codebuild.PipelineProject': 'AWS::CodeBuild::Project',
};

/** CDK methods that create a construct: `metric.createAlarm(this, 'Id', {...})`. */
const CDK_CONSTRUCT_METHODS: Record<string, string> = { create_alarm: 'AWS::CloudWatch::Alarm', createAlarm: 'AWS::CloudWatch::Alarm' };
const CDK_POLICY_NAME_LOOKUPS = new Set(['from_aws_managed_policy_name', 'fromAwsManagedPolicyName']);
/** Pulumi's enums of AWS managed policies (`aws.iam.ManagedPolicy.ADMINISTRATOR_ACCESS`). */
const PULUMI_POLICY_ENUMS = new Set(['ManagedPolicy', 'ManagedPolicies']);
const PULUMI_ADMIN_POLICY = /^(?:ADMINISTRATOR_ACCESS|POWER_USER_ACCESS|\w*FULL_ACCESS(?:_V\d+)?|AdministratorAccess|PowerUserAccess|\w*FullAccess(?:V\d+)?)$/;
/** Pulumi classes that are arguments, inputs or outputs, not resources. */
const PULUMI_NON_RESOURCE = /(?:Args|ArgsDict|Input|Output|Result)$/;

function toolOf(module: string): IacTool | null {
  if (module === 'aws_cdk') return 'cdk';
  if (module === 'cdktf' || module.startsWith('cdktf_cdktf_provider_')) return 'cdktf';
  if (module === 'pulumi' || module.startsWith('pulumi_')) return 'pulumi';
  return null;
}

const isClass = (name: string | undefined) => name !== undefined && /^[A-Z]/.test(name);
const isModule = (name: string) => /^[a-z]/.test(name);

function cdkType(path: readonly string[]): string | null {
  const service = /^aws_(\w+?)(?:_alpha)?$/.exec(path[0] ?? '')?.[1];
  if (!service || path.length !== 2 || !isClass(path[1])) return null;
  const cls = path[1]!;
  const namespace = CLOUDFORMATION_SERVICES[service] ?? service.charAt(0).toUpperCase() + service.slice(1);
  if (cls.startsWith('Cfn') && cls.length > 3) return `AWS::${namespace}::${cls.slice(3)}`;
  if (service === 'ecs_patterns') return /Service$/.test(cls) ? 'AWS::ECS::Service' : /Task$/.test(cls) ? 'AWS::ECS::TaskDefinition' : null;
  return L2_TYPES[`${service}.${cls}`] ?? `AWS::${namespace}::${cls}`;
}

/** `SagemakerEndpoint` of the AWS provider is `aws_sagemaker_endpoint`; data sources and the provider itself are not resources. */
function cdktfType(provider: string, path: readonly string[]): string | null {
  const cls = path[path.length - 1];
  if (!isClass(cls) || !path.slice(0, -1).every(isModule) || /^Data[A-Z]/.test(cls!) || /Provider$|Backend$/.test(cls!)) return null;
  const snakeCase = cls!.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();
  return `${provider.replace(/_beta$/, '')}_${snakeCase}`;
}

/**
 * A class of a package's top level is in its `index` module, as Pulumi's own tokens say: component
 * packages declare their main resources there (`new eks.Cluster(…)` is `eks:index:Cluster`,
 * `new kx.Deployment(…)` of kubernetesx, `random.RandomPassword`).
 */
function pulumiType(provider: string, path: readonly string[]): string | null {
  const cls = path[path.length - 1];
  const modules = path.slice(0, -1);
  if (!isClass(cls) || !modules.every(isModule) || PULUMI_NON_RESOURCE.test(cls!)) return null;
  return `${provider.replace(/_/g, '-')}:${modules.length === 0 ? 'index' : modules.join('/')}:${cls}`;
}

/** The resource a constructor on this module path declares, with its tool. */
function resourceType(path: readonly string[]): { tool: IacTool; type: string } | null {
  const [module, ...rest] = path;
  const type = (tool: IacTool, value: string | null) => (value === null ? null : { tool, type: value });
  if (module === 'aws_cdk') return type('cdk', cdkType(rest));
  const cdktf = /^cdktf_cdktf_provider_(\w+)$/.exec(module ?? '');
  if (cdktf) return type('cdktf', cdktfType(cdktf[1]!, rest));
  const pulumi = /^pulumi_(\w+)$/.exec(module ?? '');
  if (pulumi) return type('pulumi', pulumiType(pulumi[1]!, rest));
  return null;
}

/** `self`, `this`, `scope`, `self.stack`: a name chain starting at `at`; returns the index after it, or -1. */
function nameChainEnd(tokens: readonly Token[], at: number): number {
  let i = at;
  if (tokens[i]?.type !== 'name') return -1;
  while (tokens[i + 1]?.value === '.' && tokens[i + 2]?.type === 'name') i += 2;
  return i + 1;
}

/** The construct id or resource name the call gives, when its argument shape is the library's; null when it is not a construct. */
function constructName(tool: IacTool, tokens: readonly Token[], open: number): string | null {
  if (tool === 'pulumi') {
    const first = tokens[open + 1];
    if (first?.type === 'string' && [',', ')'].includes(tokens[open + 2]?.value ?? '')) return first.value;
    if (first?.value === 'resource_name' && tokens[open + 2]?.value === '=') return tokens[open + 3]?.type === 'string' ? tokens[open + 3]!.value : '';
    const end = nameChainEnd(tokens, open + 1);
    return end > 0 && [',', ')'].includes(tokens[end]?.value ?? '') ? '' : null;
  }
  const scopeEnd = nameChainEnd(tokens, open + 1);
  if (scopeEnd < 0 || tokens[scopeEnd]?.value !== ',') return null;
  const id = tokens[scopeEnd + 1];
  if (id?.type === 'string') return id.value;
  return id?.type === 'name' && tokens[scopeEnd + 2]?.value !== '=' ? '' : null;
}

/** For each `(`, `[` and `{`, the index of the token closing it (or the last token when unbalanced). */
function closingBrackets(tokens: readonly Token[]): Map<number, number> {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (const [i, token] of tokens.entries()) {
    if (token.type !== 'punct') continue;
    if (token.value === '(' || token.value === '[' || token.value === '{') open.push(i);
    else if (pairs[token.value]) {
      while (open.length > 0 && tokens[open[open.length - 1]!]!.value !== pairs[token.value]) closing.set(open.pop()!, i);
      if (open.length > 0) closing.set(open.pop()!, i);
    }
  }
  for (const index of open) closing.set(index, tokens.length - 1);
  return closing;
}

/**
 * Whether the value at `at` is `"*"` or a list holding it. Only the list's own items are read (strings
 * and commas up to anything else), so nested or unclosed lists cost no more than their items.
 */
function allowsEveryAction(tokens: readonly Token[], at: number): boolean {
  const isItem = (token: Token | undefined) => token?.type === 'string' || (token?.type === 'punct' && token.value === ',');
  if (tokens[at]?.type !== 'punct' || tokens[at]!.value !== '[') return tokens[at]?.type === 'string' && tokens[at]!.value === '*';
  for (let i = at + 1; isItem(tokens[i]); i++) {
    if (tokens[i]!.type === 'string' && tokens[i]!.value === '*') return true;
  }
  return false;
}

export interface CodeIac {
  tools: IacTool[];
  resources: IacResource[];
  grants: IacGrant[];
}

export function readIacCode(path: string, text: string, language: CodeLanguage): CodeIac | null {
  const tokens = tokenize(text, language);
  const bindings = importBindings(tokens, language);
  const tools = [...new Set([...bindings.values()].map((module) => toolOf(module[0] ?? '')).filter((tool) => tool !== null))];
  if (tools.length === 0) return null;
  const starts = lineStarts(text);
  const lineOf = (offset: number) => lineAtOffset(starts, offset);
  const closing = closingBrackets(tokens);
  const resources: IacResource[] = [];
  /** Open calls of resources, innermost last, with the token index closing each. */
  const enclosing: Array<{ type: string; close: number }> = [];
  const grants: IacGrant[] = [];
  const grant = (kind: GrantKind, detail: string, at: number, tool: IacTool) => grants.push({ tool, grant: kind, detail, path, line: lineOf(tokens[at]!.start) });
  const fileTool = tools[0]!;

  for (let i = 0; i < tokens.length; i++) {
    while (enclosing.length > 0 && enclosing[enclosing.length - 1]!.close < i) enclosing.pop();
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (token.type === 'name' && previous?.value !== '.') {
      const declared = construct(i);
      if (declared) {
        resources.push(declared.resource);
        enclosing.push({ type: declared.resource.type, close: closing.get(declared.open) ?? tokens.length - 1 });
        continue;
      }
    }
    if (token.type === 'name' && previous?.value === '.' && CDK_CONSTRUCT_METHODS[token.value] && tools.includes('cdk') && tokens[i + 1]?.value === '(') {
      const name = constructName('cdk', tokens, i + 1);
      if (name !== null) resources.push(resource('cdk', CDK_CONSTRUCT_METHODS[token.value]!, name, i));
      continue;
    }
    if (token.type === 'string') {
      const context: GrantContext = {
        resource: enclosing[enclosing.length - 1]?.type,
        policyName: previous?.value === '(' && CDK_POLICY_NAME_LOOKUPS.has(tokens[i - 2]?.value ?? ''),
      };
      const kind = grantOfValue(token.value, context);
      if (kind) grant(kind, token.value, i, fileTool);
    }
    if ((token.type === 'name' || token.type === 'string') && ACTION_KEYS.has(token.value) && ['=', ':'].includes(tokens[i + 1]?.value ?? '') && allowsEveryAction(tokens, i + 2)) {
      grant('wildcard-action', `${token.value}: "*"`, i, fileTool);
    }
    if (token.type === 'name' && PULUMI_POLICY_ENUMS.has(token.value) && tokens[i + 1]?.value === '.' && PULUMI_ADMIN_POLICY.test(tokens[i + 2]?.value ?? '')) {
      grant('admin-policy', `${token.value}.${tokens[i + 2]!.value}`, i, fileTool);
    }
  }
  return { tools, resources, grants };

  function resource(tool: IacTool, type: string, name: string, at: number): IacResource {
    const kind = kindOf(type);
    return { tool, type, name, path, line: lineOf(tokens[at]!.start), ...(kind ? { kind } : {}) };
  }

  /** The resource a call starting at `start` declares: `sagemaker.CfnEndpoint(self, "Endpoint", …)`, `new aws.sagemaker.Endpoint("ep", {…})`. */
  function construct(start: number): { resource: IacResource; open: number } | null {
    const module = bindings.get(tokens[start]!.value);
    if (!module) return null;
    if (language === 'javascript' && tokens[start - 1]?.value !== 'new') return null;
    const end = nameChainEnd(tokens, start);
    if (tokens[end]?.value !== '(') return null;
    const chain: string[] = [];
    for (let i = start + 2; i < end; i += 2) chain.push(tokens[i]!.value);
    const declared = resourceType([...module, ...chain]);
    if (!declared) return null;
    const name = constructName(declared.tool, tokens, end);
    return name === null ? null : { resource: resource(declared.tool, declared.type, name, start), open: end };
  }
}
