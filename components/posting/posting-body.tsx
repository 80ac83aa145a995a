import { listSectionNames } from '@/lib/content';
import { remarkCommonSections } from '@/lib/content/common-sections-plugin';
import type { Posting } from '@/lib/content/posting';
import type { ApplyAction } from '@/components/apply/apply-section';
import { CommonSection } from './common-section';
import { renderMdx } from './mdx';

/** The posting's MDX, with `<common-section>` routed to {@link CommonSection}. */
export async function PostingBody({ posting, applyAction }: { posting: Posting; applyAction: ApplyAction }) {
  const known = await listSectionNames();
  return renderMdx(
    `posting:${posting.slug}`,
    posting.body,
    {
      CommonSection: (props: { name: string; asListItems?: boolean }) => <CommonSection {...props} posting={posting} applyAction={applyAction} />,
    },
    [[remarkCommonSections, { known, file: posting.file }]],
  );
}
