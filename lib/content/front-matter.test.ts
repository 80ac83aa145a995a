import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ContentError } from './content-error';
import { parsePostingFrontMatter, splitFrontMatter } from './front-matter';

const FILE = 'content/postings/backend-engineer.mdx';

/** A posting file whose front matter is `lines`; the opening `---` is line 1, so lines[i] is on line i + 2. */
const posting = (...lines: string[]) => ['---', ...lines, '---', '', 'Body text.', ''].join('\n');

function rejection(source: string): ContentError {
  try {
    parsePostingFrontMatter(FILE, source);
  } catch (error) {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the front matter to be rejected');
}

/** The author sees `file:line: message`, and the message says what was expected. */
function assertReported(source: string, line: number, ...mentions: string[]) {
  const error = rejection(source);
  assert.equal(error.file, FILE);
  assert.equal(error.line, line, error.message);
  assert.ok(error.message.startsWith(`${FILE}:${line}: `), error.message);
  for (const text of mentions) assert.ok(error.message.includes(text), `"${error.message}" should mention ${text}`);
}

describe('parsePostingFrontMatter: valid postings', () => {
  test('reads the required fields and defaults status to open, remote to false and questions to none', () => {
    const { data } = parsePostingFrontMatter(FILE, posting('title: Backend Engineer', 'position: 2', 'category: Engineering'));
    assert.deepEqual(data, {
      title: 'Backend Engineer',
      position: 2,
      category: 'Engineering',
      status: 'open',
      remote: false,
      questions: [],
      hiringTeam: [],
    });
  });

  test('keeps the body lines where they are in the file, so MDX errors point at the right line', () => {
    const { body } = parsePostingFrontMatter(FILE, posting('title: A', 'position: 1', 'category: Eng'));
    assert.equal(body.split('\n')[6], 'Body text.'); // line 7 of the file
    assert.ok(!body.includes('title'), 'the front matter is blanked out of the body');
  });

  test('accepts every optional field', () => {
    const { data } = parsePostingFrontMatter(
      FILE,
      posting(
        'title: Backend Engineer',
        'position: 0',
        'category: Engineering',
        'location: Berlin',
        'employmentType: FULL_TIME',
        'department: Platform',
        'remote: true',
        'datePosted: 2026-01-15',
        'validThrough: 2026-03-01T17:00:00+01:00',
        'salary:',
        '  currency: EUR',
        '  min: 80000',
        '  max: 95000',
        '  unit: YEAR',
        'status: draft',
        'hiringTeam:',
        '  - Lead@Example.com',
      ),
    );
    assert.deepEqual(data.hiringTeam, ['lead@example.com'], 'addresses are compared lowercased');
    assert.equal(data.remote, true);
    assert.equal(data.status, 'draft');
    assert.equal(data.datePosted, '2026-01-15');
    assert.equal(data.validThrough, '2026-03-01T17:00:00+01:00');
    assert.deepEqual(data.salary, { currency: 'EUR', min: 80000, max: 95000, unit: 'YEAR' });
  });

  test('reads a file saved with Windows line endings', () => {
    const source = posting('title: A', 'position: 1', 'category: Eng').replaceAll('\n', '\r\n');
    assert.equal(parsePostingFrontMatter(FILE, source).data.title, 'A');
  });
});

describe('parsePostingFrontMatter: missing required fields', () => {
  // A missing key has no line of its own: the error points at the start of the front matter.
  for (const [field, lines] of [
    ['title', ['position: 1', 'category: Eng']],
    ['position', ['title: A', 'category: Eng']],
    ['category', ['title: A', 'position: 1']],
  ] as const) {
    test(`a missing ${field} is reported by name`, () => {
      assertReported(posting(...lines), 2, `missing required front matter field "${field}"`);
    });
  }

  test('an empty title is refused', () => {
    assertReported(posting('title: "  "', 'position: 1', 'category: Eng'), 2, '"title"', 'non-empty title');
  });
});

describe('parsePostingFrontMatter: fields with the wrong value', () => {
  for (const value of ['2.5', 'two']) {
    test(`position: ${value} is reported on the position line`, () => {
      assertReported(posting('title: A', `position: ${value}`, 'category: Eng'), 3, '"position"');
    });

    test(
      `position: ${value} says an integer is expected, not that the field is missing`,
      () => {
        const error = rejection(posting('title: A', `position: ${value}`, 'category: Eng'));
        assert.ok(error.message.includes('expected an integer'), error.message);
        assert.ok(!error.message.includes('missing'), error.message);
      },
    );
  }

  test(
    'remote: yes says true or false is expected, not that the field is missing',
    () => {
      const error = rejection(posting('title: A', 'position: 1', 'category: Eng', 'remote: yes'));
      assert.equal(error.line, 5);
      assert.ok(error.message.includes('expected true or false'), error.message);
    },
  );

  test('an unknown status lists the allowed ones', () => {
    assertReported(posting('title: A', 'position: 1', 'category: Eng', 'status: published'), 5, '"status"', 'open', 'draft', 'closed');
  });

  for (const value of ['2026-13-45', 'next friday', '02/11/2026']) {
    test(`validThrough: ${value} is refused with an example of a good date`, () => {
      assertReported(posting('title: A', 'position: 1', 'category: Eng', `validThrough: ${value}`), 5, '"validThrough"', '2026-11-02');
    });
  }

  test('a salary whose min exceeds its max is reported on the salary line', () => {
    const source = posting('title: A', 'position: 1', 'category: Eng', 'salary:', '  currency: EUR', '  min: 90000', '  max: 80000', '  unit: YEAR');
    assertReported(source, 5, '"salary"', 'min must not exceed max');
  });

  test('a hiring team address that is not one is reported on its own line', () => {
    const source = posting('title: A', 'position: 1', 'category: Eng', 'hiringTeam:', '  - lead@example.com', '  - the lead');
    assertReported(source, 7, '"hiringTeam.1"', 'expected an email address');
  });

  test('a hiring team given as one address instead of a list says a list is expected', () => {
    assertReported(posting('title: A', 'position: 1', 'category: Eng', 'hiringTeam: lead@example.com'), 5, 'expected a list of email addresses');
  });

  test('a lowercase salary currency is reported on the currency line', () => {
    const source = posting('title: A', 'position: 1', 'category: Eng', 'salary:', '  currency: eur', '  min: 80000', '  unit: YEAR');
    assertReported(source, 6, '"salary.currency"', 'three-letter ISO 4217 code');
  });
});

describe('parsePostingFrontMatter: unknown fields', () => {
  test('a typo such as titel is named, with the list of known fields', () => {
    const error = rejection(posting('title: A', 'position: 1', 'category: Eng', 'titel: B'));
    assert.equal(error.file, FILE);
    assert.ok(error.message.includes('unknown front matter field "titel"'), error.message);
    assert.ok(
      error.message.includes('title, position, category, location, employmentType, department, remote, datePosted, validThrough, salary, status'),
      error.message,
    );
  });

  test(
    'a typo such as titel is reported on its own line',
    () => {
      assertReported(posting('title: A', 'position: 1', 'category: Eng', 'titel: B'), 5, '"titel"');
    },
  );
});

describe('parsePostingFrontMatter: not YAML, or no front matter', () => {
  test('invalid YAML is reported on the offending line', () => {
    assertReported(posting('title: A', 'position: 1', 'category: [Engineering'), 4, 'front matter is not valid YAML');
  });

  test('a key given twice is reported on its second occurrence', () => {
    assertReported(posting('title: A', 'position: 1', 'title: B', 'category: Eng'), 4, 'not valid YAML', 'unique');
  });

  test('a file without front matter says what it needs, on line 1', () => {
    assertReported('# Backend Engineer\n\nBody text.\n', 1, 'expected YAML front matter', 'title, position and category');
  });

  test('front matter that is never closed counts as none', () => {
    assertReported('---\ntitle: A\nposition: 1\ncategory: Eng\n\nBody text.\n', 1, 'expected YAML front matter');
  });

  test(
    'front matter that is a list rather than fields says so',
    () => {
      const error = rejection(posting('- title: A'));
      assert.ok(!error.message.includes('field ""'), error.message);
    },
  );

  test(
    'an empty front matter block still gets a line number',
    () => {
      const error = rejection('---\n---\n\nBody text.\n');
      assert.notEqual(error.line, undefined, error.message);
    },
  );
});

describe('splitFrontMatter', () => {
  test('returns the YAML and a body with the same number of lines', () => {
    const source = '---\ntitle: A\nposition: 1\n---\n\n# Heading\n';
    const { yaml, body } = splitFrontMatter(source);
    assert.equal(yaml, 'title: A\nposition: 1');
    assert.equal(body, '\n\n\n\n\n# Heading\n');
    assert.equal(body.split('\n').length, source.split('\n').length);
  });

  test('a --- that is not on the first line is not front matter', () => {
    const source = '\n---\ntitle: A\n---\n';
    assert.deepEqual(splitFrontMatter(source), { yaml: null, body: source });
  });
});

describe('parsePostingFrontMatter: questions', () => {
  const base = ['title: A', 'position: 1', 'category: Eng', 'questions:'];

  test('reads well-formed questions with their defaults', () => {
    const { data } = parsePostingFrontMatter(
      FILE,
      posting(...base, '  - id: notice', '    label: Notice period?', '    type: single_choice', '    options: [Now, Later]'),
    );
    assert.deepEqual(data.questions, [{ id: 'notice', label: 'Notice period?', type: 'single_choice', options: ['Now', 'Later'], required: false }]);
  });

  test('a choice question without options names the question and the field, on its line', () => {
    // Line 6 is the question's first line (line 1 is the opening ---).
    assertReported(posting(...base, '  - id: notice', '    label: Notice?', '    type: single_choice'), 6, 'questions.0.options', 'needs a list of options');
  });

  test('an unknown question type lists the known ones', () => {
    assertReported(posting(...base, '  - id: q', '    label: Q?', '    type: essay'), 8, 'questions.0.type', 'short_text', 'multiple_choice');
  });

  test('a malformed id, an unknown field and duplicate ids are refused', () => {
    assertReported(posting(...base, '  - id: Notice Period', '    label: Q?', '    type: short_text'), 6, 'questions.0.id', 'lowercase');
    assertReported(posting(...base, '  - id: q', '    label: Q?', '    type: short_text', '    requried: true'), 9, 'requried');
    assertReported(
      posting(...base, '  - id: q', '    label: Q?', '    type: short_text', '  - id: q', '    label: Again?', '    type: long_text'),
      9,
      'duplicate question id "q"',
    );
  });

  test('options on a text question and min above max are refused', () => {
    assertReported(posting(...base, '  - id: q', '    label: Q?', '    type: short_text', '    options: [a, b]'), 9, 'only single_choice and multiple_choice');
    assertReported(posting(...base, '  - id: n', '    label: N?', '    type: number', '    min: 5', '    max: 1'), 9, 'min must not exceed max');
  });
});

describe('parsePostingFrontMatter: impossible question limits', () => {
  const base = ['title: A', 'position: 1', 'category: Eng', 'questions:', '  - id: langs', '    label: Languages?'];
  test('multiple choice cannot ask for more options than it offers', () => {
    assertReported(posting(...base, '    type: multiple_choice', '    options: [Go, Rust]', '    min: 3'), 10, 'questions.0.min', 'between 0 and 2');
  });
  test('min and max mean nothing on a text question', () => {
    assertReported(posting(...base, '    type: short_text', '    max: 3'), 9, 'questions.0.max', 'only number and multiple_choice');
  });
});

describe('parsePostingFrontMatter: scorecard', () => {
  const base = ['title: A', 'position: 1', 'category: Eng', 'scorecard:'];

  test('reads the attributes a posting is rated on; without them, the posting has none of its own', () => {
    const { data } = parsePostingFrontMatter(
      FILE,
      posting(...base, '  - name: Portfolio', '    hint: Work that shows how they think.', '  - name: Craft', '    hint: Detail.'),
    );
    assert.deepEqual(data.scorecard, [
      { name: 'Portfolio', hint: 'Work that shows how they think.' },
      { name: 'Craft', hint: 'Detail.' },
    ]);
    assert.equal(parsePostingFrontMatter(FILE, posting('title: A', 'position: 1', 'category: Eng')).data.scorecard, undefined);
  });

  test('an attribute without a hint, or with an unknown field, is reported on its line', () => {
    assertReported(posting(...base, '  - name: Portfolio'), 6, 'missing required front matter field "scorecard.0.hint"');
    assertReported(posting(...base, '  - name: Portfolio', '    hint: H', '    weight: 2'), 8, 'weight');
  });

  test('two attributes named alike are refused on the second', () => {
    assertReported(
      posting(...base, '  - name: Craft', '    hint: H', '  - name: craft', '    hint: H'),
      8,
      'scorecard.1.name',
      'duplicate attribute name "craft"',
    );
  });

  test('an empty list, too many attributes, a long name and a single value are refused with the limit', () => {
    assertReported(posting(...base.slice(0, 3), 'scorecard: []'), 5, 'at least one attribute');
    const thirteen = Array.from({ length: 13 }, (_, i) => [`  - name: A${i}`, '    hint: H']).flat();
    assertReported(posting(...base, ...thirteen), 5, 'at most 12 attributes');
    assertReported(posting(...base, `  - name: ${'N'.repeat(61)}`, '    hint: H'), 6, 'at most 60 characters');
    assertReported(posting(...base.slice(0, 3), 'scorecard: Communication'), 5, 'expected a list of attributes');
  });
});
