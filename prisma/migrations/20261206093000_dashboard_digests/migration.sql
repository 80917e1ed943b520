-- Issue #23: the coordinators' weekly digest (opt-out and weekday per person, one sent-log row per person and week).
ALTER TABLE "User" ADD COLUMN "digestOptOut" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "digestWeekday" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "User" ADD CONSTRAINT "User_digestWeekday_check" CHECK ("digestWeekday" BETWEEN 1 AND 7);

CREATE TABLE "DigestLog" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "week" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DigestLog_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DigestLog_userId_week_key" ON "DigestLog"("userId", "week");
ALTER TABLE "DigestLog" ADD CONSTRAINT "DigestLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
