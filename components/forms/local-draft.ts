"use client";

// What a clerk typed and did not save yet, kept in this browser's storage so
// that a closed tab, a crash or an expired session loses nothing. Drafts are
// keyed by form, cleared when the form is saved or the clerk signs out.

const PREFIX = "registre:brouillon:";

export type LocalDraft<Values> = { savedAt: string; values: Values };

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Storage refused (private browsing, policy): the form works without drafts.
    return null;
  }
}

export function readLocalDraft<Values>(key: string): LocalDraft<Values> | null {
  try {
    const text = storage()?.getItem(PREFIX + key);
    if (!text) return null;
    const draft = JSON.parse(text) as Partial<LocalDraft<Values>>;
    return typeof draft.savedAt === "string" && draft.values && typeof draft.values === "object" ? (draft as LocalDraft<Values>) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft<Values>(key: string, values: Values): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ savedAt: new Date().toISOString(), values } satisfies LocalDraft<Values>));
  } catch {
    // Full or refused: nothing more to do than without drafts.
  }
}

export function clearLocalDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** On sign-out: nothing typed in the back office stays on a shared computer. */
export function clearAllLocalDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, index) => store.key(index)).filter((key): key is string => Boolean(key?.startsWith(PREFIX)));
  for (const key of keys) store.removeItem(key);
}
