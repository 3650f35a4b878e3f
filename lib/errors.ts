// The one error type the application expects: its message is French, precise
// and meant for the user; anything else is logged and shown as a generic message.

export type AppErrorCode = "NOT_FOUND" | "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_STATE" | "VALIDATION" | "CONFLICT" | "RATE_LIMITED";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_STATE: 409,
  VALIDATION: 422,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

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
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
