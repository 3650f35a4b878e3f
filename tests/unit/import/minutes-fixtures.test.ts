import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMinutes, type ProposedDeliberation, type ProposedSitting } from "@/lib/import/minutes/read-minutes";

// Real minutes and extracts of French councils, 2002–2022, small villages
// and towns (tests/fixtures/minutes, each with its source): the reader gives
// back what each document says, names as written without civility, a
// figure the document does not give as null.

function fixture(name: string): string {
  const raw = readFileSync(path.join("tests/fixtures/minutes", name), "utf8");
  expect(raw.startsWith("SOURCE: http")).toBe(true);
  return raw.slice(raw.indexOf("\n\n") + 2);
}

function only(name: string): ProposedSitting {
  const { sittings } = readMinutes(fixture(name));
  expect(sittings).toHaveLength(1);
  return sittings[0] as ProposedSitting;
}

/** The fields the issue asks for, and the movements. */
function summary(sitting: ProposedSitting) {
  const { date, hour, president, secretary, membersInOffice, present, proxies, excusedWithoutProxy, absent, arrivals } = sitting;
  return { date, hour, president, secretary, membersInOffice, present, proxies, excusedWithoutProxy, absent, arrivals: arrivals.map((arrival) => arrival.name) };
}

const NO_VOTE = { for: null, against: null, abstention: null, unanimous: false, participants: null, expressed: null, present: null, presentAndRepresented: null, nonParticipation: null };

function act(deliberation: Partial<ProposedDeliberation> & Pick<ProposedDeliberation, "subject" | "line">): ProposedDeliberation {
  return { number: null, item: null, ...NO_VOTE, outcome: null, receipt: null, receiptReceivedAt: null, ...deliberation };
}

describe("minutes reader, on real documents", () => {
  it("[minutes]: Barneville-Carteret 2003: surnames after « Messieurs », « Maître » and « Docteur », proxies among the excused", () => {
    const sitting = only("barneville-carteret-2003-03-27.txt");
    expect(summary(sitting)).toEqual({
      date: "2003-03-27",
      // Convened at « vingt heures trente », opened at « vingt heures quarante cinq »: the sitting's hour is the first.
      hour: "20:30",
      president: "Claude DUPONT",
      secretary: "Christian LEFEBVRE",
      // The copy does not say how many are in office.
      membersInOffice: null,
      present: ["Claude DUPONT", "DAGORT", "DELAMONTAGNE", "LOUIS DIT GUERIN", "LEJARD", "LECRIVAIN", "LAURENT", "FILLATRE", "RACHINE", "LEGENDRE", "LAMBARD", "LEFEBVRE", "CRESPO", "PINTA", "LESAULNIER"],
      proxies: [
        { giver: "MESLIN", holder: "DELAMONTAGNE" },
        { giver: "LEBLOND", holder: "LECRIVAIN" },
      ],
      excusedWithoutProxy: ["JAILLARD", "BELZ"],
      absent: [],
      arrivals: [],
    });
    // The copy stops in the middle of the accounts: no vote is said, none is proposed.
    expect(sitting.deliberations).toEqual([]);
    expect(sitting.warnings).toEqual([]);
  });

  it("[minutes]: Barneville-Carteret 2002: initials, members present for one question, a list over blank lines", () => {
    const sitting = only("barneville-carteret-2002-06-28.txt");
    expect(summary(sitting)).toEqual({
      date: "2002-06-28",
      hour: "18:00",
      president: "Claude DUPONT",
      secretary: "Claudine CRESPO",
      membersInOffice: null,
      present: ["DUPONT", "DAGORT", "DELAMONTAGNE", "LOUIS DIT GUERIN", "LE JARD", "LECRIVAIN", "D. MESLIN", "J.P LAURENT", "RACHINE", "D. LEGENDRE", "J. LAMBARD", "C. LEFEBVRE", "C. CRESPO", "O. PINTA", "LESAULNIER"],
      proxies: [
        { giver: "Dominique FILLATRE", holder: "LAMBARD" },
        { giver: "Jean-Luc LEBLOND", holder: "DAGORT" },
      ],
      excusedWithoutProxy: ["JAILLARD", "BELZ"],
      absent: [],
      arrivals: [],
    });
    expect(sitting.notes).toEqual([
      { name: "RACHINE", note: "pour le vote de la question 14" },
      { name: "D. LEGENDRE", note: "pour le vote de la question n°5" },
    ]);
  });

  it("[minutes]: Barneville-Carteret 2008: an arrival noted with the proxy given before it, « Mademoiselle », a hyphen the list forgot", () => {
    const sitting = only("barneville-carteret-2008-10-03.txt");
    expect(summary(sitting)).toEqual({
      date: "2008-10-03",
      hour: "20:30",
      president: "Jean-Luc BOUSSARD",
      secretary: "Renaud BLONDET",
      membersInOffice: null,
      present: [
        "Jean-Luc BOUSSARD",
        "Frédérique BLEICHER",
        "Gérard DELAMONTAGNE",
        "Pierre LE ROUX",
        "Christophe LOUIS DIT GUERIN",
        "Alain DESPLANQUES",
        "Gisèle LECLERC",
        "Jean LETELLIER",
        "Pierre CANDONI",
        "Renaud BLONDET",
        "Catherine TOLLEMER",
        "Thierry MENDES",
        "Delphine JIMENEZGRENIER",
        "Véronique AUVRAY",
        "Michel OESTEREICH",
      ],
      proxies: [
        { giver: "Jocelyne LAMBARD", holder: "Frédérique BLEICHER" },
        { giver: "Régine LESAGE", holder: "Delphine JIMENEZ-GRENIER" },
      ],
      excusedWithoutProxy: ["Jean-Luc LEBLOND"],
      absent: [],
      arrivals: ["Christophe LOUIS DIT GUERIN"],
    });
    // The proxy of a member who came later is his note, not a proxy of the sitting.
    expect(sitting.arrivals[0]?.note).toContain("avait donné un pouvoir à Monsieur DELAMONTAGNE pour le vote des questions précédentes");
    // "JIMENEZGRENIER" and "JIMENEZ-GRENIER" are one member: the holder is present.
    expect(sitting.warnings).toEqual([]);
  });

  it("[minutes]: Barneville-Carteret 2010: a proxy to « Monsieur Le Maire » is read as the mayor the document names", () => {
    const sitting = only("barneville-carteret-2010-03-29.txt");
    expect(summary(sitting)).toMatchObject({
      date: "2010-03-29",
      hour: "19:00",
      president: "Jean-Luc BOUSSARD",
      secretary: "Catherine TOLLEMER",
      proxies: [
        { giver: "Jocelyne LAMBARD", holder: "Jean-Luc BOUSSARD" },
        { giver: "Gisèle LECLERC", holder: "Thierry MENDES" },
        { giver: "Jean LETELLIER", holder: "Gérard DELAMONTAGNE" },
        { giver: "Michel OESTEREICH", holder: "Alain DESPLANQUES" },
      ],
      excusedWithoutProxy: ["Renaud BLONDET"],
    });
    expect(sitting.present).toHaveLength(13);
    expect(sitting.warnings).toEqual(["« Monsieur Le Maire » est lu comme Jean-Luc BOUSSARD, le maire que nomme le document."]);
  });

  it("[minutes]: Saclas 2011: two columns of names between dashes, « POUVOIRS : X à Y », an arrival, acts numbered on their own line", () => {
    const sitting = only("saclas-2011-05-12.txt");
    expect(summary(sitting)).toEqual({
      date: "2011-05-12",
      hour: "20:30",
      president: "Yves GAUCHER",
      secretary: "Alain GAUCHER",
      membersInOffice: null,
      // The mayor presided without being listed: he is added, and the clerk told.
      present: ["Yves GAUCHER", "Josiane MARTY", "Isabelle VINCENT", "Annick LAROCHE", "Evelyne DEVALLIERE", "Rodolphe PORTEFAIX", "Alain GAUCHER", "Patrick LASNIER", "Alain VEDY", "Lionel DEBELLE", "Francis BORDERIEUX", "Annie LEPAGE"],
      proxies: [
        { giver: "CZARNECKI", holder: "MARTY" },
        { giver: "LENOIR", holder: "DEVALLIERE" },
      ],
      excusedWithoutProxy: [],
      absent: ["JUGE", "LAMOTHE", "MAILLOTTE", "PHILIPPOT"],
      arrivals: ["Annie LEPAGE"],
    });
    expect(sitting.arrivals[0]?.note).toContain("arrivée à 20 heures 50");
    expect(sitting.warnings).toEqual(["Le président de séance, Yves GAUCHER, n'est pas dans la liste des présents ; ayant présidé la séance, son nom y est ajouté."]);
    // "I – Compte-rendu des décisions du Maire" has no number of its own and no vote: it is not an act.
    expect(sitting.deliberations).toEqual([
      act({ subject: "Installation d'un nouveau délégué suppléant auprès de divers syndicats intercommunaux", number: "2011-02-001", item: 2, line: 37 }),
    ]);
  });

  it("[minutes]: Saclas 2008: « SURNAME Firstname » in bulleted columns, a line that forgot its comma", () => {
    const sitting = only("saclas-2008-11-18.txt");
    expect(summary(sitting)).toEqual({
      date: "2008-11-18",
      hour: "20:30",
      president: "Yves GAUCHER",
      secretary: "Josiane MARTY",
      membersInOffice: null,
      present: [
        "GAUCHER Yves",
        "LAMOTHE Michel",
        "MARTY Josiane",
        "LASNIER Patrick",
        "CZARNECKI Werner",
        "LENOIR Jean-François",
        "LAROCHE Annick",
        "LEPAGE Annie",
        "DEVALLIERE Evelyne",
        "PHILIPPOT Jérôme",
        "BORDERIEUX Francis",
        "PORTEFAIX Rodolphe",
        "DEBELLE Lionel",
        "VINCENT Isabelle",
        "GAUCHER Alain",
        "VEDY Alain",
        "MARQUES Karine",
        "JUGE Didier",
        "MAILLOTTE Franck",
      ],
      proxies: [],
      excusedWithoutProxy: [],
      absent: [],
      arrivals: [],
    });
    // The council is asked to adopt ("propose … d'adopter"); the copy stops before it does: no outcome.
    expect(sitting.deliberations).toEqual([act({ subject: "Décisions modificatives budget ville", number: "2008-06-001", item: 2, line: 35 })]);
  });

  it("[minutes]: Forest-en-Cambrésis 2005: « SURNAME Firstname - … » and one list for the absent and the excused", () => {
    const sitting = only("forest-en-cambresis-2005-03-29.txt");
    expect(summary(sitting)).toEqual({
      date: "2005-03-29",
      hour: null,
      president: null,
      secretary: "DUBOIS Denis",
      membersInOffice: null,
      present: ["SANIEZ Maurice", "FONTAINE Didier", "BLOTTEAU René", "DUBOIS Denis", "MERCIER Jocelyne", "VINCENT Marie-Louise", "BROXER Georges", "AZAMBRE Monique", "DUREUIL Patrick", "LEDIEU Thérèse", "MOREAU Martine"],
      proxies: [],
      excusedWithoutProxy: ["LEDIEU André", "OBLED Benoît", "RAVERDY René", "KLUR Didier"],
      absent: [],
      arrivals: [],
    });
    expect(sitting.warnings).toEqual(["« Absents et excusés » ne dit pas qui est excusé et qui est absent : la liste est lue comme celle des excusés, à vérifier."]);
  });

  it("[minutes]: Pornic 2021: a flattened page, « Mmes et MM. », a proxy to « M. le Maire », the counts", () => {
    const sitting = only("pornic-2021-03-26.txt");
    expect(summary(sitting)).toMatchObject({
      date: "2021-03-26",
      hour: "19:30",
      // As the presidency is written: « sous la Présidence de M. BRARD ».
      president: "BRARD",
      secretary: "Alexandra NICOLLE",
      membersInOffice: 33,
      proxies: [
        { giver: "Brigitte DIERICX", holder: "Jean-Michel BRARD" },
        { giver: "Florence GENDROT", holder: "Claire HUGUES" },
        { giver: "Brigitte FRIESS", holder: "Christiane VAN GOETHEM" },
        { giver: "Anne GOUDY", holder: "Jean MONTAVILLE" },
      ],
      excusedWithoutProxy: [],
      absent: [],
    });
    expect(sitting.present).toHaveLength(29);
    expect(sitting.present.slice(0, 3)).toEqual(["Jean-Michel BRARD", "Claire HUGUES", "Paul-Eric FILY"]);
    expect(sitting.present).toContain("Christine CROCQUEVIEILLE-BARREAU");
    expect(sitting.present).toContain("Yvon LE DIOURON");
    expect([sitting.presentCount, sitting.votersCount]).toEqual([29, 33]);
  });

  it("[minutes]: Charchigné 2016: « M JEUSSE Loïc » without its dot, an arrival said twice, « a été élue secrétaire »", () => {
    const sitting = only("charchigne-2016-11-02.txt");
    expect(summary(sitting)).toEqual({
      date: "2016-11-02",
      hour: null,
      president: "JEUSSE Loïc",
      secretary: "BAHIER Marie Laure",
      membersInOffice: 13,
      present: ["JEUSSE Loïc", "BUSSON Roger", "BOUSSELET Nadine", "MARTEL Sylvie", "SOULARD Alain", "GUERAULT Olivier", "PLET Olivier", "SOCHON Céline", "LEON Marcel", "SALLARD Claude", "BOISNARD Michelle", "BAHIER Marie-Laure"],
      proxies: [],
      excusedWithoutProxy: ["FLANEAU Emilie"],
      absent: [],
      arrivals: ["MARTEL Sylvie"],
    });
    expect(sitting.arrivals).toEqual([{ name: "MARTEL Sylvie", note: "arrivée au point 2" }]);
  });

  it("[minutes]: Pronleroy 2020: « Absent(s/es) excusé(s/es) », names broken over lines, a late member listed as excused too", () => {
    const sitting = only("pronleroy-2020-06-25.txt");
    expect(summary(sitting)).toEqual({
      date: "2020-06-25",
      hour: "19:30",
      president: "Bruno RABUSSIER",
      secretary: "Elodie FREIRE JORGE",
      membersInOffice: null,
      present: ["Bruno RABUSSIER", "Jérôme BOURGEOIS", "Daniel DRUART", "Sarah HERRIBERRY", "Eric DEVILLER", "Véronique WOLFF", "Laurence VAN DE WALLE", "Elodie FREIRE JORGE", "Sabine RABUSSIER", "Alexandre DELATTRE"],
      proxies: [{ giver: "Patricia LEMAIRE", holder: "Sabine RABUSSIER" }],
      excusedWithoutProxy: [],
      absent: [],
      arrivals: ["Alexandre DELATTRE"],
    });
    expect(sitting.deliberations).toEqual([act({ subject: "COMMISSION COMMUNALE IMPOTS DIRECTS", number: "2020/11", line: 22 })]);
  });

  it("[minutes]: Saint-Vincent-de-Durfort 2019: an agenda citing an act, « Procurations : X à Y »", () => {
    const sitting = only("saint-vincent-de-durfort-2019-09-16.txt");
    expect(summary(sitting)).toEqual({
      date: "2019-09-16",
      hour: null,
      president: null,
      secretary: "Eliane BORDIGONI",
      membersInOffice: null,
      present: ["Anne TERROT DONTENWILL", "Eliane BORDIGONI", "François CHAMBONNET", "Marylène FOLCHER", "Catherine MONDON", "Luc RÉNÉ", "Roland ROUCAUTE", "Odile RIOUBON", "Christian VAN ZUUK"],
      proxies: [{ giver: "Denis ESCLAINE", holder: "Marylène FOLCHER" }],
      excusedWithoutProxy: ["Michel LANG"],
      absent: [],
      arrivals: [],
    });
    // "Délibération n° 1906201901 du 19 juin 2019" is an item of the agenda, an act of another sitting.
    expect(sitting.deliberations).toEqual([]);
  });

  it("[minutes]: Vauréal 2007: a flattened page, proxies told one after another, the secretary right after the absents", () => {
    const sitting = only("vaureal-2007-05-14.txt");
    expect(summary(sitting)).toEqual({
      date: "2007-05-14",
      hour: "20:00",
      president: "MORIN",
      secretary: "COUCHOT",
      membersInOffice: 31,
      present: ["MORIN", "BORONIEC", "MADRAY", "BOUCET", "CHEVALIER", "VOINET", "COUCHOT", "RIONI", "JUMELET", "SYLVAIN", "COLSON", "CANIPEL", "ROLLET", "MOITROT", "BADIANE", "DUFAYET", "VIZIERES", "BRUNEVAL", "HALLUIN"],
      proxies: [
        { giver: "MASCIONI", holder: "BORONIEC" },
        { giver: "WILD", holder: "SYLVAIN" },
        { giver: "OUKILI", holder: "BADIANE" },
        { giver: "FRENET", holder: "CHEVALIER" },
        { giver: "DUQUESNE", holder: "VIZIERES" },
      ],
      excusedWithoutProxy: [],
      absent: ["BRETON", "DEJOUX", "HUKPORTIE", "HATOUM", "BEVERAGGI", "BOUTEILLE", "GRETTNER"],
      arrivals: [],
    });
    expect([sitting.presentCount, sitting.votersCount]).toEqual([19, 24]);
    // "II - COMPTE RENDU DES DECISIONS DU MAIRE" informs, decides nothing.
    expect(sitting.deliberations).toEqual([act({ subject: "APPROBATION DU COMPTE RENDU DE LA SEANCE DU 28 MARS 2007", item: 1, unanimous: true, outcome: "ADOPTED", line: 2 })]);
  });

  it("[minutes]: Viens 2022: « Procurations : de X à Y », votes counted with their proxies", () => {
    const sitting = only("viens-2022-04-05.txt");
    expect(summary(sitting)).toEqual({
      date: "2022-04-05",
      hour: "18:00",
      president: "Frédéric ROUX",
      secretary: "PERRONE Danièle",
      membersInOffice: 15,
      present: ["ARNAL René", "CARRIE Catherine", "CASTINEL François", "CHAPON Loïc", "DARGERY Viviane", "DRUILHE Guillaume", "JACQUES Pierre", "PERRONE Danièle", "RAVAUTE Daniel", "ROUX Frédéric"],
      proxies: [
        { giver: "BREMOND-DICK Caroline", holder: "DARGERY Viviane" },
        { giver: "CASANOVA Philippe", holder: "CHAPON Loïc" },
        { giver: "FOURNIER Laure", holder: "CHAPON Loïc" },
        { giver: "HOANG Isabelle", holder: "DRUILHE Guillaume" },
        { giver: "PILON Caroline", holder: "JACQUES Pierre" },
      ],
      // All five excused gave a proxy.
      excusedWithoutProxy: [],
      absent: [],
      arrivals: [],
    });
    expect(sitting.deliberations).toEqual([
      act({ subject: "Approbation du Compte de Gestion 2021 du Receveur municipal", for: 10, against: 2, abstention: 3, outcome: "ADOPTED", line: 18 }),
      act({ subject: "Approbation du Compte administratif 2021 du Maire", for: 9, against: 2, abstention: 3, outcome: "ADOPTED", line: 20 }),
    ]);
  });

  it("[minutes]: Chevincourt 2018: « représenté par », « non représenté (excusée) », the presiding mayor not listed", () => {
    const sitting = only("chevincourt-2018-03-06.txt");
    expect(summary(sitting)).toEqual({
      date: "2018-03-06",
      hour: null,
      president: "GENERMONT Annie",
      secretary: "Marie-Thérèse BOUCHER",
      membersInOffice: 13,
      present: ["GENERMONT Annie", "Marie-Thérèse BOUCHER", "Christine HARDY", "Laurence NOYELLE", "Yvan RENARD", "Gaëtan KORNIG", "Laurent BEGARD", "Bernard JOLY", "François COLLET", "Caroline CAPIEZ", "Christophe MACHURA"],
      proxies: [{ giver: "Jean-Pierre RIBEAUX", holder: "Annie GENERMONT" }],
      excusedWithoutProxy: ["Claudine MAQUIN"],
      absent: [],
      arrivals: [],
    });
    expect(sitting.deliberations).toEqual([act({ subject: "COMPTE ADMINISTRATIF", number: "1/2018", line: 49 })]);
  });

  it("[minutes]: a council of 2018: « Ms »/« Mmes » before dashed lists, arrivals in notes, proxies with typing slips", () => {
    const sitting = only("commune-2018-03-19.txt");
    expect(summary(sitting)).toEqual({
      date: "2018-03-19",
      hour: "20:30",
      president: "Pascal PINAULT",
      secretary: "Frédéric REMONTE",
      membersInOffice: null,
      present: [
        "Pascal PINAULT",
        "PICHOUX Patrick",
        "BUAN Jean-Marc",
        "NOURRISSON Isabelle",
        "GLOAGUEN Frédérik",
        "DE LA VILLEON Laure",
        "REBILLARD Valérie",
        "GORIAUX Christine",
        "BICHOT Christèle",
        "MOUCHOUX REBILLARD Michel",
        "RIALLAND Nicolas",
        "REMONTE Frédéric",
      ],
      // « a donné procuration A m Nicolas RIALLAND »
      proxies: [
        { giver: "Laure GOUDE VENIEN", holder: "Nicolas RIALLAND" },
        { giver: "Alexandra MAURY", holder: "Patrick PICHOUX" },
      ],
      excusedWithoutProxy: ["LESAGE Carine"],
      absent: [],
      arrivals: ["GLOAGUEN Frédérik", "REBILLARD Valérie"],
    });
    expect(sitting.deliberations).toEqual([
      act({ subject: "Approbation réunion de conseil du 19 février 2018", number: "2018-03-01", unanimous: true, outcome: "ADOPTED", line: 5 }),
      act({ subject: "Nomination secrétaire de séance", number: "2018-03-02", unanimous: true, outcome: "ADOPTED", line: 11 }),
      act({ subject: "SUBVENTIONS AUX ASSOCIATIONS", number: "2018-03-03", line: 15 }),
    ]);
  });

  it("[minutes]: Vendargues 2012: « X : pouvoir à Mme Y », « Absents : Néant », questions after their agenda", () => {
    const sitting = only("vendargues-2012-03-21.txt");
    expect(summary(sitting)).toMatchObject({
      date: "2012-03-21",
      hour: null,
      president: null,
      secretary: "Michèle GARCIA",
      proxies: [
        { giver: "Agnès PRUVOST", holder: "ITIER" },
        { giver: "Aurélie MEYNADIER", holder: "HERMET" },
      ],
      excusedWithoutProxy: ["Patricia MARTINEZ"],
      absent: [],
    });
    expect(sitting.present).toHaveLength(26);
    expect(sitting.present).toEqual(expect.arrayContaining(["Pierre DUDIEUZÈRE", "Éric FAVARD", "Lionel ESPÉROU", "Cathy ITIER", "Max HERMET"]));
    // The agenda's "1. Adoption de l'ordre du jour" lines are not acts; the questions are.
    expect(sitting.deliberations).toEqual([
      act({ subject: "Adoption de l'ordre du jour", item: 1, unanimous: true, outcome: "ADOPTED", line: 26 }),
      act({ subject: "Adoption du procès-verbal n° 02/2012 de la séance du 24 février 2012", item: 2, unanimous: true, outcome: "ADOPTED", line: 39 }),
      act({ subject: "Décisions municipales n° 09/2012 à 12/2012", item: 3, line: 43 }),
    ]);
  });

  it("[minutes]: Villiers-sur-Morin 2019: the commune's name between the title and its day, « M. X représenté par Mme Y »", () => {
    const sitting = only("villiers-sur-morin-2019-07-03.txt");
    expect(summary(sitting)).toMatchObject({
      date: "2019-07-03",
      hour: null,
      secretary: "Stéphanie Vieux",
      proxies: [{ giver: "Patrice BOURGOIN", holder: "Stéphanie VIEUX" }],
      excusedWithoutProxy: [],
      absent: [],
    });
    expect(sitting.present).toHaveLength(18);
    expect(sitting.present.at(-1)).toBe("Michel THIEBAULT");
    expect(sitting.warnings).toEqual([]);
  });

  it("[minutes]: a text naming no sitting says so, and invents none", () => {
    expect(readMinutes("Liste des courses : pain, lait.")).toEqual({ sittings: [], warnings: ["Aucune séance n'a été reconnue dans ce document."] });
  });
});
