import { openDatabase } from '@/db/client';
import { databasePath } from '@/db/path';

/** The value after `--name` on the command line, or undefined. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function openCliDatabase() {
  return openDatabase(databasePath());
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
