import { describe, expect, it } from 'vitest';
import { parseInline, parseNoteBody, plainNoteText } from '../../src/renderer/src/lib/noteBody';

describe('a note body’s light formatting', () => {
  it('reads **bold**, *italic* and _italic_, with italic inside bold kept', () => {
    expect(parseInline('B **softens** A’s *ICC* wording, _again_')).toEqual([
      { text: 'B ' },
      { text: 'softens', bold: true },
      { text: ' A’s ' },
      { text: 'ICC', italic: true },
      { text: ' wording, ' },
      { text: 'again', italic: true },
    ]);
    expect(parseInline('**a *b* c**')).toEqual([
      { text: 'a ', bold: true },
      { text: 'b', italic: true, bold: true },
      { text: ' c', bold: true },
    ]);
  });

  it('leaves unmatched markers, arithmetic and snake_case words as text', () => {
    expect(parseInline('2 * 3 = 6 and **open')).toEqual([{ text: '2 * 3 = 6 and **open' }]);
    expect(parseInline('see file_name_here')).toEqual([{ text: 'see file_name_here' }]);
  });

  it('splits paragraphs at blank lines and reads bulleted and numbered lists', () => {
    const blocks = parseNoteBody('Two framings:\r\n\r\n- conflict\n* *human interest*\n1. first\n2) second\n\nEnd.');
    expect(blocks.map((block) => block.type + (block.type === 'list' ? (block.ordered ? ':ol' : ':ul') : ''))).toEqual(['paragraph', 'list:ul', 'list:ol', 'paragraph']);
    const bullets = blocks[1]!;
    expect(bullets.type === 'list' && bullets.items.map((item) => item.map((part) => part.text).join(''))).toEqual(['conflict', 'human interest']);
  });

  it('keeps markup-looking text as text: nothing a person types becomes HTML', () => {
    const blocks = parseNoteBody('<img src=x onerror=alert(1)> **<b>bold</b>**');
    expect(JSON.stringify(blocks)).toContain('<img src=x onerror=alert(1)>');
    expect(plainNoteText('<script>x</script> *y*')).toBe('<script>x</script> y');
  });

  it('gives plain text without markers for search and previews', () => {
    expect(plainNoteText('**Bold** claim:\n- *one*\n- two')).toBe('Bold claim: one two');
  });
});
