import { z } from 'zod';
import type { Comparison, SourceDocument } from './comparison.js';
import type { ComparisonParts } from './comparison-wire.js';
import { lexiconSetSchema, type Lexicon } from './lexicon.js';
import { noteInputSchema, type Note } from './notes.js';
import { codebookCodeSchema, codebookSchema, type Codebook, type CodebookCode } from './codebook.js';
import { TEXT_ENCODINGS, type TextEncoding } from './encodings.js';

/** The person's codebook as the API carries it: `parallax.codebook/1`, defined in codebook.ts. */
export { codebookCodeSchema, codebookSchema, type Codebook, type CodebookCode } from './codebook.js';

/**
 * The one typed API between the page and the main process.
 *
 * Each channel has a request schema (checked where the request enters main) and a response type.
 * Main implements every channel (`ApiHandlers` makes a missing one a compile error), the preload
 * exposes exactly these channels, and the page reaches them only through `window.api.invoke`.
 */

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);
const filePath = z.string().min(1).max(4_096);
/** The sources of the comparison on screen, so that main can compare them again after a change. */
const comparisonPaths = z.array(filePath).min(1).max(50);

/** Text encodings a person can choose when a file was decoded wrongly (encodings.ts). */
export { TEXT_ENCODINGS, type TextEncoding } from './encodings.js';

/**
 * The files notes can be exported as: Markdown, CSV, Parallax JSON, W3C Web Annotation JSON-LD, an
 * HTML report, PDF, and a REFI-QDA project (.qdpx) for MAXQDA, NVivo, ATLAS.ti and QualCoder.
 */
export const NOTE_EXPORT_FORMATS = ['md', 'csv', 'json', 'jsonld', 'html', 'pdf', 'qdpx'] as const;
export type NoteExportFormat = (typeof NOTE_EXPORT_FORMATS)[number];

/** What a person may say a paragraph is; `null` goes back to what Parallax decided. */
export const PARAGRAPH_KIND_CHOICES = ['body', 'boilerplate'] as const;

export const apiRequestSchemas = {
  /**
   * Open files as one comparison. `relink`: the person located a moved or deleted source `from`
   * at `to` (one of `paths`); its notes and what they decided about it move to the new file.
   * `threshold`: how alike paragraphs must be to be lined up, from 0 (loose) to 1 (strict); main
   * keeps it for the comparisons that follow (renaming a source, marking a paragraph, …). Without
   * it, the setting last asked for, or the default.
   */
  'comparison:open': z
    .object({
      paths: z.array(z.string().min(1).max(4_096)).min(1).max(50),
      relink: z.object({ from: filePath, to: filePath }).strict().optional(),
      threshold: z.number().min(0).max(1).optional(),
    })
    .strict(),
  /**
   * Stop the comparison being worked out, if any. The request that asked for it answers with the
   * error code `cancelled`; the comparison on screen stays.
   */
  'comparison:cancel': empty,
  /** Open the bundled sample comparison. */
  'comparison:openSample': empty,
  /**
   * Files main was asked to open (command line, a second launch, the OS, the Recent menu), handed
   * over once: the page asks on start-up and on the `open-pending` menu command, then opens them
   * with `comparison:open`. An empty list on start-up means "show the sample".
   */
  'comparison:pending': empty,
  /** The comparisons opened before, newest first. */
  'comparison:recent': empty,
  /** Take a comparison off the recent list (its notes stay in the store). */
  'comparison:forget': z.object({ id }).strict(),
  /** Ask the person to pick files to open. */
  'files:pick': empty,
  'notes:list': z.object({ comparisonId: id }).strict(),
  /** Every note in the store, of every comparison (for exports and overviews). */
  'notes:listAll': empty,
  /**
   * Add a note (no id) or change one (its id): any target kind. A new note without `author` gets
   * the author name from the settings; a changed note keeps its author and creation time.
   */
  'notes:save': noteInputSchema.strict(),
  'notes:delete': z.object({ id }).strict(),
  /**
   * Ask where to save, and write the notes there in `format`. With `comparisonId`, that
   * comparison's notes (its sources are `paths` when given, else those remembered for it); without,
   * every note in the store. The HTML report and PDF are of one comparison, so they need one.
   * `includeAnalysis` (qdpx only): Parallax's own analysis (differences by kind, aligned passages)
   * goes into the project too, which then needs no notes.
   */
  'notes:export': z
    .object({ comparisonId: id.optional(), paths: comparisonPaths.optional(), format: z.enum(NOTE_EXPORT_FORMATS), includeAnalysis: z.boolean().optional() })
    .strict(),
  /**
   * Ask for a Parallax notes file (JSON, `parallax.notes/1`) and merge its notes: none twice, the
   * newer of two versions of a note kept. A file that does not fit is refused, the store untouched.
   */
  'notes:import': empty,
  /** The person's settings: the author name written on new notes, and the Matching setting. */
  'settings:get': empty,
  /**
   * Change one setting or both; what is not given stays. `author`: the name on new notes ('' goes
   * back to the computer account's name; whitespace is tidied). `threshold`: the Matching setting,
   * from 0 (loose) to 1 (strict), used by the comparisons that follow and on the next start; null
   * goes back to the default.
   */
  'settings:set': z
    .object({
      author: z.string().max(1_000).transform(tidyName).pipe(z.string().max(200, 'an author name can be at most 200 characters')).optional(),
      threshold: z.number().min(0).max(1).nullable().optional(),
    })
    .strict()
    .refine((request) => request.author !== undefined || request.threshold !== undefined, 'give a setting to change: author or threshold'),
  /** The codebook in use (the person's, or the default shipped with Parallax) for tagging notes. */
  'codebook:get': empty,
  /** Keep this codebook as the person's. */
  'codebook:save': z.object({ codebook: codebookSchema }).strict(),
  /**
   * Add a code while tagging: by its label alone (main makes its id), or with an id. A code with
   * the same id or label is not added twice: the answer's `code` is the one in the codebook.
   */
  'codebook:addCode': z
    .object({ code: codebookCodeSchema.partial({ id: true, description: true }) })
    .strict(),
  /** Forget the person's codebook: back to the default. */
  'codebook:reset': empty,
  /**
   * Ask for a codebook made in another QDA program (REFI-QDA: a .qdc codebook or a .qdpx project)
   * and merge its codes into the codebook in use. A file that does not read is refused, the
   * codebook untouched.
   */
  'codebook:import': empty,
  /** Facts the page shows: version, where the data lives, and anything the store had to recover. */
  'app:status': empty,
  /** Rename a source's label (remembered for that file); '' goes back to the default. Compares again. */
  'source:setLabel': z.object({ paths: comparisonPaths, path: filePath, label: z.string().max(120) }).strict(),
  /** Mark a paragraph as article text or as junk (remembered for that file). Compares again. */
  'source:setParagraphKind': z
    .object({
      paths: comparisonPaths,
      path: filePath,
      paragraph: z.number().int().nonnegative(),
      kind: z.enum(PARAGRAPH_KIND_CHOICES).nullable(),
    })
    .strict(),
  /** Read a text file again with the encoding the person chose (remembered); null: detect again. */
  'source:setEncoding': z.object({ paths: comparisonPaths, path: filePath, encoding: z.enum(TEXT_ENCODINGS).nullable() }).strict(),
  /**
   * Add pasted text (plain, or HTML from the clipboard) as a source: main keeps it as a file in the
   * data folder, so it can be reopened like any other, and compares again with it added.
   */
  'source:addText': z
    .object({
      paths: z.array(filePath).max(49),
      name: z.string().max(200),
      text: z.string().max(25 * 1024 * 1024),
      html: z.string().max(25 * 1024 * 1024).optional(),
    })
    .strict(),
  /** The lexicon comparisons use now: the default sets with the person's changes. */
  'lexicon:get': empty,
  /** Add a word set, or replace the set with its id (a default one, or one of the person's). */
  'lexicon:saveSet': z.object({ set: lexiconSetSchema.strict() }).strict(),
  /** Remove a word set by id (a default one is hidden until the lexicon is reset). */
  'lexicon:removeSet': z.object({ id: lexiconSetSchema.shape.id }).strict(),
  /** Forget every change: back to the default sets. */
  'lexicon:reset': empty,
  /** Ask where to save the lexicon in use, and write it there as a lexicon file. */
  'lexicon:export': empty,
  /**
   * Ask for a lexicon file and merge its sets: a set with a new id is added, one with an id in use
   * replaces that set. A file that does not fit the format is refused, with its first problems.
   */
  'lexicon:import': empty,
} as const;

/** Runs of whitespace (line breaks, tabs) become one space, other control characters go; none at either end. */
function tidyName(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export type ApiChannel = keyof typeof apiRequestSchemas;
export const API_CHANNELS = Object.keys(apiRequestSchemas) as ApiChannel[];

/** A file that could not be opened, and why, in words for the person. */
export interface OpenProblem {
  readonly path: string;
  readonly message: string;
  /**
   * True when the file was refused as not being text but might be text in an encoding Parallax did
   * not recognise: the page may offer to open it as one the person chooses (`source:setEncoding`).
   */
  readonly encodingChoice?: true;
}

export interface OpenComparisonResult {
  /** Stable for the same set of sources, so that reopening finds the same notes. */
  readonly id: string;
  readonly comparison: Comparison;
  /** Files that could not be opened; the comparison holds the rest. */
  readonly problems: readonly OpenProblem[];
  /**
   * What the person decided about each source, one entry per `comparison.documents` entry, in the
   * same order, so the page can say "marked by you" and show the encoding they chose.
   */
  readonly choices?: readonly SourceChoices[];
}

/** What a person decided about one source of a comparison (remembered for its file). */
export interface SourceChoices {
  readonly path: string;
  /** Their label, when they renamed the source. */
  readonly label?: string;
  /** The encoding they chose to read the file with. */
  readonly encoding?: TextEncoding;
  /** Paragraphs (indices into the document's `paragraphs`) they marked as article text or junk. */
  readonly kinds: readonly { readonly paragraph: number; readonly kind: (typeof PARAGRAPH_KIND_CHOICES)[number] }[];
}

export interface RecentComparison {
  readonly id: string;
  readonly title: string;
  readonly sources: readonly { readonly path: string; readonly label: string }[];
  readonly openedAt: string;
  readonly noteCount: number;
}

export interface AppStatus {
  readonly version: string;
  readonly dataDir: string;
  /** Set when the store was damaged and was moved aside: what happened, in words for the person. */
  readonly storeRecovery: string | null;
  /** True when the notes could only be opened read-only (`storeRecovery` says why); absent otherwise. */
  readonly storeReadOnly?: boolean;
}

/** The lexicon in use, and whether it differs from the default. */
export interface LexiconState {
  readonly lexicon: Lexicon;
  /** Whether the person changed anything (so "Reset to default" has something to do). */
  readonly changed: boolean;
}

/** What `lexicon:import` did: the lexicon now in use, and how many sets were added and replaced. */
export interface LexiconImportResult extends LexiconState {
  readonly file: string;
  readonly added: number;
  readonly replaced: number;
}

/** The person's settings, and the name used while they have not set one. */
export interface SettingsState {
  /** The author name written on new notes; '' when the person has not set one. */
  readonly author: string;
  /** The name new notes get while `author` is '' (the computer account's name). */
  readonly authorFallback: string;
  /** The Matching setting the person chose (0 loose … 1 strict); absent while they use the default. */
  readonly threshold?: number;
}

/** The codebook in use, and whether it is the person's own (so "Reset to default" has something to do). */
export interface CodebookState {
  readonly codebook: Codebook;
  readonly changed: boolean;
}

/** What `codebook:import` did: the codebook now in use, the codes added, those skipped and why. */
export interface CodebookImportResult extends CodebookState {
  /** The file's name. */
  readonly file: string;
  /** The labels of the codes added. */
  readonly added: readonly string[];
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
  /** What the file has that the codebook cannot keep (colours, sets), in sentences. */
  readonly notices: readonly string[];
}

/** What `notes:import` did. `problems`: notes in the file that could not be taken, in words. */
export interface NoteImportResult {
  /** The file's name. */
  readonly file: string;
  readonly added: number;
  readonly updated: number;
  readonly skipped: number;
  readonly problems: readonly string[];
}

interface ApiResponses {
  'comparison:open': OpenComparisonResult;
  'comparison:openSample': OpenComparisonResult;
  'comparison:pending': { readonly paths: readonly string[] };
  'comparison:recent': readonly RecentComparison[];
  'comparison:forget': readonly RecentComparison[];
  'comparison:cancel': { readonly cancelled: boolean };
  'files:pick': { readonly paths: readonly string[] };
  'notes:list': readonly Note[];
  'notes:listAll': readonly Note[];
  'notes:save': Note;
  'notes:delete': { readonly deleted: boolean };
  'notes:export': { readonly path: string } | { readonly cancelled: true };
  'notes:import': NoteImportResult | { readonly cancelled: true };
  'settings:get': SettingsState;
  'settings:set': SettingsState;
  'codebook:get': CodebookState;
  'codebook:save': CodebookState;
  'codebook:addCode': CodebookState & { readonly code: CodebookCode };
  'codebook:reset': CodebookState;
  'codebook:import': CodebookImportResult | { readonly cancelled: true };
  'app:status': AppStatus;
  'source:setLabel': OpenComparisonResult;
  'source:setParagraphKind': OpenComparisonResult;
  'source:setEncoding': OpenComparisonResult;
  'source:addText': OpenComparisonResult;
  'lexicon:get': LexiconState;
  'lexicon:saveSet': LexiconState;
  'lexicon:removeSet': LexiconState;
  'lexicon:reset': LexiconState;
  'lexicon:export': { readonly path: string } | { readonly cancelled: true };
  'lexicon:import': LexiconImportResult | { readonly cancelled: true };
}

export type ApiRequest<C extends ApiChannel> = z.input<(typeof apiRequestSchemas)[C]>;
export type ApiValidRequest<C extends ApiChannel> = z.output<(typeof apiRequestSchemas)[C]>;
export type ApiResponse<C extends ApiChannel> = ApiResponses[C];

/** An error the person can act on. `code` is for programs, `message` for people. */
export interface ApiError {
  /** `cancelled`: the person (or a newer request) stopped the work; nothing went wrong. */
  readonly code: 'invalid-request' | 'not-found' | 'unreadable' | 'failed' | 'cancelled';
  readonly message: string;
}

/** Every call answers with a value or an error; nothing is thrown across the process boundary. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** Main implements one handler per channel, on validated requests. */
export type ApiHandlers = {
  readonly [C in ApiChannel]: (request: ApiValidRequest<C>) => Promise<ApiResponse<C>>;
};

/** Commands the native menu sends to the page. */
export const MENU_COMMANDS = [
  'open-files',
  'open-sample',
  /** Main has files waiting: ask `comparison:pending` for them and open them. */
  'open-pending',
  'show-recent',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  /** Open the box to paste an article as a source. */
  'paste-source',
  'show-comparison',
  'show-word-sets',
  /** Presentation mode on or off (F5). */
  'toggle-presentation',
  /** Blind mode on or off. */
  'toggle-blind',
  /** In blind mode: show the real names, or hide them again. */
  'toggle-reveal',
  'theme-system',
  'theme-light',
  'theme-dark',
  'theme-contrast',
  /** The in-app dialog listing every keyboard shortcut. */
  'show-shortcuts',
  /** Open the differences list and put the focus in its search field. */
  'find-differences',
  /** The ways to see a comparison (the tabs above it). */
  'layout-glance',
  'layout-columns',
  'layout-event',
  'layout-claims',
  'layout-coverage',
  /** The differences list on or off. */
  'toggle-differences',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'menu:command' as const;
/**
 * Preload → main only (not a channel the page can call): the path of a file dropped on the window,
 * read by the preload from the dropped File, so that the page may then open it.
 */
export const DROPPED_FILE_CHANNEL = 'files:dropped' as const;

/**
 * What the preload puts on `window.api`, and all the page may use of the main process.
 * `TFile` is the DOM's File in the page; the pure core knows no DOM.
 */
export interface ParallaxBridge<TFile = unknown> {
  invoke<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<ApiResult<ApiWireResponse<C>>>;
  /** Listen for menu commands; returns a function that stops listening. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The file system path of a dropped file, or '' when it has none. */
  pathForFile(file: TFile): string;
  /** Listen for sources of the open comparison changing or vanishing on disk; returns an unsubscribe. */
  onSourceChanged(listener: (change: SourceChange) => void): () => void;
  /** Listen for how far the comparison being worked out has got; returns an unsubscribe. */
  onProgress(listener: (progress: ComparisonProgress) => void): () => void;
}

/** A source file of the open comparison changed or vanished on disk. */
export interface SourceChange {
  readonly path: string;
  readonly change: 'changed' | 'removed';
}
export const SOURCE_CHANGED_CHANNEL = 'source:changed' as const;

/**
 * An answer as it crosses to the page: a comparison comes as JSON text in parts, which the page puts
 * together a part at a time (comparison-wire.ts), so that a long one never holds the window.
 */
export type ApiWireResponse<C extends ApiChannel> = ApiResponse<C> extends { readonly comparison: Comparison }
  ? Omit<ApiResponse<C>, 'comparison'> & { readonly comparison: ComparisonParts }
  : ApiResponse<C>;

/** A source as read, before it is compared: what the page shows of it while the comparison is worked out. */
export type SourceText = Pick<SourceDocument, 'path' | 'label' | 'title' | 'text' | 'paragraphs'>;

/** How far the comparison being worked out has got: `done` from 0 to 1, `stage` in words for people. */
export interface ComparisonProgress {
  readonly done: number;
  readonly stage: string;
  /**
   * The sources as read, with the person's labels and marks, in the comparison's order: sent once
   * per comparison, as soon as main has read them and before it compares them, so that the page
   * can show their text meanwhile.
   */
  readonly documents?: readonly SourceText[];
}
export const COMPARISON_PROGRESS_CHANNEL = 'comparison:progress' as const;
