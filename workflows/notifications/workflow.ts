/**
 * One notification's delivery, as cases started before the outbox relay sent it: a workflow of its
 * own per notification, abandoned by the case. Kept so those cases and their mail still run.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities, NotificationRequest } from '../../activities/index.js';

const outbox = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  // No attempt limit: each outbox row keeps its last error until the relay takes the message.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function deliverNotificationsWorkflow(request: NotificationRequest): Promise<void> {
  await outbox.sendNotifications(request);
}
