// npm run seed:applications -- --rows 1000000 [--db data/bench.db]
//
// Fills a database with realistic applications fast: one transaction, prepared statements, a few shared
// resume rows. The FTS index is kept in step by the insert trigger (migration 0002).
import crypto from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
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
const STATUSES = [
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

export function seedApplications(file: string, rows: number, log = console.log) {
  const db = openDatabase(file).$client;
  db.pragma('synchronous = OFF'); // a bulk load, recreated if interrupted
  const started = Date.now();
  const resumeIds: string[] = [];
  const pdf = minimalPdf('seeded resume');
  const insertResume = db.prepare(
    'insert into resumes (id, file_name, media_type, size, sha256, data, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const insert = db.prepare(
    `insert into applications (reference, posting_slug, posting_title, full_name, email, email_key, phone, location, profile_url,
       cover_letter, consent_at, resume_id, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const base = (db.prepare('select coalesce(max(id), 0) n from applications').get() as { n: number }).n;
  // Two years of applications, evenly spread and in id order, ending now.
  const end = Date.now();
  const span = 2 * 365 * 24 * 3600 * 1000;
  const salt = crypto.randomBytes(4).toString('hex');
  db.transaction(() => {
    for (let i = 0; i < 20; i++) {
      const id = crypto.randomUUID();
      insertResume.run(
        id,
        `cv-${i}.pdf`,
        'application/pdf',
        pdf.length,
        crypto.createHash('sha256').update(pdf).digest('hex'),
        pdf,
        end,
      );
      resumeIds.push(id);
    }
    for (let i = 0; i < rows; i++) {
      const n = base + i;
      const first = FIRST[n % FIRST.length]!;
      const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
      const [slug, title] = POSTINGS[(n * 7) % POSTINGS.length]!;
      const email = `${first}.${last}.${n}@example.com`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[^\x00-\x7f]/g, '');
      const at = end - span + Math.floor((span * i) / Math.max(1, rows));
      insert.run(
        `${salt.slice(0, 4).toUpperCase()}-${n.toString(36).toUpperCase().padStart(8, '0')}`,
        slug,
        title,
        `${first} ${last}`,
        email,
        email,
        n % 3 ? `+44 20 7946 ${String(n % 10_000).padStart(4, '0')}` : null,
        CITIES[n % CITIES.length] ?? null,
        n % 4 ? `https://www.linkedin.com/in/${first.toLowerCase()}-${n}` : null,
        LETTERS[n % LETTERS.length] ?? null,
        at,
        resumeIds[n % resumeIds.length]!,
        STATUSES[n % STATUSES.length]!,
        at,
      );
      if (i > 0 && i % 200_000 === 0) log(`  ${i.toLocaleString('en')} rows…`);
    }
  })();
  db.pragma('synchronous = NORMAL');
  db.exec('analyze');
  db.close();
  log(
    `Seeded ${rows.toLocaleString('en')} applications into ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '1000' }, db: { type: 'string', default: 'data/bench.db' } },
  });
  seedApplications(path.resolve(values.db), Number(values.rows));
}
