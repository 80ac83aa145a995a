import type { ReactNode } from 'react';
import { listSectionNames } from '@/lib/content';
import { FORM_SECTION } from '@/lib/content/common-sections-plugin';
import { bodyPlugins } from '@/lib/content/pipeline';
import type { Posting } from '@/lib/content/posting';
import { renderMdx } from '@/lib/content/render-mdx';
import { CommonSection } from './common-section';

/**
 * The posting's MDX, with `<common-section>` routed to {@link CommonSection}. The form goes where the posting
 * places the form section, or after the body when it places none.
 */
export async function PostingBody({ posting, form }: { posting: Posting; form: ReactNode }) {
  const body = await renderMdx(
    `posting:${posting.slug}`,
    posting.body,
    { CommonSection: (props: { name: string; asListItems?: boolean }) => <CommonSection {...props} form={form} /> },
    bodyPlugins({ known: await listSectionNames(), file: posting.file }),
  );
  return (
    <>
      {body}
      {posting.sections.includes(FORM_SECTION) ? null : <CommonSection name={FORM_SECTION} form={form} />}
    </>
  );
}
