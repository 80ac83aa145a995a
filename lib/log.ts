// The server's log: readable lines by default, one JSON object per line with LOG_FORMAT=json (for a log
// collector). Lines carry ids, routes and counts, never a candidate's name, address, path or search terms: a
// request is named by its route pattern (lib/http/route-patterns.ts), not by its URL.
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

export type LogFormat = 'text' | 'json';
export type Level = 'info' | 'warn' | 'error';
export type Fields = Record<string, string | number | boolean | undefined>;

export function logFormatFromEnv(setting = process.env.LOG_FORMAT): LogFormat {
  if (!setting || setting === 'text') return 'text';
  if (setting === 'json') return 'json';
  throw new Error(`LOG_FORMAT must be "text" (the default) or "json"; got "${setting}"`);
}

/** LOG_REQUESTS: a line for every request answered (the default), or `off` for only the failed ones (5xx). */
export function logRequestsFromEnv(setting = process.env.LOG_REQUESTS): boolean {
  if (!setting || setting === 'on') return true;
  if (setting === 'off') return false;
  throw new Error(`LOG_REQUESTS must be "on" (the default) or "off"; got "${setting}"`);
}

/** The request being answered, so a line written while answering it names it (server.ts runs each in it). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** One line: `{"time":…,"level":…,"msg":…,…fields}`, or `msg key=value …` as text. */
export function logLine(
  logFormat: LogFormat,
  level: Level,
  msg: string,
  fields: Fields = {},
  now = new Date(),
): string {
  const { requestId = requestContext.getStore()?.requestId, ...rest } = fields;
  if (logFormat === 'json') return JSON.stringify({ time: now.toISOString(), level, msg, requestId, ...rest });
  // As text, the id last: what happened reads first.
  const pairs = Object.entries({ ...rest, requestId })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`);
  return [msg, ...pairs].join(' ');
}

/** A line to standard output, or to standard error for warnings and errors. */
export function writeLine(line: string, level: Level) {
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

const CONSOLE_LEVELS = { debug: 'info', log: 'info', info: 'info', warn: 'warn', error: 'error' } as const;

/**
 * A line with what a database error quotes of the data taken out: drizzle's message lists the failed query's
 * parameters (`params: Ada Lovelace,ada@example.com,…`), and PostgreSQL's detail quotes a key's value
 * (`Key (email_key)=(ada@example.com) already exists`). Next logs an error the site did not catch as it is.
 */
export function withheld(text: string): string {
  return text
    .replace(/^(\s*params: ).+$/gm, '$1[withheld]')
    .replace(
      /(Key \((?:[^()]|\([^()]*\))*\)=\()[\s\S]*?(\) (?:already exists|is not present|conflicts with))/g,
      '$1…$2',
    );
}

/**
 * Every console call of the process (Next's own included: it logs errors through console.error) goes through
 * `withheld` first, as text or, with LOG_FORMAT=json, as one JSON line per call (an error's stack kept inside
 * it, so no line a collector reads is plain text). Returns the function that puts the console back.
 */
export function guardedConsole(
  logFormat: LogFormat,
  write: (line: string, level: Level) => void = (line, level) => writeLine(line, level),
) {
  const original = { ...console };
  for (const [method, level] of Object.entries(CONSOLE_LEVELS) as [keyof typeof CONSOLE_LEVELS, Level][]) {
    console[method] =
      logFormat === 'json'
        ? (...args: unknown[]) => write(logLine('json', level, withheld(format(...args))), level)
        : (...args: unknown[]) => original[method](withheld(format(...args)));
  }
  return () => Object.assign(console, original);
}
