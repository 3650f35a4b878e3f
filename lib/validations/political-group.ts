import { z } from "@/lib/validations/zod";
import { isoDateSchema, optionalIsoDateSchema, uuidSchema } from "./common";

export const politicalGroupSchema = z.object({
  name: z.string().trim().min(1, "Saisissez le nom du groupe.").max(120, "Le nom est trop long (120 caractères au plus)."),
});
export type PoliticalGroupInput = z.input<typeof politicalGroupSchema>;

/** A councillor joins a group from a day, until a day or further notice. */
export const groupMembershipSchema = z.object({
  groupId: uuidSchema("Choisissez le groupe."),
  councillorId: uuidSchema("Choisissez l'élu."),
  startsOn: isoDateSchema("la date d'entrée dans le groupe"),
  endsOn: optionalIsoDateSchema("la date de sortie du groupe"),
});
export type GroupMembershipInput = z.input<typeof groupMembershipSchema>;

/** A membership ends on a day. */
export const endGroupMembershipSchema = z.object({ endsOn: isoDateSchema("la date de sortie du groupe") });
export type EndGroupMembershipInput = z.input<typeof endGroupMembershipSchema>;
