import type { Tally, VoteChoice } from "./types";

// The words of a vote, once: the register's tally rows as the reference
// extract prints them (DL.2022-91: "Non participation", "Suffrages Exprimés"),
// and each councillor's choice. Pages write the same rows in sentence case.

/** Every figure of a tally, named as the register names it. */
export const TALLY_LABELS: Readonly<Record<keyof Tally, string>> = {
  presentAndRepresented: "Présents et représentés",
  present: "Présents",
  represented: "Pouvoirs",
  abstentions: "Abstentions",
  nonParticipation: "Non participation",
  expressed: "Suffrages Exprimés",
  votesFor: "Pour",
  votesAgainst: "Contre",
};

/** The figures in the order the form and the checks list them. */
export const TALLY_FIGURES: readonly (keyof Tally)[] = ["presentAndRepresented", "present", "represented", "abstentions", "nonParticipation", "expressed", "votesFor", "votesAgainst"];

/** The rows of the register's tally, in its order (the proxies are not a row of their own). */
export const REGISTER_TALLY_ROWS: readonly (keyof Tally)[] = TALLY_FIGURES.filter((key) => key !== "represented");

/** A label as a page writes it: the register's capitals after the first letter lowered ("Suffrages exprimés"). */
export function sentenceCase(label: string): string {
  return label.charAt(0) + label.slice(1).toLowerCase();
}

/** A councillor's choice as a form offers it. */
export const VOTE_CHOICE_LABELS: Readonly<Record<VoteChoice, string>> = {
  FOR: "Pour",
  AGAINST: "Contre",
  ABSTENTION: "Abstention",
  NOT_VOTING: "Ne prend pas part au vote",
};

/** A choice inside a sentence: "Voix prépondérante du président : pour." */
export function voteChoiceInSentence(choice: VoteChoice): string {
  const label = VOTE_CHOICE_LABELS[choice];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The headings of the named lists under a public vote's tally, as the register prints them. */
export const NAMED_VOTE_HEADINGS: Readonly<Record<Exclude<VoteChoice, "FOR">, string>> = {
  AGAINST: "Ont voté contre",
  ABSTENTION: "Se sont abstenus",
  NOT_VOTING: "N'ont pas pris part au vote",
};
