import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The themes of tokens.css, checked by the numbers: every text colour on every background it is
 * used on meets WCAG AA (4.5:1; AAA 7:1 in high contrast), and each kind of difference's line
 * stands out from its tint (3:1, WCAG's ratio for graphics), so no kind rests on a faint line.
 */

const css = readFileSync(new URL('../../src/renderer/src/styles/tokens.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`No ${selector} block in tokens.css`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('\n}', start));
  const tokens: Record<string, string> = {};
  for (const match of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) tokens[match[1]!] = match[2]!.trim();
  return tokens;
}

const light = block(':root');
const THEMES: Record<string, Record<string, string>> = {
  light,
  dark: { ...light, ...block(":root[data-theme='dark']") },
  contrast: { ...light, ...block(":root[data-theme='contrast']") },
};

function resolve(tokens: Record<string, string>, name: string): string {
  let value = tokens[name];
  for (let depth = 0; value?.startsWith('var(') && depth < 5; depth++) value = tokens[value.slice(4, -1).trim()];
  if (!value || !/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${name} is not a six-digit colour: ${value}`);
  return value;
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

const KINDS = ['wording', 'attribution', 'loaded-term', 'label', 'hedge', 'figure', 'quote', 'omission'];

describe.each(Object.keys(THEMES))('the %s theme', (theme) => {
  const tokens = THEMES[theme]!;
  const text = theme === 'contrast' ? 7 : 4.5;
  const ratio = (fg: string, bg: string) => contrast(resolve(tokens, fg), resolve(tokens, bg));

  it('has text that reads on every background', () => {
    const failures: string[] = [];
    for (const fg of ['--ink', '--ink-soft', '--ink-muted', '--ink-faint'])
      for (const bg of ['--paper', '--surface', '--surface-raised', '--linked-bg', '--selected-bg', '--accent-softer']) {
        if (ratio(fg, bg) < text) failures.push(`${fg} on ${bg}: ${ratio(fg, bg).toFixed(2)}`);
      }
    for (const [fg, bg] of [
      ['--accent-ink', '--accent'],
      ['--accent', '--surface'],
      ['--accent', '--paper'],
      ['--badge-ink', '--badge-bg'],
      ['--error-ink', '--error-bg'],
      ['--info-ink', '--info-bg'],
      ['--mark-ink', '--mark-tint'],
    ]) {
      if (ratio(fg!, bg!) < text) failures.push(`${fg} on ${bg}: ${ratio(fg!, bg!).toFixed(2)}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps article text legible on every kind of mark, and each kind’s line visible on its tint', () => {
    const failures: string[] = [];
    for (const kind of KINDS) {
      for (const bg of [`--kind-${kind}-tint`, `--kind-${kind}-strong`]) {
        if (ratio('--ink', bg) < text) failures.push(`--ink on ${bg}: ${ratio('--ink', bg).toFixed(2)}`);
        if (ratio(`--kind-${kind}-line`, bg) < 3) failures.push(`--kind-${kind}-line on ${bg}: ${ratio(`--kind-${kind}-line`, bg).toFixed(2)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows focus against the page', () => {
    expect(ratio('--focus', '--paper')).toBeGreaterThanOrEqual(3);
    expect(ratio('--focus', '--surface')).toBeGreaterThanOrEqual(3);
  });
});
