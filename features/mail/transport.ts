import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { databaseLocation } from '@/db/location';
import { privateFile, privateFolder } from '@/lib/security/private-files';
import { site } from '@/lib/site';

// How email leaves: over SMTP when SMTP_URL is set (`smtp://user:pass@host:587`, `smtps://…`), otherwise as
// .eml files in data/mail/ with the path logged, so development never drops a message silently. The files
// are named by the outbox row, never by a name or an address, so erasure can find and remove them.

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** An interview's invitation, as a text/calendar part calendar programs act on. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
  /** Headers of its own (a job alert's List-Unsubscribe). */
  headers?: Record<string, string>;
  /** The outbox row it comes from. */
  outboxId: number;
};

export type Transport = {
  describe: string;
  send: (email: OutgoingEmail) => Promise<void>;
  close?: () => void;
  /** Outbox rows whose copies this transport keeps on the site's own disk (the file transport). */
  kept?: () => number[];
  /** Removes the kept copies of these outbox rows: emails about an erased application. */
  forget?: (outboxIds: number[]) => void;
};

/** The sender: MAIL_FROM, or the careers address of the site's company. */
export const mailFrom = (env: NodeJS.ProcessEnv = process.env) =>
  env.MAIL_FROM || `"${site.companyName} Careers" <${site.contactEmail}>`;

export function smtpTransport(url: string, from = mailFrom()): Transport {
  // A server that does not answer within a few seconds is treated as down: the email waits for the next try.
  // One pooled connection: the worker sends one email at a time, and a new connection for each costs about
  // 100 ms of handshakes and delayed acknowledgements (8 ms an email over a kept one, measured on loopback).
  const options = new URL(url);
  const defaults = {
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '20000',
    pool: 'true',
    maxConnections: '1',
  };
  for (const [key, value] of Object.entries(defaults)) {
    if (!options.searchParams.has(key)) options.searchParams.set(key, value);
  }
  const transporter = nodemailer.createTransport(options.toString());
  return {
    describe: `SMTP ${new URL(url).host}`,
    send: async (email) => {
      const { outboxId: _, ...message } = email;
      await transporter.sendMail({ from, ...nodemailerMessage(message) });
    },
    close: () => transporter.close(),
  };
}

/** Our email as nodemailer takes it: an invitation goes as `icalEvent`, which also attaches it as invite.ics. */
function nodemailerMessage({ calendar, ...message }: Omit<OutgoingEmail, 'outboxId'>) {
  if (!calendar) return message;
  return { ...message, icalEvent: { method: calendar.method, content: calendar.content, filename: 'invite.ics' } };
}

const FILE_NAME = /^\d{4}-.*-outbox-(\d+)\.eml$/;

export function fileTransport(dir: string, from = mailFrom()): Transport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => FILE_NAME.test(name)) : []);
  return {
    describe: `files in ${dir}`,
    send: async (email) => {
      const { outboxId, ...message } = email;
      const info = await transporter.sendMail({ from, ...nodemailerMessage(message) });
      privateFolder(dir);
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-outbox-${outboxId}.eml`);
      privateFile(file);
      fs.writeFileSync(file, info.message as Buffer);
      console.log(`[mail] outbox #${outboxId} written to ${file} (set SMTP_URL to send)`);
    },
    kept: () => files().map((name) => Number(FILE_NAME.exec(name)![1])),
    forget: (outboxIds) => {
      const ids = new Set(outboxIds);
      for (const name of files()) {
        if (ids.has(Number(FILE_NAME.exec(name)![1]))) fs.rmSync(path.join(dir, name), { force: true });
      }
    },
  };
}

/** SMTP_URL's server, or files beside the SQLite database (data/mail/). */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): Transport {
  if (env.SMTP_URL) return smtpTransport(env.SMTP_URL, mailFrom(env));
  const location = databaseLocation(env.DATABASE_URL || undefined);
  const base = location.dialect === 'sqlite' ? path.dirname(location.file) : path.resolve('data');
  return fileTransport(path.join(base, 'mail'), mailFrom(env));
}

/** A permanent refusal (5xx) will not change on a later try; anything else (down, 4xx, timeout) may. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
