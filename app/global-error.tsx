"use client";

import { useEffect } from "react";
import "./globals.css";

// Replaces the root layout when it fails: its own document, in French, without the database.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <title>Erreur · Registre des délibérations</title>
        <header className="border-b border-line px-4 py-4 sm:px-6">
          <p className="text-xl font-bold">Registre des délibérations du conseil municipal</p>
        </header>
        <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          <div role="alert">
            <h1 className="text-3xl font-bold">Le registre est momentanément indisponible</h1>
            <p className="mt-4">Une erreur est survenue. Réessayez dans quelques instants.</p>
            <div className="mt-6 flex flex-wrap gap-4">
              <button
                type="button"
                onClick={() => retry()}
                className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-hover"
              >
                Réessayer
              </button>
              {/* A full reload: the root layout has failed, client navigation would reuse it. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/" className="px-4 py-2">
                Retour à l&apos;accueil
              </a>
            </div>
          </div>
        </main>
        <footer className="border-t-4 border-brand bg-surface px-4 py-6 text-sm sm:px-6">
          <p>Registre, logiciel libre.</p>
        </footer>
      </body>
    </html>
  );
}
