import assert from 'node:assert/strict';
import { test } from 'node:test';
import { postingHtml } from './html';

const sections = new Map([['perks', '- Four-day week\n- Learning budget\n'], ['team', 'We are **eight** engineers.\n']]);

test('sections are inlined, list sections continue the host list, and inline JSX keeps its text', async () => {
  const html = await postingHtml(
    {
      file: 'x.mdx',
      body: 'Our <abbr title="service level agreement">SLA</abbr> is 99.9% {1 + 1}.\n\n- Salary\n  <common-section section-name="perks"></common-section>\n\n<CommonSection name="team" />\n',
    },
    sections,
  );
  assert.equal(
    html,
    '<p>Our SLA is 99.9% .</p>\n<ul>\n<li>Salary</li>\n<li>Four-day week</li>\n<li>Learning budget</li>\n</ul>\n<p>We are <strong>eight</strong> engineers.</p>',
  );
});
