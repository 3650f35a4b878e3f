import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { getSessionUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Connexion à l'espace du greffe", robots: { index: false } };

/** Only paths of the back office are followed after signing in (no open redirect). */
function safeReturnTo(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && /^\/admin(\/|$|\?)/.test(path) ? path : "/admin";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnTo(params.retour);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Connexion à l&apos;espace du greffe</h1>
      <p className="mt-2 text-muted">Réservé aux agents de la mairie. Les citoyens consultent les délibérations sans compte.</p>
      <div className="mt-6">
        <SignInForm returnTo={returnTo} />
      </div>
    </div>
  );
}
