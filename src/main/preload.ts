import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type {
  ApiChannel,
  ApiResult,
  ComparisonProgress,
  MenuCommand,
  ParallaxBridge,
  SourceChange,
  SourceText,
  MENU_CHANNEL as MenuChannelName,
  DROPPED_FILE_CHANNEL as DroppedFileChannelName,
  SOURCE_CHANGED_CHANNEL as SourceChangedChannelName,
  COMPARISON_PROGRESS_CHANNEL as ComparisonProgressChannelName,
} from '../shared/contract/api.js';
import type { Paragraph, ParagraphKind } from '../shared/contract/comparison.js';

/**
 * The preload: the page's only way to the main process. It exposes `window.api`, exactly the
 * `ParallaxBridge` of the contract, and nothing else (no ipcRenderer, no process, no Node).
 *
 * The channel and command lists are spelled out here rather than imported, to keep the contract's
 * schemas (and zod) out of this small sandboxed script; `satisfies` makes the compiler check them
 * against the contract, both ways, and the bundle test checks them again.
 */
const channels = {
  'comparison:open': true,
  'comparison:openSample': true,
  'comparison:pending': true,
  'comparison:recent': true,
  'comparison:forget': true,
  'comparison:cancel': true,
  'files:pick': true,
  'notes:list': true,
  'notes:save': true,
  'notes:delete': true,
  'notes:listAll': true,
  'notes:export': true,
  'notes:import': true,
  'settings:get': true,
  'settings:set': true,
  'codebook:get': true,
  'codebook:save': true,
  'codebook:addCode': true,
  'codebook:reset': true,
  'codebook:import': true,
  'app:status': true,
  'source:setLabel': true,
  'source:setParagraphKind': true,
  'source:setEncoding': true,
  'source:addText': true,
  'lexicon:get': true,
  'lexicon:saveSet': true,
  'lexicon:removeSet': true,
  'lexicon:reset': true,
  'lexicon:export': true,
  'lexicon:import': true,
} as const satisfies Record<ApiChannel, true>;

const menuCommands = {
  'open-files': true,
  'open-sample': true,
  'open-pending': true,
  'show-recent': true,
  'zoom-in': true,
  'zoom-out': true,
  'zoom-reset': true,
  'paste-source': true,
  'show-comparison': true,
  'show-word-sets': true,
  'toggle-presentation': true,
  'toggle-blind': true,
  'toggle-reveal': true,
  'theme-system': true,
  'theme-light': true,
  'theme-dark': true,
  'theme-contrast': true,
  'show-shortcuts': true,
  'find-differences': true,
  'layout-glance': true,
  'layout-columns': true,
  'layout-event': true,
  'layout-claims': true,
  'layout-coverage': true,
  'toggle-differences': true,
} as const satisfies Record<MenuCommand, true>;

const paragraphKinds = {
  title: true,
  heading: true,
  body: true,
  caption: true,
  boilerplate: true,
} as const satisfies Record<ParagraphKind, true>;

const MENU_CHANNEL: typeof MenuChannelName = 'menu:command';
const DROPPED_FILE_CHANNEL: typeof DroppedFileChannelName = 'files:dropped';
const SOURCE_CHANGED_CHANNEL: typeof SourceChangedChannelName = 'source:changed';
const COMPARISON_PROGRESS_CHANNEL: typeof ComparisonProgressChannelName = 'comparison:progress';

const isChannel = (value: unknown): value is ApiChannel => typeof value === 'string' && Object.hasOwn(channels, value);
const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && Object.hasOwn(menuCommands, value);

/** A well-formed SourceChange, copied field by field (nothing else the sender put on it passes). */
function asSourceChange(value: unknown): SourceChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const { path, change } = value as { path?: unknown; change?: unknown };
  if (typeof path !== 'string' || path.length === 0 || path.length > 4_096) return null;
  if (change !== 'changed' && change !== 'removed') return null;
  return { path, change };
}

/** Limits on the sources' text sent with the progress (a comparison holds at most 50 sources). */
const MAX_SOURCES = 50;
const MAX_TEXT = 256 * 1024 * 1024;
const MAX_PARAGRAPHS = 2_000_000;

/** Well-formed paragraphs of a text of `length`, copied field by field: in order, within the text, of a known kind. */
function asParagraphs(value: unknown, length: number): Paragraph[] | null {
  if (!Array.isArray(value) || value.length > MAX_PARAGRAPHS) return null;
  const paragraphs: Paragraph[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { start, end, kind } = item as { start?: unknown; end?: unknown; kind?: unknown };
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof kind !== 'string' || !Object.hasOwn(paragraphKinds, kind)) return null;
    if (!((start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= length)) return null;
    paragraphs.push({ start: start as number, end: end as number, kind: kind as ParagraphKind });
  }
  return paragraphs;
}

/** Well-formed sources' text, copied field by field (anything else the sender put on them stays behind). */
function asSourceTexts(value: unknown): SourceText[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_SOURCES) return null;
  const documents: SourceText[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    const { path, label, title, text, paragraphs } = item as Record<string, unknown>;
    if (typeof path !== 'string' || path.length === 0 || path.length > 4_096) return null;
    if (typeof label !== 'string' || label.length > 1_000 || typeof title !== 'string' || title.length > 100_000) return null;
    if (typeof text !== 'string' || text.length > MAX_TEXT) return null;
    const checked = asParagraphs(paragraphs, text.length);
    if (!checked) return null;
    documents.push({ path, label, title, text, paragraphs: checked });
  }
  return documents;
}

/**
 * A well-formed ComparisonProgress, copied field by field: `done` a number from 0 to 1, a short
 * `stage`, and the sources' text when it comes with it (dropped when malformed).
 */
function asProgress(value: unknown): ComparisonProgress | null {
  if (typeof value !== 'object' || value === null) return null;
  const { done, stage, documents } = value as { done?: unknown; stage?: unknown; documents?: unknown };
  if (typeof done !== 'number' || !(done >= 0 && done <= 1)) return null;
  if (typeof stage !== 'string' || stage.length > 200) return null;
  const texts = documents === undefined ? null : asSourceTexts(documents);
  return texts ? { done, stage, documents: texts } : { done, stage };
}

const bridge: ParallaxBridge<File> = {
  invoke(channel, request) {
    if (!isChannel(channel)) {
      const refused: ApiResult<never> = {
        ok: false,
        error: { code: 'invalid-request', message: `Unknown request "${String(channel)}".` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(channel, request);
  },
  onMenuCommand(listener) {
    const relay = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, relay);
    };
  },
  onSourceChanged(listener) {
    const relay = (_event: unknown, payload: unknown): void => {
      const change = asSourceChange(payload);
      if (change) listener(change);
    };
    ipcRenderer.on(SOURCE_CHANGED_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(SOURCE_CHANGED_CHANNEL, relay);
    };
  },
  onProgress(listener) {
    const relay = (_event: unknown, payload: unknown): void => {
      const progress = asProgress(payload);
      if (progress) listener(progress);
    };
    ipcRenderer.on(COMPARISON_PROGRESS_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(COMPARISON_PROGRESS_CHANNEL, relay);
    };
  },
  pathForFile(file) {
    let path = '';
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return '';
    }
    // Main opens only files the person chose: a dropped file is one, and its path comes from the
    // File itself, which the page cannot make up.
    if (path) ipcRenderer.sendSync(DROPPED_FILE_CHANNEL, path);
    return path;
  },
};

contextBridge.exposeInMainWorld('api', bridge);
