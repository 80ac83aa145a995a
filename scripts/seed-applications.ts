// npm run seed:applications -- --rows 1000000 [--db data/bench.db | --db file:data/bench.db | --db postgres://…]
//
// Fills a database (SQLite or PostgreSQL) with realistic applications fast: one transaction, inserts of a
// thousand rows, a few shared resume rows. Search and the per-status counts are kept by the databases' own
// triggers and generated columns.
import crypto from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/database';
import { rows as rows_ } from '@/db/dialect';
import { databaseUrlFrom } from '@/db/location';
import { run, transaction } from '@/db/transaction';
import type { ApplicationStatus } from '@/lib/status';
import { minimalPdf } from '@/test-support/pdf';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'John',
  'Sophie',
  'Mateo',
  'Aisha',
  'Yuki',
  'Olu',
  'Chen',
  'Priya',
  'Lars',
  'Zoë',
  'José',
  'Fatima',
  'Noah',
  'Emma',
  'Liam',
  'Mia',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Lamarr',
  'McCarthy',
  'Wilson',
  'García',
  'Khan',
  'Tanaka',
  'Adeyemi',
  'Wei',
  'Sharma',
  'Nilsson',
  'Müller',
  'Fernández',
  'Haddad',
  'Smith',
  'Brown',
  'Nguyen',
  'Kowalski',
];
const POSTINGS: [string, string][] = [
  ['senior-backend-engineer-remote', 'Senior Backend Engineer (Remote)'],
  ['data-platform-engineer-berlin', 'Data Platform Engineer'],
  ['product-designer-remote', 'Product Designer (Remote)'],
  ['solutions-engineer-new-york', 'Solutions Engineer'],
  ['engineering-manager-platform', 'Engineering Manager, Platform'],
];
const STATUSES: ApplicationStatus[] = [
  'new',
  'new',
  'new',
  'new',
  'reviewing',
  'reviewing',
  'interview',
  'rejected',
  'rejected',
  'offer',
  'hired',
];
const CITIES = [
  'Berlin, Germany',
  'London, UK',
  'Lagos, Nigeria',
  'São Paulo, Brazil',
  'Toronto, Canada',
  'Bangalore, India',
  'Remote',
  null,
];
const LETTERS = [
  'I have built payment systems in Go and Postgres for six years and would love to bring that to your team.',
  'Kafka, Spark and a lot of patience: I moved our warehouse to streaming and cut costs by half.',
  'Design systems are my thing; I led the accessibility work on our product last year.',
  null,
  null,
];

// Long: the seeding loop and its batches.
export async function seedApplications(database: Database, rows: number, log = console.log) {
  const { t } = database;
  database.sqlite?.pragma('synchronous = OFF'); // a bulk load, recreated if interrupted
  const started = Date.now();
  const pdf = minimalPdf('seeded resume');
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
  const [{ base }] = (await database.db
    .select({ base: sql<number>`coalesce(max(${t.applications.id}), 0)`.mapWith(Number) })
    .from(t.applications)) as [{ base: number }];
  // Two years of applications, evenly spread and in id order, ending now.
  const end = Date.now();
  const span = 2 * 365 * 24 * 3600 * 1000;
  const salt = crypto.randomBytes(4).toString('hex');
  const resumeIds = Array.from({ length: 20 }, () => crypto.randomUUID());
  const application = (i: number) => {
    const n = base + i;
    const first = FIRST[n % FIRST.length]!;
    const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
    const [postingSlug, postingTitle] = POSTINGS[(n * 7) % POSTINGS.length]!;
    const email = `${first}.${last}.${n}@example.com`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^\x00-\x7f]/g, '');
    const at = new Date(end - span + Math.floor((span * i) / Math.max(1, rows)));
    return {
      reference: `${salt.slice(0, 4).toUpperCase()}-${n.toString(36).toUpperCase().padStart(8, '0')}`,
      postingSlug,
      postingTitle,
      fullName: `${first} ${last}`,
      email,
      emailKey: email,
      phone: n % 3 ? `+44 20 7946 ${String(n % 10_000).padStart(4, '0')}` : null,
      location: CITIES[n % CITIES.length] ?? null,
      profileUrl: n % 4 ? `https://www.linkedin.com/in/${first.toLowerCase()}-${n}` : null,
      coverLetter: LETTERS[n % LETTERS.length] ?? null,
      consentAt: at,
      resumeId: resumeIds[n % resumeIds.length]!,
      status: STATUSES[n % STATUSES.length]!,
      createdAt: at,
    };
  };
  const resumes = resumeIds.map((id, i) => ({
    id,
    fileName: `cv-${i}.pdf`,
    mediaType: 'application/pdf',
    size: pdf.length,
    sha256,
    data: pdf,
    createdAt: new Date(end),
  }));
  await database.db.insert(t.resumes).values(resumes);
  // Ten thousand rows a transaction: one transaction for a million would make PostgreSQL keep every version
  // of the per-status counters its trigger updates until the end, and slow to a crawl.
  for (let i = 0; i < rows; i += 10_000) {
    await transaction(database, function* (tx) {
      for (let j = i; j < Math.min(rows, i + 10_000); j += 1000) {
        const batch = Array.from({ length: Math.min(1000, rows - j) }, (_, k) => application(j + k));
        yield* run(tx.insert(t.applications).values(batch));
      }
    });
    if (i > 0 && i % 200_000 === 0) log(`  ${i.toLocaleString('en')} rows…`);
  }
  database.sqlite?.pragma('synchronous = NORMAL');
  if (database.sqlite) database.sqlite.exec('analyze');
  else await rows_(database, sql`analyze`);
  log(
    `Seeded ${rows.toLocaleString('en')} applications into ${database.dialect} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000' }, db: { type: 'string', default: 'file:data/bench.db' } },
  });
  const database = await openDatabase(databaseUrlFrom(values.db));
  await seedApplications(database, Number(values.rows));
  await database.close();
}
