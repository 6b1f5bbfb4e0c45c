import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedWhenBuilt, lexiconDigest, lexiconFilesToTrust } from '../../src/main/services/checked-lexicons.js';
import { REPO_ROOT } from '../support/seeds.js';

/**
 * The shipped lexicon is checked against its schema when Parallax is built, not at every start
 * (issue 13): the build keeps the digest of each file that passes and that the check gives back
 * exactly as it is, and a file read later with one of those digests is not checked again.
 */

const folder = mkdtempSync(join(tmpdir(), 'parallax-checked-lexicons-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const shipped = join(REPO_ROOT, 'resources', 'lexicon');
const set = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'reporting',
  name: 'Reporting verbs',
  kind: 'attribution',
  domain: 'general',
  terms: [{ term: 'said', tone: 'neutral' }, { term: 'claimed', tone: 'doubt' }],
  ...fields,
});
const lexicon = (sets: unknown[], fields: Record<string, unknown> = {}): string => JSON.stringify({ schema: 'parallax.lexicon/1', name: 'Test', sets, ...fields }, null, 2);

describe('lexicon files checked when built', () => {
  it('trusts every shipped file: they pass and are given back as they are (keep them so, or every start checks them again)', () => {
    const digests = lexiconFilesToTrust(shipped);
    expect(digests).toEqual(['default.json', 'evaluative.json', 'induced.json'].map((file) => lexiconDigest(readFileSync(join(shipped, file), 'utf8'))));
  });

  it('leaves out files the check would change or refuse, so that they are checked when read', () => {
    const cases: Record<string, string> = {
      'good.json': lexicon([set()]),
      'untrimmed.json': lexicon([set({ name: ' Reporting verbs ' })]),
      'unknown-field.json': lexicon([set({ colour: 'blue' })]),
      'fields-in-another-order.json': JSON.stringify({ name: 'Test', schema: 'parallax.lexicon/1', sets: [set()] }),
      'bad-kind.json': lexicon([set({ kind: 'verbs' })]),
      'no-sets-field.json': JSON.stringify({ schema: 'parallax.lexicon/1', name: 'Test' }),
      'not-json.json': '{ "schema": ',
    };
    const sub = mkdtempSync(join(folder, 'cases-'));
    for (const [name, text] of Object.entries(cases)) writeFileSync(join(sub, name), text);
    expect(lexiconFilesToTrust(sub)).toEqual([lexiconDigest(cases['good.json']!)]);
  });

  it('trusts nothing when running from source (no build), so every file is checked', () => {
    expect(checkedWhenBuilt(readFileSync(join(shipped, 'default.json'), 'utf8'))).toBe(false);
  });
});
