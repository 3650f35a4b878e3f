-- The municipality's time zone: its sittings open at a local hour and its acts
-- fall on local days (overseas departments have their own zone). The check
-- asks PostgreSQL to read an instant in the zone, which fails for a name its
-- time zone database does not know.
ALTER TABLE "municipality" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'Europe/Paris';
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_time_zone_check"
  CHECK ("time_zone" <> '' AND (TIMESTAMP '2000-01-01 00:00' AT TIME ZONE "time_zone") IS NOT NULL);
