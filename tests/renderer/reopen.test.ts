// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor, type RenderHookResult } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiChannel, ComparisonProgress, MenuCommand, OpenComparisonResult, ParallaxBridge, RecentComparison, SourceText } from '../../src/shared/contract/api';
import { comparisonToParts } from '../../src/shared/contract/comparison-wire';
import type { Comparison } from '../../src/shared/contract/comparison';
import { PROGRESS_DELAY_MS } from '../../src/renderer/src/hooks/useComparison';
import type { LexiconSet } from '../../src/shared/contract/lexicon';
import { useParallax, type ParallaxActions } from '../../src/renderer/src/hooks/useParallax';
import type { AppState } from '../../src/renderer/src/state/appState';

/**
 * One way to a comparison (issue 15): every action that brings a comparison on screen goes through
 * `openComparison` (hooks/useComparison.ts), so each one says what it is doing while main works,
 * shows nothing asked for before a Cancel or superseded by a newer request, and loads the notes
 * of what it shows. A caller that asked main itself and showed the answer would fail here; the lint
 * rule in eslint.config.js keeps one from being written.
 *
 * `window.api` is a fake main: it answers every channel at once, except the channels that answer
 * with a comparison, which it holds until the test lets them answer.
 */

const COMPARING = new Set<string>(['comparison:open', 'comparison:openSample', 'source:setLabel', 'source:setParagraphKind', 'source:setEncoding', 'source:addText']);
const SAMPLE = ['/sample/wire.txt', '/sample/dispatch.txt'];

function comparisonOf(id: string, paths: readonly string[]): OpenComparisonResult {
  return {
    id,
    comparison: {
      schema: 'parallax.comparison/1',
      documents: paths.map((path) => ({ path, label: path, title: path, text: 'Dam fails.', paragraphs: [{ start: 0, end: 10, kind: 'body' }] })),
      groups: [],
      differences: [],
    },
    problems: [],
    choices: [],
  } as unknown as OpenComparisonResult;
}

interface Held {
  readonly channel: string;
  readonly request: { readonly paths?: readonly string[] };
  answer(id: string): void;
}

/** A main process in the test: what the page asked, and a way to answer what it holds. */
class FakeMain {
  readonly calls: { channel: string; request: unknown }[] = [];
  readonly held: Held[] = [];
  /** Hold the comparing channels until `answer` (off at start-up, so the sample opens at once). */
  hold = false;
  pending: string[] = [];
  /** Refuse the comparing channels with this error message. */
  refuse: string | null = null;
  /** Answer with the comparison in parts, as ipc.ts sends it (comparison-wire.ts). */
  inParts = false;
  private readonly menuListeners = new Set<(command: MenuCommand) => void>();
  private readonly progressListeners = new Set<(progress: ComparisonProgress) => void>();

  readonly api = {
    invoke: (channel: ApiChannel, request: unknown) => {
      this.calls.push({ channel, request });
      if (COMPARING.has(channel)) {
        if (this.refuse) return Promise.resolve({ ok: false, error: { code: 'unreadable', message: this.refuse } });
        const paths = (request as { paths?: readonly string[] }).paths ?? SAMPLE;
        const value = (id: string) => {
          const result = comparisonOf(id, paths);
          return this.inParts ? { ...result, comparison: comparisonToParts(result.comparison, 100) } : result;
        };
        if (!this.hold) return Promise.resolve({ ok: true, value: value('sample') });
        return new Promise((resolve) => {
          this.held.push({ channel, request: request as Held['request'], answer: (id) => resolve({ ok: true, value: value(id) }) });
        });
      }
      return Promise.resolve({ ok: true, value: this.answer(channel) });
    },
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      this.menuListeners.add(listener);
      return () => this.menuListeners.delete(listener);
    },
    onSourceChanged: () => () => undefined,
    onProgress: (listener: (progress: ComparisonProgress) => void) => {
      this.progressListeners.add(listener);
      return () => this.progressListeners.delete(listener);
    },
    pathForFile: (file: File) => `/dropped/${file.name}`,
  };

  menu(command: MenuCommand): void {
    for (const listener of this.menuListeners) listener(command);
  }

  /** Tell the page how far the comparison has got, as main does (with the sources' text, once). */
  progress(progress: ComparisonProgress): void {
    for (const listener of this.progressListeners) listener(progress);
  }

  channels(): string[] {
    return this.calls.map((call) => call.channel);
  }

  private answer(channel: ApiChannel): unknown {
    const lexicon = { lexicon: { version: 1, sets: [] }, changed: true };
    switch (channel) {
      case 'app:status':
        return { version: 't', dataDir: '/data', storeRecovery: null };
      case 'settings:get':
      case 'settings:set':
        return { author: '', authorFallback: 'Ana' };
      case 'comparison:pending':
        return { paths: this.pending };
      case 'comparison:cancel':
        return { cancelled: true };
      case 'files:pick':
        return { paths: ['/picked.txt'] };
      case 'notes:list':
        return [];
      case 'lexicon:import':
        return { ...lexicon, file: 'sets.json', added: 1, replaced: 0 };
      case 'lexicon:saveSet':
      case 'lexicon:removeSet':
      case 'lexicon:reset':
        return lexicon;
      default:
        throw new Error(`The fake main does not answer ${channel}`);
    }
  }
}

let main: FakeMain;
beforeEach(() => {
  main = new FakeMain();
  Object.defineProperty(window, 'api', { value: main.api as unknown as ParallaxBridge<File>, configurable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'api');
});

type Page = RenderHookResult<{ state: AppState; actions: ParallaxActions }, unknown>;

/** The page, started: the sample on screen, and main holding what is asked next. */
async function started(): Promise<Page> {
  const page = renderHook(() => useParallax());
  await waitFor(() => expect(page.result.current.state.open?.id).toBe('sample'));
  await waitFor(() => expect(page.result.current.state.busy).toBeNull());
  main.hold = true;
  return page;
}

const wordSet = { id: 'sharp', name: 'Sharp criticism', domain: 'loaded', terms: ['slammed'] } as unknown as LexiconSet;
const recent = { id: 'r', title: 'Dam', sources: [{ path: '/r1.txt', label: 'R1' }, { path: '/r2.txt', label: 'R2' }], openedAt: '', noteCount: 0 } satisfies RecentComparison;

/** Every way a comparison comes on screen: what starts it, what the window says meanwhile, what main is asked. */
const WAYS: readonly { way: string; busy: string; channel: string; run(actions: ParallaxActions): void }[] = [
  { way: 'files opened', busy: 'Opening 2 files…', channel: 'comparison:open', run: (a) => void a.openPaths(['/c.txt', '/d.txt']) },
  { way: 'the sample', busy: 'Opening the sample…', channel: 'comparison:openSample', run: (a) => void a.openSample() },
  { way: 'files picked', busy: 'Opening 1 file…', channel: 'comparison:open', run: (a) => void a.pickAndOpen() },
  { way: 'files dropped', busy: 'Opening 1 file…', channel: 'comparison:open', run: (a) => void a.openDropped([new File(['Dam fails.'], 'drop.txt')]) },
  {
    way: 'files given to Parallax (the open-pending menu command)',
    busy: 'Opening 1 file…',
    channel: 'comparison:open',
    run: () => {
      main.pending = ['/given.txt'];
      main.menu('open-pending');
    },
  },
  { way: 'the open-files menu command', busy: 'Opening 1 file…', channel: 'comparison:open', run: () => main.menu('open-files') },
  { way: 'a recent comparison', busy: 'Opening 2 files…', channel: 'comparison:open', run: (a) => void a.reopen(recent) },
  { way: 'the sources read again', busy: 'Reading the sources again…', channel: 'comparison:open', run: (a) => void a.reload() },
  { way: 'a moved source located', busy: 'Opening the file you located…', channel: 'comparison:open', run: (a) => void a.locate(SAMPLE[0]!) },
  { way: 'the strictness moved', busy: 'Comparing again…', channel: 'comparison:open', run: (a) => a.setThreshold(0.7) },
  { way: 'a source removed', busy: 'Comparing again without that source…', channel: 'comparison:open', run: (a) => void a.removeSource(0) },
  { way: 'a source added', busy: 'Adding 1 source…', channel: 'comparison:open', run: (a) => void a.addSources() },
  { way: 'a source renamed', busy: 'Renaming…', channel: 'source:setLabel', run: (a) => void a.renameSource(0, 'The Wire') },
  { way: 'a paragraph marked', busy: 'Comparing again…', channel: 'source:setParagraphKind', run: (a) => void a.markParagraph({ doc: 0, paragraph: 0 }, 'boilerplate') },
  { way: 'a source read in another encoding', busy: 'Reading the file again…', channel: 'source:setEncoding', run: (a) => void a.setEncoding(1, 'utf-16le') },
  { way: 'a refused file opened as text', busy: 'Opening notes.bin…', channel: 'source:setEncoding', run: (a) => void a.openAs('/notes.bin', 'utf-16le') },
  { way: 'pasted text', busy: 'Adding the pasted text…', channel: 'source:addText', run: (a) => void a.addPasted({ text: 'Dam fails at dawn' }) },
  { way: 'a word set saved', busy: 'Comparing again with your word sets…', channel: 'comparison:open', run: (a) => void a.saveWordSet(wordSet) },
  { way: 'a word set removed', busy: 'Comparing again with your word sets…', channel: 'comparison:open', run: (a) => void a.removeWordSet(wordSet) },
  { way: 'the word sets reset', busy: 'Comparing again with your word sets…', channel: 'comparison:open', run: (a) => void a.resetWordSets() },
  { way: 'word sets imported', busy: 'Comparing again with your word sets…', channel: 'comparison:open', run: (a) => void a.importWordSets() },
];

/** Start one way to a comparison and wait until main holds its request. */
async function ask(page: Page, run: (actions: ParallaxActions) => void): Promise<Held> {
  const before = main.held.length;
  act(() => run(page.result.current.actions));
  await waitFor(() => expect(main.held.length).toBe(before + 1));
  return main.held.at(-1)!;
}

describe('every way to a comparison goes through openComparison', () => {
  it.each(WAYS)('$way: says so meanwhile, shows the answer with its notes', async ({ busy, channel, run }) => {
    const page = await started();
    const held = await ask(page, run);
    expect(held.channel).toBe(channel);
    // A way that asks from a timer (the strictness, once it settles) is rendered a moment after main holds it.
    await waitFor(() => expect(page.result.current.state.busy).toBe(busy));

    await act(async () => held.answer('answered'));
    await waitFor(() => expect(page.result.current.state.open?.id).toBe('answered'));
    expect(page.result.current.state.busy).toBeNull();
    await waitFor(() => expect(main.calls).toContainEqual({ channel: 'notes:list', request: { comparisonId: 'answered' } }));
  });

  it.each(WAYS)('$way: nothing asked for before a Cancel is shown', async ({ run }) => {
    const page = await started();
    const held = await ask(page, run);
    await act(() => page.result.current.actions.cancelComparison());
    expect(page.result.current.state.busy).toBeNull();

    await act(async () => held.answer('too late'));
    // A caller that asked main itself would show this answer now.
    expect(page.result.current.state.open?.id).toBe('sample');
    expect(main.calls).not.toContainEqual({ channel: 'notes:list', request: { comparisonId: 'too late' } });
    expect(page.result.current.state.messages.map((m) => m.title)).toContain('Comparison cancelled');
  });
});

describe('the latest request wins', () => {
  it('a slow sample never replaces the files opened meanwhile, whichever answers first', async () => {
    const page = await started();
    const sample = await ask(page, (a) => void a.openSample());
    const files = await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    await act(async () => files.answer('files'));
    await waitFor(() => expect(page.result.current.state.open?.id).toBe('files'));
    await act(async () => sample.answer('slow sample'));
    expect(page.result.current.state.open?.id).toBe('files');
    expect(main.channels().filter((channel) => channel === 'notes:list')).toHaveLength(2); // the first sample's and the files'
  });

  it('start-up opens the files main holds, or else the sample', async () => {
    main.pending = ['/cli-a.txt', '/cli-b.txt'];
    const page = renderHook(() => useParallax());
    await waitFor(() => expect(page.result.current.state.open?.comparison.documents.map((doc) => doc.path)).toEqual(['/cli-a.txt', '/cli-b.txt']));
    expect(main.channels()).not.toContain('comparison:openSample');
  });
});

describe('a comparison main cannot give', () => {
  it('is told in the message area under what was being done; the one on screen stays', async () => {
    const page = await started();
    main.hold = false;
    main.refuse = 'c.txt is not there.';
    await act(() => page.result.current.actions.openPaths(['/c.txt']));
    expect(page.result.current.state.busy).toBeNull();
    expect(page.result.current.state.open?.id).toBe('sample');
    expect(page.result.current.state.messages.at(-1)).toMatchObject({ tone: 'error', title: 'The files could not be opened', detail: 'c.txt is not there.' });
  });
});

describe('the sources’ text first', () => {
  const texts = (paths: readonly string[]): SourceText[] =>
    paths.map((path) => ({ path, label: path, title: path, text: 'Dam fails.', paragraphs: [{ start: 0, end: 10, kind: 'body' }] }));
  const slow = () => new Promise((resolve) => setTimeout(resolve, PROGRESS_DELAY_MS + 100));

  it('a new comparison that takes a while shows its sources’ text, with its progress, until it arrives', async () => {
    const page = await started();
    const held = await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(['/c.txt', '/d.txt']) }));
    // Not at once: a comparison quicker than a moment goes straight from one screen to the next.
    expect(page.result.current.state.preview).toBeNull();
    await waitFor(() => expect(page.result.current.state.preview?.documents.map((doc) => doc.path)).toEqual(['/c.txt', '/d.txt']));
    expect(page.result.current.state.progress).toEqual({ done: 0, stage: 'Lining up paragraphs' });
    expect(page.result.current.state.open?.id).toBe('sample');

    await act(async () => held.answer('files'));
    await waitFor(() => expect(page.result.current.state.open?.id).toBe('files'));
    expect(page.result.current.state.preview).toBeNull();
    expect(page.result.current.state.progress).toBeNull();
  });

  it('text that comes once the comparison has been taking a while is shown at once', async () => {
    const page = await started();
    await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    await waitFor(() => expect(page.result.current.state.progress).not.toBeNull());
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(['/c.txt', '/d.txt']) }));
    expect(page.result.current.state.preview?.documents).toHaveLength(2);
  });

  it('Cancel takes the text away and leaves the comparison that was on screen', async () => {
    const page = await started();
    const held = await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(['/c.txt', '/d.txt']) }));
    await waitFor(() => expect(page.result.current.state.preview).not.toBeNull());
    await act(() => page.result.current.actions.cancelComparison());
    expect(page.result.current.state.preview).toBeNull();
    expect(page.result.current.state.open?.id).toBe('sample');
    await act(async () => held.answer('too late'));
    expect(page.result.current.state.open?.id).toBe('sample');
  });

  it('a comparison that fails takes its text away, and says why', async () => {
    const page = await started();
    main.hold = false;
    main.refuse = 'The comparison ran out of time.';
    const opening = act(() => page.result.current.actions.openPaths(['/c.txt', '/d.txt']));
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(['/c.txt', '/d.txt']) }));
    await opening;
    expect(page.result.current.state.preview).toBeNull();
    expect(page.result.current.state.open?.id).toBe('sample');
    expect(page.result.current.state.messages.at(-1)).toMatchObject({ tone: 'error', title: 'The files could not be opened', detail: 'The comparison ran out of time.' });
  });

  it('the comparison on screen worked out again stays on screen: no text instead of it', async () => {
    const page = await started();
    await ask(page, (a) => void a.renameSource(0, 'The Wire'));
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(SAMPLE) }));
    await slow();
    expect(page.result.current.state.progress).not.toBeNull();
    expect(page.result.current.state.preview).toBeNull();
  });

  it('the text of an earlier request, arriving late, is not shown for the files asked for now', async () => {
    const page = await started();
    await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    act(() => main.progress({ done: 0, stage: 'Lining up paragraphs', documents: texts(['/x.txt', '/y.txt']) }));
    await slow();
    expect(page.result.current.state.preview).toBeNull();
  });

  it('a comparison that comes in parts is put together as main worked it out', async () => {
    const page = await started();
    main.inParts = true;
    const held = await ask(page, (a) => void a.openPaths(['/c.txt', '/d.txt']));
    await act(async () => held.answer('in parts'));
    await waitFor(() => expect(page.result.current.state.open?.id).toBe('in parts'));
    expect(page.result.current.state.open?.comparison).toEqual(comparisonOf('in parts', ['/c.txt', '/d.txt']).comparison as Comparison);
  });
});
