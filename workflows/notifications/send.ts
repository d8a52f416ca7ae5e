/** How a case sends a notification: its messages are stored in the outbox and the outbox relay delivers them. */
import type { NotificationRequest } from '../../activities/index.js';
import { localDb as outbox } from '../activity-options.js';

/** A local activity: storing the messages costs the case no workflow task of its own, and no case waits for mail. */
export async function sendNotifications(request: NotificationRequest): Promise<void> {
  await outbox.queueNotifications(request);
}
