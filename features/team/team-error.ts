import { TEAM_ERRORS, type TeamProblem } from '@/features/team/notices';

/** A refusal the team page explains: `problem` is the key of its fixed text (features/team/notices.ts). */
export class TeamError extends Error {
  constructor(
    readonly problem: TeamProblem,
    message: string = TEAM_ERRORS[problem],
  ) {
    super(message);
  }
}
