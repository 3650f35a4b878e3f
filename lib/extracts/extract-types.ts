import type { PublishedDeliberation } from "@/lib/deliberations/get-published-deliberation";

/** The record an extract is built from: a published deliberation, or (staff) one not yet published. */
export type ExtractDeliberation = Omit<PublishedDeliberation, "publishedAt"> & { publishedAt: Date | null };

export type ExtractMunicipality = {
  name: string;
  communeName: string;
  appealNotice: string;
  annexNotice: string | null;
  /** Its clock: the zone the act's hours and days are read in (frozen once an act is published, trigger). */
  timeZone: string;
};

/**
 * What the seal block prints. A certified extract is signed and carries its
 * verification code; a working document (staff, not yet published) is not
 * signed and says so in its body.
 */
export type ExtractSeal =
  | { kind: "certified"; signerName: string; issuedAt: Date; verificationCode: string; verificationUrl: string }
  | { kind: "working-document"; issuedAt: Date; issuedBy: string };
