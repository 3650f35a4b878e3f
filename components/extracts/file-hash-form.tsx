"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Every PDF starts with "%PDF-" (ISO 32000), within its first kilobyte. */
async function looksLikePdf(file: File): Promise<boolean> {
  const head = new TextDecoder("latin1").decode(await file.slice(0, 1024).arrayBuffer());
  return head.includes("%PDF-");
}

/** Computes the file's SHA-256 in the browser: the file itself is never sent. */
export function FileHashForm() {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string>("");
  const [checking, startChecking] = useTransition();
  const awaitingVerdict = useRef(false);

  // The verdict has arrived (further down the page): the progress message goes, the verdict takes the focus.
  useEffect(() => {
    if (checking || !awaitingVerdict.current) return;
    awaitingVerdict.current = false;
    setStatus("");
    document.getElementById("resultat")?.focus();
  }, [checking]);

  async function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setError("");
    setStatus("");
    if (!file) return;
    if (!(await looksLikePdf(file))) {
      setError(
        `« ${file.name} » n'est pas un fichier PDF : seuls les extraits et listes de délibérations délivrés en PDF par ce portail peuvent être vérifiés.`,
      );
      return;
    }
    if (!globalThis.crypto?.subtle) {
      setStatus("Votre navigateur ne permet pas de calculer l'empreinte du fichier : saisissez le code imprimé sur le document.");
      return;
    }
    setStatus(`Calcul de l'empreinte de « ${file.name} »…`);
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    setStatus("Empreinte calculée, vérification en cours…");
    awaitingVerdict.current = true;
    startChecking(() => router.push(`/verifier?empreinte=${toHex(digest)}`, { scroll: false }));
  }

  return (
    <div>
      <label htmlFor={inputId} className="block font-semibold">
        Fichier PDF à vérifier
      </label>
      <p id={hintId} className="mt-1 text-sm text-muted">
        Format PDF. Le fichier reste sur votre appareil : seule son empreinte (SHA-256) est envoyée au portail.
      </p>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(event) => void onChange(event)}
        className="mt-2 block w-full max-w-md rounded border border-line p-2"
      />
      <p id={errorId} role="alert" className="mt-2 font-semibold text-danger">
        {error}
      </p>
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {status}
      </p>
    </div>
  );
}
