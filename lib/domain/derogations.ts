import { DEFAULT_TIME_ZONE, localDay } from "./calendar";

export type DerogationWindow = {
  /** first day, "YYYY-MM-DD", inclusive */
  from: string;
  /** last day, "YYYY-MM-DD", inclusive */
  to: string;
  /** share of the members in office who must be present */
  quorumFraction: { numerator: number; denominator: number };
  maxProxiesPerHolder: number;
  legalBasis: string;
};

/**
 * The COVID-19 derogations to L2121-17 (quorum) and L2121-20 (one proxy per holder):
 * quorum of one third of the members in office present, two proxies per holder.
 *
 * These are defaults, not law baked into the code: every function taking a date also
 * takes `windows`, so a municipality's settings can correct or extend them (for example
 * Guyane and Mayotte, where the 2020 state of health emergency lasted until
 * 30 October 2020). Dates are metropolitan France's. Between 30 August and
 * 15 November 2020, and between 30 September and 11 November 2021, the ordinary rules applied.
 *
 * Not modelled: from 3 April to 10 July 2020 the ordonnance n° 2020-391 also counted
 * represented members towards the quorum; here the quorum counts members present only.
 */
export const DEFAULT_DEROGATION_WINDOWS: readonly DerogationWindow[] = [
  {
    from: "2020-03-24",
    to: "2020-07-10",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis:
      "Loi n° 2020-290 du 23 mars 2020, art. 10, et ordonnance n° 2020-391 du 1er avril 2020 (état d'urgence sanitaire)",
  },
  {
    from: "2020-07-11",
    to: "2020-08-30",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis: "Loi n° 2020-290 du 23 mars 2020, art. 10, dans sa rédaction issue de la loi n° 2020-760 du 22 juin 2020",
  },
  {
    from: "2020-11-15",
    to: "2021-09-30",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis:
      "Loi n° 2020-1379 du 14 novembre 2020, art. 6, prolongée par les lois n° 2021-160 du 15 février 2021 et n° 2021-689 du 31 mai 2021",
  },
  {
    from: "2021-11-11",
    to: "2022-07-31",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis: "Loi n° 2021-1465 du 10 novembre 2021, art. 10",
  },
];

/** The derogation in force on the local day of `date` in `zone`, or null when the ordinary rules apply. */
export function findDerogation(
  date: Date | string,
  windows: readonly DerogationWindow[] = DEFAULT_DEROGATION_WINDOWS,
  zone: string = DEFAULT_TIME_ZONE,
): DerogationWindow | null {
  const day = localDay(date, zone);
  // "YYYY-MM-DD" strings order like the days they name.
  return windows.find((window) => window.from <= day && day <= window.to) ?? null;
}
