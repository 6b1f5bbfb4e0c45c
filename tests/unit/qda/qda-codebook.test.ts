import { describe, expect, it } from 'vitest';
import { codebookSchema, type Codebook } from '../../../src/shared/contract/codebook.js';
import { mergeRefiCodebook, readRefiCodebook, type XmlElement } from '../../../src/shared/qda/codebook-import.js';
import { PARALLAX_CODE_ROOT } from '../../../src/shared/qda/project.js';

const NS = 'urn:QDA-XML:codebook:1.0';
const code = (name: string, attributes: Record<string, string> = {}, children: XmlElement[] = [], description?: string): XmlElement => ({
  uri: NS,
  local: 'Code',
  attributes: { guid: '00000000-0000-4000-8000-000000000000', name, isCodable: 'true', ...attributes },
  children: [...(description === undefined ? [] : [{ uri: NS, local: 'Description', attributes: {}, children: [], text: description }]), ...children],
  text: '',
});
const book = (...codes: XmlElement[]): XmlElement => ({ uri: NS, local: 'CodeBook', attributes: {}, children: [{ uri: NS, local: 'Codes', attributes: {}, children: codes, text: '' }], text: '' });
const EMPTY: Codebook = { format: 'parallax.codebook/1', name: 'Mine', codes: [{ id: 'positive', label: 'Positive', description: '', family: 'Economy' }] };

function merge(current: Codebook, root: XmlElement) {
  const read = readRefiCodebook(root);
  if (!read.ok) throw new Error(read.problem);
  return mergeRefiCodebook(current, read.codebook);
}

describe('merging a REFI-QDA codebook', () => {
  it('keeps a name under another heading, and skips it under the same one', () => {
    const result = merge(EMPTY, book(code('Economy', { isCodable: 'false' }, [code('Positive')]), code('Health', { isCodable: 'false' }, [code('Positive')])));
    expect(result.added.map((entry) => [entry.id, entry.label, entry.family])).toEqual([['health-positive', 'Positive', 'Health']]);
    expect(result.skipped).toEqual([{ label: 'Positive', reason: 'the codebook has it already (under “Economy”)' }]);
  });

  it('makes ids for names with no Latin letters, and skips names too long for the codebook', () => {
    const result = merge(EMPTY, book(code('洪水'), code('🌊🌊'), code('x'.repeat(101)), code('')));
    expect(result.added.map((entry) => entry.label)).toEqual(['洪水', '🌊🌊']);
    for (const entry of result.added) expect(entry.id).toMatch(/^code-[0-9a-f]{6}$/);
    expect(result.added[0]!.id).not.toBe(result.added[1]!.id);
    expect(result.skipped.map((skip) => skip.reason)).toEqual(['its name is longer than 100 characters', 'it has no name']);
    expect(codebookSchema.safeParse(result.codebook).success).toBe(true);
  });

  it('shortens a long description and a deep family to what the codebook holds', () => {
    const deep = ['Level one 𠮷', 'Level two', 'Level three', 'Level four', 'Level five', 'Level six', 'Level seven', 'Level eight', 'Level nine'];
    let nested = code('Leaf', {}, [], '字'.repeat(2_500));
    for (const name of [...deep].reverse()) nested = code(name, { isCodable: 'false' }, [nested]);
    const result = merge(EMPTY, book(nested));
    const [leaf] = result.added;
    expect(leaf!.family!.length).toBeLessThanOrEqual(100);
    expect(leaf!.family!.startsWith('Level one 𠮷 › Level two')).toBe(true);
    expect(leaf!.description.length).toBeLessThanOrEqual(2_000);
    expect(result.notices).toContain('The descriptions of 1 code were shortened to 2,000 characters.');
  });

  it('stops at the codebook’s limit of 1,000 codes, and leaves Parallax’s own codes out', () => {
    const full: Codebook = { ...EMPTY, codes: Array.from({ length: 999 }, (_, i) => ({ id: `c-${i}`, label: `Code ${i}`, description: '' })) };
    const result = merge(full, book(code('One more'), code('Too many'), code('Parallax', { isCodable: 'false', guid: PARALLAX_CODE_ROOT }, [code('Attribution')])));
    expect(result.added.map((entry) => entry.label)).toEqual(['One more']);
    expect(result.skipped).toEqual([{ label: 'Too many', reason: 'the codebook is full (1,000 codes at most)' }]);
    expect(result.notices[0]).toMatch(/^Parallax’s own analysis codes \(2 codes\)/);
  });

  it('refuses what is not a REFI-QDA codebook or project', () => {
    expect(readRefiCodebook({ uri: 'urn:other', local: 'CodeBook', attributes: {}, children: [], text: '' })).toEqual({ ok: false, problem: expect.stringContaining('not a REFI-QDA codebook or project') });
    expect(readRefiCodebook({ uri: 'urn:QDA-XML:project:1.0', local: 'Project', attributes: {}, children: [], text: '' })).toEqual({ ok: false, problem: expect.stringContaining('the project has no codebook') });
  });
});
