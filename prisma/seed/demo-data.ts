import type { AttendanceStatus, SittingKind, VoteChoice } from "@/lib/db/generated/enums";
import { DEMO_COSIGNATORY, DEMO_MAYOR, demoCouncillors, type DemoCouncillorName } from "./demo-council";
import { referenceMunicipality } from "./reference-case";
import { parisDay, resultOf, tallyOf } from "./seed-rules";
import { councillorName } from "./types";
import type { AttendanceSeed, CalendarDate, DeliberationSeed, Instant, SittingSeed, TallySeed, VoteSeed } from "./types";

// Demo data: seven sittings of the municipal council of Aix-en-Provence,
// February 2018 to December 2019, under the previous mandate (2014–2020), with
// the FICTIONAL council of demo-council.ts. The names are fictitious: no real
// councillor, of that mandate or of the reference case's, appears here, so
// the votes against, abstentions, proxies and absences recorded below are
// attributed to no real person. Subjects and reports are realistic but
// invented. Deterministic: the same rows on every run. Everything written
// from here is flagged isDemo.
//
// 2018–2019 lies outside every COVID derogation window: one proxy per holder
// and a quorum of more than half the members, everywhere (the two proxies
// held by one member are shown by the reference case itself).

type Name = DemoCouncillorName;

/** How a deliberation went, before it becomes rows. */
type Decision =
  /** A public vote: named choices; everyone else present or represented votes `others` (FOR by default). */
  | {
      ballot: "public";
      choices?: Partial<Record<VoteChoice, readonly Name[]>>;
      others?: VoteChoice;
      castingVote?: "FOR" | "AGAINST";
      expected: "ADOPTED" | "REJECTED";
    }
  /** A secret ballot (L2121-21): counts only; FOR is what remains. */
  | { ballot: "secret"; votesAgainst: number; abstentions: number; nonParticipation: number; expected: "ADOPTED" | "REJECTED" }
  /** Withdrawn from the agenda, or not yet voted (a draft). */
  | { ballot: "none" };

/** Where the deliberation stands in the workflow. */
type Stage = "PUBLISHED" | "TRANSMITTED" | "VOTED" | "DRAFT" | "WITHDRAWN" | "WITHDRAWN_PUBLISHED";

type DemoItem = {
  sequence: number;
  subject: string;
  rapporteur: Name;
  service: string;
  matterCode: string;
  policyHeading: string;
  report: string;
  proposals: string;
  decision: Decision;
  stage?: Stage;
};

type RollCall = {
  /** [giver, holder] */
  proxies: readonly (readonly [Name, Name])[];
  excused?: readonly Name[];
  absent?: readonly Name[];
  /** Not there for the first items (excused or absent), present from `fromOrder` on. */
  arrivals?: readonly { councillor: Name; fromOrder: number; before: "EXCUSED" | "ABSENT" }[];
  /** Present for the first items, absent from `fromOrder` on. */
  departures?: readonly { councillor: Name; fromOrder: number }[];
};

type DemoSittingSpec = {
  startsAt: Instant;
  kind: SittingKind;
  place: string;
  convocationDate: CalendarDate;
  secretary: Name;
  listPostedAt: CalendarDate;
  /** The dates every deliberation of the sitting shares, as far as it went. */
  signedAt: CalendarDate;
  receivedAt: CalendarDate;
  publishedAt: Instant;
  rollCall: RollCall;
  items: readonly DemoItem[];
};

export type DemoSitting = { sitting: SittingSeed<Name>; deliberations: DeliberationSeed<Name>[] };

const VERRIERE = "Amphithéâtre de la Verrière, 10 rue des Allumettes, 13100 Aix-en-Provence";
const HOTEL_DE_VILLE = "Salle du Conseil Municipal, Hôtel de Ville, Place de l'Hôtel de Ville, 13100 Aix-en-Provence";

// Services and policy headings: invented in the style of the reference case
// (only "12-DEVELOPPEMENT DES SERVICES DE PROXIMITE…" is printed there).
const SERVICE = {
  finances: "D.G.A.S Ressources / Direction des Finances",
  humanResources: "D.G.A.S Ressources / Direction des Ressources Humaines",
  procurement: "D.G.A.S Ressources / Direction de la Commande Publique",
  assemblies: "Direction des Assemblées et de la Vie Institutionnelle",
  education: "D.G.A.S Action Publique et Sociale / Direction Education Enfance Petite Enfance",
  urbanPolicy: "D.G.A.S Action Publique et Sociale / Direction Politique de la Ville",
  urbanism: "D.G.A.S Aménagement et Cadre de Vie / Direction de l'Urbanisme",
  roads: "D.G.A.S Aménagement et Cadre de Vie / Direction de la Voirie",
  publicDomain: "D.G.A.S Aménagement et Cadre de Vie / Direction de l'Occupation du Domaine Public",
  ecology: "D.G.A.S Aménagement et Cadre de Vie / Direction de la Transition Ecologique",
  property: "Direction du Patrimoine et des Affaires Foncières",
  police: "Direction de la Police Municipale et de la Tranquillité Publique",
  culture: "D.G.A.S Culture, Sports et Vie Associative / Direction de la Culture",
  sports: "D.G.A.S Culture, Sports et Vie Associative / Direction des Sports",
  associations: "D.G.A.S Culture, Sports et Vie Associative / Direction de la Vie Associative",
  commerce: "D.G.A.S Attractivité / Direction du Commerce et de l'Artisanat",
  citizens: "Direction Relation Citoyens et Proximité",
} as const;

const POLICY = {
  governance: "01-GOUVERNANCE ET VIE INSTITUTIONNELLE",
  finances: "02-FINANCES ET PILOTAGE DE LA COLLECTIVITE",
  humanResources: "03-RESSOURCES HUMAINES",
  urbanism: "04-URBANISME ET AMENAGEMENT DU TERRITOIRE",
  property: "05-PATRIMOINE COMMUNAL",
  safety: "06-TRANQUILLITE ET SECURITE PUBLIQUES",
  education: "07-EDUCATION, ENFANCE ET JEUNESSE",
  culture: "08-CULTURE ET RAYONNEMENT",
  sports: "09-SPORTS ET VIE ASSOCIATIVE",
  ecology: "10-TRANSITION ECOLOGIQUE ET CADRE DE VIE",
  solidarity: "11-SOLIDARITES, LOGEMENT ET POLITIQUE DE LA VILLE",
  proximity: "12-DEVELOPPEMENT DES SERVICES DE PROXIMITE AUX AIXOISES ET AIXOIS",
  economy: "13-ECONOMIE, COMMERCE ET ATTRACTIVITE",
} as const;

function report(...paragraphs: string[]): string {
  return ["Mes Chers Collègues,", ...paragraphs].join("\n\n");
}

function list(...items: string[]): string {
  return items.map((item) => `- ${item}`).join("\n");
}

function proposals(...items: string[]): string {
  return ["Je vous propose, Mes Chers Collègues, de bien vouloir :", list(...items)].join("\n\n");
}

const SPECS: readonly DemoSittingSpec[] = [
  {
    startsAt: "2018-02-22T14:00:00+01:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2018-02-16",
    secretary: "Émilie DELORME",
    listPostedAt: "2018-02-27",
    signedAt: "2018-02-26",
    receivedAt: "2018-02-27",
    publishedAt: "2018-02-28T10:00:00+01:00",
    rollCall: {
      proxies: [
        ["Corinne DALMAS", "Hervé JOURDAN"],
        ["Jacqueline GUIGOU", "Marie-Hélène COSTE"],
        ["Jean-Luc MAUREL", "Lionel NAVARRO"],
        ["Romain TEISSIER", "Pascale SERRE"],
      ],
      excused: ["Danielle HUGUES", "Marcel PASCAL"],
    },
    items: [
      {
        sequence: 21,
        subject: "ÉCOLES PUBLIQUES - PÉRIMÈTRES SCOLAIRES - RENTRÉE 2018",
        rapporteur: "Sylvie MARCHETTI",
        service: SERVICE.education,
        matterCode: "8.1",
        policyHeading: POLICY.education,
        report: report(
          "L'article L 212-7 du Code de l'éducation confie au Conseil Municipal la détermination du ressort de chacune des écoles publiques de la commune, lorsqu'elle en compte plusieurs.",
          "L'ouverture d'un nouveau groupe scolaire dans le quartier de la Duranne à la rentrée de septembre 2018, le dédoublement des classes de cours préparatoire dans les écoles de l'éducation prioritaire et l'évolution des effectifs dans les quartiers sud conduisent à redéfinir les périmètres de six écoles maternelles et élémentaires.",
          "Les familles dont les enfants sont déjà scolarisés pourront les maintenir dans leur école actuelle jusqu'à la fin du cycle en cours. Les fratries seront prioritaires pour les demandes de dérogation.",
          "La nouvelle carte scolaire a été présentée aux conseils d'école et aux fédérations de parents d'élèves au cours du mois de janvier 2018.",
        ),
        proposals: proposals(
          "**APPROUVER** les nouveaux périmètres scolaires figurant sur les plans et la liste des voies annexés, applicables à compter de la rentrée scolaire 2018 ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à accorder les dérogations dans les conditions exposées ci-dessus.",
        ),
        decision: {
          ballot: "public",
          choices: { AGAINST: ["Lionel NAVARRO", "Jean-Luc MAUREL", "Martine OLIVE"], ABSTENTION: ["Claude GRANIER"] },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 22,
        subject: "ÉTABLISSEMENTS PUBLICS LOCAUX D'ENSEIGNEMENT - DÉSIGNATION DES REPRÉSENTANTS DE LA COMMUNE",
        rapporteur: DEMO_MAYOR,
        service: SERVICE.assemblies,
        matterCode: "5.3",
        policyHeading: POLICY.governance,
        report: report(
          "Le Code de l'éducation fixe la composition des conseils d'administration des établissements publics locaux d'enseignement, où la commune siège de l'établissement est représentée.",
          "À la suite de la démission de deux conseillers municipaux de leurs fonctions de représentants, il convient de pourvoir à leur remplacement au sein des conseils d'administration du collège Campra et du lycée Vauvenargues.",
          "En application de l'article L 2121-21 du Code Général des Collectivités Territoriales, il est voté au scrutin secret lorsqu'un tiers des membres présents le réclame.",
        ),
        proposals: proposals(
          "**DÉSIGNER** Madame Karine LAUGIER pour représenter la commune au conseil d'administration du collège Campra ;",
          "**DÉSIGNER** Monsieur Nicolas RAMBAUD pour représenter la commune au conseil d'administration du lycée Vauvenargues.",
        ),
        // Secret ballot requested in the sitting: 3 blank ballots, counted as abstentions.
        decision: { ballot: "secret", votesAgainst: 6, abstentions: 3, nonParticipation: 0, expected: "ADOPTED" },
      },
      {
        sequence: 23,
        subject: "PLAN LOCAL D'URBANISME - AVIS DE LA COMMUNE SUR LE PROJET DE MODIFICATION N°2",
        rapporteur: "Thierry BARRAL",
        service: SERVICE.urbanism,
        matterCode: "2.1",
        policyHeading: POLICY.urbanism,
        report: report(
          "La Métropole Aix-Marseille-Provence, compétente en matière de plan local d'urbanisme depuis sa création le 1er janvier 2016, conduit les procédures d'évolution du PLU de la commune en concertation avec celle-ci et sollicite l'avis du Conseil Municipal avant leur approbation.",
          "Le projet de modification n°2 poursuit trois objectifs :",
          list(
            "**Préserver les espaces agricoles et naturels**, en reclassant en zone agricole 14 hectares de terrains situés au nord du plateau de Puyricard ;",
            "**Encadrer la densification** des quartiers pavillonnaires, en réduisant l'emprise au sol autorisée en zone UD ;",
            "**Faciliter la réalisation de logements sociaux**, par l'instauration de trois nouveaux emplacements réservés.",
          ),
          "L'enquête publique s'est tenue du 20 novembre au 21 décembre 2017. Le commissaire enquêteur a rendu un avis favorable assorti de deux recommandations, que le projet soumis à l'approbation du Conseil de la Métropole prend en compte.",
        ),
        proposals: proposals(
          "**ÉMETTRE** un avis favorable au projet de modification n°2 du Plan Local d'Urbanisme de la commune d'Aix-en-Provence ;",
          "**DEMANDER** à la Métropole Aix-Marseille-Provence de prendre en compte les observations de la commune annexées à la présente délibération.",
        ),
        decision: {
          ballot: "public",
          choices: { AGAINST: ["Lionel NAVARRO", "Jean-Luc MAUREL", "Martine OLIVE", "Claude GRANIER", "Thérèse ZANETTI"] },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 24,
        subject: "DÉNOMINATION DE LA PLACE DES DROITS DE L'ENFANT",
        rapporteur: "Anne-Sophie BERTRAND",
        service: SERVICE.citizens,
        matterCode: "9.1",
        policyHeading: POLICY.proximity,
        report: report(
          "La dénomination des voies et places publiques relève de la compétence du Conseil Municipal, au titre de l'article L 2121-29 du Code Général des Collectivités Territoriales.",
          "À l'approche du trentième anniversaire de la Convention internationale des droits de l'enfant, adoptée par l'Assemblée générale des Nations unies le 20 novembre 1989, le conseil municipal des jeunes a proposé de donner le nom de « Place des Droits de l'Enfant » à la place nouvellement aménagée devant la médiathèque du quartier.",
          "Cette dénomination permettra également d'attribuer une adresse normalisée aux commerces et logements riverains, ce qui facilitera l'intervention des services de secours et la distribution du courrier.",
        ),
        proposals: proposals(
          "**APPROUVER** la dénomination « Place des Droits de l'Enfant » pour l'espace public figurant sur le plan annexé ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à accomplir toutes les formalités nécessaires à la mise en œuvre de cette décision.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 25,
        subject: "CESSION D'UN TERRAIN COMMUNAL CHEMIN DE LA BLAQUE",
        rapporteur: "Patrick SIAUD",
        service: SERVICE.property,
        matterCode: "3.2",
        policyHeading: POLICY.property,
        report: report(
          "La Ville est propriétaire d'une parcelle de 2 480 m², cadastrée section CK n° 112, située chemin de la Blaque, qui ne présente plus d'utilité pour les services municipaux. Elle relève du domaine privé de la commune et peut être cédée sans déclassement préalable.",
          "Un opérateur a proposé d'acquérir ce terrain pour y réaliser une résidence de 24 logements, dont 30 % de logements locatifs sociaux, au prix de 1 150 000 €, conforme à l'avis du service des Domaines.",
        ),
        proposals: proposals(
          "**APPROUVER** la cession de la parcelle cadastrée section CK n° 112 au prix de 1 150 000 € ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer l'acte authentique et tout document relatif à cette cession.",
        ),
        // Withdrawn from the agenda at the opening of the sitting: never voted, never published.
        decision: { ballot: "none" },
        stage: "WITHDRAWN",
      },
    ],
  },
  {
    startsAt: "2018-06-28T14:00:00+02:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2018-06-22",
    secretary: "Karine LAUGIER",
    listPostedAt: "2018-07-03",
    signedAt: "2018-07-02",
    receivedAt: "2018-07-03",
    publishedAt: "2018-07-04T10:00:00+02:00",
    rollCall: {
      proxies: [
        ["Catherine BONNET", "Bernard AUDIBERT"],
        ["Yves ALLARD", "Claude GRANIER"],
        ["Sébastien VERNET", "Noémie RICHAUD"],
        ["Guillaume GAUTIER", "Fabrice GARCIA"],
        ["Laetitia MÉRIC", "Valérie ROUSSET"],
      ],
      excused: ["Didier BOURGUET", "Agathe BRÉMOND", "Thérèse ZANETTI"],
      absent: ["Jérôme MASSON"],
      departures: [{ councillor: "Laurent CHABAUD", fromOrder: 4 }],
    },
    items: [
      {
        sequence: 151,
        subject: "BUDGET PRINCIPAL - DÉCISION MODIFICATIVE N°1 - EXERCICE 2018",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.1",
        policyHeading: POLICY.finances,
        report: report(
          "La décision modificative n°1 de l'exercice 2018 intègre les résultats de l'exercice 2017, constatés lors de l'adoption du compte administratif, et ajuste les crédits ouverts au budget primitif.",
          "**En fonctionnement**, les crédits consacrés aux fluides des bâtiments communaux et à l'éclairage public sont augmentés de 640 000 € pour tenir compte de la hausse des tarifs de l'énergie. La compensation de la hausse de la contribution sociale généralisée et la reprise du protocole relatif aux parcours professionnels, carrières et rémunérations représentent une dépense supplémentaire de 1 150 000 €.",
          "**En investissement**, la décision modificative inscrit 2 600 000 € pour l'aménagement des salles de classe nécessaires au dédoublement des cours préparatoires en éducation prioritaire et 450 000 € pour l'extension du réseau de vidéoprotection.",
          "Ces dépenses nouvelles sont financées par la reprise de l'excédent de fonctionnement de 2017, sans recours supplémentaire à l'emprunt.",
        ),
        proposals: proposals(
          "**ADOPTER** la décision modificative n°1 du budget principal de l'exercice 2018, telle que présentée dans le document budgétaire annexé.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: [
              "Lionel NAVARRO",
              "Martine OLIVE",
              "Régis TARDIEU",
              "Noémie RICHAUD",
              "Sébastien VERNET",
              "Lucie PAGÈS",
              "Jean-Luc MAUREL",
            ],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 152,
        subject: "FESTIVAL INTERNATIONAL D'ART LYRIQUE - CONVENTION DE PARTENARIAT 2018-2020 ET SUBVENTION 2018",
        rapporteur: "Nathalie GIRAUD-MOUTTE",
        service: SERVICE.culture,
        matterCode: "8.9",
        policyHeading: POLICY.culture,
        report: report(
          "Le Festival international d'art lyrique contribue depuis 1948 au rayonnement culturel d'Aix-en-Provence, en France et à l'étranger.",
          "La convention de partenariat proposée fixe pour trois ans les engagements réciproques de la Ville et de l'association organisatrice : mise à disposition de lieux de représentation et de répétition, actions d'éducation artistique dans les écoles aixoises, concerts gratuits sur l'espace public et tarifs réduits pour les jeunes de moins de 30 ans.",
          "Il est proposé d'attribuer à l'association une subvention de fonctionnement de 350 000 € au titre de l'année 2018.",
          "Les élus siégeant au conseil d'administration de l'association ne prennent pas part au vote.",
        ),
        proposals: proposals(
          "**APPROUVER** la convention de partenariat 2018-2020 avec l'association du Festival international d'art lyrique ;",
          "**ATTRIBUER** à l'association une subvention de fonctionnement de 350 000 € au titre de l'année 2018 ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer la convention annexée à la présente délibération.",
        ),
        decision: { ballot: "public", choices: { NOT_VOTING: ["Paul-Henri ROSSIGNOL", "Florence ESCOFFIER"] }, expected: "ADOPTED" },
      },
      {
        sequence: 153,
        subject: "ACHAT D'ÉNERGIE - CONVENTION CONSTITUTIVE D'UN GROUPEMENT DE COMMANDES AVEC LE CCAS",
        rapporteur: "Laurent CHABAUD",
        service: SERVICE.procurement,
        matterCode: "1.4",
        policyHeading: POLICY.finances,
        report: report(
          "Depuis la disparition des tarifs réglementés de vente de gaz naturel pour les sites non résidentiels et, au 1er janvier 2016, des tarifs réglementés de vente d'électricité pour les sites d'une puissance supérieure à 36 kVA, la Ville et son Centre Communal d'Action Sociale achètent leur énergie dans le cadre de marchés publics.",
          "Afin d'obtenir de meilleures conditions d'achat et de mutualiser les procédures, il est proposé de constituer un groupement de commandes, régi par l'article 28 de l'ordonnance n° 2015-899 du 23 juillet 2015 relative aux marchés publics, dont la Ville sera le coordonnateur.",
          "La convention constitutive définit les modalités de fonctionnement du groupement : la Ville organise la procédure de passation, signe et notifie les accords-cadres ; chaque membre exécute et paie la part des marchés qui le concerne. La commission d'appel d'offres du groupement sera celle de la Ville.",
        ),
        proposals: proposals(
          "**APPROUVER** la convention constitutive du groupement de commandes entre la Ville d'Aix-en-Provence et le CCAS pour l'achat d'électricité et de gaz naturel ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer la convention ainsi que les accords-cadres et marchés subséquents à intervenir.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 154,
        subject: "VŒU RELATIF AU MAINTIEN DES GUICHETS DE SERVICE PUBLIC DANS LES QUARTIERS",
        rapporteur: "Lionel NAVARRO",
        service: SERVICE.assemblies,
        matterCode: "9.4",
        policyHeading: POLICY.governance,
        report: report(
          "Le présent vœu est présenté par un groupe d'élus du Conseil Municipal, en application du règlement intérieur qui permet à chaque groupe d'inscrire un vœu à l'ordre du jour des séances.",
          "Plusieurs services publics ont réduit ces dernières années leurs horaires d'accueil dans les quartiers de la commune, en particulier les bureaux de poste et les permanences des organismes sociaux. Les habitants les plus âgés et les personnes éloignées du numérique rencontrent des difficultés croissantes pour accomplir leurs démarches.",
          "Les auteurs du vœu proposent que le Conseil Municipal demande aux opérateurs concernés le maintien d'un accueil physique dans chaque quartier et l'ouverture d'une maison de services au public dans chaque mairie annexe.",
        ),
        proposals: proposals(
          "**DEMANDER** à La Poste et aux organismes de sécurité sociale de maintenir un accueil physique de proximité dans chaque quartier d'Aix-en-Provence ;",
          "**S'ENGAGER** à ouvrir une maison de services au public dans chaque mairie annexe avant la fin de l'année 2019.",
        ),
        decision: {
          ballot: "public",
          others: "AGAINST",
          choices: {
            FOR: [
              "Lionel NAVARRO",
              "Martine OLIVE",
              "Régis TARDIEU",
              "Noémie RICHAUD",
              "Sébastien VERNET",
              "Lucie PAGÈS",
              "Jean-Luc MAUREL",
            ],
            ABSTENTION: ["Claude GRANIER", "Yves ALLARD"],
          },
          expected: "REJECTED",
        },
      },
      {
        sequence: 155,
        subject: "POLICE MUNICIPALE - CONVENTION DE COORDINATION AVEC LES FORCES DE SÉCURITÉ DE L'ÉTAT",
        rapporteur: "Olivier PELLEGRIN",
        service: SERVICE.police,
        matterCode: "6.1",
        policyHeading: POLICY.safety,
        report: report(
          "L'article L 512-4 du Code de la sécurité intérieure impose la conclusion d'une convention de coordination entre la police municipale et les forces de sécurité de l'État dès lors qu'un service de police municipale compte au moins cinq emplois d'agent de police municipale.",
          "La convention en vigueur arrive à échéance. La nouvelle convention, établie avec le Préfet des Bouches-du-Rhône et le Procureur de la République, précise la nature et les lieux des interventions des agents de police municipale ainsi que les modalités de coordination avec la police nationale :",
          list(
            "échanges d'informations quotidiens entre les deux services ;",
            "patrouilles communes en centre-ville et aux abords des établissements scolaires ;",
            "partage des images du centre de supervision urbain.",
          ),
          "Elle est conclue pour une durée de trois ans, renouvelable par reconduction expresse.",
        ),
        proposals: proposals(
          "**APPROUVER** la convention de coordination entre la police municipale d'Aix-en-Provence et les forces de sécurité de l'État ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer ladite convention.",
        ),
        decision: {
          ballot: "public",
          choices: { ABSTENTION: ["Lionel NAVARRO", "Martine OLIVE", "Régis TARDIEU"] },
          expected: "ADOPTED",
        },
      },
    ],
  },
  {
    startsAt: "2018-11-15T14:00:00+01:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2018-11-09",
    secretary: "Nicolas RAMBAUD",
    listPostedAt: "2018-11-20",
    signedAt: "2018-11-19",
    receivedAt: "2018-11-20",
    publishedAt: "2018-11-21T10:00:00+01:00",
    rollCall: {
      proxies: [
        ["Danielle HUGUES", "Régis TARDIEU"],
        ["Monique PONS", "Chantal CAMOIN"],
        ["Olivier PELLEGRIN", "Christophe BLANC"],
        ["Valérie ROUSSET", "Éric DUVAL"],
      ],
      excused: ["Laetitia MÉRIC", "Yves ALLARD"],
      arrivals: [{ councillor: "Romain TEISSIER", fromOrder: 2, before: "ABSENT" }],
    },
    items: [
      {
        sequence: 236,
        subject: "ACQUISITION AMIABLE D'UNE EMPRISE DE LA PARCELLE CADASTRÉE SECTION HV N° 45 - CHEMIN DE SAINT-DONAT",
        rapporteur: "Patrick SIAUD",
        service: SERVICE.property,
        matterCode: "3.1",
        policyHeading: POLICY.property,
        report: report(
          "Le programme d'aménagement du chemin de Saint-Donat prévoit la création d'un trottoir et d'une piste cyclable entre la route de Berre et le groupe scolaire. La Ville doit à cette fin acquérir plusieurs emprises riveraines.",
          "Les propriétaires de la parcelle cadastrée section HV n° 45 ont accepté de céder à la commune une bande de terrain de 312 m² au prix de 18 720 €, soit 60 € le mètre carré, conforme à l'avis du service des Domaines.",
          "Les frais d'acte et de géomètre seront pris en charge par la commune.",
        ),
        proposals: proposals(
          "**APPROUVER** l'acquisition amiable d'une emprise de 312 m² à détacher de la parcelle cadastrée section HV n° 45, au prix de 18 720 € ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer l'acte authentique et tout document relatif à cette acquisition ;",
          "**DIRE** que les crédits nécessaires sont inscrits au budget de l'exercice 2018.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 237,
        subject: "ÉCLAIRAGE PUBLIC - EXTINCTION EN CŒUR DE NUIT - EXPÉRIMENTATION",
        rapporteur: "Isabelle TOURNIAIRE",
        service: SERVICE.ecology,
        matterCode: "8.8",
        policyHeading: POLICY.ecology,
        report: report(
          "La loi n° 2015-992 du 17 août 2015 relative à la transition énergétique pour la croissance verte fixe aux collectivités des objectifs de réduction de leurs consommations d'énergie, que la Ville décline dans son plan climat.",
          "L'éclairage public représente près de 40 % de la consommation d'électricité de la commune. Il est proposé d'expérimenter son extinction entre 1 heure et 5 heures du matin dans les zones d'activités et les quartiers résidentiels, à l'exception du centre historique, des grands axes de circulation et des abords des établissements de santé.",
          "Cette mesure permettrait une économie annuelle estimée à 2 100 MWh, soit environ 290 000 €, et contribuerait à la préservation de la biodiversité nocturne. Elle fera l'objet d'un bilan après une année de mise en œuvre, en lien avec les comités de quartier.",
          "Les modalités d'extinction seront fixées par arrêté du Maire, au titre de ses pouvoirs de police.",
        ),
        proposals: proposals(
          "**APPROUVER** le principe de l'extinction de l'éclairage public entre 1 heure et 5 heures du matin dans les secteurs définis sur la carte annexée, à titre expérimental, à compter du 1er mars 2019 ;",
          "**DIRE** qu'un bilan de l'expérimentation sera présenté au Conseil Municipal au terme de la première année.",
        ),
        // A tie (16 for, 16 against), decided by the president's casting vote (L2121-20).
        decision: {
          ballot: "public",
          choices: {
            AGAINST: [
              "Lionel NAVARRO",
              "Martine OLIVE",
              "Régis TARDIEU",
              "Noémie RICHAUD",
              "Sébastien VERNET",
              "Lucie PAGÈS",
              "Jean-Luc MAUREL",
              "Danielle HUGUES",
              "Claude GRANIER",
              "Thérèse ZANETTI",
              "Romain TEISSIER",
              "Didier BOURGUET",
              "Fabrice GARCIA",
              "Guillaume GAUTIER",
              "Jérôme MASSON",
              "Marcel PASCAL",
            ],
            ABSTENTION: [
              "Anne-Sophie BERTRAND",
              "Christophe BLANC",
              "Catherine BONNET",
              "Chantal CAMOIN",
              "Laurent CHABAUD",
              "Corinne DALMAS",
              "Émilie DELORME",
              "Éric DUVAL",
              "Florence ESCOFFIER",
              "Jacqueline GUIGOU",
              "Hervé JOURDAN",
              "Karine LAUGIER",
              "Josiane LOMBARD VIDAL",
              "Nicolas RAMBAUD",
              "Paul-Henri ROSSIGNOL",
              "Pascale SERRE",
              "Sandrine VIAL",
            ],
            NOT_VOTING: ["Monique PONS", "Olivier PELLEGRIN", "Valérie ROUSSET", "Gilbert BARTHÉLEMY-ROSSI"],
          },
          castingVote: "FOR",
          expected: "ADOPTED",
        },
      },
      {
        sequence: 238,
        subject: "GARANTIE D'EMPRUNT À LA SA D'HLM LES JARDINS DE PROVENCE - ACQUISITION EN VEFA DE 42 LOGEMENTS LOCATIFS SOCIAUX",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.3",
        policyHeading: POLICY.solidarity,
        report: report(
          "La SA d'HLM Les Jardins de Provence sollicite la garantie de la Ville pour le remboursement d'un prêt de 5 460 000 € souscrit auprès de la Caisse des Dépôts et Consignations, destiné à financer l'acquisition en vente en l'état futur d'achèvement de 42 logements locatifs sociaux, résidence « Les Oliviers », quartier des Milles.",
          "Conformément aux articles L 2252-1 et L 2252-2 du Code Général des Collectivités Territoriales, il est proposé d'accorder la garantie de la commune à hauteur de 55 % du montant emprunté, soit 3 003 000 €.",
          "En contrepartie, le bailleur réservera à la commune 8 logements de l'opération, qui seront attribués à des demandeurs proposés par la Ville.",
        ),
        proposals: proposals(
          "**ACCORDER** la garantie de la Ville à hauteur de 55 % pour le remboursement du prêt de 5 460 000 € souscrit par la SA d'HLM Les Jardins de Provence auprès de la Caisse des Dépôts et Consignations, selon les caractéristiques financières du contrat de prêt annexé ;",
          "**S'ENGAGER** pendant toute la durée du prêt à libérer, en cas de besoin, des ressources suffisantes pour couvrir les charges de l'emprunt ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer la convention de réservation de logements avec le bailleur.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: ["Claude GRANIER", "Thérèse ZANETTI", "Danielle HUGUES"],
            ABSTENTION: ["Lionel NAVARRO", "Martine OLIVE", "Noémie RICHAUD", "Lucie PAGÈS"],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 239,
        subject: "RÈGLEMENT INTÉRIEUR DU CONSEIL MUNICIPAL - MODIFICATION DES ARTICLES 12 ET 25",
        rapporteur: DEMO_MAYOR,
        service: SERVICE.assemblies,
        matterCode: "5.2",
        policyHeading: POLICY.governance,
        report: report(
          "Le règlement intérieur du Conseil Municipal a été adopté en application de l'article L 2121-8 du Code Général des Collectivités Territoriales, dans les six mois suivant l'installation du conseil.",
          "Il est proposé d'en préciser deux dispositions, à la demande de plusieurs groupes d'élus :",
          list(
            "l'article 12 fixe les délais et les modalités de dépôt des questions orales, conformément à l'article L 2121-19 du même code ;",
            "l'article 25 précise l'espace réservé à l'expression des conseillers n'appartenant pas à la majorité municipale dans le magazine et sur le site internet de la Ville, en application de l'article L 2121-27-1.",
          ),
        ),
        proposals: proposals(
          "**APPROUVER** la modification des articles 12 et 25 du règlement intérieur du Conseil Municipal, telle qu'elle figure dans le document annexé.",
        ),
        // Withdrawn in the sitting; published so that the list of deliberations shows it as "Retiré".
        decision: { ballot: "none" },
        stage: "WITHDRAWN_PUBLISHED",
      },
    ],
  },
  {
    startsAt: "2018-12-13T14:00:00+01:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2018-12-07",
    secretary: "Guillaume GAUTIER",
    listPostedAt: "2018-12-18",
    signedAt: "2018-12-17",
    receivedAt: "2018-12-18",
    publishedAt: "2018-12-19T10:00:00+01:00",
    rollCall: {
      proxies: [
        ["Paul-Henri ROSSIGNOL", "Agathe BRÉMOND"],
        ["Lucie PAGÈS", "Martine OLIVE"],
        ["Sandrine VIAL", "Florence ESCOFFIER"],
        ["Noémie RICHAUD", "Sébastien VERNET"],
      ],
      excused: ["Marcel PASCAL", "Karine LAUGIER", "Aurélie CHAUVET"],
      absent: ["Thérèse ZANETTI"],
      arrivals: [{ councillor: "Antoine DI MARCO", fromOrder: 3, before: "EXCUSED" }],
    },
    items: [
      {
        sequence: 287,
        subject: "BUDGET PRINCIPAL - DÉCISION MODIFICATIVE N°3 - EXERCICE 2018",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.1",
        policyHeading: POLICY.finances,
        report: report(
          "La présente décision modificative a pour objet d'ajuster les crédits du budget principal de l'exercice 2018 afin de tenir compte des dernières notifications de recettes et des dépenses constatées en fin d'exercice.",
          "**En section de fonctionnement**, les ajustements s'élèvent à 1 245 600 € en dépenses comme en recettes. Ils concernent principalement la hausse des dépenses d'énergie des bâtiments communaux (+ 480 000 €), le remplacement des agents absents dans les écoles et les crèches (+ 390 000 €) et l'inscription de la dotation de solidarité communautaire notifiée par la Métropole Aix-Marseille-Provence.",
          "**En section d'investissement**, les crédits sont réduits de 2 310 000 € pour tenir compte du décalage de certaines opérations de travaux, dont les crédits seront réinscrits au budget 2019 ; l'emprunt d'équilibre est diminué d'autant.",
          "Le détail des inscriptions figure dans le document budgétaire joint au présent rapport.",
        ),
        proposals: proposals(
          "**ADOPTER** la décision modificative n°3 du budget principal de l'exercice 2018, telle que présentée dans le document budgétaire annexé ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer tout document relatif à l'exécution de la présente délibération.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: ["Lionel NAVARRO", "Martine OLIVE", "Lucie PAGÈS", "Régis TARDIEU", "Jean-Luc MAUREL", "Danielle HUGUES"],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 288,
        subject: "SUBVENTIONS AUX ASSOCIATIONS SPORTIVES - DEUXIÈME RÉPARTITION 2018",
        rapporteur: "Frédéric ARNAUD",
        service: SERVICE.sports,
        // A level-3 code of the prefecture's local nomenclature.
        matterCode: "7.5.1",
        policyHeading: POLICY.sports,
        report: report(
          "La Ville soutient chaque année le mouvement sportif aixois, qui rassemble plus de 200 associations. Après une première répartition votée au mois de mars, il vous est proposé d'attribuer une seconde enveloppe de subventions de fonctionnement et de subventions exceptionnelles.",
          "Cette répartition tient compte de la progression du nombre de licenciés, de l'engagement des clubs auprès des jeunes des quartiers prioritaires et de l'organisation de manifestations sportives ouvertes au public.",
          "Le montant total de cette deuxième répartition s'élève à 186 500 €. Le détail par association figure dans le tableau annexé.",
          "Les élus membres des instances dirigeantes des associations bénéficiaires ne prennent pas part au vote.",
        ),
        proposals: proposals(
          "**APPROUVER** l'attribution des subventions aux associations sportives figurant dans le tableau annexé, pour un montant total de 186 500 € ;",
          "**DIRE** que les crédits nécessaires sont inscrits au budget de l'exercice 2018 ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer les conventions d'objectifs avec les associations recevant une subvention supérieure à 23 000 €.",
        ),
        decision: { ballot: "public", choices: { NOT_VOTING: ["Didier BOURGUET", "Fabrice GARCIA"] }, expected: "ADOPTED" },
      },
      {
        sequence: 289,
        subject: "TABLEAU DES EFFECTIFS - CRÉATIONS ET SUPPRESSIONS DE POSTES",
        rapporteur: "Véronique LEBLANC",
        service: SERVICE.humanResources,
        matterCode: "4.1",
        policyHeading: POLICY.humanResources,
        report: report(
          "Conformément à l'article 34 de la loi n° 84-53 du 26 janvier 1984, les emplois de chaque collectivité sont créés par l'organe délibérant. Il appartient donc au Conseil Municipal de fixer l'effectif des emplois nécessaires au fonctionnement des services.",
          "Afin de permettre les avancements de grade de l'année 2019 et d'accompagner la réorganisation de la Direction Education Enfance Petite Enfance, il est proposé les modifications suivantes :",
          list(
            "création de 12 postes d'adjoint technique principal de 2ème classe et suppression corrélative de 12 postes d'adjoint technique ;",
            "création de 4 postes d'auxiliaire de puériculture principal de 1ère classe ;",
            "création d'un poste d'ingénieur principal pour le pilotage du plan pluriannuel d'investissement dans les écoles ;",
            "suppression de 3 postes de rédacteur devenus vacants.",
          ),
          "Le Comité technique a émis un avis favorable lors de sa séance du 27 novembre 2018.",
        ),
        proposals: proposals(
          "**APPROUVER** les créations et suppressions de postes présentées ci-dessus ;",
          "**MODIFIER** en conséquence le tableau des effectifs de la Ville à compter du 1er janvier 2019 ;",
          "**DIRE** que les crédits nécessaires seront inscrits au budget de l'exercice 2019.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 290,
        subject: "DOMAINE PUBLIC - REDEVANCES D'OCCUPATION POUR LES TERRASSES ET ÉTALAGES - TARIFS 2019",
        rapporteur: "Pierre-Yves LE GALL",
        service: SERVICE.publicDomain,
        matterCode: "3.5",
        policyHeading: POLICY.economy,
        report: report(
          "Toute occupation privative du domaine public donne lieu au paiement d'une redevance, en application de l'article L 2125-1 du Code général de la propriété des personnes publiques.",
          "Les tarifs des redevances pour les terrasses et étalages n'ont pas été révisés depuis 2015. Il vous est proposé de les revaloriser de 2 % au 1er janvier 2019 et de créer un tarif spécifique pour les terrasses fermées. Les commerçants riverains des chantiers de requalification des espaces publics du centre historique bénéficieront d'un abattement de 50 % pendant la durée des travaux.",
          "Les tarifs au mètre carré restent différenciés selon trois secteurs géographiques, le secteur 1 correspondant aux places et rues piétonnes du centre historique.",
        ),
        proposals: proposals(
          "**FIXER** les tarifs des redevances d'occupation du domaine public pour les terrasses et étalages tels qu'ils figurent dans la grille annexée ;",
          "**APPROUVER** l'abattement de 50 % applicable aux commerçants riverains des chantiers pendant la durée des travaux ;",
          "**DIRE** que les recettes correspondantes seront constatées au budget de l'exercice 2019.",
        ),
        decision: { ballot: "public", choices: { ABSTENTION: ["Lionel NAVARRO", "Noémie RICHAUD", "Sébastien VERNET"] }, expected: "ADOPTED" },
      },
    ],
  },
  {
    startsAt: "2019-03-28T14:00:00+01:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2019-03-22",
    secretary: "Marie-Hélène COSTE",
    listPostedAt: "2019-04-02",
    signedAt: "2019-04-01",
    receivedAt: "2019-04-02",
    publishedAt: "2019-04-03T10:00:00+02:00",
    rollCall: {
      proxies: [
        ["Catherine BONNET", "Bernard AUDIBERT"],
        ["Hervé JOURDAN", "Jean-Marc REYNAUD"],
        ["Danielle HUGUES", "Lucie PAGÈS"],
        ["Christophe BLANC", "Émilie DELORME"],
        ["Corinne DALMAS", "Sylvie MARCHETTI"],
      ],
      excused: ["Fabrice GARCIA", "Valérie ROUSSET"],
      absent: ["Yves ALLARD"],
      arrivals: [{ councillor: "Anne-Sophie BERTRAND", fromOrder: 3, before: "EXCUSED" }],
      departures: [{ councillor: "Éric DUVAL", fromOrder: 5 }],
    },
    items: [
      {
        sequence: 41,
        subject: "BUDGET PRIMITIF 2019 - BUDGET PRINCIPAL",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.1",
        policyHeading: POLICY.finances,
        report: report(
          "Le budget primitif 2019 s'inscrit dans la continuité des orientations présentées lors du débat d'orientation budgétaire du 28 février 2019 : maîtrise des dépenses de fonctionnement, dans le respect de l'objectif d'évolution fixé par la loi de programmation des finances publiques pour les années 2018 à 2022, maintien des taux de fiscalité et poursuite du programme d'investissement.",
          "Il s'équilibre comme suit :",
          list(
            "**section de fonctionnement** : 241 300 000 € en dépenses et en recettes ;",
            "**section d'investissement** : 92 800 000 € en dépenses et en recettes.",
          ),
          "Les dépenses réelles de fonctionnement progressent de 1,2 % par rapport au budget 2018, en deçà du plafond de 1,35 % retenu par le contrat conclu avec l'État.",
          "Le programme d'investissement comprend notamment la rénovation énergétique des groupes scolaires, la requalification des espaces publics du centre historique et la construction d'un gymnase dans le quartier du Jas de Bouffan.",
        ),
        proposals: proposals(
          "**ADOPTER** le budget primitif 2019 du budget principal, voté par nature et au niveau du chapitre, tel que présenté dans le document budgétaire annexé.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: [
              "Lionel NAVARRO",
              "Martine OLIVE",
              "Régis TARDIEU",
              "Noémie RICHAUD",
              "Sébastien VERNET",
              "Lucie PAGÈS",
              "Jean-Luc MAUREL",
              "Danielle HUGUES",
            ],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 42,
        subject: "FISCALITÉ DIRECTE LOCALE - VOTE DES TAUX D'IMPOSITION POUR 2019",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.2",
        policyHeading: POLICY.finances,
        report: report(
          "En application de l'article 1639 A du Code général des impôts, le Conseil Municipal vote les taux des impôts directs locaux avant le 15 avril de l'année d'imposition.",
          "La commune vote les taux de la taxe d'habitation, de la taxe foncière sur les propriétés bâties et de la taxe foncière sur les propriétés non bâties. Le dégrèvement progressif de la taxe d'habitation sur la résidence principale, engagé en 2018 pour 80 % des foyers, est pris en charge par l'État et reste sans effet sur le produit perçu par la commune.",
          "Conformément aux engagements pris, il est proposé de maintenir en 2019 les taux appliqués en 2018. L'évolution du produit fiscal résultera de la seule revalorisation forfaitaire des valeurs locatives, fixée à 2,2 % pour 2019, et de l'évolution physique des bases.",
        ),
        proposals: proposals(
          "**FIXER** pour l'année 2019 les taux de la taxe d'habitation, de la taxe foncière sur les propriétés bâties et de la taxe foncière sur les propriétés non bâties aux niveaux de 2018, tels qu'ils figurent dans l'état annexé.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: ["Lionel NAVARRO", "Martine OLIVE", "Régis TARDIEU", "Noémie RICHAUD", "Jean-Luc MAUREL"],
            ABSTENTION: ["Claude GRANIER", "Thérèse ZANETTI", "Sébastien VERNET"],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 43,
        subject: "SUBVENTIONS DE FONCTIONNEMENT AUX ASSOCIATIONS - PREMIÈRE RÉPARTITION 2019",
        rapporteur: "Marie-Claire FABRE",
        service: SERVICE.associations,
        matterCode: "7.5.1",
        policyHeading: POLICY.sports,
        report: report(
          "Le soutien de la Ville à la vie associative prend la forme de subventions de fonctionnement, de mises à disposition de locaux et d'équipements, et d'un accompagnement par la Maison de la Vie Associative.",
          "Cette première répartition concerne 214 associations intervenant dans les domaines de la culture, du sport, de la solidarité, de l'éducation populaire et de l'environnement, pour un montant total de 2 845 300 €. Les demandes ont été instruites au regard des projets présentés, du bilan de l'année écoulée et de l'intérêt local des actions.",
          "Les associations recevant une subvention annuelle supérieure à 23 000 € concluent avec la Ville une convention d'objectifs, conformément à l'article 10 de la loi n° 2000-321 du 12 avril 2000.",
          "Les élus membres des instances dirigeantes des associations concernées ne prennent pas part au vote.",
        ),
        proposals: proposals(
          "**ATTRIBUER** les subventions de fonctionnement figurant dans le tableau annexé, pour un montant total de 2 845 300 € ;",
          "**APPROUVER** les conventions d'objectifs avec les associations dont la subvention excède 23 000 € ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer lesdites conventions.",
        ),
        decision: {
          ballot: "public",
          choices: { NOT_VOTING: ["Laurent CHABAUD", "Josiane LOMBARD VIDAL", "Anne-Sophie BERTRAND"] },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 44,
        subject: "TAXE LOCALE SUR LA PUBLICITÉ EXTÉRIEURE - TARIFS APPLICABLES AU 1ER JANVIER 2020",
        rapporteur: "Pierre-Yves LE GALL",
        service: SERVICE.publicDomain,
        matterCode: "7.2",
        policyHeading: POLICY.economy,
        report: report(
          "La taxe locale sur la publicité extérieure (TLPE) frappe les dispositifs publicitaires, les enseignes et les préenseignes visibles de toute voie ouverte à la circulation publique.",
          "Ses tarifs maximaux sont relevés chaque année dans une proportion égale au taux de croissance de l'indice des prix à la consommation hors tabac de l'avant-dernière année. Toute modification des tarifs doit être décidée avant le 1er juillet de l'année précédant celle de l'imposition.",
          "Il est proposé d'appliquer en 2020 les tarifs de droit commun revalorisés, tout en maintenant l'exonération des enseignes dont la superficie cumulée est inférieure ou égale à 12 m², afin de ne pas alourdir les charges des petits commerces.",
        ),
        proposals: proposals(
          "**FIXER** les tarifs de la taxe locale sur la publicité extérieure applicables au 1er janvier 2020, tels qu'ils figurent dans le tableau annexé ;",
          "**MAINTENIR** l'exonération des enseignes dont la superficie cumulée est inférieure ou égale à 12 m².",
        ),
        decision: { ballot: "public", choices: { ABSTENTION: ["Lionel NAVARRO", "Martine OLIVE"] }, expected: "ADOPTED" },
      },
      {
        sequence: 45,
        subject: "RÉGIME INDEMNITAIRE - ACTUALISATION DU RIFSEEP",
        rapporteur: "Véronique LEBLANC",
        service: SERVICE.humanResources,
        matterCode: "4.5",
        policyHeading: POLICY.humanResources,
        report: report(
          "Le régime indemnitaire tenant compte des fonctions, des sujétions, de l'expertise et de l'engagement professionnel (RIFSEEP) se compose de l'indemnité de fonctions, de sujétions et d'expertise (IFSE) et du complément indemnitaire annuel (CIA).",
          "Il est proposé d'actualiser ce dispositif afin :",
          list(
            "de revaloriser de 30 € bruts mensuels l'IFSE des agents de catégorie C ;",
            "de créer un groupe de fonctions spécifique pour les agents exerçant des missions d'encadrement de proximité dans les écoles et les crèches ;",
            "de préciser les conditions de maintien du régime indemnitaire pendant les congés de maladie.",
          ),
          "Le Comité technique a émis un avis favorable lors de sa séance du 12 mars 2019.",
        ),
        proposals: proposals(
          "**APPROUVER** les modifications du régime indemnitaire exposées ci-dessus, à compter du 1er mai 2019 ;",
          "**DIRE** que les crédits nécessaires sont inscrits au budget de l'exercice 2019.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 46,
        subject: "VOIRIE COMMUNALE - PROGRAMME 2019 DE RÉFECTION DES CHAUSSÉES - DEMANDE DE SUBVENTION AU DÉPARTEMENT DES BOUCHES-DU-RHÔNE",
        rapporteur: "Thierry BARRAL",
        service: SERVICE.roads,
        matterCode: "8.3",
        policyHeading: POLICY.ecology,
        report: report(
          "Le Département des Bouches-du-Rhône accompagne les communes dans leurs projets d'investissement, notamment au titre de l'aide aux travaux de proximité.",
          "Le programme 2019 de réfection des chaussées porte sur 14 voies communales, représentant 9,2 kilomètres, retenues à partir du diagnostic de l'état des voiries réalisé en 2018. Son coût est estimé à 3 150 000 € HT.",
          "Il est proposé de solliciter auprès du Département une subvention au taux le plus élevé possible.",
        ),
        proposals: proposals(
          "**APPROUVER** le programme 2019 de réfection des chaussées des voies communales, pour un montant estimé à 3 150 000 € HT ;",
          "**SOLLICITER** auprès du Département des Bouches-du-Rhône une subvention au taux le plus élevé possible ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer tout document relatif à cette demande.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
    ],
  },
  {
    startsAt: "2019-07-04T09:00:00+02:00",
    kind: "EXTRAORDINARY",
    place: VERRIERE,
    convocationDate: "2019-06-28",
    secretary: "Laurent CHABAUD",
    listPostedAt: "2019-07-09",
    signedAt: "2019-07-08",
    receivedAt: "2019-07-09",
    publishedAt: "2019-07-10T10:00:00+02:00",
    rollCall: {
      proxies: [
        ["Gilbert BARTHÉLEMY-ROSSI", "Josiane LOMBARD VIDAL"],
        ["Jean-Luc MAUREL", "Lionel NAVARRO"],
        ["Isabelle TOURNIAIRE", "Olivier PELLEGRIN"],
      ],
      excused: ["Catherine BONNET", "Didier BOURGUET", "Jacqueline GUIGOU", "Thérèse ZANETTI"],
      absent: ["Romain TEISSIER", "Laetitia MÉRIC"],
    },
    items: [
      {
        sequence: 131,
        subject: "STADE NAUTIQUE - DÉLÉGATION DE SERVICE PUBLIC - CHOIX DU DÉLÉGATAIRE ET APPROBATION DU CONTRAT",
        rapporteur: "Frédéric ARNAUD",
        service: SERVICE.procurement,
        matterCode: "1.2",
        policyHeading: POLICY.sports,
        report: report(
          "Le Conseil Municipal a approuvé le principe d'une délégation de service public pour l'exploitation du stade nautique, pour une durée de six ans.",
          "À l'issue de la procédure prévue par les articles L 1411-1 et suivants du Code Général des Collectivités Territoriales, la commission de délégation de service public a examiné les trois offres reçues. Après négociation, l'offre de la société Aqualoisirs Provence apparaît la meilleure au regard des critères de jugement : qualité du service rendu aux usagers, politique tarifaire, performance énergétique et montant de la contribution financière de la Ville.",
          "Le contrat prend effet le 1er septembre 2019. La contribution annuelle de la Ville au titre des sujétions de service public s'élève à 1 120 000 € HT, en baisse de 8 % par rapport au contrat précédent.",
          "Le rapport présentant les motifs du choix du délégataire et l'économie générale du contrat a été transmis aux membres du Conseil Municipal quinze jours avant la séance, conformément à l'article L 1411-7 du même code.",
        ),
        proposals: proposals(
          "**APPROUVER** le choix de la société Aqualoisirs Provence comme délégataire du service public d'exploitation du stade nautique ;",
          "**APPROUVER** le contrat de délégation de service public et ses annexes ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer le contrat et tout document relatif à son exécution.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: [
              "Lionel NAVARRO",
              "Jean-Luc MAUREL",
              "Martine OLIVE",
              "Régis TARDIEU",
              "Noémie RICHAUD",
              "Lucie PAGÈS",
              "Danielle HUGUES",
            ],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 132,
        subject: "POLITIQUE DE LA VILLE - PROGRAMMATION 2019 DU CONTRAT DE VILLE",
        rapporteur: "Hélène CASTEL",
        service: SERVICE.urbanPolicy,
        // A level-3 code of the prefecture's local nomenclature.
        matterCode: "8.5.2",
        policyHeading: POLICY.solidarity,
        report: report(
          "Le contrat de ville 2015-2020, prorogé jusqu'au 31 décembre 2022 par la loi de finances pour 2019, fixe le cadre de l'action publique dans les quartiers prioritaires de la politique de la ville, dont ceux d'Encagnane et du Jas de Bouffan.",
          "La programmation 2019 comprend 46 actions portées par des associations et des établissements publics, dans les domaines de l'éducation, de l'emploi, de la santé, du lien social et de la tranquillité publique. La participation de la Ville s'élève à 412 000 €, aux côtés de l'État, de la Métropole et de la Caisse d'allocations familiales.",
          "**Priorités de l'année :**",
          list(
            "la réussite éducative et l'accompagnement à la scolarité ;",
            "l'accès à l'emploi des jeunes de 16 à 25 ans ;",
            "l'accès aux droits et la lutte contre l'illectronisme.",
          ),
        ),
        proposals: proposals(
          "**APPROUVER** la programmation 2019 du contrat de ville pour les quartiers prioritaires d'Aix-en-Provence ;",
          "**ATTRIBUER** les subventions figurant dans le tableau annexé, pour un montant total de 412 000 € ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer les conventions correspondantes.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 133,
        subject: "MÉTROPOLE AIX-MARSEILLE-PROVENCE - RAPPORT DE LA COMMISSION LOCALE D'ÉVALUATION DES CHARGES TRANSFÉRÉES - APPROBATION",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "5.7",
        policyHeading: POLICY.finances,
        report: report(
          "La commission locale d'évaluation des charges transférées (CLECT) de la Métropole Aix-Marseille-Provence évalue le coût des compétences transférées par les communes, qui vient en déduction de l'attribution de compensation versée à chacune d'elles, en application de l'article 1609 nonies C du Code général des impôts.",
          "Dans son rapport du 12 juin 2019, la CLECT a évalué les charges transférées au 1er janvier 2018 au titre de la gestion des eaux pluviales urbaines. Pour la commune d'Aix-en-Provence, le montant retenu s'élève à 1 384 000 € par an.",
          "Le rapport doit être approuvé par délibérations concordantes de la majorité qualifiée des conseils municipaux des communes membres, dans un délai de trois mois à compter de sa transmission.",
        ),
        proposals: proposals(
          "**APPROUVER** le rapport de la commission locale d'évaluation des charges transférées de la Métropole Aix-Marseille-Provence du 12 juin 2019, annexé à la présente délibération.",
        ),
        decision: {
          ballot: "public",
          choices: { ABSTENTION: ["Lionel NAVARRO", "Jean-Luc MAUREL", "Martine OLIVE", "Sébastien VERNET"] },
          expected: "ADOPTED",
        },
      },
    ],
  },
  {
    // The latest sitting, still being processed: one deliberation transmitted
    // but not yet published, one voted but not yet transmitted, one still a draft.
    startsAt: "2019-12-12T14:00:00+01:00",
    kind: "ORDINARY",
    place: HOTEL_DE_VILLE,
    convocationDate: "2019-12-06",
    secretary: "Sandrine VIAL",
    listPostedAt: "2019-12-17",
    signedAt: "2019-12-16",
    receivedAt: "2019-12-17",
    publishedAt: "2019-12-18T10:00:00+01:00",
    rollCall: {
      proxies: [
        ["Marie-Claire FABRE", "Hélène CASTEL"],
        ["Noémie RICHAUD", "Lionel NAVARRO"],
        ["Florence ESCOFFIER", "Sylvie MARCHETTI"],
        ["Agathe BRÉMOND", "Marcel PASCAL"],
      ],
      excused: ["Martine OLIVE", "Nicolas RAMBAUD"],
    },
    items: [
      {
        sequence: 268,
        subject: "BUDGET PRINCIPAL - DÉCISION MODIFICATIVE N°2 - EXERCICE 2019",
        rapporteur: "Jean-Marc REYNAUD",
        service: SERVICE.finances,
        matterCode: "7.1",
        policyHeading: POLICY.finances,
        report: report(
          "Cette dernière décision modificative de l'exercice ajuste les crédits du budget principal aux réalisations constatées à la fin du mois de novembre.",
          "En fonctionnement, elle ouvre 620 000 € pour les dépenses de personnel liées au glissement vieillesse-technicité et à la dernière étape du protocole relatif aux parcours professionnels, carrières et rémunérations, financés par des recettes fiscales supérieures aux prévisions.",
          "En investissement, elle procède à des ajustements entre opérations sans modifier l'équilibre général du budget.",
        ),
        proposals: proposals(
          "**ADOPTER** la décision modificative n°2 du budget principal de l'exercice 2019, telle que présentée dans le document budgétaire annexé.",
        ),
        decision: {
          ballot: "public",
          choices: {
            AGAINST: [
              "Lionel NAVARRO",
              "Noémie RICHAUD",
              "Régis TARDIEU",
              "Sébastien VERNET",
              "Lucie PAGÈS",
              "Jean-Luc MAUREL",
              "Danielle HUGUES",
            ],
          },
          expected: "ADOPTED",
        },
      },
      {
        sequence: 269,
        subject: "DROIT DE PRÉEMPTION URBAIN - CONVENTION D'INTERVENTION FONCIÈRE AVEC L'ÉTABLISSEMENT PUBLIC FONCIER PROVENCE-ALPES-CÔTE D'AZUR - SECTEUR DE LA GARE",
        rapporteur: "Thierry BARRAL",
        service: SERVICE.urbanism,
        matterCode: "2.3",
        policyHeading: POLICY.urbanism,
        report: report(
          "Le secteur de la gare fait l'objet d'une réflexion d'ensemble en vue de sa requalification : création de logements, dont une part de logements sociaux, d'activités et d'espaces publics apaisés.",
          "Afin de maîtriser le foncier nécessaire et de prévenir la spéculation, il est proposé de conclure avec l'Établissement Public Foncier Provence-Alpes-Côte d'Azur une convention d'intervention foncière d'une durée de cinq ans, pour un montant maximal d'engagement de 12 000 000 €. L'Établissement pourra, par délégation du titulaire du droit de préemption urbain, acquérir les biens mis en vente dans le périmètre défini.",
          "Les biens acquis par l'Établissement seront cédés à la commune, ou à l'opérateur qu'elle désignera, au terme de la convention et au prix de revient.",
        ),
        proposals: proposals(
          "**APPROUVER** la convention d'intervention foncière sur le secteur de la gare avec l'Établissement Public Foncier Provence-Alpes-Côte d'Azur ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer ladite convention et tout document s'y rapportant.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
      },
      {
        sequence: 270,
        subject: "CLASSES DE DÉCOUVERTE 2020 - PARTICIPATION FINANCIÈRE DES FAMILLES",
        rapporteur: "Sylvie MARCHETTI",
        service: SERVICE.education,
        matterCode: "8.1",
        policyHeading: POLICY.education,
        report: report(
          "Chaque année, la Ville finance des séjours de classes de découverte pour les élèves des écoles élémentaires publiques : classes de neige, classes de mer et classes patrimoine. En 2020, 38 classes, soit près de 950 élèves, pourront en bénéficier.",
          "La participation des familles est calculée en fonction du quotient familial, selon un barème de huit tranches allant de 35 € à 240 € par séjour. Les familles dont plusieurs enfants partent la même année bénéficient d'une réduction de 20 % à partir du deuxième enfant.",
          "Le coût résiduel pour la Ville est estimé à 410 000 €.",
        ),
        proposals: proposals(
          "**APPROUVER** le barème de participation des familles aux classes de découverte pour l'année 2020, tel qu'il figure en annexe ;",
          "**DIRE** que les recettes seront constatées au budget de l'exercice 2020.",
        ),
        decision: { ballot: "public", expected: "ADOPTED" },
        stage: "TRANSMITTED",
      },
      {
        sequence: 271,
        subject: "BAIL AU PROFIT DE L'ASSOCIATION LES JARDINS PARTAGÉS DU VAL - TERRAIN COMMUNAL DU VAL SAINT-ANDRÉ",
        rapporteur: "Patrick SIAUD",
        service: SERVICE.property,
        matterCode: "3.3",
        policyHeading: POLICY.property,
        report: report(
          "La Ville est propriétaire, dans le quartier du Val Saint-André, d'un terrain de 3 200 m² et d'un local de 45 m² qui ne sont plus utilisés par les services municipaux.",
          "L'association Les Jardins partagés du Val a sollicité la mise à disposition de ces biens afin d'y créer des jardins partagés ouverts aux habitants du quartier, des ateliers pédagogiques pour les écoles et un composteur collectif.",
          "Il est proposé de conclure avec l'association un bail d'une durée de neuf ans, moyennant un loyer annuel de 1 200 €, l'association prenant à sa charge l'entretien courant du terrain et du local.",
        ),
        proposals: proposals(
          "**APPROUVER** le bail à conclure avec l'association Les Jardins partagés du Val pour une durée de neuf ans et un loyer annuel de 1 200 € ;",
          "**AUTORISER** Monsieur le Maire ou son représentant à signer ledit bail.",
        ),
        decision: {
          ballot: "public",
          choices: { ABSTENTION: ["Claude GRANIER", "Thérèse ZANETTI"] },
          expected: "ADOPTED",
        },
        stage: "VOTED",
      },
      {
        sequence: 272,
        subject: "COMMERCE DE DÉTAIL - DÉROGATIONS AU REPOS DOMINICAL POUR L'ANNÉE 2020 - AVIS DU CONSEIL MUNICIPAL",
        rapporteur: "Pierre-Yves LE GALL",
        service: SERVICE.commerce,
        matterCode: "9.1",
        policyHeading: POLICY.economy,
        report: report(
          "L'article L 3132-26 du Code du travail permet au Maire de supprimer le repos dominical des salariés des commerces de détail dans la limite de douze dimanches par an. La liste des dimanches est arrêtée avant le 31 décembre pour l'année suivante, après avis du Conseil Municipal et, au-delà de cinq dimanches, après avis conforme de l'organe délibérant de l'établissement public de coopération intercommunale.",
          "Après consultation des organisations professionnelles et syndicales, il est proposé de retenir pour 2020 les dimanches suivants : 12 janvier, 28 juin, 6 septembre, 29 novembre, 6, 13 et 20 décembre.",
          "Ces dates correspondent au premier dimanche des soldes d'hiver et d'été, à la rentrée scolaire et aux fêtes de fin d'année.",
        ),
        proposals: proposals(
          "**ÉMETTRE** un avis favorable à la suppression du repos dominical dans les commerces de détail les sept dimanches de l'année 2020 énumérés ci-dessus ;",
          "**DIRE** que l'avis conforme du Conseil de la Métropole Aix-Marseille-Provence sera sollicité.",
        ),
        // The clerk has not yet entered the vote: a draft, not public.
        decision: { ballot: "none" },
        stage: "DRAFT",
      },
    ],
  },
];

const civilityOf = new Map(demoCouncillors.map((councillor) => [councillorName(councillor), councillor.civility]));
const lastNameOf = new Map(demoCouncillors.map((councillor) => [councillorName(councillor), councillor.lastName]));
const allNames: readonly Name[] = demoCouncillors.map((councillor) => councillorName(councillor) as Name);

function isMadame(name: Name): boolean {
  return civilityOf.get(name) === "MADAME";
}

const STATUS_ORDER: Record<AttendanceStatus, number> = { PRESENT: 0, REPRESENTED: 1, EXCUSED: 2, ABSENT: 3 };

/** The roll call at the deliberation of rank `order`, listed as an extract lists it. */
function attendanceAt(rollCall: RollCall, order: number): AttendanceSeed<Name>[] {
  const proxyHolderOf = new Map(rollCall.proxies.map(([giver, holder]) => [giver, holder]));
  const entries = allNames.map((councillor): AttendanceSeed<Name> => {
    const arrival = rollCall.arrivals?.find((candidate) => candidate.councillor === councillor);
    if (arrival) {
      if (order < arrival.fromOrder) return { councillor, status: arrival.before };
      return { councillor, status: "PRESENT", note: isMadame(councillor) ? "Arrivée en cours de séance" : "Arrivé en cours de séance" };
    }
    const departure = rollCall.departures?.find((candidate) => candidate.councillor === councillor);
    if (departure && order >= departure.fromOrder) return { councillor, status: "ABSENT", note: "A quitté la séance" };
    const proxyHolder = proxyHolderOf.get(councillor);
    if (proxyHolder) return { councillor, status: "REPRESENTED", proxyHolder };
    if (rollCall.excused?.includes(councillor)) return { councillor, status: "EXCUSED" };
    if (rollCall.absent?.includes(councillor)) return { councillor, status: "ABSENT" };
    return { councillor, status: "PRESENT" };
  });
  const sortKey = (name: Name) => `${lastNameOf.get(name) ?? ""} ${name}`;
  return entries.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || sortKey(a.councillor).localeCompare(sortKey(b.councillor), "fr"),
  );
}

function voteOf(number: string, decision: Decision, attendance: readonly AttendanceSeed<Name>[]): VoteSeed<Name> | null {
  const voters = attendance.filter((entry) => entry.status === "PRESENT" || entry.status === "REPRESENTED");
  const present = voters.filter((entry) => entry.status === "PRESENT").length;
  switch (decision.ballot) {
    case "none":
      return null;
    case "secret": {
      const presentAndRepresented = voters.length;
      const expressed = presentAndRepresented - decision.abstentions - decision.nonParticipation;
      const tally: TallySeed = {
        presentAndRepresented,
        present,
        represented: presentAndRepresented - present,
        abstentions: decision.abstentions,
        nonParticipation: decision.nonParticipation,
        expressed,
        votesFor: expressed - decision.votesAgainst,
        votesAgainst: decision.votesAgainst,
      };
      return { secret: true, tally, castingVote: null, result: checked(number, resultOf(tally, { secret: true, castingVote: null }), decision.expected), records: [] };
    }
    case "public": {
      const choiceOf = new Map<Name, VoteChoice>();
      for (const [choice, names] of Object.entries(decision.choices ?? {}) as [VoteChoice, readonly Name[]][]) {
        for (const name of names) {
          if (!voters.some((entry) => entry.councillor === name)) {
            throw new Error(`${number} : ${name} a un vote nominatif mais n'est ni présent ni représenté.`);
          }
          if (choiceOf.has(name)) throw new Error(`${number} : ${name} a deux votes nominatifs.`);
          choiceOf.set(name, choice);
        }
      }
      const records = voters.map((entry) => ({ councillor: entry.councillor, choice: choiceOf.get(entry.councillor) ?? decision.others ?? "FOR" }));
      const tally = tallyOf(attendance, records);
      const castingVote = decision.castingVote ?? null;
      return { secret: false, tally, castingVote, result: checked(number, resultOf(tally, { secret: false, castingVote }), decision.expected), records };
    }
    default: {
      const exhaustive: never = decision;
      throw new Error(`Décision inconnue : ${JSON.stringify(exhaustive)}`);
    }
  }
}

function checked(number: string, result: "ADOPTED" | "REJECTED", expected: "ADOPTED" | "REJECTED"): "ADOPTED" | "REJECTED" {
  if (result !== expected) throw new Error(`${number} : le décompte donne ${result}, les données annoncent ${expected}.`);
  return result;
}

/** ACTES transmission identifier: the collectivité's internal act number is invented ("lmc" + 7 digits, like the reference's). */
function actesIdFor(day: CalendarDate, year: number, sequence: number): string {
  const internalNumber = `lmc${1_000_000 + (year - 2000) * 10_000 + sequence}`;
  return `${referenceMunicipality.departmentCode}-${referenceMunicipality.siren}-${day.replaceAll("-", "")}-${internalNumber}-DE-1-1`;
}

// From 1 July 2022 the secretary of the sitting signs with the mayor. The demo
// sittings all come before: their acts are signed as the reference case's are,
// by the mayor and a deputy ("L'adjoint ou le conseiller municipal délégué").
const SECRETARY_SIGNS_FROM: CalendarDate = "2022-07-01";

function deliberationOf(spec: DemoSittingSpec, item: DemoItem, order: number): DeliberationSeed<Name> {
  const day = parisDay(spec.startsAt);
  const year = Number(day.slice(0, 4));
  const number = `DL.${year}-${item.sequence}`;
  if (day >= SECRETARY_SIGNS_FROM) throw new Error(`${number} : après le 1er juillet 2022, le secrétaire de séance cosigne ; les données de démonstration ne le prévoient pas.`);
  const stage = item.stage ?? "PUBLISHED";
  const withdrawn = stage === "WITHDRAWN" || stage === "WITHDRAWN_PUBLISHED";
  const attendance = withdrawn || stage === "DRAFT" ? [] : attendanceAt(spec.rollCall, order);
  const vote = voteOf(number, item.decision, attendance);
  if ((vote === null) !== (withdrawn || stage === "DRAFT")) {
    throw new Error(`${number} : seuls les points retirés et les projets n'ont pas de vote.`);
  }
  // Transmitted to the prefecture, signed and posted: adopted acts only (a rejected or withdrawn item is not transmitted, workflow.ts).
  const signed = vote?.result === "ADOPTED" && (stage === "PUBLISHED" || stage === "TRANSMITTED");
  if (stage === "TRANSMITTED" && !signed) throw new Error(`${number} : seule une délibération adoptée est transmise en préfecture.`);
  const status = stage === "WITHDRAWN_PUBLISHED" ? "PUBLISHED" : stage;
  return {
    number,
    year,
    sequence: item.sequence,
    orderInSitting: order,
    subject: item.subject,
    reportSubject: null,
    rapporteur: item.rapporteur,
    service: item.service,
    matterCode: item.matterCode,
    policyHeading: item.policyHeading,
    report: item.report,
    proposals: item.proposals,
    status,
    outcome: withdrawn ? "WITHDRAWN" : (vote?.result ?? null),
    votedAt: vote ? day : null,
    signedAt: signed ? spec.signedAt : null,
    // The act's own posting, recorded with its receipt; the list of deliberations (the sitting's listPostedAt) shows every item.
    postedAt: signed ? spec.listPostedAt : null,
    transmittedAt: signed ? spec.receivedAt : null,
    publishedAt: status === "PUBLISHED" ? spec.publishedAt : null,
    cosignatory: signed ? DEMO_COSIGNATORY.name : null,
    cosignatoryTitle: signed ? DEMO_COSIGNATORY.title : null,
    attendance,
    vote,
    // A withdrawn item is not an act: nothing is transmitted to the prefecture.
    prefectureReceipt: signed
      ? { actesId: actesIdFor(day, year, item.sequence), receivedAt: spec.receivedAt, signedAt: spec.signedAt }
      : null,
  };
}

/** The demo sittings and their deliberations, ready to be written. */
export function demoSittings(): DemoSitting[] {
  return SPECS.map((spec) => ({
    sitting: {
      startsAt: spec.startsAt,
      kind: spec.kind,
      isPublic: true,
      place: spec.place,
      convocationDate: spec.convocationDate,
      convenedBy: DEMO_MAYOR,
      president: DEMO_MAYOR,
      secretary: spec.secretary,
      reconvened: false,
      listPostedAt: spec.listPostedAt,
    },
    deliberations: spec.items.map((item, index) => deliberationOf(spec, item, index + 1)),
  }));
}
