import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/shared/contract/comparison.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { describeDifference, labelNamer } from '../../src/shared/core/describe.js';
import { articleDocuments, ferry } from '../support/articles.js';
import { seedPaths } from '../support/seeds.js';
import { runCli } from '../support/cli.js';

const run = runCli;

describe('parallax compare', () => {
  it('prints the seeds as contract JSON with --json', async () => {
    const { code, stdout, stderr } = await run(['compare', ...seedPaths(), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout);
    expect(comparison.schema).toBe('parallax.comparison/1');
    expect(comparison.documents).toHaveLength(5);
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('gives each difference in the JSON what it is and its description, naming the sources by their labels', async () => {
    const comparison = JSON.parse((await run(['compare', ...seedPaths(), '--json'])).stdout) as Comparison;
    const nameOf = labelNamer(comparison.documents);
    expect(comparison.differences.length).toBeGreaterThan(10);
    for (const difference of comparison.differences) {
      expect(difference.rule).toBeDefined();
      expect(difference.sides?.length).toBeGreaterThan(0);
      expect(difference.description).toBe(describeDifference(difference, nameOf));
      // The old field keeps its place for earlier readers, with the same words.
      expect(difference.note).toBe(difference.description);
    }
    // The sentences people know: "Only 002 reports this; 000, 001, 003, 004 leave it out".
    expect(comparison.differences.map((difference) => difference.description)).toContainEqual(expect.stringMatching(/^Only 00\d reports this; (00\d, ){3}00\d leave it out$/));
  });

  it('prints a readable summary with the differing words marked', async () => {
    const { code, stdout } = await run(['compare', ...seedPaths(), '--width', '90']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Parallax · 5 sources · \d+ groups/);
    expect(stdout).toContain('Group 1 · sources');
    expect(stdout).toMatch(/«[^»]+»/);
    expect(stdout).toContain('Only in one source');
    expect(stdout).not.toContain('\x1b[');
    expect(Math.max(...stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(90);
  });

  it('lists under a paragraph only one source has the loaded words it marks there, as a group lists its differences', async () => {
    // An invented story (tests/support/articles.ts): the last paragraph is only the Pier Post's.
    const folder = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    const extra = 'Councillor Brannagh Lott slammed the ferry operator over the delay, and the operator claimed the pier had been inspected in the spring.';
    const [post, times] = articleDocuments({ 'pier-post': ferry({}, [extra]), 'island-times': ferry() }).map((document) => {
      const path = join(folder, document.path.replace(/^.*\//, ''));
      writeFileSync(path, document.text);
      return path;
    });
    const { code, stdout } = await run(['compare', post!, times!, '--width', '100000']);
    expect(code).toBe(0);
    const only = stdout.slice(stdout.indexOf('Only in one source'));
    expect(only.split('\n')[0]).toMatch(/ · 2 differences$/);
    const lines = only.split('\n');
    const at = lines.findIndex((line) => line.includes(extra.slice(0, 40)));
    expect(at).toBeGreaterThan(0);
    const label = JSON.parse((await run(['compare', post!, times!, '--json'])).stdout).documents[0].label as string;
    expect(lines.slice(at + 1, at + 3).map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      `loaded-term ${label} writes “slammed” (charged), in a paragraph only ${label} has · Criticism: charged verbs and the plain one`,
      `loaded-term ${label} writes “claimed” (doubt), in a paragraph only ${label} has · Reporting verbs`,
    ]);
  });

  it('takes --threshold: stricter gives no more groups', async () => {
    const loose = JSON.parse((await run(['compare', ...seedPaths(), '--json', '--threshold', '0.2'])).stdout);
    const strict = JSON.parse((await run(['compare', ...seedPaths(), '--json', '--threshold', '0.8'])).stdout);
    expect(strict.groups.length).toBeLessThan(loose.groups.length);
  });

  it('opens the rest when one file is bad, says which, and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
    const empty = join(folder, 'empty.txt');
    writeFileSync(empty, '');
    const [a, b] = seedPaths();
    const { code, stdout, stderr } = await run(['compare', a!, b!, empty, join(folder, 'missing.txt'), '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('empty.txt');
    expect(stderr).toContain('missing.txt');
    expect(JSON.parse(stdout).documents).toHaveLength(2);
  });

  describe('edge cases', () => {
    it('refuses fewer than two files, a bad threshold and unknown options, with exit 2', async () => {
      const [a] = seedPaths();
      expect((await run(['compare', a!])).code).toBe(2);
      const bad = await run(['compare', a!, a!, '--threshold', 'high']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--threshold takes a number');
      const unknown = await run(['compare', a!, a!, '--frobnicate']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('Usage:');
    });

    it('prints help and version', async () => {
      expect((await run(['--help'])).stdout).toContain('parallax compare FILE...');
      expect((await run(['--version'])).stdout).toMatch(/^parallax \d/);
    });
  });
});
