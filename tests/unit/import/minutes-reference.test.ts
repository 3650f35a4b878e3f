import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localDay } from "@/lib/domain/calendar";
import { proposeFromDocument, type ImportCouncillor } from "@/lib/import/minutes/propose-from-document";
import { reviewFromProposal, toArchivedActs } from "@/lib/import/minutes/minutes-to-archived-acts";
import { readMinutes } from "@/lib/import/minutes/read-minutes";
import { reviewedMinutesSchema } from "@/lib/validations/minutes-import";
import { referenceCouncillors, referenceDeliberation, referenceRollCall, referenceSitting } from "@/prisma/seed/reference-case";

// The reference extract (DL.2022-91, Aix-en-Provence, 7 April 2022) as text,
// read back with every name and figure of the seed's reference data; then
// through matching, review and conversion to the archive writer's input.

const REFERENCE_TEXT = readFileSync("/work/shared/reference/aix-DL-2022-91.txt", "utf8");

/** The seed's councillors with ids of their own, as the municipality's roll. */
const roll: ImportCouncillor[] = referenceCouncillors.map((councillor, index) => ({
  id: `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`,
  firstName: councillor.firstName,
  lastName: councillor.lastName,
  civility: councillor.civility,
  role: councillor.role,
  mandateStart: councillor.mandateStart,
  mandateEnd: councillor.mandateEnd,
}));
const idOf = (name: string) => roll.find((councillor) => `${councillor.firstName} ${councillor.lastName}` === name)?.id;

describe("the reference extract, as text", () => {
  it("[minutes]: every name and figure of DL.2022-91 is read back as the seed states them", () => {
    const { sittings, warnings } = readMinutes(REFERENCE_TEXT);
    expect(warnings).toEqual([]);
    expect(sittings).toHaveLength(1);
    const [sitting] = sittings;
    expect(sitting?.date).toBe(localDay(referenceSitting.startsAt, "Europe/Paris"));
    expect(sitting?.hour).toBe("14:00");
    expect(sitting?.president).toBe(referenceSitting.president);
    expect(sitting?.secretary).toBe(referenceSitting.secretary);
    // The extract does not print how many are in office (the seed's 55 is the municipality's setting).
    expect(sitting?.membersInOffice).toBeNull();
    expect(sitting?.present).toEqual(referenceRollCall.present);
    expect(sitting?.proxies).toEqual(referenceRollCall.represented);
    expect(sitting?.excusedWithoutProxy).toEqual(referenceRollCall.excused);
    expect(sitting?.absent).toEqual([]);
    expect(sitting?.warnings).toEqual([]);
    const tally = referenceDeliberation.vote?.tally;
    expect(sitting?.deliberations).toEqual([
      {
        subject: referenceDeliberation.subject,
        number: referenceDeliberation.number,
        item: null,
        for: tally?.votesFor,
        against: tally?.votesAgainst,
        abstention: tally?.abstentions,
        unanimous: true,
        participants: null,
        expressed: tally?.expressed,
        present: tally?.present,
        presentAndRepresented: tally?.presentAndRepresented,
        nonParticipation: tally?.nonParticipation,
        outcome: referenceDeliberation.outcome,
        // Printed "013-211300017-20220407- lmc1210471-DE-1-1": the typesetter's space is not the identifier's.
        receipt: referenceDeliberation.prefectureReceipt?.actesId,
        receiptReceivedAt: referenceDeliberation.prefectureReceipt?.receivedAt,
        line: 24,
      },
    ]);
  });

  it("[minutes]: an extract's number is read to its last letter or digit, whatever its form", () => {
    const forms: [string, string][] = [
      ["N° 2019-045bis", "2019-045bis"],
      ["N° D2021_12A.", "D2021_12A"],
      ["N° 2021-e4kq", "2021-e4kq"],
      ["N° 12", "12"],
    ];
    for (const [printed, expected] of forms) {
      const { sittings } = readMinutes(REFERENCE_TEXT.replace("N° DL.2022-91", printed));
      expect(sittings[0]?.deliberations.map((deliberation) => deliberation.number), printed).toEqual([expected]);
    }
  });

  it("[minutes]: each of the 55 names matches its councillor, and the reviewed proposal becomes the act the seed describes", async () => {
    const proposal = await proposeFromDocument(new TextEncoder().encode(REFERENCE_TEXT), "aix-DL-2022-91.txt", roll);
    expect(proposal.format).toBe("text");
    const [sitting] = proposal.sittings;
    expect(sitting?.warnings).toEqual([]);
    expect(sitting?.matches).toHaveLength(55);
    for (const match of sitting?.matches ?? []) expect(match.councillorId, match.written).toBe(idOf(match.written));

    const { reviewed, unresolved } = reviewFromProposal(proposal);
    expect(unresolved).toEqual([]);
    const parsed = reviewedMinutesSchema.parse(reviewed);
    const [act, ...others] = toArchivedActs(parsed);
    expect(others).toEqual([]);
    expect(act).toMatchObject({
      source: { line: 24, label: "aix-DL-2022-91.txt, ligne 24" },
      identifier: "DL.2022-91",
      subject: referenceDeliberation.subject,
      outcome: "ADOPTED",
      matterCode: null,
      vote: { unanimous: true, participants: 47, votesFor: 47, votesAgainst: 0, abstentions: 0 },
      receipt: { actesId: "013-211300017-20220407-lmc1210471-DE-1-1", authority: null, receivedAt: "2022-04-11" },
      sitting: { day: "2022-04-07", hour: "14:00", place: null, extraordinary: false, presidentId: idOf("Sophie JOISSAINS"), secretaryId: idOf("Kayané BIANCO"), membersInOffice: null },
    });
    const status = (status: string) => act?.sitting.attendance?.filter((row) => row.status === status) ?? [];
    expect(status("PRESENT").map((row) => row.councillorId)).toEqual(referenceRollCall.present.map(idOf));
    expect(status("REPRESENTED").map((row) => [row.councillorId, row.proxyHolderId])).toEqual(referenceRollCall.represented.map(({ giver, holder }) => [idOf(giver), idOf(holder)]));
    expect(status("EXCUSED").map((row) => row.councillorId)).toEqual(referenceRollCall.excused.map(idOf));
    expect(act?.sitting.attendance).toHaveLength(55);
  });
});
