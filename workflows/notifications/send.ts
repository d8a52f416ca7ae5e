/** Queues notifications in the outbox (in the caller's history) and hands delivery to its own workflow. */
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { createActivities, NotificationRequest } from '../../activities/index.js';
import { deliverNotificationsWorkflow } from './workflow.js';

type Outbox = Pick<ReturnType<typeof createActivities>, 'queueNotifications'>;

export async function sendNotifications(outbox: Outbox, request: NotificationRequest): Promise<void> {
  const ids = await outbox.queueNotifications(request);
  if (ids.length === 0) return;
  await startChild(deliverNotificationsWorkflow, { workflowId: `mail:${request.dedupeKey}`, args: [ids], parentClosePolicy: ParentClosePolicy.ABANDON });
}
