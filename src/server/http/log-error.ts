/**
 * What of an error may reach the logs. A failed SQL statement carries its parameters (drizzle's
 * DrizzleQueryError puts them in its message, PostgreSQL quotes a refused value in its own), and those are
 * people's data: support notes, health details, addresses. The logs keep the statement, codes and stack, never
 * the values.
 */
export type LoggableError = {
  type: string;
  message: string;
  code?: string;
  query?: string;
  stack?: string;
  cause?: LoggableError & { constraint?: string; table?: string; column?: string; routine?: string };
};

/** PostgreSQL quotes a refused value after a colon (`invalid input syntax for type integer: "…"`). */
const redact = (message: string) =>
  message
    // drizzle: "Failed query: <sql>\nparams: <values>"
    .replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]')
    .replace(/: "(?:[^"]|"")*"/g, ': "[redacted]"');

export function loggableError(err: unknown, depth = 0): LoggableError {
  const e = (err ?? {}) as Record<string, any>;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const stack = typeof e.stack === 'string' ? e.stack : undefined;
  const at = stack?.indexOf('\n    at ') ?? -1;
  const out: LoggableError = {
    type: e.constructor?.name ?? typeof err,
    message: redact(message),
    code: typeof e.code === 'string' ? e.code : undefined,
    query: typeof e.query === 'string' ? e.query : undefined,
    // The stack's first line repeats the message: keep only the frames.
    stack: at >= 0 ? stack!.slice(at + 1) : undefined,
  };
  if (e.cause && depth < 3) {
    const c = e.cause as Record<string, any>;
    out.cause = {
      ...loggableError(c, depth + 1),
      constraint: c.constraint,
      table: c.table,
      column: c.column,
      routine: c.routine,
    };
  }
  return out;
}
