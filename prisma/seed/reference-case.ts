import type { Civility, CouncillorRole } from "@/lib/db/generated/enums";
import type {
  AttendanceSeed,
  CalendarDate,
  CouncillorSeed,
  DeliberationSeed,
  MunicipalitySeed,
  NameOf,
  SittingSeed,
  VoteSeed,
} from "./types";

// The reference case: the certified extract of deliberation DL.2022-91 of the
// municipal council of Aix-en-Provence, sitting of 7 April 2022
// (/work/shared/reference/aix-DL-2022-91.txt), as data. Every name, wording
// and figure is the extract's; where the extract is silent, the value is an
// assumption and says so. Not demo data: nothing here is flagged isDemo.

export const referenceMunicipality = {
  slug: "aix-en-provence",
  name: "Ville d'Aix-en-Provence",
  communeName: "Aix-en-Provence",
  siren: "211300017",
  // Assumed: the SIRET of the Hôtel de Ville (SIREN + NIC 00011). The extract gives only the SIREN.
  siret: "21130001700011",
  departmentCode: "013",
  address: "Hôtel de Ville, 13616 Aix-en-Provence Cedex 1",
  email: "assemblees@mairie-aixenprovence.fr",
  phone: "04 42 91 90 00",
  website: null,
  administrativeCourt: "Tribunal administratif de Marseille",
  membersInOffice: 55,
  // The footnote, without its call number "1".
  appealNotice:
    "« Toute décision individuelle peut faire l'objet d'un recours devant le Tribunal administratif de Marseille, dans un délai de deux mois à compter de sa notification. Dans ce délai, il peut être présenté un recours gracieux prorogeant le délai de recours contentieux ...»",
  // The box at the foot of the extract, line for line; a blank line where the box leaves a gap.
  // The e-mail address is printed as plain text (the source's Markdown link is a conversion artefact).
  annexNotice: [
    "L'ANNEXE DE LA DELIBERATION\nRECHERCHEE PEUT ÊTRE CONSULTÉE\nAUPRES DE :",
    "LA DIRECTION DES ASSEMBLEES ET DE LA\nVIE INSTITUTIONNELLE",
    "HÔTEL DE VILLE\n13616 AIX-EN-PROVENCE CEDEX1",
    "DU LUNDI AU VENDREDI, DE 9H00 A 16H00",
    "Courriel : assemblees@mairie-aixenprovence.fr",
    "Téléphone : 04 42 91 90 00",
  ].join("\n\n"),
} as const satisfies MunicipalitySeed;

// Assumed: every mandate began at the installation of the council elected in
// 2020 (4 July 2020); the extract gives no mandate dates.
const MANDATE_START: CalendarDate = "2020-07-04";

function member<const First extends string, const Last extends string>(
  civility: Civility,
  firstName: First,
  lastName: Last,
  role: CouncillorRole = "COUNCILLOR",
): CouncillorSeed & { firstName: First; lastName: Last } {
  return { civility, firstName, lastName, role, roleLabel: null, mandateStart: MANDATE_START, mandateEnd: null };
}

/**
 * The 55 members in office, names exactly as printed, in the extract's order:
 * present, excused with proxy, excused without proxy (each list alphabetical).
 * The extract states only the mayor's role; Amandine JANER signs as
 * "L'adjoint ou le conseiller municipal délégué", which does not say which, so
 * she stays COUNCILLOR and the wording goes to the deliberation's cosignatoryTitle.
 */
export const referenceCouncillors = [
  // Etaient présents
  member("MONSIEUR", "Jonathan", "AMIACH"),
  member("MADAME", "Dominique", "AUGÉY"),
  member("MONSIEUR", "Moussa", "BENKACI"),
  member("MADAME", "Kayané", "BIANCO"),
  member("MADAME", "Brigitte", "BILLOT"),
  member("MADAME", "Odile", "BONTHOUX"),
  member("MONSIEUR", "Pierre-Paul", "CALENDINI"),
  member("MADAME", "Joëlle", "CANUET"),
  member("MONSIEUR", "Rémi", "CAPEAU"),
  member("MONSIEUR", "Pierre-Emmanuel", "CASANOVA"),
  member("MONSIEUR", "Eric", "CHEVALIER"),
  member("MADAME", "Agnès", "DAURES"),
  member("MADAME", "Brigitte", "DEVESA"),
  member("MADAME", "Sylvaine", "DI CARO ANTONUCCI"),
  member("MONSIEUR", "Cyril", "DI MEO"),
  member("MONSIEUR", "Sylvain", "DIJON"),
  member("MONSIEUR", "Laurent", "DILLINGER"),
  member("MONSIEUR", "Gilles", "DONATINI"),
  member("MONSIEUR", "Jean-François", "DUBOST"),
  member("MADAME", "Frédérique", "DUMICHEL"),
  member("MONSIEUR", "Marc", "FERAUD"),
  member("MADAME", "Stéphanie", "FERNANDEZ"),
  member("MONSIEUR", "Jean-Christophe", "GRUVEL"),
  member("MONSIEUR", "Sellam", "HADAOUI"),
  member("MADAME", "Claudie", "HUBERT"),
  member("MADAME", "Amandine", "JANER"),
  member("MADAME", "Sophie", "JOISSAINS", "MAYOR"),
  member("MONSIEUR", "Salah-Eddine", "KHOUIEL"),
  member("MADAME", "Gaëlle", "LENFANT"),
  member("MADAME", "Perrine", "MEGGIATO"),
  member("MADAME", "Arlette", "OLLIVIER"),
  member("MONSIEUR", "Stéphane", "PAOLI"),
  member("MONSIEUR", "Marc", "PENA"),
  member("MADAME", "Laure", "SCANDOLERA"),
  member("MADAME", "Marie-Pierre", "SICARD - DESNUELLE"),
  member("MONSIEUR", "Pierre", "SPANO"),
  member("MONSIEUR", "Francis", "TAULAN"),
  member("MADAME", "Solène", "TRIVIDIC"),
  member("MADAME", "Fabienne", "VINCENTI"),
  member("MONSIEUR", "Michael", "ZAZOUN"),
  // Excusés avec pouvoir
  member("MADAME", "Laurence", "ANGELETTI"),
  member("MONSIEUR", "Jacques", "BOUDON"),
  member("MONSIEUR", "Gérard", "BRAMOULLÉ"),
  member("MADAME", "Françoise", "COURANJOU"),
  member("MONSIEUR", "Philippe", "KLEIN"),
  member("MONSIEUR", "Jules", "SUSINI"),
  member("MADAME", "Karima", "ZERKANI-RAYNAL"),
  // Excusés sans pouvoir
  member("MADAME", "Béatrice", "BENDELE"),
  member("MADAME", "Elisabeth", "HUARD"),
  member("MADAME", "Sophie", "MEYNET DE CACQUERAY"),
  member("MONSIEUR", "Alain", "PARRA"),
  member("MADAME", "Anne-Laurence", "PETEL"),
  member("MADAME", "Josy", "PIGNATEL"),
  member("MADAME", "Françoise", "TERME"),
  member("MONSIEUR", "Jean-Louis", "VINCENT"),
] as const;

/** "Pierre-Paul CALENDINI": a member in office, as the seed data names them. */
export type ReferenceCouncillorName = NameOf<(typeof referenceCouncillors)[number]>;

export const REFERENCE_MAYOR: ReferenceCouncillorName = "Sophie JOISSAINS";

export const referenceSitting = {
  // 7 April 2022 at 14h00, Europe/Paris (CEST): the instant 2022-04-07T12:00:00Z.
  startsAt: "2022-04-07T14:00:00+02:00",
  kind: "ORDINARY",
  isPublic: true,
  place: "Amphithéâtre de la Verrière, 10 rue des Allumettes, 13100 Aix-en-Provence",
  convocationDate: "2022-04-01",
  convenedBy: REFERENCE_MAYOR,
  president: REFERENCE_MAYOR,
  secretary: "Kayané BIANCO",
  reconvened: false,
  listPostedAt: "2022-04-12",
} as const satisfies SittingSeed<ReferenceCouncillorName>;

/** The roll call of DL.2022-91, list by list as printed. */
export const referenceRollCall = {
  present: [
    "Jonathan AMIACH",
    "Dominique AUGÉY",
    "Moussa BENKACI",
    "Kayané BIANCO",
    "Brigitte BILLOT",
    "Odile BONTHOUX",
    "Pierre-Paul CALENDINI",
    "Joëlle CANUET",
    "Rémi CAPEAU",
    "Pierre-Emmanuel CASANOVA",
    "Eric CHEVALIER",
    "Agnès DAURES",
    "Brigitte DEVESA",
    "Sylvaine DI CARO ANTONUCCI",
    "Cyril DI MEO",
    "Sylvain DIJON",
    "Laurent DILLINGER",
    "Gilles DONATINI",
    "Jean-François DUBOST",
    "Frédérique DUMICHEL",
    "Marc FERAUD",
    "Stéphanie FERNANDEZ",
    "Jean-Christophe GRUVEL",
    "Sellam HADAOUI",
    "Claudie HUBERT",
    "Amandine JANER",
    "Sophie JOISSAINS",
    "Salah-Eddine KHOUIEL",
    "Gaëlle LENFANT",
    "Perrine MEGGIATO",
    "Arlette OLLIVIER",
    "Stéphane PAOLI",
    "Marc PENA",
    "Laure SCANDOLERA",
    "Marie-Pierre SICARD - DESNUELLE",
    "Pierre SPANO",
    "Francis TAULAN",
    "Solène TRIVIDIC",
    "Fabienne VINCENTI",
    "Michael ZAZOUN",
  ],
  // "Excusés avec pouvoir donné conformément aux dispositions de l'article L 2121-20 du CGCT"
  represented: [
    { giver: "Laurence ANGELETTI", holder: "Pierre-Paul CALENDINI" },
    { giver: "Jacques BOUDON", holder: "Frédérique DUMICHEL" },
    { giver: "Gérard BRAMOULLÉ", holder: "Dominique AUGÉY" },
    { giver: "Françoise COURANJOU", holder: "Dominique AUGÉY" },
    { giver: "Philippe KLEIN", holder: "Pierre-Paul CALENDINI" },
    { giver: "Jules SUSINI", holder: "Marc FERAUD" },
    { giver: "Karima ZERKANI-RAYNAL", holder: "Sophie JOISSAINS" },
  ],
  // "Excusés sans pouvoir"
  excused: [
    "Béatrice BENDELE",
    "Elisabeth HUARD",
    "Sophie MEYNET DE CACQUERAY",
    "Alain PARRA",
    "Anne-Laurence PETEL",
    "Josy PIGNATEL",
    "Françoise TERME",
    "Jean-Louis VINCENT",
  ],
} as const satisfies {
  present: readonly ReferenceCouncillorName[];
  represented: readonly { giver: ReferenceCouncillorName; holder: ReferenceCouncillorName }[];
  excused: readonly ReferenceCouncillorName[];
};

const referenceAttendance: AttendanceSeed<ReferenceCouncillorName>[] = [
  ...referenceRollCall.present.map((councillor) => ({ councillor, status: "PRESENT" as const })),
  ...referenceRollCall.represented.map(({ giver, holder }) => ({
    councillor: giver,
    status: "REPRESENTED" as const,
    proxyHolder: holder,
  })),
  ...referenceRollCall.excused.map((councillor) => ({ councillor, status: "EXCUSED" as const })),
];

// "Ont voté contre : NEANT. Se sont abstenus : NEANT. N'ont pas pris part au vote : NEANT."
// "Adopté à l'unanimité": every member present or represented voted for.
const referenceVote: VoteSeed<ReferenceCouncillorName> = {
  secret: false,
  tally: {
    presentAndRepresented: 47,
    present: 40,
    represented: 7,
    abstentions: 0,
    nonParticipation: 0,
    expressed: 47,
    votesFor: 47,
    votesAgainst: 0,
  },
  castingVote: null,
  result: "ADOPTED",
  records: [
    ...referenceRollCall.present.map((councillor) => ({ councillor, choice: "FOR" as const })),
    ...referenceRollCall.represented.map(({ giver }) => ({ councillor: giver, choice: "FOR" as const })),
  ],
};

// The report as printed, from "Mes Chers Collègues," to the last line before
// the proposals. PDF artefacts removed: lines holding a single space, and the
// page break that split "conforter la communication / et le dialogue…" (and
// set the third axis's text apart from its heading). The private-use bullet
// glyph of the four action fields became a Markdown list. "adopter l'offre"
// is as printed.
const referenceReport = [
  "Mes Chers Collègues,",
  "La Convention Territoriale Globale (CTG) est une démarche stratégique partenariale qui a pour objectif de définir un projet de territoire afin de garantir une offre de service complète et de qualité aux familles.",
  "En application de la circulaire CNAF 2020-01, la CTG devient le contrat d'engagements politiques entre les collectivités locales et les CAF, pour maintenir et développer les services aux familles. Elle remplace le Contrat Enfance Jeunesse (CEJ), qui est échu pour la Ville d'Aix-en-Provence au 31 décembre 2021.",
  "La CTG permet de conjuguer politique nationale de la branche famille et intérêt des territoires. Il s'agit de renforcer localement les politiques familiales et sociales portées par la branche famille, dans un projet de territoire co-construit avec les acteurs locaux.",
  "La plus-value de la démarche CTG s'inscrit dans la création de nouvelles coopérations au sein du territoire, dans une approche transversale, afin d'identifier des opportunités, de rénover le cadre partenarial, et de mobiliser des ressources humaines et financières dans une recherche de complémentarité et d'efficacité.",
  "Elle favorise le développement et l'adaptation des équipements et services aux familles, l'accès aux droits et l'optimisation des interventions des différents acteurs.",
  "Tous les champs d'interventions de la CAF peuvent être abordés : petite enfance, enfance, jeunesse, parentalité, animation de la vie sociale, accès aux droits, logement, handicap. L'enjeu est de privilégier une approche globale partant des besoins du territoire. Les thématiques petite enfance, enfance, jeunesse et parentalité constituent le socle minimum des CTG.",
  "Les champs d'actions retenus pour la Ville d'Aix-en-Provence sont :",
  [
    "- Faciliter l'accès à l'information et à la formation des professionnels du Territoire afin de développer leurs compétences et optimiser le service rendu aux familles",
    "- Définir de nouveaux modes de collaboration et organiser la coordination des acteurs, afin d'échanger sur les pratiques, capitaliser les expériences menées, favoriser la mutualisation et la complémentarité des actions (intelligence collective)",
    "- Favoriser la visibilité des services existants et faciliter l'accessibilité pour tous",
    "- Créer des structures ou étendre les services existants afin d'offrir une couverture élargie aux besoins des familles du Territoire",
  ].join("\n"),
  // Two lines of one paragraph: a Markdown hard break (two trailing spaces).
  "Les directions et structures concernées sont : Éducation Enfance Petite Enfance, Jeunesse, Politique de la Ville, Santé publique et handicap, Relation citoyens et proximité et le CCAS  \nLa direction pilote CTG Éducation Enfance Petite Enfance",
  "Sur la Ville d'Aix-en-Provence, la CTG sera conclue sur la période 2022-2026.",
  "Dans sa première phase de construction de la démarche, il a été élaboré un diagnostic partagé et prospectif prenant en compte les spécificités propres à la Ville d'Aix-en-Provence. Le diagnostic s'est appuyé sur l'étude COMPAS relative à l'analyse des besoins sociaux, les études existantes de la Ville et la mise en valeur par la CAF de son patrimoine de données (allocataires, services et équipements). Sur la base de cette analyse, des enjeux d'orientations stratégiques ont été proposées, validées au COPIL du 4 février 2022.",
  "Trois axes se dessinent :",
  [
    "- **Visibilité, valorisation et accessibilité des services et dispositifs**  \nPlusieurs objectifs : renforcer et centraliser l'information aux familles, améliorer l'orientation mais également mieux accompagner les publics les plus vulnérables et les plus fragiles.",
    "- **Coordination des acteurs et des actions**  \nIl s'agit de favoriser le travail en réseau des partenaires, conforter la communication et le dialogue pour une meilleure complémentarité.",
    "- **Adaptation, développement des services : innovation et expérimentation**  \nTout en pérennisant l'offre existante, il est nécessaire de veiller à une couverture territoriale plus équilibrée entre les quartiers et adopter l'offre aux nouveaux besoins émergents.",
  ].join("\n"),
  "De plus, l'association et la consultation des parties prenantes (acteurs de la ville, associations, partenaires...) ont permis d'élaborer conjointement le plan d'actions.",
  "Le plan d'actions, validé en Comité de pilotage du 4 mars 2022 précise pour chaque action les modalités de mise en œuvre, les échéances et pilotes.",
  "Le contenu du plan d'actions peut être enrichi progressivement dans le cadre de la programmation pluriannuelle.",
  "Il est joint en annexe 3 de la convention.",
  "Enfin, la mise en place d'un pilotage de la démarche, au travers des fonctions de chargés de coopération CTG, est nécessaire afin de :",
  [
    "- Préparer et co-animer les instances de gouvernance de la CTG",
    "- Apporter un conseil aux élus et membres des instances de gouvernance",
    "- Identifier et mobiliser les partenaires du territoire en lien avec les objectifs du plan d'actions",
    "- Piloter une ou des actions du plan contractuel",
    "- Travailler en coordination avec les autres chargés de coopération de la CTG",
    "- Développer des actions transversales en interne avec les différents services de la collectivité",
    "- Animer des réunions d'acteurs et assurer un reporting",
    "- Instruire et/ou rédiger des dossiers-projets ou demandes de subvention et/ou accompagner des porteurs de projet",
    "- Organiser les modalités d'évaluation et de mesures d'impacts des actions mises en œuvre",
  ].join("\n"),
  "Cette fonction de coordination est évaluée à 4,5 ETP et répartie comme suit :",
  ["- Schéma de coopération à préciser", "- 1 ETP Chargé de coopération"].join("\n"),
].join("\n\n");

const referenceProposals = [
  "Je vous propose, Mes Chers Collègues, de bien vouloir :",
  [
    "- **APPROUVER** la démarche partenariale de Convention territoriale globale (CTG) entre la Caisse d'allocations familiales des Bouches-du-Rhône, et la Ville d'Aix-en-Provence ;",
    "- **APPROUVER** la Convention d'objectifs et de financement de pilotage du territoire relatif aux chargés de coopération CTG ;",
    "- **AUTORISER** Madame Le Maire ou son représentant à signer au nom et pour le compte de la commune, la Convention annexée à cette délibération ainsi que tout document relatif à l'exécution de la présente délibération.",
  ].join("\n"),
].join("\n\n");

export const referenceDeliberation: DeliberationSeed<ReferenceCouncillorName> = {
  number: "DL.2022-91",
  year: 2022,
  sequence: 91,
  // Assumed: the extract does not print the order number within the sitting.
  orderInSitting: 1,
  subject: "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026",
  // As the report's heading prints it, without a space before the dash.
  reportSubject: "CAF - CONVENTION TERRITORIALE GLOBALE DE SERVICE AUX FAMILLES 2022-2026- Décision du Conseil",
  rapporteur: "Fabienne VINCENTI",
  service: "D.G.A.S Action Publique et Sociale / Direction Education Enfance Petite Enfance",
  matterCode: "7.10",
  policyHeading: "12-DEVELOPPEMENT DES SERVICES DE PROXIMITE AUX AIXOISES ET AIXOIS",
  report: referenceReport,
  proposals: referenceProposals,
  status: "PUBLISHED",
  outcome: "ADOPTED",
  votedAt: "2022-04-07",
  // "Date de signature : 12/04/2022" (receipt box).
  signedAt: "2022-04-12",
  // "Compte-rendu de la délibération affiché le : 12/04/2022".
  postedAt: "2022-04-12",
  // Assumed: the day the prefecture received it ("Date de réception : lundi 11 avril 2022").
  transmittedAt: "2022-04-11",
  // Assumed: the extract gives no date put online; the day it was posted, 10h00 Paris time.
  publishedAt: "2022-04-12T10:00:00+02:00",
  cosignatory: "Amandine JANER",
  cosignatoryTitle: "L'adjoint ou le conseiller municipal délégué",
  attendance: referenceAttendance,
  vote: referenceVote,
  prefectureReceipt: {
    // Printed "013-211300017-20220407- lmc1210471-DE-1-1": the space after the
    // date is a typesetting artefact, not part of the identifier.
    actesId: "013-211300017-20220407-lmc1210471-DE-1-1",
    receivedAt: "2022-04-11",
    signedAt: "2022-04-12",
  },
};
