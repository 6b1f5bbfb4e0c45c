import { basename } from 'node:path';
import { z } from 'zod';
import type { ApiHandlers, ApiValidRequest, CodebookImportResult, NoteExportFormat } from '../../shared/contract/api.js';
import type { Codebook } from '../../shared/contract/codebook.js';
import type { Comparison } from '../../shared/contract/comparison.js';
import { targetAnchors, type Note } from '../../shared/contract/notes.js';
import {
  comparisonReport,
  mergeNotes,
  notesToCsv,
  notesToJson,
  notesToJsonLd,
  notesToMarkdown,
  type ExportComparison,
  type NotesExport,
} from '../../shared/notes/export/index.js';
import { mergeRefiCodebook } from '../../shared/qda/codebook-import.js';
import { UserFacingError } from './dispatch.js';
import { writeFileDurably } from './durable-file.js';
import { FileRefusedError, readRegularTextFile } from './safe-read.js';
import { makeQdpx } from './qda/qdpx.js';
import { readRefiCodebookFile } from './qda/refi-read.js';
import type { NotesStore } from './store.js';

/**
 * Notes leaving the app (`notes:export`: Markdown, CSV, JSON, Web Annotation JSON-LD, an HTML
 * report, PDF, a REFI-QDA project) and coming back (`notes:import`, a `parallax.notes/1` file;
 * `codebook:import`, the codes of a REFI-QDA codebook or project). The formats are
 * notes-core's pure functions (src/shared/notes/export); this module asks where, works out the
 * comparisons the notes are placed on, and writes durably.
 */

/** What a save dialog is for: its title and the one kind of file it offers. */
export interface SaveDialogPurpose {
  readonly title: string;
  readonly filter: { readonly name: string; readonly extensions: string[] };
}

export interface NotesTransferOptions {
  readonly store: NotesStore;
  /** The codebook in use, whose labels the exports give the codes. */
  readonly codebook: () => Codebook;
  /**
   * Work out the comparison of these files as it stands now (with the person's choices), to place
   * the notes on; null when none of the files can be opened (the notes are then listed as orphans).
   */
  readonly compare: (paths: readonly string[]) => Promise<Comparison | null>;
  /** Ask where to save (Electron's save dialog in the app); null when the person cancels. */
  readonly pickSavePath?: (suggestedName: string, purpose: SaveDialogPurpose) => Promise<string | null>;
  /** Ask for a notes file to import (Electron's open dialog in the app); null when the person cancels. */
  readonly pickNotesFile?: () => Promise<string | null>;
  /**
   * Render an HTML document to PDF. In the app: Electron's printToPDF in a hidden, sandboxed
   * window with JavaScript off (src/main/pdf.ts); services never import Electron.
   */
  readonly printToPdf?: (html: string) => Promise<Uint8Array>;
  readonly now: () => Date;
  /** Ask for a REFI-QDA codebook (.qdc) or project (.qdpx) to take codes from; null when the person cancels. */
  readonly pickCodebookFile?: () => Promise<string | null>;
  /** The app's version, named as the origin of a REFI-QDA project. */
  readonly version?: string;
  /** Called after an import put comparisons on the recent list, for the native menu. */
  readonly onRecentChanged?: () => void;
}

const FORMATS: Record<NoteExportFormat, { extension: string; name: string }> = {
  md: { extension: 'md', name: 'Markdown' },
  csv: { extension: 'csv', name: 'CSV (spreadsheets, R, pandas)' },
  json: { extension: 'json', name: 'Parallax notes (JSON)' },
  jsonld: { extension: 'jsonld', name: 'Web Annotation (JSON-LD)' },
  html: { extension: 'html', name: 'HTML report' },
  pdf: { extension: 'pdf', name: 'PDF report' },
  qdpx: { extension: 'qdpx', name: 'REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)' },
};

/** Import reads at most this much: a notes file of tens of thousands of notes is far smaller. */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/** A short file name from a title: "Dam failure at Tessle" → "dam-failure-at-tessle". */
function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words || 'comparison';
}

/** The source files of a comparison: as remembered on the recent list, else the files its notes are on. */
function rememberedSources(store: NotesStore, comparisonId: string, notes: readonly Note[]): { title: string; sources: { path: string; label: string }[] } {
  const recent = store.listRecent().find((comparison) => comparison.id === comparisonId);
  if (recent) return { title: recent.title, sources: recent.sources.map(({ path, label }) => ({ path, label })) };
  const paths = [...new Set(notes.flatMap((note) => targetAnchors(note.target).map((anchor) => anchor.source)))];
  return { title: '', sources: paths.map((path) => ({ path, label: basename(path) })) };
}

/** The shape of the comparisons in a notes file, as far as import uses them (to list them in Recent). */
const importedComparisonsSchema = z.array(
  z.object({
    id: z.string().min(1).max(64),
    title: z.string().max(1_000),
    sources: z.array(z.object({ path: z.string().min(1).max(4_096), label: z.string().max(1_000) })).max(50),
  }),
);

export function createNotesTransferHandlers(options: NotesTransferOptions): Pick<ApiHandlers, 'notes:export' | 'notes:import' | 'codebook:import'> {
  const { store } = options;

  /** Every comparison the export covers, with its notes, placed on the comparison worked out now. */
  async function exportItems(request: ApiValidRequest<'notes:export'>): Promise<ExportComparison[]> {
    const all = store.listAllNotes();
    const ids = request.comparisonId !== undefined ? [request.comparisonId] : [...new Set(all.map((note) => note.comparisonId))];
    const items: ExportComparison[] = [];
    for (const id of ids) {
      const notes = all.filter((note) => note.comparisonId === id);
      const remembered = rememberedSources(store, id, notes);
      const paths = id === request.comparisonId && request.paths ? request.paths : remembered.sources.map((source) => source.path);
      let comparison: Comparison | null = null;
      if (paths.length > 0) {
        try {
          comparison = await options.compare(paths);
        } catch (error) {
          // The notes are still exported, as orphans with their quotes; the reason goes to the log.
          console.error(`Parallax could not compare the sources of ${id} again for the export:`, error);
        }
      }
      const title = remembered.title || comparison?.documents[0]?.title || comparison?.documents[0]?.label || 'Comparison';
      items.push({ id, title, notes, sources: remembered.sources, ...(comparison ? { comparison } : {}) });
    }
    return items;
  }

  return {
    'notes:export': async (request) => {
      const format = FORMATS[request.format];
      const isReport = request.format === 'html' || request.format === 'pdf';
      if (isReport && request.comparisonId === undefined) {
        throw new UserFacingError('An HTML or PDF report is of one comparison: open the comparison, then export its report.', 'invalid-request');
      }
      if (request.format === 'pdf' && !options.printToPdf) {
        throw new UserFacingError('Parallax cannot make a PDF here. Export the HTML report and print it from a browser instead.', 'failed');
      }
      if (!options.pickSavePath) throw new UserFacingError('Parallax cannot ask where to save here.', 'failed');
      // A REFI-QDA project with Parallax's analysis is worth having before any note is written.
      const withAnalysis = request.format === 'qdpx' && request.includeAnalysis === true;
      if (request.comparisonId !== undefined && !isReport && !withAnalysis && !store.listAllNotes().some((note) => note.comparisonId === request.comparisonId)) {
        const orAnalysis = request.format === 'qdpx' ? ", or include Parallax's analysis" : '';
        throw new UserFacingError(`This comparison has no notes yet, so there is nothing to export. Write a note first${orAnalysis}.`, 'not-found');
      }
      const recentTitle = request.comparisonId ? store.listRecent().find((comparison) => comparison.id === request.comparisonId)?.title : undefined;
      const suggested = request.comparisonId
        ? `${slug(recentTitle ?? '')}-${isReport ? 'report' : request.format === 'qdpx' ? 'project' : 'notes'}.${format.extension}`
        : `parallax-${request.format === 'qdpx' ? 'project' : 'notes'}.${format.extension}`;
      const path = await options.pickSavePath(suggested, {
        title: isReport ? 'Save the report' : 'Export notes',
        filter: { name: format.name, extensions: [format.extension] },
      });
      if (!path) return { cancelled: true };

      const items = await exportItems(request);
      const input: NotesExport = { comparisons: items, codebook: options.codebook(), exported: options.now().toISOString() };
      let content: string | Uint8Array;
      switch (request.format) {
        case 'md':
          content = notesToMarkdown(input);
          break;
        case 'csv':
          content = notesToCsv(input);
          break;
        case 'json':
          content = notesToJson(input);
          break;
        case 'jsonld':
          content = notesToJsonLd(input);
          break;
        case 'qdpx':
          content = makeQdpx({ ...input, includeAnalysis: withAnalysis, origin: `Parallax${options.version ? ` ${options.version}` : ''}` }).bytes;
          break;
        case 'html':
        case 'pdf': {
          const html = comparisonReport(items[0]!, { codebook: input.codebook, generated: input.exported });
          content = request.format === 'html' ? html : await options.printToPdf!(html);
          break;
        }
      }
      try {
        await writeFileDurably(path, content);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
        throw new UserFacingError(`The notes could not be saved as "${basename(path)}" (${code}). Choose another folder and try again.`, 'failed');
      }
      return { path };
    },

    'notes:import': async () => {
      if (!options.pickNotesFile) throw new UserFacingError('Parallax cannot ask for a file here.', 'failed');
      const path = await options.pickNotesFile();
      if (!path) return { cancelled: true };
      const file = basename(path);
      let value: unknown;
      try {
        // Only an ordinary file of at most 100 MB: a pipe or a device is refused unread (safe-read.ts).
        value = JSON.parse((await readRegularTextFile(path, { maxBytes: MAX_IMPORT_BYTES, what: 'the notes file' })).replace(/^\uFEFF/, ''));
      } catch (error) {
        if (error instanceof FileRefusedError && error.reason === 'too-large') {
          throw new UserFacingError(`"${file}" is larger than 100 MB, too large to be a Parallax notes file. Nothing was imported.`, 'unreadable');
        }
        if (error instanceof FileRefusedError) throw new UserFacingError(`"${file}" could not be imported: ${error.message} Nothing was imported.`, 'unreadable');
        const code = (error as NodeJS.ErrnoException).code;
        const why = error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : `it could not be read (${code ?? String(error)})`;
        throw new UserFacingError(`"${file}" could not be imported: ${why}. Nothing was imported.`, 'unreadable');
      }
      const refuse = (problems: readonly string[]): never => {
        const shown = problems.slice(0, 3).join('; ');
        const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
        throw new UserFacingError(`"${file}" could not be imported: ${shown}${more}. Nothing was imported.`, 'invalid-request');
      };
      const result = await store.replaceNotes((existing) => {
        const merge = mergeNotes(existing, value);
        // A file that is not a notes file, or whose notes all fail, is refused whole.
        if (merge.problems.length > 0 && merge.added + merge.updated + merge.skipped === 0) refuse(merge.problems);
        return { notes: merge.notes, result: merge };
      });
      // Comparisons the imported notes belong to are put on the recent list, so they can be opened.
      const listed = new Set(store.listRecent().map((comparison) => comparison.id));
      const comparisons = importedComparisonsSchema.safeParse((value as { comparisons?: unknown } | null)?.comparisons);
      if (result.added > 0 && comparisons.success) {
        const withNotes = new Set(store.listAllNotes().map((note) => note.comparisonId));
        for (const comparison of comparisons.data) {
          if (!listed.has(comparison.id) && withNotes.has(comparison.id)) {
            await store.touchComparison(comparison);
            listed.add(comparison.id);
          }
        }
        options.onRecentChanged?.();
      }
      return { file, added: result.added, updated: result.updated, skipped: result.skipped, problems: result.problems };
    },

    'codebook:import': async (): Promise<CodebookImportResult | { cancelled: true }> => {
      if (!options.pickCodebookFile) throw new UserFacingError('Parallax cannot ask for a file here.', 'failed');
      const path = await options.pickCodebookFile();
      if (!path) return { cancelled: true };
      const file = basename(path);
      const read = await readRefiCodebookFile(path);
      if (!read.ok) throw new UserFacingError(`"${file}" could not be imported: ${read.problem}. The codebook was not changed.`, 'unreadable');
      const merge = mergeRefiCodebook(options.codebook(), read.codebook);
      if (merge.added.length > 0) await store.setCodebook(merge.codebook);
      return {
        file,
        codebook: options.codebook(),
        changed: store.codebook() !== null,
        added: merge.added.map((code) => code.label),
        skipped: merge.skipped,
        notices: merge.notices,
      };
    },
  };
}
