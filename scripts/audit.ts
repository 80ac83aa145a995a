// npm run audit: no high or critical advisory in what the site ships, checked two ways. `npm audit --omit=dev`
// asks the registry (skipped, with a message, where its advisory endpoint cannot be reached); the version
// floors below, read from package-lock.json, hold offline: each names the advisory that set it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const FLOORS: Record<string, { version: string; why: string }> = {
  next: {
    version: '16.4.6',
    why: 'server action and middleware advisories (CVE-2025-29927, CVE-2025-55182 and later)',
  },
  react: { version: '19.3.1', why: 'React Server Components advisories (CVE-2025-55182, CVE-2025-55183/4)' },
  'react-dom': { version: '19.3.1', why: 'React Server Components advisories' },
  yaml: { version: '2.2.2', why: 'uncaught exception on crafted input (CVE-2023-2251)' },
  zod: { version: '3.22.3', why: 'ReDoS in the email check (CVE-2023-4316)' },
};

function compare(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if (x![i] !== y![i]) return x![i]! - y![i]!;
  return 0;
}

const problems: string[] = [];
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};
for (const [name, floor] of Object.entries(FLOORS)) {
  // Every copy the site ships counts, nested ones included; tools used only in development do not.
  const copies = Object.entries(lock.packages).filter(
    ([path, entry]) => !entry.dev && (path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`)),
  );
  if (copies.length === 0) problems.push(`${name} is not in package-lock.json`);
  for (const [path, { version }] of copies) {
    if (!version || compare(version, floor.version) < 0)
      problems.push(`${path} is ${version}, below ${floor.version}: ${floor.why}`);
  }
}

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 60_000 });
let report: { metadata?: { vulnerabilities?: Record<string, number> }; message?: string } = {};
try {
  report = JSON.parse(audit.stdout || '{}');
} catch {
  report = { message: audit.stderr.split('\n')[0] };
}
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  if (serious > 0)
    problems.push(
      `npm audit --omit=dev: ${counts.high ?? 0} high and ${counts.critical ?? 0} critical advisories (run npm audit)`,
    );
  else console.log(`npm audit --omit=dev: no high or critical advisory (${JSON.stringify(counts)})`);
} else {
  console.log(
    `npm audit skipped: the registry's advisory endpoint could not be reached (${report.message ?? audit.error?.message ?? 'no answer'})`,
  );
}

if (problems.length) {
  console.error(problems.map((p) => `- ${p}`).join('\n'));
  process.exit(1);
}
console.log(`Version floors hold for ${Object.keys(FLOORS).join(', ')}.`);
