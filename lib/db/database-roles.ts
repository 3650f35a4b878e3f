import type { Env } from "@/lib/env";
import { roleOf } from "./privileges";

// Which connection migrates and which one the portal uses, on a server given
// by DATABASE_URL: with DATABASE_OWNER_URL the owner migrates and grants the
// runtime role (DATABASE_URL's user) its rights; without it, one role does
// both, as before, and the portal then holds the owner's rights.

export type ServerDatabaseRoles = { ownerUrl: string; runtimeUrl: string; runtimeRole?: string };

export function serverDatabaseRoles(env: Pick<Env, "DATABASE_URL" | "DATABASE_OWNER_URL">): ServerDatabaseRoles | undefined {
  if (!env.DATABASE_URL) return undefined;
  if (!env.DATABASE_OWNER_URL) return { ownerUrl: env.DATABASE_URL, runtimeUrl: env.DATABASE_URL };
  return { ownerUrl: env.DATABASE_OWNER_URL, runtimeUrl: env.DATABASE_URL, runtimeRole: roleOf(env.DATABASE_URL) };
}

export const SINGLE_ROLE_WARNING =
  "DATABASE_OWNER_URL n'est pas défini : le portail se connecte avec le rôle propriétaire des tables, qui peut désactiver les déclencheurs et vider le journal d'audit. Voir le README, section Sécurité.";
