"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";

  return (
    <div role="alert" className="max-w-2xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-muted">Erreur</p>
      <h1 className="mt-2 text-3xl font-bold">Le registre est momentanément indisponible</h1>
      <p className="mt-4">
        Une erreur est survenue pendant l&apos;affichage de cette page. Réessayez dans quelques instants ; si le problème
        persiste, contactez la mairie.
      </p>
      {digest ? <p className="mt-2 text-sm text-muted">Référence de l&apos;erreur : {digest}</p> : null}
      <div className="mt-6 flex flex-wrap gap-4">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-hover"
        >
          Réessayer
        </button>
        <Link href="/" className="px-4 py-2">
          Retour à l&apos;accueil
        </Link>
      </div>
    </div>
  );
}
