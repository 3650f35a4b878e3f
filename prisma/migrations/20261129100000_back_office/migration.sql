-- Back office: sign-in attempts, shared by every web instance, so that the
-- limits per account and per address hold behind a load balancer. An attempt
-- precedes knowing the account (the address may not exist): no municipality_id.

CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "login_attempt_email_attempted_at_idx" ON "login_attempt"("email", "attempted_at");
CREATE INDEX "login_attempt_address_attempted_at_idx" ON "login_attempt"("address", "attempted_at");
