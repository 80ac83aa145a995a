import type { listTeam } from '@/features/team/accounts';
import { updatePostingTeam } from '@/features/team/actions';
import type { Posting } from '@/lib/content/posting';

type User = Awaited<ReturnType<typeof listTeam>>['users'][number];

/** Which reviewers are on each posting: one form per posting, its reviewers as checkboxes. */
export function PostingTeams({ postings, reviewers }: { postings: readonly Posting[]; reviewers: readonly User[] }) {
  return (
    <section aria-labelledby="postings-heading">
      <h2 id="postings-heading">Who reviews each posting</h2>
      <p>
        Reviewers see only the postings they are on: chosen here, or named in the posting’s <code>hiringTeam:</code>.
        Owners and recruiters see every posting.
      </p>
      {reviewers.length === 0 ? (
        <p>There are no active reviewers yet.</p>
      ) : (
        postings.map((posting) => (
          <form key={posting.slug} action={updatePostingTeam} className="admin-form">
            <input type="hidden" name="posting" value={posting.slug} />
            <fieldset>
              <legend>{posting.title}</legend>
              {reviewers.map((user) => {
                const named = posting.hiringTeam.includes(user.email);
                const id = `team-${posting.slug}-${user.id}`;
                return (
                  <div className="field field--checkbox" key={user.id}>
                    <input
                      id={id}
                      type="checkbox"
                      name="member"
                      value={user.id}
                      defaultChecked={user.postings.includes(posting.slug)}
                    />
                    <label htmlFor={id}>
                      {user.email}
                      {named ? ' (also named in the posting’s hiringTeam)' : ''}
                    </label>
                  </div>
                );
              })}
              <button type="submit" className="button button--secondary">
                Save<span className="visually-hidden"> the team of {posting.title}</span>
              </button>
            </fieldset>
          </form>
        ))
      )}
    </section>
  );
}
