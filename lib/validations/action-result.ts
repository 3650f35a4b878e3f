/** What a server action answers a form: never throws, never loses the input (the form keeps it). */
export type ActionResult<Data = undefined> =
  | { ok: true; data: Data; message?: string }
  | { ok: false; message: string; errors?: Record<string, string[]> };
