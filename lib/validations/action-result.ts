import type { AppErrorCode } from "@/lib/errors";

/** What a server action answers a form: never throws, never loses the input (the form keeps it). */
export type ActionResult<Data = undefined> =
  | { ok: true; data: Data; message?: string }
  /** `code` says which refusal it was (absent for an unexpected fault); route handlers answer its HTTP status. */
  | { ok: false; code?: AppErrorCode; message: string; errors?: Record<string, string[]> };
