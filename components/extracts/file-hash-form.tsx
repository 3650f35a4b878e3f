"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Computes the file's SHA-256 in the browser: the file itself is never sent. */
export function FileHashForm() {
  const router = useRouter();
  const inputId = useId();
  const hintId = useId();
  const [status, setStatus] = useState<string>("");

  async function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (!globalThis.crypto?.subtle) {
      setStatus("Votre navigateur ne permet pas de calculer l'empreinte du fichier : saisissez le code imprimé sur le document.");
      return;
    }
    setStatus(`Calcul de l'empreinte de « ${file.name} »…`);
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    setStatus(`Empreinte calculée, vérification en cours…`);
    router.push(`/verifier?empreinte=${toHex(digest)}`);
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
        aria-describedby={hintId}
        onChange={(event) => void onChange(event)}
        className="mt-2 block w-full max-w-md rounded border border-line p-2"
      />
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {status}
      </p>
    </div>
  );
}
