// Structured logs as JSON lines, the same on Node and Workers. Never log message text, tokens or platform ids.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type Logger = Record<LogLevel, (event: string, fields?: Record<string, unknown>) => void>;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  minimum: LogLevel = "info",
  write: (line: string) => void = (l) => console.log(l),
): Logger {
  const at =
    (level: LogLevel) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (order[level] < order[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** What a log line may say about an error: identifiers and codes only, never a value that came from a person. */
export type ErrorDescription = {
  name: string;
  /** Postgres SQLSTATE, a Node system error code, or the Telegram Bot API error code. */
  code?: string | number;
  /** HTTP status of a failed API call (Telegram). */
  status?: number;
  /** First keyword and table of a failed SQL statement ("insert contacts"), never its parameters. */
  statement?: string;
  /** The first stack frame of an error whose message is not kept: a function name and file:line. */
  origin?: string;
  /** The constraint a write violated: a schema name, not data. */
  constraint?: string;
  /**
   * The error's own message only when it is known to carry no data (our config errors, Node system errors);
   * otherwise a summary made of the fields above.
   */
  message: string;
};

/**
 * An error reduced to what is safe to log. Messages are dropped by default because they quote data: drizzle's
 * DrizzleQueryError embeds the SQL parameters, Postgres messages and details quote the offending value ("Failing
 * row contains …"), telegraf's errors carry the request payload (the reply text) and fetch errors the bot token URL.
 */
export function describeError(error: unknown): ErrorDescription {
  const described = describeFields(error);
  return { ...described, message: described.message ?? summary(described) };
}

function summary(d: Omit<ErrorDescription, "message">): string {
  return [d.name, d.code, d.statement && `(${d.statement})`, d.constraint].filter((p) => p !== undefined).join(" ");
}

function describeFields(error: unknown): Omit<ErrorDescription, "message"> & { message?: string } {
  if (!(error instanceof Error)) return { name: typeof error === "object" && error ? "Object" : typeof error };
  const fields = error as Error & Record<string, unknown>;
  // drizzle wraps the driver's error: take the statement's shape from the wrapper, the code from the cause. (PGlite's
  // own errors carry the query and its parameters too, without a cause.)
  if (typeof fields.query === "string") {
    const statement = statementOf(fields.query);
    if (fields.cause instanceof Error) {
      const { message: _m, ...inner } = describeFields(fields.cause);
      return { ...inner, statement };
    }
    const { message: _m, ...own } = describeFields(Object.assign(new Error(), { name: error.name, code: fields.code }));
    return { ...own, statement };
  }
  // telegraf's TelegramError: the Bot API's answer, whose `on` holds the payload we sent.
  const response = fields.response as { error_code?: unknown } | undefined;
  if (response && typeof response.error_code === "number" && "on" in fields) {
    return { name: "TelegramError", code: response.error_code, status: response.error_code };
  }
  const description: Omit<ErrorDescription, "message"> & { message?: string } = { name: error.name };
  // Postgres (postgres.js PostgresError, PGlite DatabaseError): SQLSTATE is five characters.
  if (typeof fields.code === "string" && /^[0-9A-Z]{5}$/.test(fields.code)) {
    description.code = fields.code;
    const constraint = fields.constraint_name ?? fields.constraint;
    if (typeof constraint === "string") description.constraint = constraint;
    return description;
  }
  if (typeof fields.code === "string" || typeof fields.code === "number") description.code = fields.code;
  if (typeof fields.status === "number") description.status = fields.status;
  // Node system errors (EADDRINUSE, ECONNREFUSED) name a syscall and an address, not a person's data.
  if (typeof fields.syscall === "string" || SAFE_MESSAGE_NAMES.has(error.name)) description.message = error.message;
  // Where it was thrown (function and file:line) says what went wrong without quoting any data.
  const origin = /\n\s+at (.+)/.exec(error.stack ?? "")?.[1];
  if (origin) description.origin = origin.replace(/\(?file:\/\/\S*?\/(src|bots|db)\//, "($1/");
  return description;
}

// Our config errors name only variables; the engine's TypeError and ReferenceError name only identifiers
// ("x.map is not a function"), as does undici's "fetch failed".
const SAFE_MESSAGE_NAMES = new Set(["ConfigError", "TypeError", "ReferenceError"]);

function statementOf(query: string): string {
  const verb = /^\s*([A-Za-z]+)/.exec(query)?.[1]?.toLowerCase() ?? "unknown";
  const table = /\b(?:into|update|from)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}
