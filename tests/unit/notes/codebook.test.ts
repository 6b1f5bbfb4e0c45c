import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../../src/shared/contract/codebook.js';
import { REPO_ROOT } from '../../support/seeds.js';

const CODEBOOK_DIR = join(REPO_ROOT, 'resources', 'codebook');
const shipped = (): unknown => JSON.parse(readFileSync(join(CODEBOOK_DIR, 'default.json'), 'utf8'));

describe('the shipped codebook', () => {
  it('fits parallax.codebook/1 and has the generic frames, the four frame functions and media-literacy codes', () => {
    const parsed = parseCodebook(shipped());
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const ids = parsed.codebook.codes.map((code) => code.id);
    expect(ids).toEqual(expect.arrayContaining(['conflict', 'responsibility', 'human-interest', 'morality', 'economic-consequences']));
    expect(ids).toEqual(expect.arrayContaining(['problem-definition', 'causal-interpretation', 'moral-evaluation', 'treatment-recommendation']));
    expect(ids).toEqual(expect.arrayContaining(['sourcing-imbalance', 'loaded-language', 'missing-context']));
    for (const code of parsed.codebook.codes) {
      expect(code.description.length, code.id).toBeGreaterThan(40);
      expect(code.family, code.id).toBeTruthy();
    }
  });

  it('is documented code by code in its README', () => {
    const readme = readFileSync(join(CODEBOOK_DIR, 'README.md'), 'utf8');
    const parsed = parseCodebook(shipped());
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    for (const code of parsed.codebook.codes) expect(readme, code.id).toContain(`| \`${code.id}\` | ${code.label} |`);
  });

  it('is shipped with the app', () => {
    const builder = readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8');
    expect(builder).toMatch(/- from: resources\/codebook\s+to: codebook/);
  });
});

describe('codebooks that do not fit', () => {
  const valid = { format: 'parallax.codebook/1', name: 'Class codes', codes: [{ id: 'bias', label: 'Bias', description: '' }] };
  const problems = (value: unknown): string[] => {
    const parsed = parseCodebook(value);
    if (parsed.ok) throw new Error('expected the codebook to be refused');
    return parsed.problems;
  };

  it('accepts a small valid one', () => {
    expect(parseCodebook(valid)).toEqual({ ok: true, codebook: valid });
  });

  it('says what is wrong in words a person can act on', () => {
    expect(problems([])).toEqual(['the codebook: expected an object with "format": "parallax.codebook/1", a "name" and a list of "codes"']);
    expect(problems({ ...valid, format: 'parallax.codebook/2' })).toEqual(['the codebook: "format" must be "parallax.codebook/1"']);
    expect(problems({ ...valid, name: '  ' })).toEqual(['the codebook: its "name" cannot be empty']);
    expect(problems({ ...valid, codes: 'bias' })).toEqual(['the codebook: "codes" must be a list of codes']);
    expect(problems({ ...valid, colour: 'red' })).toEqual(['the codebook: unknown field "colour" (a codebook has format, name, description and codes)']);
  });

  it('names the code by number and id', () => {
    const codes = [
      { id: 'bias', label: 'Bias', description: '' },
      { id: 'Loaded Words', label: 'Loaded words', description: '' },
      { id: 'tone', label: '', description: 'x', colour: 'red' },
      { id: 'bias', label: 'Bias again', description: '' },
    ];
    expect(problems({ ...valid, codes })).toEqual([
      'code 2 (“Loaded Words”): ids are lower-case words joined by hyphens, such as "human-interest"',
      'code 3 (“tone”): a code\'s "label" cannot be empty',
      'code 3 (“tone”): unknown field "colour" (a code has id, label, description and family)',
      'code 4 (“bias”): the code id "bias" is used twice',
    ]);
    expect(problems({ ...valid, codes: [codes[0], codes[3]] })).toEqual(['code 2 (“bias”): the code id "bias" is used twice']);
    expect(problems({ ...valid, codes: [{ label: 'No id', description: '' }] })).toEqual(['code 1: each code needs an "id", such as "human-interest"']);
  });
});
