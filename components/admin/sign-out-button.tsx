"use client";

import { signOut } from "next-auth/react";
import { clearAllLocalDrafts } from "@/components/forms/local-draft";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => {
        clearAllLocalDrafts();
        void signOut({ callbackUrl: "/connexion" });
      }} className="rounded border border-brand px-3 py-1 text-brand hover:bg-brand-soft">
      Se déconnecter
    </button>
  );
}
