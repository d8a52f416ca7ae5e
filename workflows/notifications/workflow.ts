/**
 * Delivers queued outbox messages. A workflow of its own, abandoned by the case that started it, so
 * a mail relay that is down for hours delays mail without holding up or losing any case.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';

const mail = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  // No attempt limit: the outbox row keeps the last error until the relay takes the message.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function deliverNotificationsWorkflow(notificationIds: string[]): Promise<void> {
  await mail.deliverNotifications({ notificationIds });
}
