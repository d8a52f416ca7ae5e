-- The policy's numbers as versioned data (issue 14 point 2).
CREATE TABLE "PolicyVersion" (
    "version" INTEGER NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "config" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("version")
);

CREATE INDEX "PolicyVersion_effectiveFrom_idx" ON "PolicyVersion"("effectiveFrom");

ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Case" ADD COLUMN "policyVersion" INTEGER;
