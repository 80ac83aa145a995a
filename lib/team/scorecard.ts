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

/** The attributes a posting without its own `scorecard:` front matter is rated on. */
export const DEFAULT_SCORECARD: readonly ScorecardAttribute[] = [
  { name: 'Skills for the role', hint: 'Can they do the work the posting describes, from what they sent?' },
  { name: 'Experience', hint: 'Have they done similar work, at a similar scale?' },
  { name: 'Communication', hint: 'Is the application clear, specific and written for this role?' },
  { name: 'Motivation', hint: 'Do they say why this role and this team?' },
];

/** One attribute's rating as stored: the attribute's name as it was asked, so later edits keep old cards readable. */
export type AttributeRating = { attribute: string; rating: Rating };
