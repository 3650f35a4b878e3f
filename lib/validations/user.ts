import { z } from "@/lib/validations/zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

export const roleSchema = z.enum(["ADMIN", "CLERK", "STAFF"], { error: "Choisissez un rôle : administrateur, greffe ou agent." });

export const userSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Saisissez l'adresse électronique.")
    .pipe(z.string().email("Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.")),
  name: z.string().trim().min(1, "Saisissez le nom de la personne.").max(200, "Le nom est trop long (200 caractères au plus)."),
  role: roleSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
    .max(200, "Le mot de passe est trop long (200 caractères au plus)."),
});

export type UserInput = z.infer<typeof userSchema>;

/** Editing an account: name, role, status; a new password only when one is typed. */
export const userUpdateSchema = userSchema.pick({ name: true, role: true }).extend({
  disabled: z.boolean(),
  password: z.union([z.literal(""), userSchema.shape.password]),
});

export type UserUpdateInput = z.input<typeof userUpdateSchema>;
export type UserUpdateData = z.output<typeof userUpdateSchema>;
