import { useCallback, useMemo } from 'react';
import type { SourceChange, TextEncoding } from '../../../shared/contract/api';
import type { ParagraphRef } from '../lib/comparisonIndex';
import { fileName, nameForPaste, plural } from '../lib/messageWords';
import { pathsOnScreen } from '../state/appState';
import { useSourceChanges } from './useApi';
import type { AppCore } from './useAppState';
import type { ComparisonOpener, ComparisonRequest } from './useComparison';

/**
 * Owns the sources of the comparison on screen: naming them, marking their paragraphs, reading
 * them in another encoding, adding (files, pasted text) and removing them, and what happened to
 * them on disk (read again, located after a move). Every change brings the comparison back through
 * `openComparison`: in place when it is the same comparison, as newly opened when the sources differ.
 */

/** The most sources a comparison shows side by side (issue 6: 2 to 12 columns). */
export const MAX_SOURCES = 12;

export interface SourcesActions {
  /** Rename a source of the open comparison; '' goes back to the name Parallax found. */
  renameSource(doc: number, label: string): Promise<void>;
  /** Mark a paragraph as article text or junk; null takes the mark away. */
  markParagraph(ref: ParagraphRef, kind: 'body' | 'boilerplate' | null): Promise<void>;
  /** Read a source again with another encoding; null: let Parallax detect it. */
  setEncoding(doc: number, encoding: TextEncoding | null): Promise<void>;
  /** Open a file refused as not being text, in the encoding the person chose, beside the sources open. */
  openAs(path: string, encoding: TextEncoding): Promise<void>;
  /** Add pasted text (and the clipboard's HTML, if any) as a new source. */
  addPasted(paste: { text: string; html?: string }): Promise<void>;
  /** Read every source of the open comparison again from disk. */
  reload(): Promise<void>;
  /** Pick the file a moved source is now, and open the comparison with it in its place. */
  locate(path: string): Promise<void>;
  dismissSourceChange(path: string): void;
  /** Compare again without one source; its notes stay in the store. */
  removeSource(doc: number): Promise<void>;
  /** Pick files and add them to the comparison on screen, as columns at the end. */
  addSources(): Promise<void>;
}

/** A change main makes to one source and answers with the comparison read again. */
type SourceEdit = Extract<ComparisonRequest, { channel: `source:${string}` }>;

export function useSources({ dispatch, latest, call, notify }: AppCore, { openComparison }: ComparisonOpener): SourcesActions {
  /**
   * Send a change about a source of the open comparison; it comes back in place (selection and
   * notes kept when it is the same comparison), but for added text, which makes a new one.
   */
  const editSource = useCallback(
    (edit: SourceEdit, failure: string, busy: string) => openComparison(edit, { busy, failure, keep: edit.channel !== 'source:addText' }),
    [openComparison],
  );

  const renameSource = useCallback(
    async (doc: number, label: string) => {
      const state = latest();
      const source = state.open?.comparison.documents[doc];
      if (!source) return;
      await editSource(
        { channel: 'source:setLabel', request: { paths: pathsOnScreen(state), path: source.path, label: label.trim() } },
        `“${source.label}” could not be renamed`,
        'Renaming…',
      );
    },
    [editSource, latest],
  );

  const markParagraph = useCallback(
    async (ref: ParagraphRef, kind: 'body' | 'boilerplate' | null) => {
      const state = latest();
      const source = state.open?.comparison.documents[ref.doc];
      if (!source) return;
      await editSource(
        { channel: 'source:setParagraphKind', request: { paths: pathsOnScreen(state), path: source.path, paragraph: ref.paragraph, kind } },
        'The paragraph could not be marked',
        'Comparing again…',
      );
    },
    [editSource, latest],
  );

  const setEncoding = useCallback(
    async (doc: number, encoding: TextEncoding | null) => {
      const state = latest();
      const source = state.open?.comparison.documents[doc];
      if (!source) return;
      await editSource(
        { channel: 'source:setEncoding', request: { paths: pathsOnScreen(state), path: source.path, encoding } },
        `“${source.label}” could not be read again`,
        'Reading the file again…',
      );
    },
    [editSource, latest],
  );

  const openAs = useCallback(
    async (path: string, encoding: TextEncoding) => {
      // The encoding is remembered for the file, as a choice in its column would be, and the
      // comparison is opened again with the file among its sources.
      const onScreen = pathsOnScreen(latest());
      const paths = onScreen.includes(path) ? onScreen : [...onScreen, path];
      await editSource({ channel: 'source:setEncoding', request: { paths, path, encoding } }, `“${fileName(path)}” could not be opened`, `Opening ${fileName(path)}…`);
    },
    [editSource, latest],
  );

  const addPasted = useCallback(
    async (paste: { text: string; html?: string }) => {
      const text = paste.text;
      const html = paste.html && paste.html.trim() !== '' ? paste.html : undefined;
      if (text.trim() === '' && !html) {
        notify('error', 'There was nothing to paste', 'Copy the article’s text (or the article in your browser), then paste again.');
        return;
      }
      dispatch({ type: 'paste', open: false });
      await editSource(
        { channel: 'source:addText', request: { paths: pathsOnScreen(latest()).slice(0, 49), name: nameForPaste(text), text, ...(html ? { html } : {}) } },
        'The pasted text could not be added',
        'Adding the pasted text…',
      );
    },
    [dispatch, editSource, latest, notify],
  );

  const reload = useCallback(async () => {
    const paths = pathsOnScreen(latest());
    if (paths.length === 0) return;
    await openComparison({ channel: 'comparison:open', request: { paths } }, { busy: 'Reading the sources again…', failure: 'The sources could not be read again', keep: true });
  }, [latest, openComparison]);

  const locate = useCallback(
    async (path: string) => {
      const picked = await call('files:pick', {}, 'The file could not be chosen');
      const replacement = picked?.paths[0];
      if (!replacement) return;
      const paths = pathsOnScreen(latest()).map((other) => (other === path ? replacement : other));
      // Main moves the notes written on the old file to the new one, so they show here.
      await openComparison(
        { channel: 'comparison:open', request: { paths, relink: { from: path, to: replacement } } },
        { busy: 'Opening the file you located…', failure: 'The file could not be opened' },
      );
    },
    [call, latest, openComparison],
  );

  const removeSource = useCallback(
    async (doc: number) => {
      const state = latest();
      const source = state.open?.comparison.documents[doc];
      if (!source) return;
      const paths = pathsOnScreen(state).filter((path) => path !== source.path);
      if (paths.length === 0) return;
      // Worded without the source's name, which blind mode may be hiding.
      await openComparison({ channel: 'comparison:open', request: { paths } }, { busy: 'Comparing again without that source…', failure: 'The source could not be removed' });
    },
    [latest, openComparison],
  );

  const addSources = useCallback(async () => {
    const picked = await call('files:pick', {}, 'Files could not be chosen');
    if (!picked || picked.paths.length === 0) return;
    const current = pathsOnScreen(latest());
    const added = picked.paths.filter((path) => !current.includes(path));
    if (added.length === 0) {
      notify('info', 'Those files are already in the comparison');
      return;
    }
    const paths = [...current, ...added];
    if (paths.length > MAX_SOURCES) {
      notify('error', `A comparison holds at most ${MAX_SOURCES} sources`, `Remove a column first, or add fewer files (${MAX_SOURCES - current.length} more fit).`);
      return;
    }
    await openComparison({ channel: 'comparison:open', request: { paths } }, { busy: `Adding ${plural(added.length, 'source')}…`, failure: 'The files could not be added' });
  }, [call, latest, notify, openComparison]);

  // A source changed or vanished on disk: its column offers Reload or Locate… until dismissed.
  useSourceChanges(
    useCallback(
      (change: SourceChange) => {
        dispatch({ type: 'sourceChanged', path: change.path, change: change.change });
      },
      [dispatch],
    ),
  );
  const dismissSourceChange = useCallback((path: string) => dispatch({ type: 'sourceChangeDismissed', path }), [dispatch]);

  return useMemo<SourcesActions>(
    () => ({ renameSource, markParagraph, setEncoding, openAs, addPasted, reload, locate, dismissSourceChange, removeSource, addSources }),
    [renameSource, markParagraph, setEncoding, openAs, addPasted, reload, locate, dismissSourceChange, removeSource, addSources],
  );
}
