import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Comparison, Difference, DifferenceRule } from '../../src/shared/contract/comparison.js';
import { isLoadedRole, parseLexicon, withIncludedSets, type Lexicon } from '../../src/shared/contract/lexicon.js';
import { checkComparison } from '../../src/shared/contract/validate.js';
import { compareDocuments } from '../../src/shared/core/compare.js';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { quotationMatches, quotedRanges } from '../../src/shared/core/framing/quotations.js';
import { inflectionKey } from '../../src/shared/core/framing/lexicon-index.js';
import { loadLexiconSync } from '../../src/main/services/lexicon.js';
import { said } from '../support/describe.js';
import { defaultLexicon, REPO_ROOT } from '../support/seeds.js';

/**
 * The loaded-language rule (core/framing/rules/loaded-language.ts) on short articles written for these tests:
 * every outlet, person and place is invented.
 */

const LEXICON_DIR = join(REPO_ROOT, 'resources', 'lexicon');
const lexicon = defaultLexicon();

/** Two or three articles, each a headline and its paragraphs. */
function compare(articles: Record<string, string[]>, use: Lexicon = lexicon): Comparison {
  const documents = Object.entries(articles).map(([name, [headline, ...paragraphs]]) =>
    makeSourceDocument({ path: `/news/${name}.txt`, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` }),
  );
  return compareDocuments(documents, { lexicon: use });
}

const textOf = (comparison: Comparison, span: { doc: number; start: number; end: number }): string => comparison.documents[span.doc]!.text.slice(span.start, span.end);

/** The loaded-term differences of the rule (not those of the word-pair rule, "hostages → captives"). */
const LOADED_RULES: readonly DifferenceRule[] = ['loaded-word', 'loaded-word-quoted', 'scare-quotes'];
const loaded = (comparison: Comparison): Difference[] =>
  comparison.differences.filter((difference) => difference.kind === 'loaded-term' && difference.rule !== undefined && LOADED_RULES.includes(difference.rule));

const shown = (comparison: Comparison): string =>
  comparison.differences.map((d) => `${d.kind}: ${d.spans.map((s) => `“${textOf(comparison, s)}”`).join(' ')} — ${said(comparison, d)}`).join('\n');

/** The loaded-term difference that marks `word`, if any. */
const marking = (comparison: Comparison, word: string): Difference | undefined =>
  loaded(comparison).find((difference) => textOf(comparison, difference.spans[0]!) === word);

const TOWN = [
  'A town hall on Tuesday heard plans for the Kessock library.',
  'Residents of Kessock packed the hall on Tuesday night to hear what the council would do about the old library on Mill Street.',
];

describe('loaded language', () => {
  it('marks a charged verb where the matching sentence of the other source has the plain one, and names it', () => {
    const comparison = compare({
      'harbour-times': [
        'Mayor and council at odds over library',
        'Mayor Ilse Brandt slammed the council budget on Tuesday, saying it would close two libraries in the spring.',
        ...TOWN.slice(1),
      ],
      'quay-post': [
        'Mayor and council at odds over library',
        'Mayor Ilse Brandt criticized the council budget on Tuesday, saying it would close two libraries in the spring.',
        ...TOWN.slice(1),
      ],
    });
    const found = marking(comparison, 'slammed');
    expect(found, shown(comparison)).toBeDefined();
    expect(found!.spans.map((span) => textOf(comparison, span))).toEqual(['slammed', 'criticized']);
    expect(said(comparison, found!)).toMatch(/Harbour Times writes “slammed” \(charged\) where Quay Post says “criticized”/);
    expect(said(comparison, found!)).not.toMatch(/quotation/);
    // The plain word is named, never marked as loaded on its own.
    expect(marking(comparison, 'criticized')).toBeUndefined();
  });

  it('marks a word in title-case headlines unless the articles use it as a name', () => {
    const comparison = compare({
      'harbour-times': ['Mayor Slams Council Over Library Budget', 'Mayor Ilse Brandt spoke about the council budget on Tuesday, saying it would close two libraries.', ...TOWN.slice(1)],
      'quay-post': ['Mayor Criticizes Council Over Library Budget', 'Mayor Ilse Brandt spoke about the council budget on Tuesday, saying it would close two libraries.', ...TOWN.slice(1)],
    });
    expect(marking(comparison, 'Slams'), shown(comparison)).toBeDefined();
  });

  it('marks a phrase in scare quotes, and says the other source writes it plainly', () => {
    const comparison = compare({
      'harbour-times': [
        'Council passes parking deal',
        'The council on Monday passed what its leaders called a “compromise” on parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
      ],
      'quay-post': [
        'Council passes parking deal',
        'The council on Monday passed what its leaders called a compromise on parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
      ],
    });
    const found = marking(comparison, 'compromise');
    expect(found, shown(comparison)).toBeDefined();
    expect(comparison.documents[found!.spans[0]!.doc]!.label).toBe('Harbour Times');
    expect(said(comparison, found!)).toMatch(/scare quotes/);
    expect(said(comparison, found!)).toMatch(/Quay Post writes it without quotation marks/);
  });

  it('marks a loaded word inside scare quotes where no other source tells the sentence, as any loaded word there', () => {
    // The scare quotes set nothing apart where no other source tells the sentence, but the word
    // inside them is still loaded: it was lost with them.
    const comparison = compare({
      'harbour-times': [
        'Council passes parking deal',
        'The council on Monday passed new parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
        'Opposition members walked out of the chamber before the vote, calling the plan a “disgraceful” giveaway to developers.',
      ],
      'quay-post': [
        'Council passes parking deal',
        'The council on Monday passed new parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
      ],
    });
    const found = comparison.differences.find((difference) => difference.kind === 'loaded-term' && textOf(comparison, difference.spans[0]!) === 'disgraceful');
    expect(found, shown(comparison)).toBeDefined();
    expect(found!.rule).toBe('loaded-word-alone');
    expect(comparison.differences.filter((difference) => difference.rule === 'scare-quotes'), shown(comparison)).toEqual([]);
  });

  it('marks a phrase in scare quotes in a paragraph only one source has, with that source alone', () => {
    const comparison = compare({
      'harbour-times': [
        'Council passes parking deal',
        'The council on Monday passed new parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
        'The fees replace what the council last year called its “temporary measures” for the quay car park.',
      ],
      'quay-post': [
        'Council passes parking deal',
        'The council on Monday passed new parking fees for the harbour district.',
        'Shop owners on the quay had asked for lower fees during the winter months.',
      ],
    });
    const found = comparison.differences.filter((difference) => difference.rule === 'scare-quotes-alone');
    expect(found.map((difference) => textOf(comparison, difference.spans[0]!)), shown(comparison)).toEqual(['temporary measures']);
    expect(found[0]!.group).toBe('');
    expect(found[0]!.sides).toHaveLength(1);
    expect(said(comparison, found[0]!)).toBe(
      "Harbour Times puts “temporary measures” in quotation marks (scare quotes, or someone's word for it), in a paragraph only Harbour Times has",
    );
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('marks a loaded word inside a quotation as the speaker’s, never as the outlet’s choice', () => {
    const comparison = compare({
      'harbour-times': [
        'Councillor attacks parking plan',
        '“This parking plan is a disgraceful waste of money,” Councillor Imre Valdas said of the plan on Monday.',
        'The council will vote on the parking plan next month.',
      ],
      'quay-post': [
        'Councillor attacks parking plan',
        'Councillor Imre Valdas said on Monday that the parking plan was a waste of money.',
        'The council will vote on the parking plan next month.',
      ],
    });
    const found = marking(comparison, 'disgraceful');
    expect(found, shown(comparison)).toBeDefined();
    expect(said(comparison, found!)).toMatch(/in a quotation in Harbour Times/);
    expect(said(comparison, found!)).toMatch(/the speaker's word and not the outlet's/);
    expect(said(comparison, found!)).not.toMatch(/Harbour Times writes/);
  });

  it('does not mark words that report what happened: killed, attack, crash, arrested, war, fire', () => {
    const comparison = compare({
      'harbour-times': [
        'Two killed in depot fire',
        'Two workers were killed on Sunday when a fire broke out after the crash of a fuel lorry at the depot, the police said.',
        'Officers arrested the reckless lorry driver, a veteran of the war, and said there was no sign of an attack.',
      ],
      'quay-post': [
        'Two dead after depot blaze',
        'Two workers died on Sunday when a blaze broke out at the depot after a fuel lorry hit a wall, the police said.',
        'Officers questioned the lorry driver and said nobody had meant any harm.',
      ],
    });
    const facts = ['killed', 'fire', 'crash', 'arrested', 'war', 'attack'];
    const marked = loaded(comparison).flatMap((difference) => difference.spans.map((span) => textOf(comparison, span).toLowerCase()));
    expect(marked.filter((word) => facts.includes(word)), shown(comparison)).toEqual([]);
    // The sentences were compared: the word that judges beside them is marked.
    expect(marked).toContain('reckless');
  });

  it('never marks a capitalised name, though its words are in the lexicon', () => {
    const comparison = compare({
      'harbour-times': [
        'Levy on ferries proposed',
        'The bloated levy on ferry tickets was proposed on Monday by Senator Amara Noble and the Brilliant Harbour Trust.',
        'Ferry operators said the levy would raise fares in the summer.',
      ],
      'quay-post': [
        'Levy on ferries proposed',
        'The levy on ferry tickets was proposed on Monday by a senator and a local charity.',
        'Ferry operators said the levy would raise fares in the summer.',
      ],
    });
    const marked = loaded(comparison).map((difference) => textOf(comparison, difference.spans[0]!));
    expect(marked, shown(comparison)).not.toContain('Noble');
    expect(marked).not.toContain('Brilliant');
    // The sentence was compared: the word that judges in it is marked.
    expect(marked).toContain('bloated');
  });

  it('marks a word only against a source whose matching sentence does without it', () => {
    const comparison = compare({
      'harbour-times': ['Council row over library', 'Mayor Ilse Brandt slammed the council budget on Tuesday, saying it would close two libraries.', ...TOWN.slice(1)],
      'quay-post': ['Council row over library', 'Mayor Ilse Brandt slammed the council budget on Tuesday, saying it would close two libraries.', ...TOWN.slice(1)],
    });
    expect(loaded(comparison), shown(comparison)).toEqual([]);
  });

  it('is the lexicon’s: without loaded-language sets nothing is marked, scare quotes included', () => {
    const plain: Lexicon = { ...lexicon, sets: lexicon.sets.filter((set) => !isLoadedRole(set.role)) };
    const comparison = compare(
      {
        'harbour-times': ['Council passes parking deal', 'Mayor Ilse Brandt slammed what the council called a “compromise” on parking fees on Monday.', TOWN[1]!],
        'quay-post': ['Council passes parking deal', 'Mayor Ilse Brandt criticized what the council called a compromise on parking fees on Monday.', TOWN[1]!],
      },
      plain,
    );
    expect(loaded(comparison), shown(comparison)).toEqual([]);
  });
});

describe('quotedRanges', () => {
  it('pairs quotation marks, runs an open one to the end of the paragraph, and takes no apostrophe for a quote', () => {
    const text = 'He said “it is over” and called it a "farce." The mayor’s office said ‘no’ to the \'90s plan. “It goes on';
    const quoted = quotedRanges(text, 0, text.length).map(([a, b]) => text.slice(a, b));
    expect(quoted).toEqual(['it is over', 'farce.', 'no', 'It goes on']);
  });
});

describe('quotationMatches', () => {
  it('lets the closing mark of a quotation too long to be one close it all the same, so that it opens no false one', () => {
    const long = 'the bridge will be rebuilt '.repeat(17).trim();
    const text = `The mayor said, "${long}. "Rennick is referring to a survey of the river, which asked the engineers to "look again" at the piers.`;
    expect(quotationMatches(text).map((match) => match[1])).toEqual(['look again']);
  });

  it('pairs marks across a line break, as a quotation told in two sentences is, and reads afresh after a mark with no other near it', () => {
    const text = `“The ferry turned back.\n\nThe storm was too strong,” the captain said. A lone " mark${' and more words'.repeat(60)}. He called it "a close call".`;
    expect(quotationMatches(text).map((match) => match[1])).toEqual(['The ferry turned back.\n\nThe storm was too strong,', 'a close call']);
  });
});

describe('the loaded-language lexicon', () => {
  it('loads and parses: default.json with the file it includes, every loaded-language set a loaded-term set', () => {
    const outcome = loadLexiconSync(join(LEXICON_DIR, 'default.json'));
    if (!outcome.ok) throw new Error(outcome.message);
    const roles = outcome.lexicon.sets.filter((set) => isLoadedRole(set.role));
    expect(roles.length).toBeGreaterThan(20);
    expect(roles.every((set) => set.kind === 'loaded-term')).toBe(true);
    expect(outcome.lexicon.includes).toBeUndefined();
    const evaluative = parseLexicon(JSON.parse(readFileSync(join(LEXICON_DIR, 'evaluative.json'), 'utf8')));
    if (!evaluative.ok) throw new Error(evaluative.problems.join('; '));
    expect(evaluative.lexicon.sets.every((set) => set.role === 'evaluative')).toBe(true);
    for (const set of evaluative.lexicon.sets) expect(outcome.lexicon.sets.map((s) => s.id)).toContain(set.id);
    // Each set has at most one plain ("neutral") word that no set before it holds: the word-pair
    // rule, which takes two different words of one set in a change for a loaded-term difference,
    // then never pairs two plain words ("remarks" → "speech").
    const keyOf = (term: string): string => term.toLowerCase().split(/\s+/).map(inflectionKey).join(' ');
    const before = new Set<string>();
    for (const set of outcome.lexicon.sets) {
      const own = set.terms.filter((term) => term.tone === 'neutral' && !before.has(keyOf(term.term)));
      if (isLoadedRole(set.role)) expect(own.map((term) => term.term), set.id).toHaveLength(Math.min(own.length, 1));
      for (const term of set.terms) before.add(keyOf(term.term));
    }
  });

  it('ships VADER’s licence and notice beside the words taken from it', () => {
    expect(readFileSync(join(LEXICON_DIR, 'VADER-LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0/);
    expect(existsSync(join(LEXICON_DIR, 'VADER-NOTICE'))).toBe(true);
  });

  it('ships the opinion lexicon’s notice, with its authors and the citation they ask for, beside the words taken from it', () => {
    const notice = readFileSync(join(LEXICON_DIR, 'HULIU-NOTICE'), 'utf8');
    expect(notice).toMatch(/Minqing Hu and Bing Liu/);
    expect(notice).toMatch(/please cite/);
    expect(lexicon.sets.filter((set) => set.id.startsWith('opinion-')).length).toBeGreaterThan(0);
  });

  it('includes the words found through word vectors: their own evaluative sets, none a word of another set or a plain form', () => {
    const induced = parseLexicon(JSON.parse(readFileSync(join(LEXICON_DIR, 'induced.json'), 'utf8')));
    if (!induced.ok) throw new Error(induced.problems.join('; '));
    expect(induced.lexicon.sets.length).toBeGreaterThan(0);
    expect(induced.lexicon.sets.every((set) => set.kind === 'loaded-term' && set.role === 'evaluative' && set.id.startsWith('induced-'))).toBe(true);
    const ids = lexicon.sets.map((set) => set.id);
    for (const set of induced.lexicon.sets) expect(ids).toContain(set.id);
    // No key twice: a word of VADER, the opinion lexicon or a set written for Parallax keeps its own set.
    const elsewhere = new Set(lexicon.sets.filter((set) => !set.id.startsWith('induced-')).flatMap((set) => set.terms.map((term) => inflectionKey(term.term))));
    const terms = induced.lexicon.sets.flatMap((set) => set.terms.map((term) => term.term));
    expect(terms.filter((term) => elsewhere.has(inflectionKey(term)))).toEqual([]);
    expect(new Set(terms.map(inflectionKey)).size).toBe(terms.length);
    // A judging form never brings in the plain word that shares its key ("seeming" and "seemed").
    const keys = new Set(terms.map(inflectionKey));
    for (const word of ['seemed', 'doing', 'principles', 'intentions', 'occasions', 'uttered']) expect(keys.has(inflectionKey(word)), word).toBe(false);
    expect(readFileSync(join(LEXICON_DIR, 'GLOVE-NOTICE'), 'utf8')).toMatch(/Public Domain Dedication and License/);
    expect(readFileSync(join(LEXICON_DIR, 'WINK-EMBEDDINGS-LICENSE'), 'utf8')).toMatch(/MIT License/);
  });

  it('marks a word that judges which only the word-vector sets hold, where the other source tells the same without it', () => {
    const articles = {
      'harbour-gazette': [
        'Councillor Brennick defends the ferry budget',
        'Councillor Ola Brennick sternly defended the ferry budget at Tuesday’s meeting in Marlow Cove.',
        'The budget keeps the night crossing for two more years.',
      ],
      'cove-record': [
        'Councillor Brennick defends ferry budget',
        'Councillor Ola Brennick defended the ferry budget at Tuesday’s meeting in Marlow Cove.',
        'The budget keeps the night crossing for two more years.',
      ],
    };
    const marked = loaded(compare(articles));
    const comparison = compare(articles);
    expect(marked.map((d) => d.spans.map((s) => textOf(comparison, s)))).toEqual([['sternly']]);
    expect(marked[0]!.set?.id).toMatch(/^induced-/);
    // Without the word-vector sets nothing is marked: no other set holds "sternly".
    const without = { ...lexicon, sets: lexicon.sets.filter((set) => !set.id.startsWith('induced-')) };
    expect(loaded(compare(articles, without))).toEqual([]);
  });

  it('marks a compound of a loaded word ("gaffe-prone"), never one of a plain word ("Senate-passed")', () => {
    const articles = {
      'harbour-gazette': ['Harbour chief faces a vote', 'The gaffe-prone harbour chief faces a Senate-passed ferry bill and a vote on Monday in Marlow Cove.'],
      'cove-record': ['Harbour chief faces a vote', 'The harbour chief faces a ferry bill and a vote on Monday in Marlow Cove.'],
    };
    const comparison = compare(articles);
    expect(loaded(comparison).map((d) => d.spans.map((s) => textOf(comparison, s)))).toEqual([['gaffe-prone']]);
    expect(said(comparison, loaded(comparison)[0]!)).toMatch(/“gaffe-prone” \(charged\)/);
  });

  it('marks the superlative of a word that judges ("silliest", "starkest"), never a word that only ends so ("latest", "forest", "priest")', () => {
    const articles = {
      'harbour-gazette': ['Harbour chief faces a vote', 'In the latest and silliest turn of the row over the forest path, the harbour chief faces the starkest vote on Monday in Marlow Cove, the parish priest said.'],
      'cove-record': ['Harbour chief faces a vote', 'In the latest turn of the row over the forest path, the harbour chief faces a vote on Monday in Marlow Cove, a local man said.'],
    };
    const comparison = compare(articles);
    expect(loaded(comparison).map((d) => textOf(comparison, d.spans[0]!)), shown(comparison)).toEqual(['silliest', 'starkest']);
  });

  it('marks an adverb made from an adjective that judges ("curtly" from "curt"), which the word-vector sets take in', () => {
    const articles = {
      'harbour-gazette': ['Ferry board answers the petition', 'The ferry board curtly answered the petition from Marlow Cove residents on Monday.'],
      'cove-record': ['Ferry board answers petition', 'The ferry board answered the petition from Marlow Cove residents on Monday.'],
    };
    const comparison = compare(articles);
    expect(loaded(comparison).map((d) => d.spans.map((s) => textOf(comparison, s)))).toEqual([['curtly']]);
    const without = { ...lexicon, sets: lexicon.sets.filter((set) => !set.id.startsWith('induced-')) };
    expect(loaded(compare(articles, without))).toEqual([]);
  });

  it('marks the figures of speech of political reporting against a plain telling, and never the plain word of their set', () => {
    const articles = {
      'harbour-gazette': [
        'Ferry board and council at odds',
        'The ferry board refused to budge on the night crossing at Tuesday’s meeting in Marlow Cove.',
        'Councillor Ola Brennick seized on the figures, and the meeting devolved into shouting.',
        'The first vote failed, and the supposedly final timetable goes to the board again in May.',
      ],
      'cove-record': [
        'Ferry board and council at odds',
        'The ferry board kept its plan for the night crossing at Tuesday’s meeting in Marlow Cove.',
        'Councillor Ola Brennick cited the figures, and the meeting ended in shouting.',
        'The first vote failed, and the final timetable goes to the board again in May.',
      ],
    };
    const comparison = compare(articles);
    const marks = loaded(comparison).map((d) => d.spans.map((s) => textOf(comparison, s)).join(' / '));
    expect(marks, shown(comparison)).toEqual(['refused to budge', 'seized on / cited', 'devolved into', 'supposedly']);
    // "Failed" is the plain word of the set "devolved into" belongs to: never marked itself.
    expect(marking(comparison, 'failed')).toBeUndefined();
    expect(said(comparison, loaded(comparison)[1]!)).toMatch(/“seized on” \(charged\) where Cove Record says “cited”/);
  });

  it('marks a word of the writer’s stance ("of course", "clearly") in an outlet’s words, never in a quotation nor beside a verb of saying', () => {
    const articles = {
      'harbour-gazette': [
        'Ferry board keeps the night crossing',
        'The ferry board, of course, kept the night crossing after Tuesday’s vote in Marlow Cove.',
        'The timetable was clearly meant as a nod to the fishing crews, who sail before dawn.',
        'Councillor Ola Brennick said clearly that the board would meet again in May.',
        '“We clearly heard the crews,” said Ines Varga, who chairs the board.',
      ],
      'cove-record': [
        'Ferry board keeps the night crossing',
        'The ferry board kept the night crossing after Tuesday’s vote in Marlow Cove.',
        'The timetable was meant for the fishing crews, who sail before dawn.',
        'Councillor Ola Brennick said that the board would meet again in May.',
        '“We heard the crews,” said Ines Varga, who chairs the board.',
      ],
    };
    const comparison = compare(articles);
    const marks = loaded(comparison).map((d) => textOf(comparison, d.spans[0]!));
    expect(marks, shown(comparison)).toEqual(['of course', 'clearly']);
    // The one marked is the outlet's "clearly meant", not the manner of saying nor the speaker's.
    const clearly = loaded(comparison).find((d) => textOf(comparison, d.spans[0]!) === 'clearly')!;
    expect(comparison.documents[clearly.spans[0]!.doc]!.text.slice(clearly.spans[0]!.start, clearly.spans[0]!.end + 6)).toBe('clearly meant');
  });

  it('does not take a feeling reported of people ("angry", "frustration", "disappointed") or a "controversy" for the outlet’s judgement', () => {
    const articles = {
      'harbour-gazette': [
        'Ferry board keeps the night crossing',
        'Fishing crews were angry and disappointed after the ferry board kept the night crossing in Marlow Cove.',
        'The controversy over the timetable, and the crews’ frustration, will come back to the board in May.',
        'Councillor Ola Brennick called the timetable a disgraceful muddle.',
      ],
      'cove-record': [
        'Ferry board keeps the night crossing',
        'Fishing crews spoke out after the ferry board kept the night crossing in Marlow Cove.',
        'The question of the timetable will come back to the board in May.',
        'Councillor Ola Brennick called the timetable a muddle.',
      ],
    };
    const comparison = compare(articles);
    const marks = loaded(comparison).map((d) => textOf(comparison, d.spans[0]!));
    expect(marks, shown(comparison)).toEqual(['disgraceful']);
  });

  it('takes a word in -s after a determiner, a preposition or a number for a noun, not the charged verb ("paid to doctors" is not "doctored")', () => {
    const articles = {
      'harbour-gazette': [
        'Clinic board and council at odds',
        'The clinic board slams the council over the rates paid to doctors and the cost of the new wing in Marlow Cove.',
        'Councillor Ola Brennick said the two doctors who run the clinic had seen its corners cut for years.',
      ],
      'cove-record': [
        'Clinic board and council at odds',
        'The clinic board criticizes the council over the rates paid to physicians and the cost of the new wing in Marlow Cove.',
        'Councillor Ola Brennick said the two physicians who run the clinic had seen its spending cut for years.',
      ],
    };
    const comparison = compare(articles);
    const marks = loaded(comparison).map((d) => textOf(comparison, d.spans[0]!));
    expect(marks, shown(comparison)).toContain('slams');
    expect(marks).not.toContain('doctors');
    expect(marks).not.toContain('corners');
  });

  it('never takes a word for one that differs from it by a final e ("human" is not "humane", "loath" not "loathe")', () => {
    const articles = {
      'harbour-gazette': ['Ferry board answers the petition', 'Human rights groups said the ferry board was loath to answer the petition from Marlow Cove on Monday.'],
      'cove-record': ['Ferry board answers petition', 'Rights groups said the ferry board did not answer the petition from Marlow Cove on Monday.'],
    };
    const comparison = compare(articles);
    const marks = loaded(comparison).map((d) => textOf(comparison, d.spans[0]!));
    expect(marks, shown(comparison)).not.toContain('Human');
    expect(marks).not.toContain('loath');
    // Nor a noun in -s for a describing word in -ed ("spirits" is not "spirited").
    const spirits = compare({
      'harbour-gazette': ['Ferry board answers the petition', 'Spirits were low when the ferry board answered the petition from Marlow Cove on Monday.'],
      'cove-record': ['Ferry board answers petition', 'The ferry board answered the petition from Marlow Cove on Monday.'],
    });
    expect(loaded(spirits).map((d) => textOf(spirits, d.spans[0]!)), shown(spirits)).not.toContain('Spirits');
    // Nor the noun "route" for a rout ("the Democrats were routed" judges; "the ferry route" does not).
    const route = compare({
      'harbour-gazette': ['Ferry board answers the petition', 'The ferry board moved the night route after the petition from Marlow Cove on Monday.'],
      'cove-record': ['Ferry board answers petition', 'The ferry board moved the night crossing after the petition from Marlow Cove on Monday.'],
    });
    expect(loaded(route).map((d) => textOf(route, d.spans[0]!)), shown(route)).not.toContain('route');
    const routed = compare({
      'harbour-gazette': ['Ferry board vote', 'The ferry board routed its critics in the vote on the petition from Marlow Cove on Monday.'],
      'cove-record': ['Ferry board vote', 'The ferry board defeated its critics in the vote on the petition from Marlow Cove on Monday.'],
    });
    expect(loaded(routed).map((d) => textOf(routed, d.spans[0]!)), shown(routed)).toContain('routed');
    // …nor "grip" for a gripe, "snip" for a snipe.
    const grip = compare({
      'harbour-gazette': ['Ferry board answers the petition', 'The ferry board kept its grip on the night crossing after a snip to the budget in Marlow Cove on Monday.'],
      'cove-record': ['Ferry board answers petition', 'The ferry board kept the night crossing after a cut to the budget in Marlow Cove on Monday.'],
    });
    expect(loaded(grip).map((d) => textOf(grip, d.spans[0]!)), shown(grip)).toEqual([]);
    // The word itself is still found.
    const humane = compare({
      'harbour-gazette': ['Ferry board answers the petition', 'The ferry board gave a humane answer to the petition from Marlow Cove on Monday.'],
      'cove-record': ['Ferry board answers petition', 'The ferry board gave an answer to the petition from Marlow Cove on Monday.'],
    });
    expect(loaded(humane).map((d) => textOf(humane, d.spans[0]!))).toEqual(['humane']);
  });

  it('keeps no word that reports an event rather than judging it', () => {
    const keys = new Set(lexicon.sets.filter((set) => set.role === 'evaluative').flatMap((set) => set.terms.map((term) => inflectionKey(term.term))));
    // Nor a plain word through a judging form of it ("taxing", "principled", "leading"), nor a word of product reviews.
    for (const word of ['killed', 'war', 'attack', 'crash', 'death', 'fire', 'arrested', 'murder', 'illegal', 'support', 'win', 'like', 'issues', 'tax', 'principle', 'lead', 'work', 'portable', 'noise', 'plea'])
      expect(keys.has(inflectionKey(word)), word).toBe(false);
  });

  it('refuses a role on a set that is not loaded-term, and an included file that includes others or repeats an id', () => {
    const base = { schema: 'parallax.lexicon/1', name: 'x' } as const;
    const bad = parseLexicon({ ...base, sets: [{ id: 'verbs', name: 'Verbs', kind: 'attribution', role: 'charged', domain: 'general', terms: [{ term: 'said' }] }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join(' ')).toMatch(/sets\.0\.role: a role \("charged"\) is for loaded-term sets only/);
    const set = { id: 'harsh', name: 'Harsh', kind: 'loaded-term', role: 'evaluative', domain: 'general', terms: [{ term: 'phony' }] };
    const main = parseLexicon({ ...base, includes: ['more.json'], sets: [set] });
    const more = parseLexicon({ ...base, includes: ['other.json'], sets: [set] });
    if (!main.ok || !more.ok) throw new Error('the lexicons above fit the format');
    const merged = withIncludedSets(main.lexicon, [{ file: 'more.json', lexicon: more.lexicon }]);
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.problems).toEqual(['more.json: an included lexicon may not include others', 'more.json: the set id "harsh" is used twice']);
    expect(parseLexicon({ ...base, includes: ['../secrets.json'], sets: [] }).ok).toBe(false);
  });
});

describe("a source's loaded terms in the summary: its own words apart from the speakers' it quotes", () => {
  const comparison = compare({
    'tarn-courier': [
      'Mill closure splits Tarnby',
      'The reckless closure of the Tarnby mill leaves 80 people out of work, the union said on Monday.',
      'Union leader Ada Voss called it “a callous and reckless decision” at a meeting in the town hall.',
    ],
    'fell-post': [
      'Tarnby mill to close',
      'The closure of the Tarnby mill leaves 80 people out of work, the union said on Monday.',
      'Union leader Ada Voss spoke at a meeting in the town hall.',
    ],
  });
  const courier = comparison.summary!.sources.find((source) => source.doc === 0)!;
  const term = (word: string) => courier.loadedTerms.find((entry) => entry.term === word);

  it('counts a term inside quotation marks as quoted, and one in the outlet’s own words as not', () => {
    expect(term('reckless')).toMatchObject({ count: 2, quoted: 1 });
    expect(term('callous')).toMatchObject({ count: 1, quoted: 1 });
    expect(checkComparison(comparison)).toEqual([]);
  });

  it('says so in the text output: the own words first, then those it quotes', async () => {
    const { formatComparison } = await import('../../src/shared/core/format.js');
    const text = formatComparison(comparison, { color: false, width: 200 });
    const line = text.split('\n').find((row) => row.includes('loaded terms and labels'))!;
    expect(line).toMatch(/loaded terms and labels: reckless; quoted: (callous, reckless|reckless, callous)/);
  });

  it('lists each part most used first by its own count, not the total', async () => {
    const { formatComparison } = await import('../../src/shared/core/format.js');
    const summary = comparison.summary!;
    const reordered = {
      ...comparison,
      summary: {
        ...summary,
        sources: summary.sources.map((source, i) =>
          i === 0 ? { ...source, loadedTerms: [{ set: 'x', term: 'war', count: 3, quoted: 2 }, { set: 'x', term: 'fighting', count: 2 }] } : source,
        ),
      },
    };
    const line = formatComparison(reordered, { color: false, width: 300 }).split('\n').find((row) => row.includes('loaded terms and labels'))!;
    expect(line).toContain('loaded terms and labels: fighting ×2, war; quoted: war ×2');
  });

  it('gives the batch table a column of the quoted ones', async () => {
    const { storyTableRows } = await import('../../src/shared/core/story-table.js');
    const [row] = storyTableRows('tarnby', comparison);
    expect(row!['loaded_terms_n']).toBe(courier.loadedTerms.reduce((sum, entry) => sum + entry.count, 0));
    expect(row!['loaded_terms_quoted_n']).toBe(2);
  });
});

describe('a loaded word after "call": the caller\'s word for something, in reported speech', () => {
  const comparison = compare({
    'marsh-courier': [
      'Dock plan splits Marlow',
      'The harbour board calls the dock plan reckless and says the town cannot pay for it.',
      'A group called Save Marlow Quay has railed against the plan for a year, and the mayor calls for calm.',
    ],
    'fen-herald': [
      'Dock plan splits Marlow',
      'The harbour board opposes the dock plan and says the town cannot pay for it.',
      'A group called Save Marlow Quay has opposed the plan for a year, and the mayor asks for calm.',
    ],
  });
  const marks = comparison.differences.filter((difference) => difference.kind === 'loaded-term');
  const markOf = (word: string) => marks.find((difference) => difference.spans.some((span) => textOf(comparison, span) === word));

  it('says a word after "calls the dock plan" is in reported speech', () => {
    expect(markOf('reckless')?.evidence?.reported).toBe(true);
    expect(said(comparison, markOf('reckless')!)).toContain('reported speech');
  });

  it('does not take a name given ("a group called Save Marlow Quay has railed") for someone calling', () => {
    const railed = markOf('railed against');
    expect(railed).toBeDefined();
    expect(railed!.evidence?.reported).toBeUndefined();
  });
});

describe('a term of several words across a quotation mark', () => {
  it('is not the term: "activists “judge people …”" holds no "activist judge"', () => {
    const comparison = compare({
      'wells-courier': [
        'Senator answers critics',
        'The senator said claims that the activists "judge people by their looks" were false.',
        'She spoke to reporters outside the chamber on Monday.',
      ],
      'tamar-post': [
        'Senator answers critics',
        'The senator said claims that the activists look down on people were false.',
        'She spoke to reporters outside the chamber on Monday.',
      ],
    });
    const texts = comparison.differences.flatMap((difference) => difference.spans.map((span) => textOf(comparison, span)));
    expect(texts.some((text) => /activists\s*"judge/.test(text))).toBe(false);
    expect(comparison.summary!.sources[0]!.loadedTerms.some((entry) => /judge/.test(entry.term))).toBe(false);
  });
});
