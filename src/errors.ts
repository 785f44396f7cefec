// The one error type the API answers with. Capabilities (officers, content, surveys) throw it without knowing HTTP;
// app.onError turns it into `{ error: { code, message, issues? } }` with the status its code implies. The codes are
// a closed list so that clients can switch on them and the OpenAPI document can name every one.

/** Every error code the service answers with, and the HTTP status each one means. */
export const apiErrorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  config_error: 500,
  unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof apiErrorStatus;
export type ApiErrorStatus = (typeof apiErrorStatus)[ApiErrorCode];

export const apiErrorCodes = Object.keys(apiErrorStatus) as [ApiErrorCode, ...ApiErrorCode[]];

/** Thrown for a request that is understood but not allowed or not possible. `field` names the offending field. */
export class ApiError extends Error {
  readonly status: ApiErrorStatus;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = apiErrorStatus[code];
  }
}

/** The code for a status raised outside our code (a middleware's HTTPException): the first code with that status. */
export function codeForStatus(status: number): ApiErrorCode {
  const found = apiErrorCodes.find((code) => apiErrorStatus[code] === status);
  return found ?? (status < 500 ? "invalid_request" : "internal_error");
}
