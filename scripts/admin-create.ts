// npm run admin:create -- --email <email>: reads the password from standard input, without echo on a terminal.
import { AccountError, createAdminUser } from '@/features/staff/cli-accounts';
import { PASSWORD_MIN_LENGTH } from '@/features/staff/password';
import { fail, openCliDatabase, option } from './lib/cli';

async function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          process.stderr.write('\n');
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

/** Piped input is one line: its line break ends it. A second line is refused (by the password rules), not dropped. */
async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  // Only the line break a pipe adds is removed: spaces may be part of the password.
  return text.replace(/\r?\n$/, '');
}

async function main() {
  const email = option('email');
  if (!email) fail('Usage: npm run admin:create -- --email <email>   (the password is read from standard input)');
  let password: string;
  if (process.stdin.isTTY) {
    password = await readHidden(`Password for ${email} (at least ${PASSWORD_MIN_LENGTH} characters): `);
    const again = await readHidden('Repeat the password: ');
    if (again !== password) fail('The passwords do not match; no account was created.');
  } else {
    password = await readPiped();
  }
  try {
    const database = await openCliDatabase();
    const user = await createAdminUser({ database, email, password }).finally(() => database.close());
    process.stdout.write(`Created admin account ${user.email}. Sign in at /admin.\n`);
  } catch (error) {
    if (error instanceof AccountError) fail(error.message);
    throw error;
  }
}

await main();
