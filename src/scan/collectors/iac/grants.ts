import type { GrantKind } from './facts.js';

/*
 * Over-broad grants, told from the values infrastructure code writes: an AWS managed policy that
 * allows everything (or everything of a service), a GCP basic role, a service's admin role on a
 * whole project, Azure's Owner or Contributor on a role assignment. A role is project-wide or
 * scoped by the resource that grants it, so that context comes with the value.
 */

const ADMIN_POLICY_NAME = /^(?:AdministratorAccess|PowerUserAccess|\w+FullAccess(?:V\d+)?)$/;
const ADMIN_POLICY_ARN = /^arn:(?:aws[\w-]*|\$\{AWS::Partition\}):iam::aws:policy\/(?:[\w-]+\/)*(?:AdministratorAccess|PowerUserAccess|\w+FullAccess(?:V\d+)?)$/;
const BASIC_ROLE = /^roles\/(?:owner|editor)$/;
const SERVICE_ADMIN_ROLE = /^roles\/[\w.]+\.admin$/;
/** Azure's built-in Owner and Contributor role definition ids. */
const AZURE_ADMIN_ROLE_ID = /\b(?:8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c)\b/i;
const AZURE_ADMIN_ROLE_NAME = /^(?:Owner|Contributor)$/;

/** Resources (or module sources) that grant a role on a whole GCP project, folder or organisation. */
const PROJECT_IAM = /^(?:google_(?:project|folder|organization)_iam_(?:member|binding|policy)|gcp:(?:projects|folder|organizations)(?:\/\w+)?:iam(?:member|binding|policy)|.*\bprojects?[_-]iam\b.*)$/i;
const ROLE_ASSIGNMENT = /^(?:azurerm_role_assignment|azure-native:authorization(?:\/\w+)?:roleassignment|Microsoft\.Authorization\/roleAssignments)$/i;

/**
 * Where a value is written: the type of the resource it belongs to (or a module's source), and
 * whether it is the argument of a lookup by managed policy name (CDK `fromAwsManagedPolicyName`).
 */
export interface GrantContext {
  resource?: string;
  policyName?: boolean;
}

export function grantOfValue(value: string, context: GrantContext): GrantKind | null {
  if (ADMIN_POLICY_ARN.test(value) || (context.policyName && ADMIN_POLICY_NAME.test(value))) return 'admin-policy';
  if (BASIC_ROLE.test(value) || AZURE_ADMIN_ROLE_ID.test(value)) return 'admin-role';
  const resource = context.resource ?? '';
  if (SERVICE_ADMIN_ROLE.test(value) && PROJECT_IAM.test(resource)) return 'admin-role';
  if (AZURE_ADMIN_ROLE_NAME.test(value) && ROLE_ASSIGNMENT.test(resource)) return 'admin-role';
  return null;
}

/** Keys that hold the actions of an IAM statement, in policy documents and in the tools' own syntax. */
export const ACTION_KEYS = new Set(['Action', 'actions']);
