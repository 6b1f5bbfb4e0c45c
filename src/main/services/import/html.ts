import { createRequire } from 'node:module';
import type { SourceMetadata } from '../../../shared/contract/comparison.js';
import type { SourceBlock } from '../../../shared/core/document.js';
import { blocksFromElement, DROPPED_ELEMENTS, plainText, type DomDocument, type DomElement } from './blocks.js';
import { ImportProblem, displayName } from './problem.js';

/**
 * Web pages as plain text blocks.
 *
 * The page is parsed by jsdom with scripts off and resources off (the defaults, never changed
 * here): nothing it holds runs, and nothing it names is fetched, neither from the network nor from
 * disk. Active and embedded content (<script>, <style>, <iframe>, <object>, <embed>, <svg>, ...) is
 * removed, then Mozilla Readability finds the article in a copy of the page, and the article is
 * reduced to text blocks by `blocksFromElement`: only the words of text nodes come out.
 *
 * jsdom and Readability are loaded on first use, so opening .txt files never loads them.
 */

/** What a web page gives: its blocks, what the page says about itself, and its headline. */
export interface HtmlSource {
  readonly blocks: SourceBlock[];
  readonly metadata: SourceMetadata;
  readonly title?: string;
}

export interface HtmlToSourceOptions {
  /** Skip Readability and take the text of the whole body (minus navigation, asides and forms). */
  readonly wholePage?: boolean;
}

interface JsdomModule {
  JSDOM: new (html: string, options: Record<string, unknown>) => { window: { document: DomDocument; close(): void } };
  VirtualConsole: new () => unknown;
}

interface ReadabilityArticle {
  title?: string | null;
  content?: string | null;
  textContent?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  publishedTime?: string | null;
}

interface ReadabilityModule {
  Readability: new (document: DomDocument, options?: Record<string, unknown>) => { parse(): ReadabilityArticle | null };
}

const requireCommonJs = createRequire(import.meta.url);
let jsdomModule: JsdomModule | undefined;
let readabilityModule: ReadabilityModule | undefined;

function jsdom(): JsdomModule {
  jsdomModule ??= requireCommonJs('jsdom') as JsdomModule;
  return jsdomModule;
}

function readability(): ReadabilityModule {
  readabilityModule ??= requireCommonJs('@mozilla/readability') as ReadabilityModule;
  return readabilityModule;
}

/**
 * Parse HTML inertly: no script runs and nothing is fetched. jsdom's defaults are exactly that
 * (`runScripts` unset, `resources` unset); a silent console keeps page errors out of the log.
 * Call `close()` on the window when done.
 */
export function parseHtmlInertly(html: string): { document: DomDocument; close(): void } {
  const { JSDOM, VirtualConsole } = jsdom();
  const dom = new JSDOM(html, { contentType: 'text/html', virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, close: () => dom.window.close() };
}

/** Remove active and embedded content, and elements that only carry addresses or behaviour. */
function stripActiveContent(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(DROPPED_ELEMENTS.filter((tag) => tag !== 'head' && tag !== 'title').join(',')))) {
    element.remove();
  }
}

/** A page's own word for something, from the first meta tag that has it. */
function meta(document: DomDocument, ...names: string[]): string | undefined {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = plainText(element?.getAttribute('content'));
    if (content) return content;
  }
  return undefined;
}

/** The page's JSON-LD objects (NewsArticle and the like), flattened through @graph. */
function jsonLd(document: DomDocument): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const add = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') {
      found.push(value as Record<string, unknown>);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) add(graph);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      add(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block says nothing.
    }
  }
  return found;
}

/** A JSON-LD value as text: a string, or the `name` of an object (a publisher, an author), or the first of a list. */
function ldString(objects: readonly Record<string, unknown>[], key: string): string | undefined {
  const asText = (value: unknown): string | undefined => {
    if (typeof value === 'string') return plainText(value) || undefined;
    if (Array.isArray(value)) return asText(value[0]);
    if (value && typeof value === 'object') return asText((value as Record<string, unknown>)['name']);
    return undefined;
  };
  for (const object of objects) {
    const text = asText(object[key]);
    if (text) return text;
  }
  return undefined;
}

/** What the page says about itself, read before anything is removed. */
function pageFacts(document: DomDocument): { siteName?: string; published?: string; language?: string; title?: string; byline?: string } {
  const ld = jsonLd(document);
  const time = document.querySelector('time[datetime]');
  const facts = {
    siteName: meta(document, 'og:site_name') ?? ldString(ld, 'publisher') ?? meta(document, 'application-name'),
    published:
      meta(document, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued') ??
      ldString(ld, 'datePublished') ??
      plainText(time?.getAttribute('datetime')) ??
      undefined,
    language: plainText(document.documentElement.getAttribute('lang')) || undefined,
    title: meta(document, 'og:title', 'twitter:title') ?? ldString(ld, 'headline') ?? (plainText(document.title) || undefined),
    byline: meta(document, 'author') ?? ldString(ld, 'author'),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value)) as ReturnType<typeof pageFacts>;
}

const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The body's own blocks, without navigation, asides, forms and hidden parts: when Readability finds no article. */
function wholePageBlocks(document: DomDocument): SourceBlock[] {
  return document.body ? blocksFromElement(document.body, { dropPageFurniture: true }) : [];
}

/** Enough words to be worth showing as an article. */
function hasReasonableText(blocks: readonly SourceBlock[]): boolean {
  const words = blocks.reduce((count, block) => count + block.text.split(/\s+/).filter(Boolean).length, 0);
  return words >= 20;
}

/**
 * Turn a web page into a source's blocks and metadata. Throws `ImportProblem` (with a message for
 * the person) when the page has no article text. Used for .html files and for pasted HTML.
 */
export function htmlToSource(html: string, path: string, options: HtmlToSourceOptions = {}): HtmlSource {
  const { document, close } = parseHtmlInertly(html);
  try {
    const facts = pageFacts(document);
    stripActiveContent(document);

    let article: ReadabilityArticle | null = null;
    if (!options.wholePage) {
      const { Readability } = readability();
      try {
        article = new Readability(document.cloneNode(true), { charThreshold: 250 }).parse();
      } catch {
        article = null;
      }
    }

    let contentBlocks: SourceBlock[] = [];
    if (article?.content) {
      const parsed = parseHtmlInertly(article.content);
      try {
        contentBlocks = parsed.document.body ? blocksFromElement(parsed.document.body) : [];
      } finally {
        parsed.close();
      }
    }
    if (!hasReasonableText(contentBlocks)) {
      article = null;
      contentBlocks = wholePageBlocks(document);
    }
    if (!hasReasonableText(contentBlocks)) {
      throw new ImportProblem(
        `Parallax found no article text in "${displayName(path)}". Save the page again, or copy the article's text and paste it.`,
      );
    }

    // The headline: Readability's, the page's (og:title, <title>), or the first h1 of the text.
    let title = plainText(article?.title) || facts.title || '';
    if (!title) {
      const firstHeading = document.querySelector('h1');
      title = plainText(firstHeading?.textContent);
    }
    const titleKey = normalise(title);
    // The headline heads the text once: a heading that repeats it goes.
    const body = contentBlocks.filter((block) => !(block.kind === 'heading' && titleKey && normalise(block.text) === titleKey));
    const blocks: SourceBlock[] = title ? [{ text: title, kind: 'title' }, ...body] : body;

    const metadata: SourceMetadata = {
      format: 'html',
      ...optional('siteName', plainText(article?.siteName) || facts.siteName),
      ...optional('byline', plainText(article?.byline) || facts.byline),
      ...optional('published', plainText(article?.publishedTime) || facts.published),
      ...optional('language', facts.language || plainText(article?.lang)),
    };
    return { blocks, metadata, ...(title ? { title } : {}) };
  } finally {
    close();
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** The same reduction without Readability, for HTML that is all article (mammoth's output for a Word file). */
export function htmlFragmentToBlocks(html: string): SourceBlock[] {
  const { document, close } = parseHtmlInertly(html);
  try {
    stripActiveContent(document);
    return document.body ? blocksFromElement(document.body) : [];
  } finally {
    close();
  }
}

export type { DomElement };
