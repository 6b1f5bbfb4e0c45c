/**
 * The story at a glance of a long comparison, worked out off the page's main thread: it takes a
 * few hundred milliseconds for five long sources (every sentence is read for who speaks), too long
 * to hold the window. The page sends the comparison as the JSON parts it came in (strings cross to
 * a worker in one copy each), a part a message, then its head, and gets the glance back
 * (lib/glance.ts).
 */
import { COMPARISON_PARTS_ENCODING, comparisonFromParts, type ComparisonParts } from '../../../shared/contract/comparison-wire';
import { storyAtAGlance } from '../../../shared/core/glance';

type Message = { readonly part: ComparisonParts['parts'][number] } | { readonly head: string };

const scope = globalThis as unknown as {
  onmessage: ((event: { data: Message }) => void) | null;
  postMessage(message: unknown): void;
};

// The parts come first, one message each, then the head.
const parts: ComparisonParts['parts'][number][] = [];
scope.onmessage = (event) => {
  const message = event.data;
  if ('part' in message) {
    parts.push(message.part);
    return;
  }
  const wire: ComparisonParts = { encoding: COMPARISON_PARTS_ENCODING, head: message.head, parts };
  void comparisonFromParts(wire, () => Promise.resolve()).then(
    (comparison) => scope.postMessage({ ok: true, glance: storyAtAGlance(comparison) }),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
