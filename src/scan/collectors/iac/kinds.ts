import type { ResourceKind } from './facts.js';

/*
 * One table from resource types of every family to what they are. Types are compared in lower
 * case (ARM types are case-insensitive, and a CDK construct's CloudFormation namespace is spelled
 * from its module name), Pulumi tokens without their sub-module (`aws:sagemaker/endpoint:Endpoint`
 * and `aws:sagemaker:Endpoint` are the same resource).
 */
const KINDS: ReadonlyArray<readonly [ResourceKind, RegExp]> = [
  [
    'model-endpoint',
    /^(?:aws_sagemaker_endpoint|aws::sagemaker::endpoint|aws:sagemaker:endpoint|google_vertex_ai_endpoint|gcp:vertex:aiendpoint|microsoft\.machinelearningservices\/workspaces\/onlineendpoints(?:\/deployments)?|azure-native:machinelearningservices:online(?:endpoint|deployment))$/,
  ],
  [
    'model-registry',
    /^(?:aws_sagemaker_model_package_group|aws::sagemaker::modelpackagegroup|aws::sagemaker::modelpackage|aws:sagemaker:modelpackagegroup|microsoft\.machinelearningservices\/registries|azure-native:machinelearningservices:registry)$/,
  ],
  [
    'model-monitor',
    /^(?:aws_sagemaker_monitoring_schedule|aws_sagemaker_data_quality_job_definition|aws::sagemaker::(?:monitoringschedule|dataqualityjobdefinition|modelbiasjobdefinition|modelexplainabilityjobdefinition)|aws:sagemaker:(?:monitoringschedule|dataqualityjobdefinition))$/,
  ],
  ['model-quality-monitor', /^(?:aws_sagemaker_model_quality_job_definition|aws::sagemaker::modelqualityjobdefinition|aws:sagemaker:modelqualityjobdefinition)$/],
  [
    'alert',
    /^(?:aws_cloudwatch_(?:metric|composite)_alarm|aws::cloudwatch::(?:composite)?alarm|aws:cloudwatch:(?:metric|composite)alarm|google_monitoring_(?:alert_policy|slo)|gcp:monitoring:(?:alertpolicy|slo)|azurerm_monitor_(?:metric_alert|activity_log_alert|scheduled_query_rules_alert\w*)|microsoft\.insights\/(?:metricalerts|scheduledqueryrules|activitylogalerts)|azure-native:insights:(?:metricalert|scheduledqueryrule|activitylogalert)|pagerduty_\w+|opsgenie_\w+|datadog_monitor|datadog_service_level_objective|grafana_rule_group|newrelic_alert_\w+|newrelic_nrql_alert_condition|newrelic_service_level)$/,
  ],
  [
    'container-service',
    /^(?:aws_ecs_(?:service|task_definition)|aws::ecs::(?:service|taskdefinition)|aws:ecs:(?:service|taskdefinition)|aws_apprunner_service|aws::apprunner::service|aws:apprunner:service|aws_batch_job_definition|aws::batch::jobdefinition|aws:batch:jobdefinition|aws::serverless::function|google_cloud_run_(?:service|v2_service|v2_job)|gcp:cloudrun:service|gcp:cloudrunv2:(?:service|job)|azurerm_container_app|microsoft\.app\/containerapps|azure-native:app:containerapp|azurerm_(?:linux_|windows_)?web_app|azurerm_app_service|microsoft\.web\/sites|azure-native:web:webapp|awsx:ecs:(?:fargate|ec2)(?:service|taskdefinition))$/,
  ],
  // SAM's function is an application SAM deploys (a container service above); a bare function
  // resource may be the workload or glue around it (a Cloud Function that starts pipelines).
  ['function', /^(?:aws_lambda_function|aws::lambda::function|aws:lambda:function|google_cloudfunctions2?_function|gcp:cloudfunctions(?:v2)?:function|azurerm_(?:linux_|windows_)?function_app)$/],
  [
    'kubernetes-workload',
    /^(?:kubernetes_(?:deployment|stateful_set|daemon_set|job|cron_job)(?:_v1)?|kubernetes:(?:apps\/v1:(?:deployment|statefulset|daemonset)|batch\/v1:(?:job|cronjob))|kubernetesx:index:(?:deployment|statefulset|job))$/,
  ],
  [
    'kubernetes-cluster',
    /^(?:aws_eks_cluster|aws::eks::cluster|aws:eks:cluster|eks:index:cluster|google_container_cluster|gcp:container:cluster|azurerm_kubernetes_cluster|microsoft\.containerservice\/managedclusters|azure-native:containerservice:managedcluster|azurerm_machine_learning_inference_cluster)$/,
  ],
  [
    'schedule',
    /^(?:aws_cloudwatch_event_rule|aws_scheduler_schedule|aws::events::rule|aws::scheduler::schedule|aws:cloudwatch:eventrule|aws:scheduler:schedule|google_cloud_scheduler_job|gcp:cloudscheduler:job)$/,
  ],
  [
    'autoscaling',
    /^(?:aws_appautoscaling_(?:target|policy)|aws::applicationautoscaling::\w+|aws:appautoscaling:(?:target|policy)|kubernetes_horizontal_pod_autoscaler(?:_v\d\w*)?|kubernetes:autoscaling\/v\d\w*:horizontalpodautoscaler)$/,
  ],
  [
    'budget',
    /^(?:aws_budgets_budget|aws::budgets::budget|aws:budgets:budget|aws_ce_anomaly_subscription|aws::ce::anomalysubscription|aws:costexplorer:anomalysubscription|google_billing_budget|gcp:billing:budget|azurerm_consumption_budget_\w+|microsoft\.consumption\/budgets|azure-native:consumption:budget)$/,
  ],
];

/**
 * What a module call provisions, from the words of its source (`terraform-aws-modules/eks/aws`,
 * `git::…//modules/observability/ecs-alarms`): the last word that names something decides, so an
 * alarms module for ECS is an alert. Local modules are read themselves and need no guess.
 */
const MODULE_WORD = /(?<=^|[/_.:-])(?:(ecs|fargate|cloud-?run|app-?runner|container-?apps?|app-?service|web-?app)|(eks|gke|aks|kubernetes-engine)|(sagemaker-endpoint)|(alarms?|alerts?|alerting))(?=$|[/_.:?-])/g;
const MODULE_WORD_KINDS: readonly ResourceKind[] = ['container-service', 'kubernetes-cluster', 'model-endpoint', 'alert'];

function canonical(type: string): string {
  const pulumi = /^([\w-]+):([\w.-]+)\/[\w.-]+:(\w+)$/.exec(type);
  return (pulumi && pulumi[1] !== 'kubernetes' ? `${pulumi[1]}:${pulumi[2]}:${pulumi[3]}` : type).toLowerCase();
}

export function kindOf(type: string): ResourceKind | undefined {
  const key = canonical(type);
  return KINDS.find(([, pattern]) => pattern.test(key))?.[0];
}

export function moduleKindOf(source: string): ResourceKind | undefined {
  if (/^\.\.?\//.test(source)) return undefined;
  let kind: ResourceKind | undefined;
  for (const match of source.toLowerCase().matchAll(MODULE_WORD)) kind = MODULE_WORD_KINDS[match.slice(1).findIndex((group) => group !== undefined)];
  return kind;
}
