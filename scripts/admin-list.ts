// npm run admin:list: every admin account, with when it was created and whether it is disabled.
import { listAdminUsers } from '@/features/staff/cli-accounts';
import { openCliDatabase } from './lib/cli';

const database = await openCliDatabase();
const users = await listAdminUsers(database);
if (users.length === 0)
  process.stdout.write('No admin accounts. Create one with: npm run admin:create -- --email <email>\n');
for (const user of users) {
  const state = user.disabledAt ? `disabled ${user.disabledAt.toISOString()}` : 'active';
  process.stdout.write(`${user.email}\tcreated ${user.createdAt.toISOString()}\t${state}\n`);
}
await database.close();
