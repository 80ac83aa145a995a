import { z } from 'zod';

const address = z.email();

/**
 * HIRING_TEAM_EMAIL: who hears of a new application when its posting names no `hiringTeam`; addresses
 * separated by commas, lowercased. A value that is not an address stops the server's start, naming it.
 */
export function hiringTeamFromEnv(setting = process.env.HIRING_TEAM_EMAIL): string[] {
  const addresses = (setting ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  for (const a of addresses) {
    if (!address.safeParse(a).success) {
      throw new Error(`HIRING_TEAM_EMAIL must be email addresses separated by commas; "${a}" is not one`);
    }
  }
  return addresses;
}
