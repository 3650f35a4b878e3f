import type { Metadata } from "next";
import Link from "next/link";
import { FileHashForm } from "@/components/extracts/file-hash-form";
import { VerificationResult } from "@/components/extracts/verification-result";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { normalizeSha256, normalizeVerificationCode } from "@/lib/extracts/verification-code";
import { verifyIssuedExtract, type ExtractVerification } from "@/lib/extracts/verify-issued-extract";
import { getCurrentMunicipality } from "@/lib/municipality/get-current-municipality";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Vérifier un extrait",
  description: "Vérifier qu'un extrait du registre des délibérations a bien été délivré par le portail et n'a pas été modifié.",
};

type Props = { searchParams: Promise<{ code?: string | string[]; empreinte?: string | string[] }> };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function VerifyPage({ searchParams }: Props) {
  const params = await searchParams;
  const codeInput = single(params.code)?.trim() ?? "";
  const hashInput = single(params.empreinte)?.trim() ?? "";
  const municipality = await getCurrentMunicipality();

  let result: { by: "file" | "code"; verification: ExtractVerification | null } | null = null;
  let codeError: string | null = null;
  if (hashInput) {
    const sha256 = normalizeSha256(hashInput);
    result = { by: "file", verification: sha256 ? await verifyIssuedExtract({ municipalityId: municipality.id, lookup: { sha256 } }) : null };
  } else if (codeInput) {
    const verificationCode = normalizeVerificationCode(codeInput);
    if (!verificationCode) codeError = "Le code comporte 12 lettres ou chiffres, par exemple 7KQ2-M9XD-4HPA.";
    else result = { by: "code", verification: await verifyIssuedExtract({ municipalityId: municipality.id, lookup: { verificationCode } }) };
  }

  return (
    <div className="max-w-3xl">
      <Breadcrumb crumbs={[{ label: "Accueil", href: "/" }, { label: "Vérifier un extrait" }]} />
      <h1 className="text-3xl font-bold">Vérifier un extrait</h1>
      <p className="mt-4">
        Les extraits du registre des délibérations et les listes de délibérations délivrés par ce portail sont signés
        électroniquement. Vérifiez ici qu&apos;un document a bien été délivré par {municipality.name}, pour quel acte, quand, et
        s&apos;il a été remplacé depuis par une version plus récente.
      </p>

      <section aria-labelledby="par-fichier" className="mt-8">
        <h2 id="par-fichier" className="text-2xl font-bold">
          Avec le fichier
        </h2>
        <div className="mt-3">
          <FileHashForm />
        </div>
      </section>

      <section aria-labelledby="par-code" className="mt-8">
        <h2 id="par-code" className="text-2xl font-bold">
          Avec le code imprimé sur le document
        </h2>
        <form method="get" action="/verifier" className="mt-3" noValidate>
          <label htmlFor="code" className="block font-semibold">
            Code de vérification
          </label>
          <p id="code-aide" className="mt-1 text-sm text-muted">
            12 caractères, sous le cachet de signature, par exemple 7KQ2-M9XD-4HPA.
          </p>
          {codeError ? (
            <p id="code-erreur" className="mt-1 font-semibold text-danger">
              {codeError}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-2">
            <input
              id="code"
              name="code"
              defaultValue={codeInput}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={codeError ? "code-aide code-erreur" : "code-aide"}
              aria-invalid={codeError ? true : undefined}
              className="w-64 rounded border border-line p-2 font-mono uppercase"
            />
            <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
              Vérifier le code
            </button>
          </div>
        </form>
      </section>

      <div aria-live="polite">{result ? <VerificationResult verification={result.verification} by={result.by} zone={municipality.timeZone} /> : null}</div>

      <section aria-labelledby="signature" className="mt-10 text-sm">
        <h2 id="signature" className="text-lg font-bold">
          À propos de la signature
        </h2>
        <p className="mt-2">
          La signature électronique intégrée au PDF (format PAdES) peut aussi être contrôlée par un lecteur PDF : elle couvre
          tout le document, et la moindre modification la rend invalide.
        </p>
        <p className="mt-2">
          Le journal des opérations du portail se vérifie lui aussi : voir ses{" "}
          <Link href="/verifier/journal">points de contrôle signés</Link>.
        </p>
      </section>
    </div>
  );
}
