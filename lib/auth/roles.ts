import { AppError } from "@/lib/errors";

// Who may do what in the back office. ADMIN: users and municipality settings
// (and everything a clerk does); CLERK: sittings, councillors, deliberations;
// STAFF: read drafts, download certified extracts.

export type Role = "ADMIN" | "CLERK" | "STAFF";

export type SessionUser = { id: string; municipalityId: string; email: string; name: string; role: Role };

export const ROLES: readonly Role[] = ["ADMIN", "CLERK", "STAFF"];
export const BACK_OFFICE_ROLES: readonly Role[] = ROLES;
const EDITORS = ["ADMIN", "CLERK"] as const;
const ADMINS = ["ADMIN"] as const;
/** Who records sittings, councillors and deliberations (typed wide, so that a page can ask `includes(user.role)`). */
export const EDITOR_ROLES: readonly Role[] = EDITORS;
export const ADMIN_ROLES: readonly Role[] = ADMINS;

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrateur",
  CLERK: "Greffe",
  STAFF: "Agent",
};

/**
 * A user whose role has been checked to be one of `R`: what a use case's core takes, so it cannot be
 * handed an unchecked one. `id` is null for the installation itself (the seed), which writes through
 * the same cores without anyone signed in: its audit rows name no user.
 */
export type Actor<R extends Role = Role> = Omit<SessionUser, "id" | "role"> & { id: string | null; role: R };
/** Records sittings, councillors and deliberations. */
export type Editor = Actor<(typeof EDITORS)[number]>;
/** Manages users and the municipality's settings. */
export type Admin = Actor<(typeof ADMINS)[number]>;

/** The session's user when their role is in `roles`; otherwise the refusal a page or action reports. */
export function authorize<R extends Role>(user: SessionUser | null, roles: readonly R[]): SessionUser & Actor<R> {
  if (!user) throw new AppError("UNAUTHENTICATED", "Connectez-vous pour accéder à l'espace du greffe.");
  if (!(roles as readonly Role[]).includes(user.role)) {
    throw new AppError("FORBIDDEN", "Votre rôle ne permet pas cette opération : demandez-la à un administrateur ou au greffe.");
  }
  return user as SessionUser & Actor<R>;
}

/** The role guard of every write on sittings, councillors and deliberations. */
export function authorizeEditor(user: SessionUser | null): Editor {
  return authorize(user, EDITORS);
}

/** The role guard of users and municipality settings. */
export function authorizeAdmin(user: SessionUser | null): Admin {
  return authorize(user, ADMINS);
}

/** The installation writing its own data (the reference case, the demo): an administrator that is no user. */
export function installationActor(municipalityId: string): Admin {
  return { id: null, municipalityId, email: "", name: "Installation de Registre", role: "ADMIN" };
}
