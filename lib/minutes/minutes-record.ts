import { statedVoteFiguresSchema } from "@/lib/publication/stated-record";
import { z } from "@/lib/validations/zod";
import { AgendaItemKind, Civility, CouncillorRole, DeliberationStatus, Outcome, SittingKind } from "@/lib/db/prisma";

// What a procès-verbal states (L2121-15), composed from the records
// (lib/minutes/compose-minutes.ts): live while it is drafted, frozen in
// minutes.record at publication, and what the page and the signed PDF render.
// Instants and days are ISO strings, so the frozen JSON reads back the same.

const councillor = z.object({
  id: z.string(),
  civility: z.enum(Civility),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(CouncillorRole),
  roleLabel: z.string().nullable(),
});

const rollCall = z.object({
  present: z.array(councillor),
  represented: z.array(z.object({ giver: councillor, holder: councillor })),
  excused: z.array(councillor),
  absent: z.array(councillor),
});

const deliberation = z.object({
  number: z.string(),
  orderInSitting: z.int(),
  subject: z.string(),
  reportSubject: z.string().nullable(),
  policyHeading: z.string().nullable(),
  service: z.string().nullable(),
  matterCode: z.string(),
  rapporteur: councillor.nullable(),
  report: z.string(),
  proposals: z.string(),
  status: z.enum(DeliberationStatus),
  outcome: z.enum(Outcome).nullable(),
  quorum: z.object({ present: z.int(), required: z.int(), reached: z.boolean(), message: z.string() }).nullable(),
  vote: statedVoteFiguresSchema
    .extend({
      votedFor: z.array(councillor),
      against: z.array(councillor),
      abstained: z.array(councillor),
      notVoting: z.array(councillor),
    })
    .nullable(),
});

export const minutesRecordSchema = z.object({
  version: z.int(),
  correctionReason: z.string().nullable(),
  municipality: z.object({ name: z.string(), communeName: z.string(), timeZone: z.string() }),
  sitting: z.object({
    startsAt: z.iso.datetime(),
    kind: z.enum(SittingKind),
    isPublic: z.boolean(),
    place: z.string(),
    convocationDate: z.iso.date().nullable(),
    reconvened: z.boolean(),
    membersInOffice: z.int(),
    convenedBy: councillor,
    president: councillor,
    secretary: councillor,
  }),
  /** At the opening (the first deliberation's roll call); null when none was recorded. */
  rollCall: rollCall.nullable(),
  /** Arrivals, departures and proxies in the course of the sitting. */
  movements: z.array(z.string()),
  opening: z.string().nullable(),
  ballotRequests: z.string().nullable(),
  urgencyRuling: z.string().nullable(),
  items: z.array(
    z.object({
      key: z.string(),
      position: z.int(),
      kind: z.enum(AgendaItemKind),
      title: z.string(),
      discussion: z.string().nullable(),
      deliberation: deliberation.nullable(),
      /** A PV approval: the earlier sitting, and the vote when it was adopted here. */
      approval: z
        .object({
          sittingStartsAt: z.iso.datetime(),
          result: z.string().nullable(),
          observations: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

export type MinutesRecord = z.infer<typeof minutesRecordSchema>;
export type MinutesItem = MinutesRecord["items"][number];
export type MinutesCouncillor = z.infer<typeof councillor>;
