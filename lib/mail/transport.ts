import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { databaseLocation } from '@/db/path';
import { privateFile, privateFolder } from '@/lib/security/private-files';
import { site } from '@/lib/site';

// How email leaves: over SMTP when SMTP_URL is set (`smtp://user:pass@host:587`, `smtps://…`), otherwise as
// .eml files in data/mail/ with the path logged, so development never drops a message silently.

export type OutgoingEmail = { to: string; subject: string; html: string; text: string; messageId: string };

export type Transport = { describe: string; send: (email: OutgoingEmail) => Promise<void>; close?: () => void };

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
      await transporter.sendMail({ from, ...email, messageId: email.messageId });
    },
    close: () => transporter.close(),
  };
}

export function fileTransport(dir: string, from = mailFrom()): Transport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    describe: `files in ${dir}`,
    send: async (email) => {
      const info = await transporter.sendMail({ from, ...email, messageId: email.messageId });
      privateFolder(dir);
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      privateFile(file);
      fs.writeFileSync(file, info.message as Buffer);
      console.log(`[mail] "${email.subject}" to ${email.to}: written to ${file} (set SMTP_URL to send)`);
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
