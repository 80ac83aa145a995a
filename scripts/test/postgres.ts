// A private PostgreSQL server for the tests, started from the machine's own binaries in a temporary folder
// (no Docker): `initdb` and `pg_ctl` as the `postgres` user when we are root, as ourselves otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Postgres = { url: string; stop: () => void };

/** The folder holding initdb and pg_ctl: on PATH, or Debian's /usr/lib/postgresql/<version>/bin. */
export function postgresBin(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'pg_ctl')));
  return found ?? null;
}

/** A PostgreSQL program (pg_dump, psql…): beside pg_ctl, on PATH, or in Debian's versioned folder. */
export function postgresTool(name: string): string {
  const candidates = [
    postgresBin(),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  const found = candidates.map((dir) => dir && path.join(dir, name)).find((file) => file && fs.existsSync(file));
  if (found) return found;
  if (onPath) return onPath;
  throw new Error(`${name} is needed: install PostgreSQL (Debian: apt-get install postgresql)`);
}

export function startPostgres(port = Number(process.env.TEST_PG_PORT ?? 55432)): Postgres {
  const bin = postgresBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is needed for the tests that run on it: install it (Debian: apt-get install postgresql), or make initdb and pg_ctl reachable on PATH',
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-pg-'));
  const root = process.getuid?.() === 0;
  // initdb refuses to run as root: the postgres user runs the server, in a folder it owns.
  if (root) execFileSync('chown', ['postgres', dir]);
  const as = (command: string, args: string[]) =>
    execFileSync(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, {
      stdio: 'pipe',
    });
  as(path.join(bin, 'initdb'), [
    '-D',
    path.join(dir, 'data'),
    '-A',
    'trust',
    '-U',
    'careers',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  as(path.join(bin, 'pg_ctl'), [
    '-D',
    path.join(dir, 'data'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  const url = `postgres://careers@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: () => {
      as(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
