import type { DerogationWindow } from "@/lib/domain";

/**
 * The national COVID-19 windows every municipality starts with, as the
 * database stores them (migration 20261201020000_derogation_windows; the
 * integration test "database rules" checks this copy against it). The domain
 * takes windows as input: these are the tests' input.
 */
export const NATIONAL_WINDOWS: readonly DerogationWindow[] = [
  {
    from: "2020-03-24",
    to: "2020-07-10",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis: "Loi n° 2020-290 du 23 mars 2020, art. 10, et ordonnance n° 2020-391 du 1er avril 2020 (état d'urgence sanitaire)",
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
    legalBasis: "Loi n° 2020-1379 du 14 novembre 2020, art. 6, prolongée par les lois n° 2021-160 du 15 février 2021 et n° 2021-689 du 31 mai 2021",
  },
  {
    from: "2021-11-11",
    to: "2022-07-31",
    quorumFraction: { numerator: 1, denominator: 3 },
    maxProxiesPerHolder: 2,
    legalBasis: "Loi n° 2021-1465 du 10 novembre 2021, art. 10",
  },
];
