import { chance, pick, pickDistinct, pickWeighted, randomInt, type Rng } from "./prng";

// Phrase banks for the synthetic archive: subjects, reports and proposals in the
// register's usual wording, assembled at random but deterministically. The
// places, associations and companies are invented.

export const MALE_FIRST_NAMES = [
  "Jean", "Pierre", "Michel", "Philippe", "Alain", "Patrick", "Christophe", "Laurent", "Frédéric", "Stéphane",
  "Olivier", "Éric", "Thierry", "Gérard", "Bernard", "Didier", "Jacques", "Pascal", "Nicolas", "Sébastien",
  "Julien", "Maxime", "Antoine", "Raphaël", "Gilles", "Marc", "Hervé", "Yves", "Serge", "Lucien",
  "Jean-Pierre", "Jean-Marc", "Pierre-Paul", "François", "Mathieu", "Guillaume", "Thomas", "Karim", "Mehdi", "Rémi",
];

export const FEMALE_FIRST_NAMES = [
  "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Valérie", "Christine", "Sandrine", "Sophie",
  "Véronique", "Martine", "Brigitte", "Laurence", "Céline", "Corinne", "Anne", "Monique", "Hélène", "Claire",
  "Émilie", "Julie", "Aurélie", "Caroline", "Agnès", "Danielle", "Odile", "Josiane", "Karima", "Samia",
  "Marie-Pierre", "Anne-Laure", "Marie-Christine", "Géraldine", "Patricia", "Chantal", "Noëlle", "Irène", "Lucie", "Mireille",
];

export const LAST_NAMES = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
  "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
  "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
  "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
  "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez",
  "Angeletti", "Calendini", "Joissains", "Bonfillon", "Rostolan", "Di Caro", "Santoni", "Pellegrino", "Orsini", "Agostini",
  "Barthélémy", "Castellan", "Giraud", "Olivier", "Reynaud", "Arnaud", "Bourrelly", "Cayol", "Daumas", "Esposito",
];

const ASSOCIATIONS = [
  "Comité des fêtes du quartier Saint-Jean", "Union sportive de Bench-Ville", "Les Amis du Vieux Bench",
  "Office municipal des sports", "Club de l'âge d'or", "Association des parents d'élèves des Tilleuls",
  "Judo club de la Pinède", "Harmonie municipale", "Secours populaire, comité local", "Restos du cœur, antenne de Bench-Ville",
  "Théâtre du Lavoir", "Compagnie Les Tréteaux du Midi", "Jardins partagés du Val Fleuri", "Boule bench-villoise",
  "Cinéma Le Rex associatif", "Maison des jeunes et de la culture", "Croix-Rouge française, unité locale",
  "Tennis club des Platanes", "Rugby club Bench-Ville Provence", "Festival de musique de chambre des Collines",
  "Amicale des sapeurs-pompiers", "Société de chasse La Diane", "Université du temps libre", "Bench-Ville Solidarité Emploi",
  "Ludothèque La Marelle", "Association de sauvegarde du patrimoine provençal", "Chorale À Cœur Joie", "Athlétic club du Val",
];

const FACILITIES = [
  "groupe scolaire Jules Ferry", "école maternelle Les Tilleuls", "école élémentaire Jean Moulin", "gymnase Pierre de Coubertin",
  "médiathèque Louis Aragon", "piscine municipale des Platanes", "stade Marcel Cerdan", "crèche Les Petits Loups",
  "théâtre municipal", "Maison des associations", "centre social La Bastide", "conservatoire à rayonnement communal Darius Milhaud",
  "cimetière Saint-Pierre", "Hôtel de Ville", "complexe sportif du Val Fleuri", "halle du marché couvert", "salle des fêtes Frédéric Mistral",
];

const STREETS = [
  "rue de la République", "avenue Jean Jaurès", "boulevard Victor Hugo", "chemin des Vignes", "place de la Mairie",
  "route de Marseille", "impasse des Oliviers", "allée des Pins", "cours Gambetta", "avenue du 8 Mai 1945", "rue Pasteur",
  "chemin de la Colle", "traverse des Moulins", "avenue des Écoles", "rue du Four", "chemin du Puits Neuf", "boulevard de la Liberté",
];

const DISTRICTS = [
  "Centre ancien", "Les Hauts de Bench", "La Pinède", "Le Val Fleuri", "Saint-Jean", "Les Plaines", "La Gare", "Les Collines", "Le Pont de l'Arc",
];

const PARTNERS = [
  "le Département des Bouches-du-Rhône", "la Région Provence-Alpes-Côte d'Azur", "la Caisse d'Allocations Familiales des Bouches-du-Rhône",
  "l'État (Direction régionale des affaires culturelles)", "l'Agence de l'Eau Rhône Méditerranée Corse", "le Centre Communal d'Action Sociale",
  "l'Office public de l'habitat Provence Durance", "le Service départemental d'incendie et de secours", "l'Éducation nationale",
  "la communauté d'agglomération", "le Syndicat intercommunal d'énergie", "la Chambre de commerce et d'industrie",
];

const COMPANIES = [
  "la société Provençale de Travaux Publics", "l'entreprise Garcia et Fils", "la SAS Bâtir Sud", "le groupement Midi Réseaux – Durance TP",
  "la société Lumière et Voirie", "l'entreprise Rostolan Paysages", "la SARL Méditerranée Menuiseries", "la société Restauration Collective du Sud",
  "la société Parcs et Stationnement de Provence", "le cabinet Atelier d'architecture Calade",
];

const HOUSING_PROVIDERS = ["Habitat Provence Durance", "la société d'HLM Le Nid Provençal", "Logis du Midi", "la SA d'HLM Les Terrasses"];

const EVENTS = [
  "la fête de la Saint-Jean", "le festival Jazz aux Platanes", "le marché de Noël", "le forum des associations",
  "la journée des droits des femmes", "les journées européennes du patrimoine", "le carnaval des écoles", "la course des Collines",
  "le salon du livre jeunesse", "la semaine bleue des seniors",
];

const EQUIPMENT_WORKS = [
  "la réhabilitation thermique", "la mise en accessibilité", "la réfection de la toiture", "l'extension", "la rénovation des sanitaires",
  "le remplacement du système de chauffage", "la création d'un préau", "la réfection de l'éclairage",
];

const ORDINALS = ["première", "deuxième", "troisième", "quatrième"];

export type DeliberationContext = {
  year: number;
  /** "Monsieur le Maire" or "Madame le Maire". */
  mayorTitle: string;
  communeName: string;
};

export type DeliberationText = {
  subject: string;
  reportSubject: string | null;
  matterCode: string;
  service: string;
  policyHeading: string;
  /** Markdown, several paragraphs. */
  report: string;
  /** Markdown: the proposals put to the vote. */
  proposals: string;
  /** Designations may be made by secret ballot. */
  mayBeSecret: boolean;
};

type ThemeDraft = {
  subject: string;
  reportSubject?: string;
  matterCode: string;
  /** Paragraphs proper to the matter, between the common opening and closing. */
  body: string[];
  proposals: string[];
};

type Theme = {
  weight: number;
  service: string;
  policyHeading: string;
  mayBeSecret?: boolean;
  draft: (rng: Rng, context: DeliberationContext) => ThemeDraft;
};

const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

function amount(rng: Rng, min: number, max: number, step: number): string {
  return `${euros.format(Math.round((min + rng() * (max - min)) / step) * step)} €`;
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function upperFirst(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function parcel(rng: Rng): string {
  const section = `${String.fromCharCode(65 + randomInt(rng, 0, 10))}${String.fromCharCode(65 + randomInt(rng, 0, 25))}`;
  return `section ${section} n° ${randomInt(rng, 12, 480)}`;
}

function budgetLine(rng: Rng, year: number): string {
  return pick(rng, [
    `Les crédits nécessaires sont inscrits au budget principal de l'exercice ${year}, chapitre 65, article 6574.`,
    `La dépense sera imputée sur les crédits ouverts au budget de l'exercice ${year}, chapitre 23, opération ${randomInt(rng, 100, 999)}.`,
    `La recette correspondante sera inscrite au budget de l'exercice ${year}, chapitre 13.`,
    `Cette opération est sans incidence sur le budget de l'exercice ${year}.`,
    `Les crédits correspondants figurent au budget de l'exercice ${year}, chapitre 011, fonction ${randomInt(rng, 0, 9)}${randomInt(rng, 0, 9)}.`,
  ]);
}

const THEMES: readonly Theme[] = [
  {
    weight: 18,
    service: "Direction de la Vie associative",
    policyHeading: "Vie associative et solidarités",
    draft: (rng, { year }) => {
      const association = pick(rng, ASSOCIATIONS);
      const sum = amount(rng, 300, 45000, 100);
      const variant = randomInt(rng, 0, 2);
      const subject =
        variant === 0
          ? `Attribution d'une subvention de fonctionnement à l'association « ${association} » au titre de l'exercice ${year}`
          : variant === 1
            ? `Subvention exceptionnelle à l'association « ${association} » pour l'organisation de ${pick(rng, EVENTS)}`
            : `Attribution de subventions aux associations – ${pick(rng, ORDINALS)} répartition ${year}`;
      return {
        subject,
        matterCode: pick(rng, ["7.5", "7.5", "7.5.1", "7.5.2"]),
        body: [
          `L'association « ${association} », régie par la loi du 1er juillet 1901, mène depuis de nombreuses années des actions reconnues auprès des habitants du quartier ${pick(rng, DISTRICTS)}. ` +
            `Elle compte aujourd'hui ${randomInt(rng, 40, 900)} adhérents et s'appuie sur ${randomInt(rng, 5, 60)} bénévoles.`,
          `Par courrier du ${randomInt(rng, 2, 28)} ${pick(rng, ["janvier", "février", "mars", "avril", "mai", "septembre", "octobre"])} ${year}, elle a sollicité le soutien financier de la Ville ` +
            `pour un budget prévisionnel de ${amount(rng, 5000, 250000, 500)}, auquel participent également ${pick(rng, PARTNERS)} et ses ressources propres.`,
          `Au regard de l'intérêt local de ce projet, qui contribue à l'animation de la vie sociale et au lien entre les générations, il est proposé de lui attribuer une subvention de ${sum}. ` +
            `Conformément à la loi n° 2000-321 du 12 avril 2000, une convention précisera l'objet, le montant et les conditions d'utilisation de cette aide dès lors qu'elle dépasse 23 000 €.`,
        ],
        proposals: [
          `**APPROUVER** l'attribution d'une subvention de ${sum} à l'association « ${association} » ;`,
          `**DIRE** que ${lowerFirst(budgetLine(rng, year))}`,
        ],
      };
    },
  },
  {
    weight: 12,
    service: "Direction des Affaires juridiques",
    policyHeading: "Administration générale",
    draft: (rng, { year, mayorTitle }) => {
      const partner = pick(rng, PARTNERS);
      const facility = pick(rng, FACILITIES);
      const duration = randomInt(rng, 1, 5);
      return {
        subject: pick(rng, [
          `Approbation d'une convention de partenariat avec ${partner} relative au fonctionnement du ${facility}`,
          `Convention de mise à disposition du ${facility} – Avenant n° ${randomInt(rng, 1, 4)}`,
          `Convention pluriannuelle d'objectifs ${year}-${year + duration} avec ${partner}`,
        ]),
        matterCode: pick(rng, ["1.4", "8.1", "8.9", "9.1"]),
        body: [
          `Depuis ${year - randomInt(rng, 2, 12)}, la Ville et ${partner} coopèrent pour assurer le fonctionnement du ${facility}, équipement fréquenté chaque année par près de ${euros.format(randomInt(rng, 20, 400) * 100)} usagers.`,
          `La convention en vigueur arrivant à échéance, il convient d'en arrêter les nouvelles modalités pour une durée de ${duration} an${duration > 1 ? "s" : ""}. ` +
            `Elle précise les engagements respectifs des parties, notamment la participation financière de ${partner}, évaluée à ${amount(rng, 5000, 180000, 500)} par an, ` +
            `ainsi que les conditions d'entretien des locaux et de l'assurance des biens.`,
          `Un comité de suivi réunissant les représentants des signataires se réunira au moins une fois par an afin d'évaluer les actions conduites et d'en proposer l'adaptation.`,
        ],
        proposals: [
          `**APPROUVER** la convention ci-annexée ;`,
          `**AUTORISER** ${mayorTitle} ou son représentant à la signer ainsi que tout document s'y rapportant ;`,
          `**DIRE** que ${lowerFirst(budgetLine(rng, year))}`,
        ],
      };
    },
  },
  {
    weight: 10,
    service: "Direction de l'Urbanisme",
    policyHeading: "Urbanisme et aménagement",
    draft: (rng, { year, mayorTitle }) => {
      const district = pick(rng, DISTRICTS);
      const street = pick(rng, STREETS);
      const variant = randomInt(rng, 0, 3);
      if (variant === 0) {
        const number = randomInt(rng, 1, 6);
        return {
          subject: `Modification simplifiée n° ${number} du Plan Local d'Urbanisme – Approbation`,
          reportSubject: `Plan Local d'Urbanisme : approbation de la modification simplifiée n° ${number}`,
          matterCode: "2.1",
          body: [
            `Le Plan Local d'Urbanisme de la commune a été approuvé par délibération du Conseil Municipal et a depuis fait l'objet de plusieurs adaptations. ` +
              `La présente modification simplifiée a pour objet de corriger des erreurs matérielles et d'ajuster le règlement de la zone U${pick(rng, ["A", "B", "C", "D"])} dans le secteur ${district}.`,
            `Le dossier a été mis à la disposition du public pendant un mois, du ${randomInt(rng, 1, 10)} au ${randomInt(rng, 11, 28)} ${pick(rng, ["mars", "mai", "juin", "septembre", "octobre"])} ${year}, ` +
              `en mairie et sur le site internet de la Ville. ${randomInt(rng, 0, 14)} observations ont été consignées ; elles ont été analysées dans le bilan annexé à la présente délibération.`,
            `Les personnes publiques associées ont été consultées ; leurs avis, favorables ou assortis de réserves mineures, ont été pris en compte.`,
          ],
          proposals: [
            `**TIRER** le bilan de la mise à disposition du public ;`,
            `**APPROUVER** la modification simplifiée n° ${number} du Plan Local d'Urbanisme telle qu'annexée ;`,
            `**DIRE** que la présente délibération fera l'objet des mesures de publicité prévues par le Code de l'urbanisme.`,
          ],
        };
      }
      if (variant === 1) {
        const lot = parcel(rng);
        const price = amount(rng, 90000, 1200000, 1000);
        return {
          subject: `Exercice du droit de préemption urbain sur la parcelle cadastrée ${lot}, ${randomInt(rng, 1, 120)} ${street}`,
          matterCode: "2.3",
          body: [
            `Par déclaration d'intention d'aliéner reçue en mairie, le notaire du vendeur a informé la commune de la cession, au prix de ${price}, d'un bien situé ${street}, cadastré ${lot}, d'une superficie de ${randomInt(rng, 180, 4200)} m².`,
            `Ce bien est situé dans le périmètre d'étude du projet de renouvellement urbain du quartier ${district}, dont il constitue l'une des emprises nécessaires à la création d'équipements publics de proximité.`,
            `Le service du Domaine, consulté, a estimé la valeur vénale du bien à ${price}.`,
          ],
          proposals: [
            `**DÉCIDER** d'exercer le droit de préemption urbain sur le bien cadastré ${lot} au prix de ${price} ;`,
            `**AUTORISER** ${mayorTitle} à signer l'acte authentique et tout document nécessaire.`,
          ],
        };
      }
      if (variant === 2) {
        const name = pick(rng, ["Simone Veil", "Gisèle Halimi", "Jean Moulin", "Lucie Aubrac", "Marcel Pagnol", "Germaine Tillion", "Paul Cézanne", "Louise Michel"]);
        return {
          subject: `Dénomination de la voie nouvelle desservant le lotissement ${pick(rng, ["Les Restanques", "Le Clos des Oliviers", "Les Jardins du Val", "La Bastide Neuve"])} : allée ${name}`,
          matterCode: "8.3",
          body: [
            `La réalisation d'un nouveau lotissement dans le quartier ${district} a conduit à la création d'une voie qu'il convient de dénommer afin de faciliter le repérage, l'adressage et l'intervention des services de secours.`,
            `La commission extra-municipale de dénomination des voies propose de lui donner le nom de ${name}, dont l'engagement a marqué l'histoire nationale.`,
          ],
          proposals: [`**DÉNOMMER** « allée ${name} » la voie nouvelle désignée au plan annexé.`],
        };
      }
      return {
        subject: `Avis de la commune sur le projet de Programme Local de l'Habitat ${year}-${year + 6}`,
        matterCode: "8.5",
        body: [
          `Le projet de Programme Local de l'Habitat arrêté par l'intercommunalité fixe les objectifs de production de logements pour les six prochaines années, dont ${randomInt(rng, 120, 900)} logements pour la commune, parmi lesquels ${randomInt(rng, 25, 40)} % de logements locatifs sociaux.`,
          `Ces objectifs sont cohérents avec les orientations du Plan Local d'Urbanisme et avec les opérations engagées, notamment dans le quartier ${district}.`,
        ],
        proposals: [`**ÉMETTRE** un avis favorable au projet de Programme Local de l'Habitat.`],
      };
    },
  },
  {
    weight: 9,
    service: "Direction du Patrimoine et du Foncier",
    policyHeading: "Patrimoine communal",
    draft: (rng, { year, mayorTitle }) => {
      const lot = parcel(rng);
      const street = pick(rng, STREETS);
      const area = randomInt(rng, 25, 3500);
      const variant = randomInt(rng, 0, 2);
      const subject =
        variant === 0
          ? `Acquisition de la parcelle cadastrée ${lot}, ${street}`
          : variant === 1
            ? `Cession d'un délaissé de voirie ${street} – parcelle ${lot}`
            : `Convention d'occupation temporaire du domaine public – ${pick(rng, FACILITIES)}`;
      const price = amount(rng, 1, 650000, 100);
      return {
        subject,
        matterCode: variant === 0 ? "3.1" : variant === 1 ? "3.2" : "3.5",
        body: [
          `Le bien concerné, d'une superficie de ${area} m², est situé ${street}, dans le quartier ${pick(rng, DISTRICTS)}. ` +
            `Il ne présente plus d'utilité pour le service public et n'est pas affecté à l'usage direct du public.`,
          `L'avis du service du Domaine a été sollicité conformément à l'article L. 2241-1 du Code général des collectivités territoriales ; il fixe la valeur vénale à ${price}. ` +
            `Les frais d'acte et de géomètre seront à la charge de ${pick(rng, ["l'acquéreur", "la commune", "chacune des parties pour moitié"])}.`,
        ],
        proposals: [
          `**APPROUVER** l'opération décrite au présent rapport pour un montant de ${price} ;`,
          `**AUTORISER** ${mayorTitle} ou l'adjoint délégué à signer l'acte authentique et toutes pièces s'y rapportant ;`,
          `**DIRE** que ${lowerFirst(budgetLine(rng, year))}`,
        ],
      };
    },
  },
  {
    weight: 9,
    service: "Direction des Ressources humaines",
    policyHeading: "Ressources humaines",
    draft: (rng, { year }) => {
      const variant = randomInt(rng, 0, 2);
      if (variant === 0) {
        const created = randomInt(rng, 1, 12);
        return {
          subject: `Modification du tableau des effectifs du personnel communal`,
          matterCode: "4.1",
          body: [
            `Conformément à l'article 34 de la loi du 26 janvier 1984, les emplois de chaque collectivité sont créés par l'organe délibérant. Il appartient donc au Conseil Municipal de fixer l'effectif des emplois nécessaires au fonctionnement des services.`,
            `Afin de tenir compte des avancements de grade, des promotions internes et des réorganisations de services intervenues depuis la dernière mise à jour, il est proposé de créer ${created} poste${created > 1 ? "s" : ""} ` +
              `et de supprimer ${randomInt(rng, 0, created)} poste${created > 1 ? "s" : ""} devenu${created > 1 ? "s" : ""} vacant${created > 1 ? "s" : ""}, après avis du comité technique du ${randomInt(rng, 1, 28)} ${pick(rng, ["février", "mai", "juin", "octobre", "novembre"])} ${year}.`,
            `Le tableau des effectifs ainsi modifié est annexé à la présente délibération.`,
          ],
          proposals: [`**APPROUVER** le tableau des effectifs tel qu'annexé ;`, `**DIRE** que les crédits nécessaires sont inscrits au chapitre 012 du budget de l'exercice ${year}.`],
        };
      }
      if (variant === 1) {
        const agents = randomInt(rng, 2, 40);
        return {
          subject: `Recrutement d'agents contractuels pour faire face à un accroissement saisonnier d'activité – été ${year}`,
          matterCode: "4.2",
          body: [
            `Chaque été, la fréquentation de la piscine municipale, des accueils de loisirs et des espaces naturels nécessite le renfort temporaire des équipes.`,
            `Il est proposé d'autoriser le recrutement de ${agents} agents contractuels sur le fondement de l'article 3, 2° de la loi du 26 janvier 1984, pour une durée maximale de six mois, rémunérés sur la base du premier échelon du grade correspondant.`,
          ],
          proposals: [`**AUTORISER** le recrutement de ${agents} agents contractuels saisonniers dans les conditions exposées ;`, `**DIRE** que les crédits sont inscrits au chapitre 012.`],
        };
      }
      return {
        subject: `Régime indemnitaire des agents de la Ville – actualisation des modalités`,
        matterCode: "4.5",
        body: [
          `Le régime indemnitaire des agents communaux doit être adapté aux évolutions réglementaires et aux responsabilités exercées.`,
          `Après concertation avec les représentants du personnel et avis favorable du comité technique, il est proposé d'actualiser les plafonds par groupe de fonctions et de préciser les critères de modulation liés à l'engagement professionnel.`,
          `Le coût annuel de cette mesure est estimé à ${amount(rng, 20000, 400000, 1000)}.`,
        ],
        proposals: [`**APPROUVER** les modalités du régime indemnitaire telles que définies en annexe, à compter du 1er ${pick(rng, ["janvier", "juillet", "septembre"])} ${year + 1}.`],
      };
    },
  },
  {
    weight: 11,
    service: "Direction des Finances",
    policyHeading: "Finances et budget",
    draft: (rng, { year }) => {
      const variant = randomInt(rng, 0, 4);
      if (variant === 0) {
        const total = amount(rng, 90_000_000, 260_000_000, 100_000);
        return {
          subject: `Budget primitif ${year} – Budget principal`,
          matterCode: "7.1",
          body: [
            `Le budget primitif ${year} traduit les orientations débattues lors du débat d'orientation budgétaire. Il s'équilibre en dépenses et en recettes à ${total}, toutes sections confondues.`,
            `La section de fonctionnement est marquée par la maîtrise des charges à caractère général et de la masse salariale, malgré l'effet des mesures nationales. ` +
              `La section d'investissement porte notamment ${pick(rng, EQUIPMENT_WORKS)} du ${pick(rng, FACILITIES)} et la poursuite du programme pluriannuel de voirie.`,
            `L'épargne brute dégagée permet de limiter le recours à l'emprunt à ${amount(rng, 2_000_000, 15_000_000, 100_000)}, la capacité de désendettement restant inférieure à ${randomInt(rng, 5, 9)} années.`,
          ],
          proposals: [`**ADOPTER** le budget primitif ${year} du budget principal, voté par chapitre, tel que présenté en annexe.`],
        };
      }
      if (variant === 1) {
        const number = randomInt(rng, 1, 4);
        return {
          subject: `Décision modificative n° ${number} au budget principal de l'exercice ${year}`,
          matterCode: "7.1",
          body: [
            `La présente décision modificative ajuste les crédits votés au budget primitif pour tenir compte des notifications reçues et de l'avancement des opérations.`,
            `Elle s'équilibre à ${amount(rng, 50_000, 3_000_000, 1000)} en section de fonctionnement et à ${amount(rng, 50_000, 5_000_000, 1000)} en section d'investissement.`,
          ],
          proposals: [`**ADOPTER** la décision modificative n° ${number} au budget principal de l'exercice ${year}.`],
        };
      }
      if (variant === 2) {
        return {
          subject: `Vote des taux des impositions directes locales pour l'année ${year}`,
          matterCode: "7.2",
          body: [
            `Conformément aux engagements pris, il est proposé de maintenir les taux d'imposition au niveau de l'année précédente.`,
            `Le produit fiscal attendu s'élève ainsi à ${amount(rng, 30_000_000, 90_000_000, 10_000)}.`,
          ],
          proposals: [`**FIXER** les taux des impositions directes locales pour ${year} comme suit : taxe foncière sur les propriétés bâties ${randomInt(rng, 18, 32)},${randomInt(rng, 10, 99)} %, taxe foncière sur les propriétés non bâties ${randomInt(rng, 30, 60)},${randomInt(rng, 10, 99)} %.`],
        };
      }
      if (variant === 3) {
        const provider = pick(rng, HOUSING_PROVIDERS);
        const homes = randomInt(rng, 8, 120);
        return {
          subject: `Garantie d'emprunt accordée à ${provider} pour la construction de ${homes} logements locatifs sociaux, ${pick(rng, STREETS)}`,
          matterCode: "7.3",
          body: [
            `${upperFirst(provider)} sollicite la garantie de la commune à hauteur de ${pick(rng, ["50", "55", "100"])} % pour le remboursement d'un prêt de ${amount(rng, 800_000, 12_000_000, 1000)} souscrit auprès de la Caisse des dépôts et consignations.`,
            `En contrepartie, ${randomInt(rng, 10, 25)} % des logements seront réservés au contingent communal. L'opération contribue au rattrapage du taux de logements sociaux prévu par la loi.`,
          ],
          proposals: [`**ACCORDER** la garantie de la commune dans les conditions exposées ;`, `**S'ENGAGER** pendant toute la durée du prêt à libérer les ressources suffisantes pour en couvrir les charges.`],
        };
      }
      return {
        subject: `Admission en non-valeur de créances irrécouvrables`,
        matterCode: "7.10",
        body: [
          `Le comptable public a transmis un état de créances dont il n'a pu obtenir le recouvrement malgré les poursuites engagées, pour un montant total de ${amount(rng, 300, 40_000, 1)}.`,
          `Ces créances concernent principalement des frais de restauration scolaire et des droits de place.`,
        ],
        proposals: [`**ADMETTRE** en non-valeur les créances figurant sur l'état annexé.`],
      };
    },
  },
  {
    weight: 8,
    service: "Direction de la Commande publique",
    policyHeading: "Commande publique",
    draft: (rng, { year, mayorTitle }) => {
      const company = pick(rng, COMPANIES);
      const facility = pick(rng, FACILITIES);
      const works = pick(rng, EQUIPMENT_WORKS);
      const sum = amount(rng, 90_000, 4_500_000, 100);
      return {
        subject: pick(rng, [
          `Attribution du marché de travaux pour ${works} du ${facility}`,
          `Délégation de service public pour la gestion du ${pick(rng, ["parc de stationnement de la Gare", "marché forain", "service de restauration scolaire", "camping municipal"])} – Choix du délégataire`,
          `Accord-cadre d'entretien de l'éclairage public – Avenant n° ${randomInt(rng, 1, 3)}`,
        ]),
        matterCode: pick(rng, ["1.1", "1.1", "1.2", "1.6"]),
        body: [
          `Une procédure d'appel d'offres ouvert a été lancée par avis publié le ${randomInt(rng, 1, 28)} ${pick(rng, ["janvier", "février", "mars", "septembre", "octobre"])} ${year} au Bulletin officiel des annonces des marchés publics et au Journal officiel de l'Union européenne.`,
          `${randomInt(rng, 2, 11)} offres ont été reçues dans les délais. Au vu du rapport d'analyse, la commission d'appel d'offres, réunie le ${randomInt(rng, 1, 28)} ${pick(rng, ["avril", "mai", "juin", "novembre"])} ${year}, a retenu l'offre économiquement la plus avantageuse, présentée par ${company}, pour un montant de ${sum} hors taxes.`,
        ],
        proposals: [
          `**PRENDRE ACTE** du choix de la commission d'appel d'offres ;`,
          `**AUTORISER** ${mayorTitle} à signer le marché avec ${company} pour un montant de ${sum} HT ;`,
          `**DIRE** que ${lowerFirst(budgetLine(rng, year))}`,
        ],
      };
    },
  },
  {
    weight: 6,
    service: "Secrétariat général",
    policyHeading: "Institutions",
    mayBeSecret: true,
    draft: (rng) => {
      const body = pick(rng, [
        "conseil d'administration du collège Campra",
        "conseil d'administration du lycée Émile Zola",
        "comité syndical du Syndicat intercommunal d'énergie",
        "conseil d'administration du Centre Communal d'Action Sociale",
        "commission locale d'évaluation des charges transférées",
        "conseil de surveillance du centre hospitalier",
      ]);
      const seats = randomInt(rng, 1, 6);
      return {
        subject: `Désignation des représentants du Conseil Municipal au sein du ${body}`,
        matterCode: pick(rng, ["5.3", "5.3", "5.7"]),
        body: [
          `Les statuts du ${body} prévoient que la commune y est représentée par ${seats} membre${seats > 1 ? "s" : ""} titulaire${seats > 1 ? "s" : ""} et autant de suppléants, désignés par le Conseil Municipal.`,
          `En application de l'article L. 2121-21 du Code général des collectivités territoriales, le Conseil Municipal peut décider à l'unanimité de ne pas procéder au scrutin secret pour ces nominations.`,
        ],
        proposals: [`**DÉSIGNER** les représentants de la commune dont les noms figurent au tableau annexé.`],
      };
    },
  },
  {
    weight: 8,
    service: "Direction de l'Éducation et de la Jeunesse",
    policyHeading: "Éducation, enfance et jeunesse",
    draft: (rng, { year }) => ({
      subject: pick(rng, [
        `Tarifs de la restauration scolaire et des accueils périscolaires – année scolaire ${year}-${year + 1}`,
        `Participation communale aux frais de fonctionnement des écoles privées sous contrat d'association – année ${year}`,
        `Sectorisation scolaire : modification du périmètre du ${pick(rng, ["groupe scolaire Jules Ferry", "école élémentaire Jean Moulin", "école maternelle Les Tilleuls"])}`,
        `Classes de découverte ${year} : participation de la Ville`,
      ]),
      matterCode: pick(rng, ["8.1", "8.1", "7.10"]),
      body: [
        `La Ville accueille ${euros.format(randomInt(rng, 18, 60) * 100)} élèves dans ses ${randomInt(rng, 12, 40)} écoles publiques et assure chaque jour près de ${euros.format(randomInt(rng, 12, 45) * 100)} repas.`,
        `Les tarifs proposés sont modulés selon le quotient familial, de ${randomInt(rng, 0, 1)},${randomInt(rng, 10, 99)} € à ${randomInt(rng, 3, 5)},${randomInt(rng, 10, 99)} € par repas, afin de garantir l'accès de tous les enfants au service.`,
        `Ces dispositions ont été présentées au conseil des parents et aux directeurs d'école.`,
      ],
      proposals: [`**APPROUVER** les dispositions présentées et la grille tarifaire annexée, applicables à compter de la rentrée scolaire ${year}.`],
    }),
  },
  {
    weight: 6,
    service: "Direction de la Culture",
    policyHeading: "Culture et patrimoine",
    draft: (rng, { year, mayorTitle }) => {
      const partner = pick(rng, PARTNERS);
      return {
        subject: pick(rng, [
          `Demande de subvention auprès de ${partner} pour la restauration de ${pick(rng, ["la chapelle Notre-Dame", "l'orgue de l'église Saint-Pierre", "la fontaine des Quatre-Dauphins", "la tour de l'Horloge"])}`,
          `Programmation culturelle ${year}-${year + 1} du théâtre municipal : tarifs et conventions`,
          `Don d'œuvres au musée municipal – Acceptation`,
        ]),
        matterCode: pick(rng, ["8.9", "8.9", "7.5"]),
        body: [
          `Le patrimoine de la commune fait l'objet d'un programme pluriannuel de restauration, conduit avec l'appui de ${partner}.`,
          `Le coût de l'opération est estimé à ${amount(rng, 40_000, 900_000, 1000)} HT ; le plan de financement prévisionnel sollicite une aide de ${randomInt(rng, 20, 60)} %.`,
        ],
        proposals: [
          `**APPROUVER** l'opération et son plan de financement ;`,
          `**AUTORISER** ${mayorTitle} à solliciter les aides financières correspondantes et à signer tout document s'y rapportant.`,
        ],
      };
    },
  },
  {
    weight: 5,
    service: "Direction de l'Environnement",
    policyHeading: "Transition écologique",
    draft: (rng, { year }) => ({
      subject: pick(rng, [
        `Plan communal de sauvegarde : mise à jour ${year}`,
        `Adhésion au groupement de commandes pour l'achat d'électricité d'origine renouvelable`,
        `Plan de gestion différenciée des espaces verts – Approbation`,
        `Obligation légale de débroussaillement : convention avec l'Office national des forêts`,
      ]),
      matterCode: pick(rng, ["8.8", "8.8", "1.7", "6.1"]),
      body: [
        `La commune s'est engagée dans une démarche de réduction de son empreinte environnementale : les consommations d'énergie de son patrimoine ont baissé de ${randomInt(rng, 5, 30)} % depuis ${year - randomInt(rng, 3, 8)}.`,
        `Le dispositif proposé s'inscrit dans cette démarche et concerne notamment les ${randomInt(rng, 30, 400)} hectares d'espaces naturels du massif des Collines, exposés au risque d'incendie de forêt.`,
      ],
      proposals: [`**APPROUVER** le dispositif présenté et les documents annexés.`],
    }),
  },
  {
    weight: 5,
    service: "Direction de la Voirie et des Déplacements",
    policyHeading: "Voirie et mobilités",
    draft: (rng, { year, mayorTitle }) => {
      const street = pick(rng, STREETS);
      return {
        subject: pick(rng, [
          `Requalification de la ${street} – Approbation de l'avant-projet`,
          `Transfert dans le domaine public communal des voies du lotissement ${pick(rng, ["Les Restanques", "Le Clos des Oliviers", "La Bastide Neuve"])}`,
          `Redevances d'occupation du domaine public routier – tarifs ${year + 1}`,
        ]),
        matterCode: pick(rng, ["8.3", "8.3", "3.5", "8.7"]),
        body: [
          `La ${street} supporte un trafic de ${euros.format(randomInt(rng, 20, 180) * 100)} véhicules par jour. Son état de dégradation et l'absence de cheminements piétons accessibles justifient une requalification complète.`,
          `Le projet prévoit l'élargissement des trottoirs, la création d'une piste cyclable bidirectionnelle et la plantation de ${randomInt(rng, 10, 120)} arbres, pour un coût estimé à ${amount(rng, 200_000, 6_000_000, 1000)} HT.`,
        ],
        proposals: [`**APPROUVER** le projet présenté ;`, `**AUTORISER** ${mayorTitle} à engager les procédures nécessaires.`],
      };
    },
  },
];

const OPENINGS = [
  "Mes chers collègues,",
  "Mesdames, Messieurs,",
  "Le présent rapport a pour objet de soumettre à l'approbation du Conseil Municipal les dispositions suivantes.",
];

function contextParagraphs(rng: Rng, policyHeading: string, year: number): string[] {
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre", "novembre"];
  const bank = [
    `Ce dossier s'inscrit dans les orientations définies par la municipalité en matière de ${policyHeading.toLowerCase()}, présentées lors du débat d'orientation budgétaire de l'exercice ${year} et rappelées dans le rapport d'activité des services.`,
    `Depuis le début du mandat, la Ville a engagé une démarche de modernisation de ses politiques publiques, fondée sur l'évaluation des dispositifs existants, la concertation avec les habitants et la recherche de financements partenariaux. Le présent rapport en constitue une nouvelle étape.`,
    `Les services municipaux ont conduit, en lien avec les partenaires concernés, une analyse détaillée des besoins, des contraintes techniques et juridiques ainsi que des incidences financières de l'opération. Les principales conclusions de cette analyse sont reprises ci-après.`,
    `Les habitants du quartier ${pick(rng, DISTRICTS)} ont été associés à la réflexion lors de ${randomInt(rng, 2, 6)} réunions publiques organisées entre ${pick(rng, months)} et ${pick(rng, months)} ${year} ; leurs observations ont été prises en compte dans toute la mesure du possible.`,
    `Les pièces du dossier ont été tenues à la disposition des conseillers municipaux, conformément à l'article L. 2121-13 du Code général des collectivités territoriales, dans les conditions prévues par le règlement intérieur du Conseil Municipal.`,
    `Cette démarche contribue aux objectifs de l'Agenda 21 communal, notamment en matière de sobriété énergétique, de qualité du service rendu aux usagers et de maîtrise des dépenses publiques.`,
  ];
  return pickDistinct(rng, bank, randomInt(rng, 1, 3));
}

const LEGAL_BASES = [
  "Vu le Code général des collectivités territoriales, et notamment son article L. 2121-29 ;",
  "Vu le Code général des collectivités territoriales, et notamment ses articles L. 2121-29 et L. 2241-1 ;",
  "Vu le Code de l'urbanisme ;",
  "Vu le Code de la commande publique ;",
  "Vu la loi n° 84-53 du 26 janvier 1984 portant dispositions statutaires relatives à la fonction publique territoriale ;",
  "Vu l'avis de la commission municipale compétente ;",
];

const CLOSINGS = [
  "Telles sont les raisons qui nous conduisent à vous proposer d'adopter la délibération suivante.",
  "Il est donc proposé au Conseil Municipal de bien vouloir se prononcer favorablement.",
  "Au vu de ce qui précède, je vous propose, mes chers collègues, de bien vouloir adopter les dispositions ci-après.",
];

/** One deliberation's text: a subject, a report of several paragraphs and its proposals. */
export function composeDeliberation(rng: Rng, context: DeliberationContext): DeliberationText {
  const theme = pickWeighted(rng, THEMES);
  const draft = theme.draft(rng, context);
  const legalBases = pickDistinct(rng, LEGAL_BASES, randomInt(rng, 1, 3));
  const paragraphs = [
    pick(rng, OPENINGS),
    ...contextParagraphs(rng, theme.policyHeading, context.year),
    ...draft.body,
    ...(chance(rng, 0.5) ? [`La commission « ${theme.policyHeading} » a examiné ce dossier et émis un avis favorable.`] : []),
    ...legalBases,
    pick(rng, CLOSINGS),
  ];
  return {
    subject: draft.subject,
    reportSubject: draft.reportSubject ?? null,
    matterCode: draft.matterCode,
    service: theme.service,
    policyHeading: theme.policyHeading,
    report: paragraphs.join("\n\n"),
    proposals: draft.proposals.join("\n\n"),
    mayBeSecret: theme.mayBeSecret ?? false,
  };
}
