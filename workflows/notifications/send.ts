/** How a case sends a notification: its messages are stored in the outbox and the outbox relay delivers them. */
import { proxyLocalActivities } from '@temporalio/workflow';
import type { createActivities, NotificationRequest } from '../../activities/index.js';
import { dbLocalActivity } from '../activity-options.js';

const outbox = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

/** A local activity: storing the messages costs the case no workflow task of its own, and no case waits for mail. */
export async function sendNotifications(request: NotificationRequest): Promise<void> {
  await outbox.queueNotifications(request);
}
