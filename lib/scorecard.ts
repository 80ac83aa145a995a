import type { Role } from '@/lib/roles';

// A scorecard: each attribute rated on four points, an overall recommendation and a note.

export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  1: 'Strong no',
  2: 'No',
  3: 'Yes',
  4: 'Strong yes',
};

/** The overall recommendation: a rating, or null for "no decision" (left out of the mean). */
export type Overall = Rating | null;

export type ScorecardAttribute = { name: string; hint: string };

/** Front matter limits: a card that fits on one screen, names that fit in a legend. */
export const SCORECARD_MAX_ATTRIBUTES = 12;
export const SCORECARD_NAME_MAX = 60;
export const SCORECARD_HINT_MAX = 300;

/** The attributes a posting without its own `scorecard:` front matter is rated on. */
export const DEFAULT_SCORECARD: readonly ScorecardAttribute[] = [
  { name: 'Skills for the role', hint: 'Can they do the work the posting describes, from what they sent?' },
  { name: 'Experience', hint: 'Have they done similar work, at a similar scale?' },
  { name: 'Communication', hint: 'Is the application clear, specific and written for this role?' },
  { name: 'Motivation', hint: 'Do they say why this role and this team?' },
];

/** One attribute's rating as stored: the attribute's name as it was asked, so later edits keep old cards readable. */
export type AttributeRating = { attribute: string; rating: Rating };

/** The attributes a posting's applications are rated on: its own `scorecard:`, or the default set. */
export function scorecardOf(posting: { scorecard?: readonly ScorecardAttribute[] } | undefined) {
  return posting?.scorecard ?? DEFAULT_SCORECARD;
}

/** The inbox's and the export's figures for one application, as one viewer may see them. */
export type ScorecardSummary = {
  count: number;
  /** The mean overall of the cards that made a decision; null when none did, or while the viewer is blind. */
  mean: number | null;
  /** The viewer has not submitted a card here (and is not an owner), so the mean is withheld. */
  blind: boolean;
};

/** The mean of the overall recommendations that made one (null when none did), to one decimal. */
export function meanOverall(sum: number, decided: number): number | null {
  return decided ? Math.round((sum / decided) * 10) / 10 : null;
}

/**
 * Whether a role sees every scorecard whether or not they have rated: owners do; everyone else sees their
 * colleagues' cards (and their mean) only after submitting their own, so the first opinion does not anchor the rest.
 */
export const seesEveryScorecard = (role: Role) => role === 'owner';
