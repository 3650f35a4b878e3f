/**
 * What a form check finds, keyed as the form's fields are ("opening.3.status",
 * "choices.<councillor id>", "votesFor", "_form" for the form as a whole): the
 * browser shows each message beside its field as the clerk types, the server
 * refuses with the same map.
 */
export type FormIssues = Record<string, string[]>;

/** Adds a message under a key, once. */
export function addIssue(issues: FormIssues, key: string, message: string): void {
  const list = (issues[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** Whether a check found anything. */
export function hasIssues(issues: FormIssues): boolean {
  return Object.keys(issues).length > 0;
}
