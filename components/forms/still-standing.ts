// Which errors of a refused submit still hold once the user edits the form.

/** The value at a form key ("opening.3.status"), or undefined when the key names no field. */
function valueAt(values: unknown, key: string): unknown {
  let current = values;
  for (const part of key.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * The errors that still describe the form: an error on a field while that field is
 * unchanged, an error on the whole form (or on no field the state holds) while
 * nothing is changed.
 */
export function stillStanding<Values>(errors: Record<string, string[]>, refused: Values, current: Values): Record<string, string[]> {
  if (refused === current) return errors;
  const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
  const untouched = same(refused, current);
  return Object.fromEntries(
    Object.entries(errors).filter(([key]) => {
      const before = valueAt(refused, key);
      return before === undefined ? untouched : same(before, valueAt(current, key));
    }),
  );
}
