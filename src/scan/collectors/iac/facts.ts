/** The infrastructure-as-code slice of Facts: the tools, their files, what they declare and the access they grant. */

export type IacTool =
  | 'terraform'
  | 'terragrunt'
  | 'cloudformation'
  | 'sam'
  | 'cdk'
  | 'cdktf'
  | 'pulumi'
  | 'bicep'
  | 'arm'
  | 'serverless';

/**
 * What a resource is, whichever tool declares it: `aws_sagemaker_endpoint`, `AWS::SageMaker::Endpoint`
 * and Pulumi's `aws:sagemaker:Endpoint` are all a `model-endpoint`, so that a rule reads one fact.
 */
export type ResourceKind =
  /** An online inference endpoint or deployment on a managed ML platform (SageMaker, Vertex AI, Azure ML). */
  | 'model-endpoint'
  /** A model registry or model package group. */
  | 'model-registry'
  /** Scheduled data-quality, drift, bias or explainability monitoring of a deployed model. */
  | 'model-monitor'
  /** Scheduled monitoring of the live prediction quality against ground truth. */
  | 'model-quality-monitor'
  /** An alarm, alert policy or SLO that notifies someone. */
  | 'alert'
  /** A service, task or job on a managed container runtime (ECS, Cloud Run, App Runner, Container Apps, App Service, AWS Batch). */
  | 'container-service'
  /** A function on a serverless runtime (Lambda, Cloud Functions, Azure Functions), declared outside SAM. */
  | 'function'
  /** A workload declared for Kubernetes through infrastructure code (Terraform's Kubernetes provider, Pulumi). */
  | 'kubernetes-workload'
  /** A managed Kubernetes cluster (EKS, GKE, AKS, an Azure ML inference cluster). */
  | 'kubernetes-cluster'
  /** A time-based or event trigger (EventBridge rules and schedules, Cloud Scheduler). */
  | 'schedule'
  /** Autoscaling of a service or endpoint (Application Auto Scaling targets and policies, a HorizontalPodAutoscaler). */
  | 'autoscaling'
  /** A budget or cost-anomaly alert on the cloud bill. */
  | 'budget';

export interface IacResource {
  tool: IacTool;
  /**
   * Resource type as its family names it: Terraform's `aws_s3_bucket` (CDK for Terraform classes
   * too), CloudFormation's `AWS::S3::Bucket` (CDK constructs too), `Microsoft.Storage/storageAccounts`,
   * Pulumi's `aws:s3:Bucket`; `module` for a Terraform module call.
   */
  type: string;
  name: string;
  path: string;
  line: number;
  kind?: ResourceKind;
  /** Where a Terraform module comes from, as written: `terraform-aws-modules/ecs/aws//modules/service`. */
  source?: string;
}

/**
 * Access broader than any one workload needs: `admin-role` (GCP owner or editor, a service's admin
 * role on a whole project, folder or organisation, Azure Owner or Contributor), `admin-policy`
 * (AWS AdministratorAccess, PowerUserAccess or a *FullAccess managed policy), `wildcard-action`
 * (an IAM statement allowing every action).
 */
export type GrantKind = 'admin-role' | 'admin-policy' | 'wildcard-action';

export interface IacGrant {
  tool: IacTool;
  grant: GrantKind;
  /**
   * What is granted, as written: `roles/storage.admin`, `arn:aws:iam::aws:policy/AdministratorAccess`,
   * `"Action": "*"`; for a role granted for each item of a list, the role and where the list holds the item.
   */
  detail: string;
  path: string;
  line: number;
}

export interface IacFacts {
  tools: IacTool[];
  files: Array<{ path: string; tool: IacTool }>;
  resources: IacResource[];
  grants: IacGrant[];
}
