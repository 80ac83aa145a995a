import { describeEmployment } from '@/features/postings/components/describe';
import { bodyPlugins } from '@/lib/content/pipeline';
import { postingFrontMatterSchema } from '@/lib/content/posting-schema';
import { renderMdx } from '@/lib/content/render-mdx';

type Version = { hash: string; postingSlug: string; frontMatter: Record<string, unknown>; body: string };

/**
 * A stored version of a posting, rendered by the site's own MDX pipeline. Its shared sections were written
 * into the body when it was stored, so nothing here reads today's content.
 */
export async function ArchivedPosting({ version }: { version: Version }) {
  // Typed at the edge: a version stored before a change to the front matter schema still shows its text.
  const parsed = postingFrontMatterSchema.safeParse(version.frontMatter);
  const facts = parsed.success
    ? [
        parsed.data.category,
        parsed.data.location,
        parsed.data.remote ? 'Remote' : undefined,
        parsed.data.employmentType ? describeEmployment(parsed.data.employmentType) : undefined,
        parsed.data.department,
      ].filter((fact): fact is string => Boolean(fact))
    : [];
  const title = parsed.success ? parsed.data.title : version.postingSlug;
  // A version stored before a change to the pipeline may no longer compile: its text, as stored, then.
  const body = await renderMdx(
    `version:${version.hash}`,
    version.body,
    {},
    bodyPlugins({ known: [], file: `posting version ${version.hash}` }),
  ).catch(() => null);
  return (
    <article className="posting" aria-labelledby="archived-title">
      <h2 id="archived-title">{title}</h2>
      {facts.length ? (
        <ul className="posting__facts" aria-label="About this role">
          {facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      ) : null}
      {body ? (
        <div className="prose">{body}</div>
      ) : (
        <>
          <p className="notice">
            This version no longer renders with the site as it is now; here is its text as stored.
          </p>
          <pre className="archived-posting__source">{version.body}</pre>
        </>
      )}
    </article>
  );
}
