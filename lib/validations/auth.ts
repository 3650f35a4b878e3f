import { z } from "@/lib/validations/zod";

// The sign-in form: the same schema checks the browser's input and the server's.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Saisissez votre adresse électronique.")
    .pipe(z.string().email("Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.")),
  password: z.string().min(1, "Saisissez votre mot de passe.").max(200, "Le mot de passe est trop long."),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** The one message for every failure: it must not tell whether the account exists. */
export const SIGN_IN_FAILED_MESSAGE =
  "Connexion impossible : adresse ou mot de passe incorrect, compte désactivé ou trop de tentatives. Vérifiez votre saisie ou réessayez dans quinze minutes.";
