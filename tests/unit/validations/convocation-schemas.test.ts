import { describe, expect, it } from "vitest";
import { agendaItemSchema, convocationSendingSchema } from "@/lib/validations/agenda";
import { councillorSchema } from "@/lib/validations/councillor";
import { municipalitySettingsSchema } from "@/lib/validations/municipality";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("the convocation's forms", () => {
  const settings = {
    name: "Ville de Test", communeName: "Test", address: "Hôtel de Ville", email: "", phone: "", website: "",
    administrativeCourt: "Tribunal administratif de Marseille", membersInOffice: "29", appealNotice: "Recours.", annexNotice: "",
  };

  it("[settings]: the population is read with French thousands separators; empty is unknown; left out, unchanged", () => {
    expect(municipalitySettingsSchema.parse({ ...settings, population: "143 000" }).population).toBe(143_000);
    expect(municipalitySettingsSchema.parse({ ...settings, population: "3\u202f499" }).population).toBe(3499);
    expect(municipalitySettingsSchema.parse({ ...settings, population: "" }).population).toBeNull();
    expect(municipalitySettingsSchema.parse(settings).population).toBeUndefined();
    expect(errorsOf(municipalitySettingsSchema.safeParse({ ...settings, population: "beaucoup" }))).toEqual({
      population: "Saisissez la population légale en nombre entier d'habitants, par exemple 143 000, ou laissez vide si elle est inconnue.",
    });
  });

  it("[councillor]: the convocation's address is optional and checked", () => {
    const councillor = { civility: "MADAME", firstName: "Anne", lastName: "MARTIN", role: "COUNCILLOR", roleLabel: "", mandateStart: "2020-07-04", mandateEnd: "" };
    expect(councillorSchema.safeParse({ ...councillor, email: "", paperOnRequest: true }).success).toBe(true);
    expect(councillorSchema.safeParse({ ...councillor, email: "anne.martin@mairie.fr" }).success).toBe(true);
    expect(Object.keys(errorsOf(councillorSchema.safeParse({ ...councillor, email: "anne.martin" })))).toEqual(["email"]);
  });

  it("[agenda]: a deliberation item needs a draft or a matter; a PV approval, its sitting", () => {
    const base = { title: "Point", summaryNote: "", deliberationId: "", matterCode: "", minutesSittingId: "" };
    expect(Object.keys(errorsOf(agendaItemSchema.safeParse({ ...base, kind: "DELIBERATION" })))).toEqual(["matterCode"]);
    expect(agendaItemSchema.safeParse({ ...base, kind: "DELIBERATION", matterCode: "7.10" }).success).toBe(true);
    expect(Object.keys(errorsOf(agendaItemSchema.safeParse({ ...base, kind: "MINUTES_APPROVAL" })))).toEqual(["minutesSittingId"]);
    expect(agendaItemSchema.safeParse({ ...base, kind: "ORAL_QUESTION" }).success).toBe(true);
    expect(Object.keys(errorsOf(agendaItemSchema.safeParse({ ...base, kind: "COMMUNICATION", title: " " })))).toEqual(["title"]);
  });

  it("[convocation]: by hand, the day and hour are required; an urgency needs its reason", () => {
    expect(Object.keys(errorsOf(convocationSendingSchema.safeParse({ mode: "manual", sentDate: "", sentTime: "", urgent: true, urgencyReason: "" }))).sort()).toEqual(["sentDate", "sentTime", "urgencyReason"]);
    expect(convocationSendingSchema.safeParse({ mode: "smtp", sentDate: "", sentTime: "", urgent: false, urgencyReason: "" }).success).toBe(true);
    expect(convocationSendingSchema.safeParse({ mode: "manual", sentDate: "2030-03-08", sentTime: "09:30", urgent: true, urgencyReason: "Tempête." }).success).toBe(true);
  });
});
