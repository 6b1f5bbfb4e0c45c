import { describe, expect, it } from 'vitest';
import { initialState, reducer, type AppState, type OpenComparison } from '../../src/renderer/src/state/appState';

const open = (id: string, paths: string[]): OpenComparison =>
  ({
    id,
    comparison: { documents: paths.map((path) => ({ path, label: path, title: '', text: '', hash: '', paragraphs: [] })), groups: [], differences: [] },
    choices: [],
  }) as unknown as OpenComparison;

describe('focus requests', () => {
  it('each request is new (its seq grows) and shows the columns', () => {
    let state: AppState = { ...initialState, view: 'recent' };
    state = reducer(state, { type: 'focus', target: { doc: 1, paragraph: 4 } });
    expect(state.focus).toEqual({ doc: 1, paragraph: 4, seq: 1 });
    expect(state.view).toBe('comparison');
    expect(state.layout).toBe('columns');
    state = reducer(state, { type: 'focus', target: { doc: 1, paragraph: 4, start: 120 } });
    expect(state.focus).toEqual({ doc: 1, paragraph: 4, start: 120, seq: 2 });
  });

  it('a newly opened comparison drops the request', () => {
    let state = reducer(initialState, { type: 'opened', open: open('c1', ['/a', '/b']) });
    state = reducer(state, { type: 'focus', target: { doc: 0, paragraph: 0 } });
    expect(reducer(state, { type: 'opened', open: open('c2', ['/x', '/y']) }).focus).toBeNull();
    // Worked out again, its paragraphs and differences may be numbered afresh: dropped too.
    expect(reducer(state, { type: 'opened', open: open('c1', ['/a', '/b']), keep: true }).focus).toBeNull();
  });
});

describe('column order', () => {
  it('is kept by comparison, and carried over when a source is removed or added', () => {
    let state = reducer(initialState, { type: 'opened', open: open('c1', ['/a', '/b', '/c']) });
    state = reducer(state, { type: 'columnOrder', comparisonId: 'c1', paths: ['/c', '/a', '/b'] });
    // Remove /a: the rest keep their order.
    state = reducer(state, { type: 'opened', open: open('c2', ['/b', '/c']) });
    expect(state.columnOrders.c2).toEqual(['/c', '/b']);
    // Add /d: it comes at the end.
    state = reducer(state, { type: 'opened', open: open('c3', ['/b', '/c', '/d']) });
    expect(state.columnOrders.c3).toEqual(['/c', '/b', '/d']);
    // Back to the first comparison: its own order.
    state = reducer(state, { type: 'opened', open: open('c1', ['/a', '/b', '/c']) });
    expect(state.columnOrders.c1).toEqual(['/c', '/a', '/b']);
    // Other files beside some of these: a new comparison, in main's order.
    state = reducer(state, { type: 'opened', open: open('c8', ['/a', '/z']) });
    expect(state.columnOrders.c8).toBeUndefined();
    // Something else altogether: no order carried.
    state = reducer(state, { type: 'opened', open: open('c9', ['/x', '/y']) });
    expect(state.columnOrders.c9).toBeUndefined();
  });

  it('linked scrolling is on by default and can be switched off', () => {
    expect(initialState.linkedScrolling).toBe(true);
    expect(reducer(initialState, { type: 'linkedScrolling', on: false }).linkedScrolling).toBe(false);
  });
});

describe('the first view of a comparison', () => {
  it('is the story at a glance for something newly opened, and the layout chosen for the same sources again', () => {
    let state = reducer(initialState, { type: 'opened', open: open('c1', ['/a', '/b']) });
    expect(state.layout).toBe('glance');
    state = reducer(state, { type: 'layout', layout: 'columns' });
    // Worked out again (a label, a mark, the strictness), or with a source added, removed or located: the columns stay.
    expect(reducer(state, { type: 'opened', open: open('c1', ['/a', '/b']) }).layout).toBe('columns');
    expect(reducer(state, { type: 'opened', open: open('c2', ['/a', '/b', '/c']) }).layout).toBe('columns');
    expect(reducer(state, { type: 'opened', open: open('c3', ['/a', '/z']) }).layout).toBe('columns');
    // Other files: the glance first.
    expect(reducer(state, { type: 'opened', open: open('c4', ['/x', '/y']) }).layout).toBe('glance');
  });

  it('is the layout the person was in when they turned the glance off, the columns for the glance itself', () => {
    let state = reducer(initialState, { type: 'openAtGlance', on: false });
    expect(state.layout).toBe('glance');
    expect(reducer(state, { type: 'opened', open: open('c1', ['/a', '/b']) }).layout).toBe('columns');
    state = reducer(state, { type: 'layout', layout: 'events' });
    expect(reducer(state, { type: 'opened', open: open('c1', ['/a', '/b']) }).layout).toBe('events');
    expect(reducer(state, { type: 'openAtGlance', on: false })).toBe(state);
  });
});

describe('the sources’ text while a new comparison is worked out', () => {
  const texts = (paths: string[]) => paths.map((path) => ({ path, label: path, title: '', text: 'Dam fails.', paragraphs: [{ start: 0, end: 10, kind: 'body' as const }] }));

  it('shows the sources read in place of the comparison view, and the comparison replaces them when it arrives', () => {
    let state = reducer({ ...initialState, view: 'recent' }, { type: 'opened', open: open('c1', ['/a', '/b']) });
    state = reducer({ ...state, view: 'recent' }, { type: 'progress', progress: { done: 0.1, stage: 'Lining up paragraphs', documents: texts(['/x', '/y']) } });
    // Progress is progress: the text that may come with it is not kept there.
    expect(state.progress).toEqual({ done: 0.1, stage: 'Lining up paragraphs' });
    state = reducer(state, { type: 'sourcesRead', documents: texts(['/x', '/y']) });
    expect(state.preview?.documents.map((d) => d.path)).toEqual(['/x', '/y']);
    expect(state.view).toBe('comparison');
    // The comparison that was open is untouched meanwhile.
    expect(state.open?.id).toBe('c1');

    state = reducer(state, { type: 'opened', open: open('c2', ['/x', '/y']) });
    expect(state.preview).toBeNull();
    expect(state.progress).toBeNull();
    expect(state.open?.id).toBe('c2');
    expect(state.view).toBe('comparison');
  });

  it('Cancel leaves what was on screen before: the comparison and the view', () => {
    let state = reducer(initialState, { type: 'opened', open: open('c1', ['/a', '/b']) });
    state = { ...state, view: 'recent', busy: 'Opening 2 files…' };
    state = reducer(state, { type: 'progress', progress: null });
    state = reducer(state, { type: 'sourcesRead', documents: texts(['/x', '/y']) });
    expect(state.view).toBe('comparison');
    state = reducer(state, { type: 'cancelled' });
    expect(state.preview).toBeNull();
    expect(state.progress).toBeNull();
    expect(state.busy).toBeNull();
    expect(state.view).toBe('recent');
    expect(state.open?.id).toBe('c1');
  });

  it('a comparison that fails, or is superseded, takes its sources’ text with it', () => {
    let state = reducer(initialState, { type: 'opened', open: open('c1', ['/a', '/b']) });
    state = reducer(state, { type: 'sourcesRead', documents: texts(['/x', '/y']) });
    state = reducer(state, { type: 'busy', what: null });
    state = reducer(state, { type: 'progressDone' });
    expect(state.preview).toBeNull();
    expect(state.view).toBe('comparison');
    expect(state.open?.id).toBe('c1');
    // Nothing to take away: the same state.
    expect(reducer(state, { type: 'progressDone' })).toBe(state);
  });

  it('text read again for the same request replaces the text shown, and still goes back to the view before', () => {
    let state: AppState = { ...initialState, view: 'lexicon' };
    state = reducer(state, { type: 'sourcesRead', documents: texts(['/x']) });
    state = reducer(state, { type: 'sourcesRead', documents: texts(['/y']) });
    expect(state.preview).toEqual({ documents: texts(['/y']), returnTo: 'lexicon' });
    expect(reducer(state, { type: 'cancelled' }).view).toBe('lexicon');
  });
});
