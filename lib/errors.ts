// The one error type the application expects: its message is French, precise
// and meant for the user; anything else is logged and shown as a generic message.

export type AppErrorCode =
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_STATE"
  | "VALIDATION"
  | "CONFLICT"
  | "TOO_LARGE"
  | "RATE_LIMITED";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_STATE: 409,
  VALIDATION: 422,
  CONFLICT: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/** The HTTP status a route handler answers for a refusal; a fault (no code) is a 500. */
export function httpStatusOf(code: AppErrorCode | undefined): number {
  return code ? HTTP_STATUS[code] : 500;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A form's refusal: `message` sums up, each issue stays under its field (as the domain's form checks key them). */
export function refuseIfIssues(issues: Record<string, string[]>, message: string): void {
  if (Object.keys(issues).length) throw new AppError("VALIDATION", message, issues);
}
