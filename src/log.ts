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

/** An error's name and message, without a stack that may quote data. */
export function describeError(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: "Unknown", message: String(error) };
}
