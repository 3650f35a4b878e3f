"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { CheckboxField, FormStatus, SelectField } from "@/components/forms/fields";
import { ImportReportView, type ImportReportData } from "@/components/admin/import-report";
import { MinutesReview, type ReviewFile } from "@/components/admin/minutes-review";
import type { MinutesReviewData } from "@/lib/import/web/import-upload";

type Line =
  | { type: "progress"; phase: "digest" | "import"; bytes: number; size: number; totals: { rowsRead: number; created: number } | null }
  | { type: "report"; report: ImportReportData }
  | { type: "proposal"; proposal: MinutesReviewData; file: ReviewFile }
  | { type: "error"; message: string };

type Progress = { label: string; value: number | null; max: number };

const FORMAT_OPTIONS = [
  { value: "", label: "Deviner d'après le contenu" },
  { value: "scdl", label: "Fichier SCDL « Délibérations » (CSV)" },
  { value: "minutes", label: "Procès-verbal ou extrait ancien (PDF ou texte)" },
];

const mebibytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;

/**
 * Sends the file as it is read (XMLHttpRequest: the upload's progress), then
 * reads the server's answer line by line as the import goes (NDJSON).
 */
function upload(file: File, query: URLSearchParams, onLine: (line: Line) => void, onUploaded: (loaded: number, total: number) => void): Promise<void> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    let read = 0;
    const drain = (final: boolean) => {
      const text = request.responseText;
      let end = text.indexOf("\n", read);
      while (end !== -1) {
        const raw = text.slice(read, end).trim();
        read = end + 1;
        if (raw) {
          try {
            onLine(JSON.parse(raw) as Line);
          } catch {
            onLine({ type: "error", message: "Réponse du serveur illisible." });
          }
        }
        end = text.indexOf("\n", read);
      }
      if (final && read < text.length && text.slice(read).trim()) {
        try {
          onLine(JSON.parse(text.slice(read)) as Line);
        } catch {
          onLine({ type: "error", message: "Réponse du serveur illisible." });
        }
      }
    };
    request.upload.onprogress = (event) => onUploaded(event.loaded, event.total || file.size);
    request.onprogress = () => drain(false);
    request.onload = () => {
      drain(true);
      resolve();
    };
    request.onerror = () => {
      onLine({ type: "error", message: "La connexion au serveur a été coupée : rien n'a été importé. Réessayez." });
      resolve();
    };
    request.open("POST", `/admin/import/televersement?${query.toString()}`);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    request.send(file);
  });
}

/** The back office's import: a file, a dry run's report or a proposal to review, then the import itself. */
export function ImportUpload({ refreshPublicPages }: { refreshPublicPages: (importId: string) => Promise<unknown> }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [format, setFormat] = useState("");
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [fileError, setFileError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [review, setReview] = useState<{ proposal: MinutesReviewData; file: ReviewFile } | null>(null);

  async function run(dryRun: boolean) {
    const file = input.current?.files?.[0];
    if (!file) {
      setFileError(["Choisissez le fichier à importer."]);
      setMessage({ text: "Le formulaire contient des erreurs : corrigez les champs signalés.", tone: "error" });
      return;
    }
    setFileError(undefined);
    setMessage(null);
    setReport(null);
    setReview(null);
    setPending(true);
    setProgress({ label: "Envoi du fichier", value: 0, max: file.size });
    const query = new URLSearchParams({ dryRun: String(dryRun), skipInvalid: String(skipInvalid) });
    if (format) query.set("format", format);
    await upload(
      file,
      query,
      (line) => {
        if (line.type === "progress") {
          const rows = line.totals ? `, ${line.totals.rowsRead.toLocaleString("fr-FR")} lignes lues` : "";
          setProgress({ label: line.phase === "digest" ? "Empreinte du fichier" : `Import en cours${rows}`, value: line.bytes, max: line.size || 1 });
        } else if (line.type === "report") {
          setReport(line.report);
          const importId = line.report.importId;
          setMessage({
            text: line.report.refused
              ? "Import refusé : rien n'a été enregistré. Le rapport dit quelles lignes corriger."
              : importId !== null
                ? "Import enregistré : les actes sont publiés."
                : "Essai à blanc terminé : rien n'a été enregistré. Relisez le rapport, puis importez.",
            tone: line.report.refused ? "error" : "success",
          });
          if (importId !== null) void refreshPublicPages(importId).then(() => router.refresh());
        } else if (line.type === "proposal") {
          setReview({ proposal: line.proposal, file: line.file });
          setMessage({ text: "Document lu : vérifiez et corrigez la proposition ci-dessous avant de l'importer.", tone: "success" });
        } else setMessage({ text: line.message, tone: "error" });
      },
      (loaded, total) => setProgress({ label: `Envoi du fichier (${mebibytes(loaded)} sur ${mebibytes(total)})`, value: loaded, max: total }),
    );
    setProgress(null);
    setPending(false);
  }

  return (
    <div className="flex flex-col gap-6">
      <form
        noValidate
        className="flex max-w-2xl flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}
      >
        <FormStatus message={message?.text ?? null} tone={message?.tone ?? "error"} />
        <div className="flex flex-col gap-1">
          <label htmlFor="importFile" className="font-medium">
            Fichier<span aria-hidden="true"> *</span>
          </label>
          <p id="importFile-hint" className="text-sm text-muted">
            Un fichier SCDL « Délibérations » (CSV, tel que publié sur data.gouv.fr, 512 Mo au plus), ou un procès-verbal ou extrait ancien (PDF avec texte, ou texte).
          </p>
          <input
            ref={input}
            id="importFile"
            name="file"
            type="file"
            accept=".csv,text/csv,.pdf,application/pdf,.txt,text/plain"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "importFile-hint importFile-error" : "importFile-hint"}
          />
          {fileError ? (
            <p id="importFile-error" className="text-sm font-medium text-danger">
              {fileError.join(" ")}
            </p>
          ) : null}
        </div>
        <SelectField id="importFormat" label="Format" value={format} onChange={setFormat} options={FORMAT_OPTIONS} />
        <CheckboxField
          id="importSkipInvalid"
          label="Écarter les lignes refusées et importer les autres"
          hint="Sans cette case, une seule ligne refusée et rien n'est importé."
          checked={skipInvalid}
          onChange={setSkipInvalid}
        />
        <div className="flex flex-wrap gap-3">
          <Button pending={pending} type="submit">
            Vérifier sans rien enregistrer
          </Button>
          <Button pending={pending} type="button" onClick={() => void run(false)} secondary>
            Importer
          </Button>
        </div>
        {progress ? (
          <div role="status" className="flex flex-col gap-1">
            <label htmlFor="importProgress">{progress.label}</label>
            <progress id="importProgress" max={progress.max} value={progress.value ?? undefined} className="w-full" />
          </div>
        ) : null}
      </form>
      {report ? <ImportReportView report={report} /> : null}
      {review ? (
        <MinutesReview
          proposal={review.proposal}
          file={review.file}
          onImported={(imported) => {
            setReview(null);
            setReport(imported);
            const written = imported.importId !== null;
            setMessage({ text: written ? "Import enregistré : les actes sont publiés." : "Import refusé : rien n'a été enregistré. Le rapport dit pourquoi.", tone: written ? "success" : "error" });
            if (written) router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function Button({ pending, children, type, onClick, secondary }: { pending: boolean; children: ReactNode; type: "submit" | "button"; onClick?: () => void; secondary?: boolean }) {
  return (
    <button
      type={type}
      onClick={onClick}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-5 py-2 font-medium disabled:opacity-70 ${secondary ? "border border-brand text-brand hover:bg-brand-soft" : "bg-brand text-white hover:bg-brand-hover"}`}
    >
      {children}
    </button>
  );
}
