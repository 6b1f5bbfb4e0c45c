import type { SourceDocument } from '../../src/shared/contract/comparison.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';

/**
 * An invented story told by five sources: a harbour bridge closes for repairs, and a ferry line adds
 * sailings. larkspur-post tells the extra ferries in the last sentence of its lede, which goes to
 * the bridge's passage; the other four give the ferries a paragraph of their own. Written for the
 * tests of related links (a paragraph that tells two events).
 */
export function ferriesStory(): SourceDocument[] {
  const doc = (path: string, paragraphs: string[]): SourceDocument => makeSourceDocument({ path, text: paragraphs.join('\n\n') + '\n' });
  return [
    doc('/t/larkspur-post.txt', [
      'Tessing harbour bridge to close for cable repairs',
      'The Tessing harbour bridge will close for six weeks from Monday while engineers replace its corroded cables, the port authority said. Quell Lines will add extra ferry sailings.',
    ]),
    doc('/t/mirren-courier.txt', [
      'Six-week closure for Tessing bridge as cables are replaced',
      'Engineers will replace the corroded cables of the Tessing harbour bridge during a six-week closure starting Monday, according to the port authority.',
      'Quell Lines will run two extra morning ferry sailings across the bay for commuters, with buses from Orrin station timed to meet each boat at the north quay.',
    ]),
    doc('/t/osterby-daily.txt', [
      'Tessing bridge shuts for six weeks',
      'The port authority confirmed the Tessing harbour bridge would shut for six weeks from Monday so that engineers can replace corroded cables.',
      'Ferry operator Quell Lines is adding two extra sailings each morning, and buses from Orrin station will meet every boat at the north quay.',
    ]),
    doc('/t/quayside-herald.txt', [
      'Corroded cables close Tessing bridge',
      'Corroded cables will keep the Tessing harbour bridge closed for six weeks from Monday, the port authority announced, while engineers replace them.',
      'Commuters can take one of two extra Quell Lines sailings each morning; Orrin station buses will wait at the north quay.',
    ]),
    doc('/t/bay-gazette.txt', [
      'Bridge closure: six weeks of cable work',
      'Engineers start replacing the corroded cables of the Tessing harbour bridge on Monday, closing it for six weeks, the port authority said.',
      'Quell Lines plans two additional morning sailings, met at the north quay by buses from Orrin station.',
    ]),
  ];
}
