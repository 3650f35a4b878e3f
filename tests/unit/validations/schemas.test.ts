import { describe, expect, it } from "vitest";
import { signInSchema } from "@/lib/validations/auth";
import { councillorSchema, endMandateSchema } from "@/lib/validations/councillor";
import { attendanceSchema, deliberationSchema, publishSchema, receiptSchema, rectifySchema, rollCallFieldKey, sittingRollCallSchema, voteSchema } from "@/lib/validations/deliberation";
import { fieldErrorsOf, parseInput } from "@/lib/validations/parse";
import { sittingSchema } from "@/lib/validations/sitting";
import { userSchema } from "@/lib/validations/user";

// The schemas the forms and the server actions share: what they accept, and
// the French message each refusal puts next to its field.

function errorsOf(schema: { safeParse: (input: unknown) => { success: boolean; error?: unknown } }, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  return fieldErrorsOf(result.error as never);
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("validation schemas", () => {
  it("[validations]: sign-in needs an e-mail address and a password", () => {
    expect(errorsOf(signInSchema, { email: "", password: "" })).toEqual({ email: ["Saisissez votre adresse électronique."], password: ["Saisissez votre mot de passe."] });
    expect(errorsOf(signInSchema, { email: "greffe", password: "x" }).email?.[0]).toMatch(/adresse électronique valide/);
    expect(signInSchema.parse({ email: " greffe@mairie.fr ", password: "x" }).email).toBe("greffe@mairie.fr");
  });

  it("[validations]: a user's address is lower-cased and the password has 12 characters at least", () => {
    expect(userSchema.parse({ email: "Greffe@Mairie.FR", name: "G", role: "CLERK", password: "douze-caract" }).email).toBe("greffe@mairie.fr");
    expect(errorsOf(userSchema, { email: "a@b.fr", name: "G", role: "ROOT", password: "court" })).toEqual({
      role: ["Choisissez un rôle : administrateur, greffe ou agent."],
      password: ["Le mot de passe doit compter au moins 12 caractères."],
    });
  });

  const councillor = { civility: "MADAME", firstName: "Fabienne", lastName: "VINCENTI", role: "DEPUTY_MAYOR", roleLabel: "", mandateStart: "2020-07-04", mandateEnd: "" };

  it("[validations]: a councillor's dates must exist and the mandate cannot end before it starts", () => {
    expect(councillorSchema.safeParse(councillor).success).toBe(true);
    expect(errorsOf(councillorSchema, { ...councillor, mandateStart: "2021-02-29" }).mandateStart?.[0]).toMatch(/n'existe pas au calendrier/);
    expect(errorsOf(councillorSchema, { ...councillor, mandateStart: "04/07/2020" }).mandateStart?.[0]).toMatch(/jj\/mm\/aaaa/);
    expect(errorsOf(councillorSchema, { ...councillor, mandateEnd: "2019-01-01" })).toEqual({ mandateEnd: ["La fin du mandat ne peut précéder son début."] });
    expect(errorsOf(endMandateSchema, { mandateEnd: "" }).mandateEnd).toBeDefined();
  });

  const sitting = {
    date: "2022-04-07",
    time: "14:00",
    place: "Amphithéâtre de la Verrière",
    kind: "ORDINARY",
    isPublic: true,
    convocationDate: "2022-04-01",
    convenedById: uuid(1),
    presidentId: uuid(1),
    secretaryId: uuid(2),
    reconvened: false,
    listPostedAt: "",
  };

  it("[validations]: a sitting is convened before it opens, posts its list after, and its secretary is not its president", () => {
    expect(sittingSchema.safeParse(sitting).success).toBe(true);
    expect(errorsOf(sittingSchema, { ...sitting, time: "25:00" }).time).toBeDefined();
    expect(errorsOf(sittingSchema, { ...sitting, convocationDate: "2022-04-08", listPostedAt: "2022-04-06", secretaryId: uuid(1) })).toEqual({
      convocationDate: ["La convocation ne peut être postérieure à la séance."],
      listPostedAt: ["La liste des délibérations ne peut être affichée avant la séance."],
      secretaryId: ["Le secrétaire de séance ne peut être le président."],
    });
    expect(errorsOf(sittingSchema, { ...sitting, presidentId: "" }).presidentId?.[0]).toMatch(/Choisissez le président de séance/);
  });

  it("[validations]: an empty sitting date gets one message, and an empty president and secretary are each required, not \"the same\"", () => {
    expect(errorsOf(sittingSchema, { ...sitting, date: "" }).date).toEqual(["Saisissez la date de la séance."]);
    expect(errorsOf(sittingSchema, { ...sitting, date: "07/04/2022" }).date).toEqual(["Saisissez la date de la séance au format jj/mm/aaaa."]);
    const errors = errorsOf(sittingSchema, { ...sitting, presidentId: "", secretaryId: "" });
    expect(errors.presidentId).toEqual(["Choisissez le président de séance : ce champ est obligatoire."]);
    expect(errors.secretaryId).toEqual(["Choisissez le secrétaire de séance : ce champ est obligatoire."]);
  });

  const deliberation = {
    number: "DL.2022-91",
    orderInSitting: "1",
    subject: "CAF - CONVENTION TERRITORIALE GLOBALE",
    reportSubject: "",
    rapporteurId: "",
    service: "",
    matterCode: "7.10",
    policyHeading: "",
    report: "Rapport",
    proposals: "APPROUVER",
    cosignatoryId: "",
    cosignatoryTitle: "",
  };

  it("[validations]: a deliberation's number, rank and matter code are checked with the domain's rules", () => {
    expect(deliberationSchema.safeParse(deliberation).success).toBe(true);
    expect(deliberationSchema.safeParse({ ...deliberation, matterCode: "7.10.2" }).success).toBe(true);
    expect(errorsOf(deliberationSchema, { ...deliberation, number: "DL.2022-091", orderInSitting: "0", matterCode: "12.1", report: " " })).toEqual({
      number: ["Le numéro s'écrit DL.année-numéro d'ordre, par exemple DL.2022-91."],
      orderInSitting: ["Saisissez le rang dans l'ordre du jour, un nombre de 1 à 999."],
      matterCode: [expect.stringContaining("n'existe pas dans la nomenclature ACTES")],
      report: ["Saisissez le rapport présenté au conseil."],
    });
  });

  it("[validations]: a represented councillor names a holder, and only a represented one does", () => {
    const entry = { councillorId: uuid(3), status: "REPRESENTED", proxyHolderId: "", note: "" };
    expect(errorsOf(attendanceSchema, { entries: [entry] })).toEqual({ "entries.0.proxyHolderId": ["Choisissez le mandataire."] });
    expect(errorsOf(attendanceSchema, { entries: [{ ...entry, status: "PRESENT", proxyHolderId: uuid(4) }] })).toEqual({
      "entries.0.proxyHolderId": ["Un mandataire ne s'indique que pour un élu représenté."],
    });
    expect(errorsOf(attendanceSchema, { entries: [] })).toEqual({ entries: ["La liste de présence est vide."] });
  });

  it("[validations]: the sitting's roll call: an opening call, and changes naming a deliberation, a councillor and a holder when represented", () => {
    const opening = [{ councillorId: uuid(1), status: "PRESENT", proxyHolderId: "", note: "" }];
    const change = { deliberationId: uuid(9), councillorId: uuid(1), status: "REPRESENTED", proxyHolderId: uuid(2), note: "part à 20 h" };
    expect(errorsOf(sittingRollCallSchema, { opening, changes: [change] })).toEqual({});
    expect(errorsOf(sittingRollCallSchema, { opening: [], changes: [{ ...change, deliberationId: "", councillorId: "", proxyHolderId: "" }] })).toEqual({
      opening: ["La liste d'appel est vide."],
      "changes.0.councillorId": ["Choisissez l'élu."],
      "changes.0.deliberationId": ["Choisissez la délibération à partir de laquelle ce changement vaut."],
      "changes.0.proxyHolderId": ["Choisissez le mandataire."],
    });
    expect(errorsOf(sittingRollCallSchema, { opening, changes: [{ ...change, status: "ABSENT" }] })).toEqual({
      "changes.0.proxyHolderId": ["Un mandataire ne s'indique que pour un élu représenté."],
    });
    expect([rollCallFieldKey({ kind: "opening", index: 3 }, "status"), rollCallFieldKey({ kind: "change", index: 0 }, "proxyHolderId")]).toEqual([
      "opening.3.status",
      "changes.0.proxyHolderId",
    ]);
  });

  it("[validations]: a public vote names choices other than for; a secret ballot gives whole counts", () => {
    expect(voteSchema.safeParse({ secret: false, choices: [{ councillorId: uuid(1), choice: "AGAINST" }], castingVote: "" }).success).toBe(true);
    expect(voteSchema.safeParse({ secret: false, choices: [{ councillorId: uuid(1), choice: "FOR" }], castingVote: "" }).success).toBe(false);
    expect(errorsOf(voteSchema, { secret: true, votesFor: "dix", votesAgainst: "0", abstentions: "0", nonParticipation: "0" })).toEqual({ votesFor: ["Pour : saisissez un nombre entier."] });
  });

  it("[validations]: the receipt's ACTES identifier is parsed as typed, with the reason of a refusal", () => {
    const receipt = { actesId: "013-211300017-20220407-lmc1210471-DE-1-1", receivedAt: "2022-04-11", signedAt: "2022-04-12", postedAt: "" };
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(errorsOf(receiptSchema, { ...receipt, actesId: "013-211300017-20220407- lmc1210471-DE-1-1" }).actesId?.[0]).toMatch(/ne doit pas contenir d'espace/);
    expect(errorsOf(receiptSchema, { ...receipt, actesId: "013-211300018-20220407-lmc1210471-DE-1-1" }).actesId?.[0]).toMatch(/SIREN/);
  });

  it("[validations]: publication takes an optional past moment; a rectification explains itself", () => {
    expect(publishSchema.safeParse({ publishedOn: "", publishedAtTime: "" }).success).toBe(true);
    expect(errorsOf(publishSchema, { publishedOn: "2022-04-12", publishedAtTime: "10h" }).publishedAtTime).toEqual(["Saisissez l'heure, par exemple 10:00."]);
    expect(errorsOf(rectifySchema, { reason: "erreur" }).reason?.[0]).toMatch(/10 caractères au moins/);
  });

  it("[validations]: parseInput throws a VALIDATION AppError carrying every field's errors", () => {
    expect(() => parseInput(signInSchema, { email: "", password: "" })).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: expect.objectContaining({ email: expect.any(Array) }) }));
    expect(parseInput(signInSchema, { email: "a@b.fr", password: "x" })).toEqual({ email: "a@b.fr", password: "x" });
  });
});
