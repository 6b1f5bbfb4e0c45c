import { describe, expect, it } from 'vitest';
import { printableMessage, printableName, printableText } from '../../src/shared/core/terminal.js';

const ESC = '\u001b';

describe('text from files, made safe for a terminal', () => {
  it('shows the controls of a name instead of letting the terminal obey them', () => {
    const name = `report${ESC}]0;owned\u0007\nparallax: all fine.txt`;
    const shown = printableName(name);
    expect(shown).toBe('report␛]0;owned␇␊parallax: all fine.txt');
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(printableName('a\u009bb\u007f')).toBe('a\ufffdb\u2421');
  });

  it('shows bidirectional controls in names by their code point', () => {
    expect(printableName('invoice\u202Etxt.exe')).toBe('invoice⟨U+202E⟩txt.exe');
    expect(printableName('\u2066x\u2069')).toBe('⟨U+2066⟩x⟨U+2069⟩');
  });

  it('keeps line breaks, tabs and right-to-left marks in article text, one character for one', () => {
    const text = `First line\twith a tab\nשלום\u200F${ESC}[2J and more`;
    const shown = printableText(text);
    expect(shown).toHaveLength(text.length);
    expect(shown).toBe('First line\twith a tab\nשלום\u200F␛[2J and more');
  });

  it('keeps the progress line’s own controls in a message, and shows any other', () => {
    expect(printableMessage(`\r[##--] 2/4 stories${ESC}[K`)).toBe(`\r[##--] 2/4 stories${ESC}[K`);
    expect(printableMessage(`parallax: "bad\rname${ESC}[31m.txt" could not be found.\n`)).toBe('parallax: "bad␍name␛[31m.txt" could not be found.\n');
    expect(printableMessage('a \u202Eb')).toBe('a ⟨U+202E⟩b');
  });
});
