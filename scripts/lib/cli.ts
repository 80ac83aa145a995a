import { openDatabase } from '@/db/database';

/** The value after `--name` on the command line, or undefined. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** The database DATABASE_URL names, as the site opens it (migrated on first use). */
export function openCliDatabase() {
  return openDatabase();
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
