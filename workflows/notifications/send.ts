/** How a case sends a notification: its messages are stored in the outbox and the outbox relay delivers them. */
import { ParentClosePolicy, patched, proxyLocalActivities, startChild } from '@temporalio/workflow';
import type { createActivities, NotificationRequest } from '../../activities/index.js';
import { deliverNotificationsWorkflow } from './workflow.js';

/** Cases recorded before this patch started one mail workflow per notification, and replay that way. */
const OUTBOX_RELAY_PATCH = 'outbox-relay';

const outbox = proxyLocalActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function sendNotifications(request: NotificationRequest): Promise<void> {
  if (patched(OUTBOX_RELAY_PATCH)) {
    // A local activity: storing the messages costs the case no workflow task of its own.
    await outbox.queueNotifications(request);
    return;
  }
  await startChild(deliverNotificationsWorkflow, { workflowId: `mail:${request.dedupeKey}`, args: [request], parentClosePolicy: ParentClosePolicy.ABANDON });
}
