-- Login throttling and the audit of refused logins (issue 13 point 5).
CREATE TYPE "LoginFailureReason" AS ENUM ('UNKNOWN_LOGIN', 'WRONG_PASSWORD', 'INACTIVE', 'THROTTLED');

CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),
    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "LoginThrottle_expire_idx" ON "LoginThrottle"("expire");

CREATE TABLE "LoginFailure" (
    "id" TEXT NOT NULL,
    "loginPrefix" TEXT NOT NULL,
    "officialId" TEXT,
    "address" TEXT NOT NULL,
    "reason" "LoginFailureReason" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "LoginFailure_at_idx" ON "LoginFailure"("at");
CREATE INDEX "LoginFailure_officialId_at_idx" ON "LoginFailure"("officialId", "at");
