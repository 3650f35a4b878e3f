import { matchName, type MatchableCouncillor, type NameMatchHow } from "@/lib/domain/name-matching";
import { extractDocumentText } from "./document-text";
import { readMinutes, type ProposedSitting } from "./read-minutes";

// What the assistant proposes for an old extract or minutes: the sittings it
// read, each name matched to the municipality's councillors when one alone
// fits, with the candidates when several or none do. Nothing here is saved:
// the clerk reviews the proposal (reviewedMinutesSchema) and only then it
// becomes archived acts (toArchivedActs).

/** A councillor of the municipality, as the matcher needs them (mandate days to tell namesakes of two terms apart). */
export type ImportCouncillor = MatchableCouncillor;

export type ProposedMatch = {
  /** The name as the document writes it. */
  written: string;
  councillorId: string | null;
  /** Who it may be when it is not sure: several namesakes, a near spelling. */
  candidates: { id: string; name: string }[];
  how: NameMatchHow | null;
};

export type MinutesProposalSitting = ProposedSitting & { matches: ProposedMatch[] };

export type MinutesProposal = {
  fileName: string;
  format: "pdf" | "text";
  sittings: MinutesProposalSitting[];
  warnings: string[];
};

function writtenNames(sitting: ProposedSitting): string[] {
  const names = [
    sitting.president,
    sitting.secretary,
    ...sitting.present,
    ...sitting.proxies.flatMap((proxy) => [proxy.giver, proxy.holder]),
    ...sitting.excusedWithoutProxy,
    ...sitting.absent,
    ...sitting.arrivals.map((movement) => movement.name),
    ...sitting.departures.map((movement) => movement.name),
  ];
  return [...new Set(names.filter((name): name is string => name !== null))];
}

/** Each name of a sitting against the councillors in office on its day. */
export function matchSitting(sitting: ProposedSitting, councillors: readonly ImportCouncillor[]): MinutesProposalSitting {
  const byId = new Map(councillors.map((councillor) => [councillor.id, `${councillor.firstName} ${councillor.lastName}`]));
  const warnings = [...sitting.warnings];
  const matches = writtenNames(sitting).map((written): ProposedMatch => {
    const civility = sitting.civilities[written];
    const found = matchName(civility ? `${civility} ${written}` : written, councillors, { day: sitting.date });
    const candidates = found.candidateIds.map((id) => ({ id, name: byId.get(id) as string }));
    if (!found.councillorId && councillors.length) {
      warnings.push(
        candidates.length
          ? `« ${written} » peut désigner ${candidates.map((candidate) => candidate.name).join(" ou ")} : choisissez.`
          : `« ${written} » ne correspond à aucun élu en fonction ce jour-là : choisissez-le dans la liste ou ajoutez-le aux élus.`,
      );
    }
    return { written, councillorId: found.councillorId, candidates, how: found.how };
  });
  return { ...sitting, matches, warnings };
}

/**
 * Reads an extract or minutes (PDF or text) and proposes its sittings, names
 * matched to the municipality's councillors. Refuses, in French, what cannot
 * be read (a scanned PDF, a Word file, an empty file).
 */
export async function proposeFromDocument(bytes: Uint8Array, fileName: string, councillors: readonly ImportCouncillor[]): Promise<MinutesProposal> {
  const document = await extractDocumentText(bytes, fileName);
  const reading = readMinutes(document.text);
  return {
    fileName,
    format: document.kind,
    sittings: reading.sittings.map((sitting) => matchSitting(sitting, councillors)),
    warnings: [...document.warnings, ...reading.warnings],
  };
}
