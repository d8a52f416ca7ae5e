/** Hands a notification to its own workflow; the caller waits only for that workflow to start. */
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { NotificationRequest } from '../../activities/index.js';
import { deliverNotificationsWorkflow } from './workflow.js';

export async function sendNotifications(request: NotificationRequest): Promise<void> {
  await startChild(deliverNotificationsWorkflow, { workflowId: `mail:${request.dedupeKey}`, args: [request], parentClosePolicy: ParentClosePolicy.ABANDON });
}
