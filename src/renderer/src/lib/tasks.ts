/**
 * Work done in pieces on the page's main thread, so that the window keeps painting and answering:
 * the pauses between the pieces.
 */

/**
 * Until the page's next task: what is waiting meanwhile (a paint, a click, a key) goes first. A
 * message to itself, an ordinary task: a timer would wait at least 4 ms after a few in a row, and
 * `scheduler.yield()` resumes ahead of the paint, so a run of them would still hold the frame.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause for work done in pieces: it goes on to the next task (`nextTask`) only once about
 * `budgetMs` of work have run since the last time it did, and returns at once otherwise, so that
 * small pieces are not spread thinner than they need to be.
 */
export function pauseEvery(budgetMs = 25): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < budgetMs) return;
    await nextTask();
    since = performance.now();
  };
}
