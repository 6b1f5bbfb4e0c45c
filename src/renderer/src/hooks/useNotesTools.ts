import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CodebookImportResult, CodebookState, NoteExportFormat, SettingsState } from '../../../shared/contract/api';
import type { Codebook } from '../../../shared/contract/codebook';
import type { ParallaxActions } from './useParallax';
import { fileName, plural } from '../lib/messageWords';
import { useApi } from './useApi';

export const EXPORT_FORMATS: readonly { readonly format: NoteExportFormat; readonly name: string }[] = [
  { format: 'md', name: 'Markdown' },
  { format: 'csv', name: 'CSV (one row per coded passage)' },
  { format: 'json', name: 'JSON (Parallax notes)' },
  { format: 'jsonld', name: 'Web Annotation (JSON-LD)' },
  { format: 'html', name: 'HTML report' },
  { format: 'pdf', name: 'PDF report' },
  { format: 'qdpx', name: 'REFI-QDA project (.qdpx)' },
];

/** How an export is made: for a REFI-QDA project, whether Parallax's own analysis goes in too. */
export interface ExportChoices {
  readonly includeAnalysis?: boolean;
}

/**
 * What the notes panel needs of main beyond the notes themselves: the codebook (to tag, to add a
 * code in place, to edit), the author name, and exporting and importing notes. Failures and
 * results are told in the window's message area.
 */
export function useNotesTools(actions: ParallaxActions, open: { readonly id: string; readonly paths: readonly string[] } | null) {
  const { notify, reloadNotes } = actions;
  const call = useApi(useCallback((doing: string, message: string) => notify('error', doing, message), [notify]));
  const [codebook, setCodebook] = useState<CodebookState | null>(null);
  const [settings, setSettings] = useState<SettingsState | null>(null);

  useEffect(() => {
    void (async () => {
      const [book, mine] = await Promise.all([
        call('codebook:get', {}, 'The codebook could not be read'),
        call('settings:get', {}, 'Your settings could not be read'),
      ]);
      if (book) setCodebook(book);
      if (mine) setSettings(mine);
    })();
  }, [call]);

  const addCode = useCallback(
    async (label: string): Promise<string | undefined> => {
      const result = await call('codebook:addCode', { code: { label } }, `“${label}” could not be added to the codebook`);
      if (!result) return undefined;
      setCodebook({ codebook: result.codebook, changed: result.changed });
      return result.code.id;
    },
    [call],
  );

  const saveCodebook = useCallback(
    async (book: Codebook): Promise<boolean> => {
      const result = await call('codebook:save', { codebook: book }, 'The codebook could not be saved');
      if (result) setCodebook(result);
      return result !== undefined;
    },
    [call],
  );

  const resetCodebook = useCallback(async () => {
    const result = await call('codebook:reset', {}, 'The codebook could not be reset');
    if (result) {
      setCodebook(result);
      notify('info', 'The codebook is the default one again');
    }
  }, [call, notify]);

  const setAuthor = useCallback(
    async (author: string): Promise<boolean> => {
      const result = await call('settings:set', { author }, 'Your name could not be saved');
      if (result) setSettings(result);
      return result !== undefined;
    },
    [call],
  );

  const exportNotes = useCallback(
    async (format: NoteExportFormat, choices: ExportChoices = {}) => {
      if (!open) return;
      const name = EXPORT_FORMATS.find((f) => f.format === format)?.name ?? format;
      const analysis = format === 'qdpx' ? { includeAnalysis: choices.includeAnalysis ?? false } : {};
      const result = await call('notes:export', { comparisonId: open.id, paths: [...open.paths], format, ...analysis }, `The notes could not be exported as ${name}`);
      if (result && 'path' in result) notify('info', `The notes were saved as ${fileName(result.path)}`, result.path);
    },
    [call, notify, open],
  );

  const importNotes = useCallback(async () => {
    const result = await call('notes:import', {}, 'The notes could not be imported');
    if (!result || 'cancelled' in result) return;
    const detail = [
      `${plural(result.added, 'note')} added, ${plural(result.updated, 'note')} updated, ${plural(result.skipped, 'note')} skipped (already here).`,
      ...result.problems.slice(0, 5),
      ...(result.problems.length > 5 ? [`…and ${plural(result.problems.length - 5, 'more problem')}.`] : []),
    ].join(' ');
    notify(result.problems.length > 0 ? 'error' : 'info', `Imported notes from ${result.file}`, detail);
    await reloadNotes();
  }, [call, notify, reloadNotes]);

  /** Take the codes of a REFI-QDA codebook or project made in another program; the result, or null. */
  const importCodebook = useCallback(async (): Promise<CodebookImportResult | null> => {
    const result = await call('codebook:import', {}, 'The codebook could not be imported');
    if (!result || 'cancelled' in result) return null;
    setCodebook({ codebook: result.codebook, changed: result.changed });
    const detail = [
      `${plural(result.added.length, 'code')} added, ${plural(result.skipped.length, 'code')} skipped.`,
      ...result.skipped.slice(0, 5).map((skip) => `“${skip.label}”: ${skip.reason}.`),
      ...(result.skipped.length > 5 ? [`…and ${plural(result.skipped.length - 5, 'more code')} skipped.`] : []),
      ...result.notices,
    ].join(' ');
    notify('info', `Imported codes from ${result.file}`, detail);
    return result;
  }, [call, notify]);

  const codes = useMemo(
    () => (codebook?.codebook.codes ?? []).map((code) => ({ name: code.id, label: code.label, ...(code.description ? { description: code.description } : {}) })),
    [codebook],
  );

  return { codebook, settings, codes, addCode, saveCodebook, resetCodebook, importCodebook, setAuthor, exportNotes, importNotes };
}
