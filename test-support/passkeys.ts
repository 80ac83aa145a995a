import assert from 'node:assert/strict';
import { beginPasskeyAdd, finishPasskeyAdd } from '@/features/passkeys/passkeys';
import { relyingParty } from '@/features/passkeys/relying-party';
import type { AdminContext } from '@/features/staff/context';
import { PASSWORD } from './factories';
import { softwareAuthenticator } from './software-authenticator';

export type Authenticator = ReturnType<typeof softwareAuthenticator>;

/**
 * A passkey added to the signed-in member's account as the two-factor page adds it (name and password, then
 * the authenticator's answer): the authenticator that holds it, and the recovery codes when it was the first.
 */
export async function addPasskey({
  context,
  name = 'Laptop',
  authenticator = softwareAuthenticator({ origin: relyingParty()!.origin }),
}: {
  context: AdminContext;
  name?: string;
  authenticator?: Authenticator;
}): Promise<{ authenticator: Authenticator; codes: string[] | null }> {
  const begun = await beginPasskeyAdd({ name, password: PASSWORD, address: '192.0.2.60', context });
  if (begun.status !== 'ok') assert.fail(`the passkey was not begun: ${begun.status}`);
  const added = await finishPasskeyAdd({ token: begun.token, response: authenticator.create(begun.options), context });
  if (added.status !== 'ok') assert.fail(`the passkey was not added: ${added.status}`);
  return { authenticator, codes: added.codes };
}
