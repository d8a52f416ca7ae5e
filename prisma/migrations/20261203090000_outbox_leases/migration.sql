-- The outbox is claimed by any number of deliveries at once (FOR UPDATE SKIP LOCKED, a lease per
-- message) and each message keeps its own back-off.
ALTER TABLE "Notification" ADD COLUMN "relayQueue" TEXT,
ADD COLUMN "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN "leaseUntil" TIMESTAMP(3),
ADD COLUMN "attemptedAt" TIMESTAMP(3);

-- Messages stored before: the production task queue's relay delivers them.
UPDATE "Notification" SET "relayQueue" = 'groupflow-cases';
ALTER TABLE "Notification" ALTER COLUMN "relayQueue" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Notification_relayQueue_state_nextAttemptAt_idx" ON "Notification"("relayQueue", "state", "nextAttemptAt");
