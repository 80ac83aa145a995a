import { sql } from 'drizzle-orm';
import type { Answer } from '../lib/application/questions';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Resumes live in the database, next to their application, so one transaction stores both or neither. */
export const resumes = sqliteTable('resumes', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const APPLICATION_STATUSES = ['new', 'reviewing', 'interview', 'offer', 'hired', 'rejected'] as const;

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    postingSlug: text('posting_slug').notNull(),
    postingTitle: text('posting_title').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    // Lower-cased email: the key that stops the same person applying twice to one posting.
    emailKey: text('email_key').notNull(),
    phone: text('phone'),
    location: text('location'),
    profileUrl: text('profile_url'),
    coverLetter: text('cover_letter'),
    // Answers to the posting's own questions, with each question's label as asked (postings change later).
    answers: text('answers', { mode: 'json' }).$type<Answer[]>(),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
    resumeId: text('resume_id')
      .notNull()
      .references(() => resumes.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('new'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('applications_posting_email_key').on(t.postingSlug, t.emailKey),
    index('applications_posting_id').on(t.postingSlug, t.id),
    index('applications_status_id').on(t.status, t.id),
  ],
);

export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type NewResume = typeof resumes.$inferInsert;
