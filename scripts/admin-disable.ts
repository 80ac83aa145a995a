// npm run admin:disable -- --email <email>: the account can no longer sign in and its sessions end now.
import { emailKey } from '@/features/mail/email-key';
import { AccountError, disableAdminUser } from '@/features/staff/cli-accounts';
import { fail, openCliDatabase, option } from './lib/cli';

const email = option('email');
if (!email) fail('Usage: npm run admin:disable -- --email <email>');
const database = await openCliDatabase();
try {
  await disableAdminUser({ database, email });
  process.stdout.write(`Disabled ${emailKey(email)} and ended its sessions.\n`);
} catch (error) {
  if (error instanceof AccountError) fail(error.message);
  throw error;
} finally {
  await database.close();
}
