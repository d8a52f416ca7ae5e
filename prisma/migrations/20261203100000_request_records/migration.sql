-- A requestId names one request (issue 12 point 3).
CREATE TABLE "RequestRecord" (
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "officialId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestRecord_pkey" PRIMARY KEY ("requestId")
);

CREATE INDEX "RequestRecord_createdAt_idx" ON "RequestRecord"("createdAt");
