import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { TEAM_ERRORS, TEAM_SAVED } from '@/features/team/notices';
import { Notice } from './notice';

// `/admin/team?error=<any text>` once put any text in an alert on a signed-in page: a notice is a key of the
// page's own texts, and anything else in the URL shows nothing.

const render = (query: Record<string, string>) =>
  renderToStaticMarkup(<Notice query={query} saved={TEAM_SAVED} errors={TEAM_ERRORS} />);

test('a key shows its fixed text; any other text in the URL shows nothing', () => {
  assert.match(render({ error: 'last-owner' }), /role="alert">The team needs at least one active owner/);
  assert.match(render({ saved: 'role' }), /role="status">Role changed\.</);
  for (const injected of [
    '<script>alert(1)</script>',
    'Your account is locked: call +1 555 0100',
    'toString',
    '__proto__',
  ])
    assert.equal(render({ error: injected, saved: injected }), '', injected);
});
