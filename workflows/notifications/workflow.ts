/**
 * Queues a notification's messages in the outbox and delivers them. A workflow of its own,
 * abandoned by the case that started it: officials' decisions do not wait for mail, and a mail
 * relay that is down for hours delays mail without holding up or losing any case.
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
