// What the audit trail's codes mean, in French, for the journal: one table of
// the actions every use case writes, one of the kinds of records they touch.
// A code missing here is shown as it is (an older or new action), never hidden.

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "councillor.create": "Élu ajouté",
  "councillor.update": "Élu modifié",
  "councillor.end-mandate": "Fin de mandat d'un élu",
  "deliberation.create": "Projet de délibération créé",
  "deliberation.update": "Contenu de la délibération modifié",
  "deliberation.attendance": "Liste de présence enregistrée",
  "deliberation.vote": "Vote enregistré",
  "deliberation.cancel-vote": "Vote annulé",
  "deliberation.withdraw": "Délibération retirée de l'ordre du jour",
  "deliberation.reinstate": "Délibération remise en projet",
  "deliberation.transmit": "Accusé de réception de la préfecture enregistré",
  "deliberation.receipt-correct": "Accusé de réception corrigé",
  "deliberation.publish": "Délibération publiée",
  "deliberation.rectify": "Rectification créée",
  "deliberation.annex-add": "Annexe ajoutée",
  "deliberation.annex-remove": "Annexe retirée",
  "sitting.create": "Séance créée",
  "sitting.update": "Séance modifiée",
  "sitting.list-posting": "Affichage de la liste des délibérations enregistré",
  "minutes.create": "Procès-verbal commencé",
  "minutes.update": "Procès-verbal modifié",
  "minutes.submit": "Procès-verbal soumis à une séance",
  "minutes.withdraw": "Soumission du procès-verbal retirée",
  "minutes.adopt": "Adoption du procès-verbal enregistrée",
  "minutes.publish": "Procès-verbal publié",
  "minutes.correct": "Nouvelle version du procès-verbal créée",
  "sitting.cancel": "Séance annulée",
  "agenda_item.create": "Point ajouté à l'ordre du jour",
  "agenda_item.update": "Point de l'ordre du jour modifié",
  "agenda_item.move": "Point de l'ordre du jour déplacé",
  "agenda_item.remove": "Point retiré de l'ordre du jour",
  "convocation.send": "Envoi de la convocation enregistré",
  "group.create": "Groupe politique créé",
  "group.membership.add": "Élu inscrit dans un groupe",
  "group.membership.end": "Appartenance à un groupe terminée",
  "municipality.create": "Collectivité créée",
  "municipality.update": "Réglages de la collectivité modifiés",
  "derogation_window.create": "Période dérogatoire ajoutée",
  "derogation_window.update": "Période dérogatoire modifiée",
  "derogation_window.delete": "Période dérogatoire supprimée",
  "extract.issue": "Extrait signé délivré",
  "archive.import": "Archive importée",
  "user.create": "Compte créé",
  "user.update": "Compte modifié",
  "portal.import": "Portail importé depuis un export de Registre",
  "seed.reference": "Cas de référence chargé",
  "seed.demo": "Données de démonstration chargées",
  "seed.e2e-entry": "Données d'essai chargées",
};

/** The kinds of records, by their lower-case code (the seed writes "Deliberation", the use cases "deliberation": one kind). */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  deliberation: "Délibération",
  sitting: "Séance",
  minutes: "Procès-verbal",
  councillor: "Élu",
  annex: "Annexe",
  municipality: "Collectivité",
  derogation_window: "Période dérogatoire",
  issued_extract: "Extrait signé",
  user: "Compte",
  political_group: "Groupe politique",
  group_membership: "Appartenance à un groupe",
  agenda_item: "Point de l'ordre du jour",
  archive_import: "Archive importée",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** One key per kind of record, whatever its case in the trail. */
export function auditEntityKey(entity: string): string {
  return entity.toLowerCase();
}

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[auditEntityKey(entity)] ?? entity;
}
