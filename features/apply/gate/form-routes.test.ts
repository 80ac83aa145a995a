import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FORM_ROUTES } from './form-routes';

test('every route handler that takes a POST is one the action gate leaves alone', () => {
  const routes = fs
    .readdirSync('app', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('route.ts'))
    .filter((file) => /export async function POST\b/.test(fs.readFileSync(path.join('app', file), 'utf8')))
    .map((file) => `/${path.dirname(file)}`.replace(/\/\([^)]+\)/g, ''));
  assert.deepEqual(routes.sort(), [...FORM_ROUTES].sort());
});
