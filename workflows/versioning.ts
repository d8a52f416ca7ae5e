/**
 * The versioning behaviour of the multi-year cases (README "Releasing"). A worker without Worker
 * Deployment Versioning (npm start, the tests, WORKER_BUILD_ID unset) must send none: the server
 * refuses a workflow task that declares a behaviour from an unversioned worker.
 */
import type { WorkflowDefinitionOptions } from '@temporalio/common';
import { workflowInfo } from '@temporalio/workflow';

export function pinnedWhenVersioned(): WorkflowDefinitionOptions {
  // An unversioned worker still reports a build id of its own, but no deployment name.
  return workflowInfo().currentDeploymentVersion?.deploymentName ? { versioningBehavior: 'PINNED' } : {};
}
