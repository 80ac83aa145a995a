'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseApplicationId } from '@/features/application/schemas';
import { filterQuery, parseInboxFilter } from '@/features/inbox/filter';
import { submitScorecard } from '@/features/scorecards/queries';
import { scorecardValues, type ScorecardErrors } from '@/features/scorecards/scorecard-form';
import { authorize } from '@/features/staff/context';
import { NOTE_MAX_CHARS } from '@/lib/limits';

// The scorecard form's action, apart from actions.ts so the card can grow without touching the page's other
// forms. useActionState with the id as a hidden field: without JavaScript the form posts, this runs, and the
// page comes back with the errors and what was chosen; once saved, it redirects back to the page.

export type ScorecardState = {
  errors?: ScorecardErrors;
  /** What was sent, to choose again after an error: each attribute's choice by name, the overall, the note. */
  values?: { ratings: Record<string, string>; overall: string; note: string };
  message?: string;
};

export async function saveScorecard(_state: ScorecardState, form: FormData): Promise<ScorecardState> {
  await authorize();
  if (!(form instanceof FormData)) return { message: 'This is not the scorecard form. Reload the page.' };
  const id = parseApplicationId(String(form.get('id') ?? ''));
  if (id === null) redirect('/admin');
  const values = scorecardValues(form);
  const result = await submitScorecard({ id, values });
  switch (result.status) {
    case 'invalid': {
      const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
      const ratings = Object.fromEntries(
        Object.entries(values.ratings)
          .slice(0, 50)
          .map(([name, value]) => [name, text(value, 10)]),
      );
      return {
        errors: result.errors,
        values: { ratings, overall: text(values.overall, 10), note: text(values.note, NOTE_MAX_CHARS + 100) },
      };
    }
    case 'erased':
      return { message: 'This application is erased: it takes no more scorecards.' };
    case 'not-found':
      return { message: 'This application does not exist, or is not on a posting you are on.' };
    case 'saved':
      break;
  }
  revalidatePath('/admin', 'layout');
  const query = filterQuery(parseInboxFilter(new URLSearchParams(String(form.get('view') ?? ''))), {
    saved: 'scorecard',
  });
  redirect(`/admin/applications/${id}?${query}`);
}
