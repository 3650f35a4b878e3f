import { AppError } from "@/lib/errors";

// Who may do what in the back office. ADMIN: users and municipality settings
// (and everything a clerk does); CLERK: sittings, councillors, deliberations;
// STAFF: read drafts, download certified extracts.

export type Role = "ADMIN" | "CLERK" | "STAFF";

export type SessionUser = { id: string; municipalityId: string; email: string; name: string; role: Role };

export const ROLES: readonly Role[] = ["ADMIN", "CLERK", "STAFF"];
export const BACK_OFFICE_ROLES: readonly Role[] = ROLES;
/** Who records sittings, councillors and deliberations. */
export const EDITOR_ROLES: readonly Role[] = ["ADMIN", "CLERK"];
export const ADMIN_ROLES: readonly Role[] = ["ADMIN"];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrateur",
  CLERK: "Greffe",
  STAFF: "Agent",
};

/** The session's user when their role is in `roles`; otherwise the refusal a page or action reports. */
export function authorize(user: SessionUser | null, roles: readonly Role[]): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "Connectez-vous pour accéder à l'espace du greffe.");
  if (!roles.includes(user.role)) {
    throw new AppError("FORBIDDEN", "Votre rôle ne permet pas cette opération : demandez-la à un administrateur ou au greffe.");
  }
  return user;
}
