/** For the back office's deliberation page: the staff download (a working document until the act is published). */
export function WorkingDocumentLink({ deliberationId, published }: { deliberationId: string; published: boolean }) {
  return (
    <a href={`/api/extracts/deliberations/${deliberationId}`} className="font-semibold">
      {published ? "Télécharger l'extrait certifié (PDF signé)" : "Télécharger le document de travail (PDF non signé)"}
    </a>
  );
}
