/**
 * Loaded language in any story: a word that judges rather than reports ("slammed", "phony",
 * "fiercely", "so-called"), or a short phrase put in scare quotes (the “cover-up”), that one source
 * uses where the sentence another source was matched to does not. The words come from the
 * lexicon's loaded-term sets with a loaded role (`charged` or `evaluative`, see LOADED_ROLES), not
 * from particular sets, so a person's own sets take part as the shipped ones do.
 *
 * - Contrast: a word is marked against a source whose matching sentences (the group's sentence
 *   links) tell the same thing without it; a word in a sentence that no other source tells is
 *   marked on its own (the outlet's choice of words all the same); one both use is a shared word
 *   (below). Where that sentence uses another term of the same `charged` set, the difference
 *   names it ("slammed" where the other says "criticized").
 * - A verb of saying that judges what was said ("claimed", "insisted", "admitted": see
 *   JUDGING_SAYING_TONES) is marked in a sentence no other source tells; where another source tells
 *   it, the attribution rules set the two verbs side by side.
 * - A word inside a quotation is the speaker's: it is marked, and its rule says it is quoted.
 * - Scare quotes in a sentence no other source tells are marked with that source's side alone
 *   (`scare-quotes`; `scare-quotes-alone` in a paragraph only one source has), said to be scare
 *   quotes or someone's word for it; round a loaded word, the word is marked instead, as any other.
 * - Shared (`loaded-word-shared`): a loaded word that every source whose matching sentence tells
 *   the same thing uses too ("All three call the protest “violent”") is no contrast, but it is
 *   loaded language all the same, and a reader should see it. It is marked once for all of them,
 *   with the word in each source, not once per source; where it stands inside a quotation, that
 *   source is said to quote it, and a word every source has inside a quotation (the speaker's) is
 *   left out (see `markShared` for what else is, and why).
 * - A paragraph only one source has is read the same way by loaded-language-alone.ts (through
 *   `loadedLanguageDifferences` with `alone`): each loaded word there is marked on its own.
 * - Names are never loaded terms: a capitalised word inside a sentence, or one that opens a name
 *   ("Hope Hicks"), is skipped; in a headline written in title case, a word is taken for a name
 *   when the articles write it with a capital inside a sentence.
 *
 * Pure: no Node, no DOM.
 */
import type { Difference, DifferenceSide, DifferenceTerm, SourceDocument, TextSpan } from '../../../contract/comparison.js';
import { isLoadedRole } from '../../../contract/lexicon.js';
import { STOP_WORDS, tokenize } from '../../text.js';
import type { PlacedToken } from '../../wording.js';
import { findTerms, GAP, inflectionKey, type IndexedTerm, type LexiconIndex, type TermMatch } from '../lexicon-index.js';
import { nameKey, namesIn } from '../cues.js';
import { isTitle } from '../names.js';
import { acrossQuotationMark, CLAUSE_OPENERS, endsOnADate, heldByLongerTerms, heldVerb, saidByAFiling, sayingVerbAsNoun, tellsAShade, type Passage, type PreparedMember } from '../passage.js';
import { quotationMatches } from '../quotations.js';
import { termAt, type PassageRule } from '../rule.js';

/** A loaded word or phrase found in one member (or a plain word of a `charged` set, never marked itself). */
interface Found {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
  /** The inflection keys of its words: what counts as the same word in another source. */
  readonly keys: readonly string[];
  /** The lexicon term, or none for scare quotes. */
  readonly term?: IndexedTerm;
  /** A phrase in scare quotes: [start, end) is the words inside the marks. */
  readonly scare: boolean;
  /** Inside a quotation: the speaker's word. */
  readonly quoted: boolean;
  /**
   * In someone's reported speech, outside quotation marks: the clause a verb of saying opens ("the
   * bishop said that the president was so “intolerant” …"), where the word may be the speaker's or
   * the outlet's for it.
   */
  readonly reported?: boolean;
  /** The sentence it stands in. */
  readonly sentence: TextSpan;
  /** For scare quotes: the loaded words inside the marks, which the scare quotes stand for. */
  readonly inner?: readonly Found[];
}

/**
 * Words after which a short quoted phrase is a label held at a distance (scare quotes) rather than
 * a fragment of what someone said: determiners and possessives ("the “reform”", "his “plan”"), and
 * verbs and phrases that name ("dubbed “birthers”", "so-called “experts”", "what he called “X”").
 */
const LABEL_BEFORE = new Set(
  'the a an this that these those his her its their our your my such so-called called dubbed labeled labelled branded termed deemed nicknamed as'.split(' '),
);

/** A plain or other word of the same set that the other source uses in the matching sentence. */
interface Counterpart {
  readonly span: TextSpan;
  readonly term: IndexedTerm;
}

/** The words a document prints inside quotation marks anywhere, by inflection key (found once per document). */
const quotedKeysOf = new WeakMap<SourceDocument, ReadonlySet<string>>();
function quotedKeys(document: SourceDocument): ReadonlySet<string> {
  let keys = quotedKeysOf.get(document);
  if (!keys) {
    const found = new Set<string>();
    for (const match of quotationMatches(document.text)) for (const token of tokenize(match[1]!)) found.add(inflectionKey(token.norm));
    quotedKeysOf.set(document, (keys = found));
  }
  return keys;
}

/** The most words a quoted phrase may have to be read as scare quotes rather than a quotation. */
const SCARE_MAX_WORDS = 3;

/** The lexicon's terms whose sets have a loaded role (the words loaded in themselves), and each such set's terms. */
interface ChargedLexicon {
  readonly index: LexiconIndex;
  readonly bySet: ReadonlyMap<string, readonly IndexedTerm[]>;
  /** Whether it has a set with a loaded role (verbs of saying alone do not make the rule run). */
  readonly loaded: boolean;
  /** The matching key of every one-word verb of saying ("said", "stated", "claimed"). */
  readonly saying: ReadonlySet<string>;
}
const chargedCache = new WeakMap<LexiconIndex, ChargedLexicon>();
function chargedLexicon(lexicon: LexiconIndex): ChargedLexicon {
  let charged = chargedCache.get(lexicon);
  if (!charged) {
    const byFirstKey = new Map<string, IndexedTerm[]>();
    const bySet = new Map<string, IndexedTerm[]>();
    for (const [key, terms] of lexicon.byFirstKey) {
      const kept = terms.filter((term) => (term.kind === 'loaded-term' && isLoadedRole(term.role)) || judgesAlone(term));
      if (kept.length === 0) continue;
      byFirstKey.set(key, kept);
      for (const term of kept) {
        const list = bySet.get(term.setId);
        if (list) list.push(term);
        else bySet.set(term.setId, [term]);
      }
    }
    const loaded = [...bySet.values()].some((terms) => terms.some((term) => isLoadedRole(term.role)));
    const saying = new Set<string>();
    for (const [key, terms] of lexicon.byFirstKey) if (terms.some((term) => term.role === 'saying' && term.keys.length === 1)) saying.add(key);
    charged = { index: { byFirstKey, setCount: bySet.size }, bySet, loaded, saying };
    chargedCache.set(lexicon, charged);
  }
  return charged;
}

/**
 * The tones of a verb of saying that judge what was said, as the default lexicon's reporting verbs
 * describe them: "claimed" and "alleged" cast doubt, "insisted" and "vowed" add emphasis,
 * "admitted" and "conceded" imply a reluctant truth. (Denials, praise and blame mostly tell what
 * the speaker did: "denied the charges", "praised the decision".)
 */
const JUDGING_SAYING_TONES = new Set(['doubt', 'emphasis', 'concession']);

/**
 * A verb of saying that judges (see JUDGING_SAYING_TONES). Where another source tells the same
 * sentence, verb-contrast sets the two verbs side by side; this rule marks one only in a sentence
 * no other source tells, where it is the outlet's word with nothing to contrast it with.
 */
const judgesAlone = (term: IndexedTerm | undefined): boolean => term?.role === 'saying' && JUDGING_SAYING_TONES.has(term.tone?.toLowerCase() ?? '');

const isNeutral = (term: IndexedTerm | undefined): boolean => term?.role === 'charged' && term.tone?.toLowerCase() === 'neutral';
/** Words after which "very" is an adjective of which ("the very least"), not a word of how much. */
const DETERMINERS = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** A word that only says how much ("very", "really"): an evaluative term whose tone is "intensifier". */
const degreeOnly = (term: IndexedTerm): boolean => term.role === 'evaluative' && term.tone?.toLowerCase() === 'intensifier';
/**
 * A word of the writer's stance ("clearly", "of course", "fortunately": tone "stance"): the outlet's
 * judgement in its own words, but in a quotation how people talk, as a word of degree is.
 */
const isStance = (term: IndexedTerm): boolean => term.role === 'evaluative' && term.tone?.toLowerCase() === 'stance';
/**
 * A claim credited to no one in particular ("critics say", "some believe": tone "vague
 * attribution"): the outlet's choice in its own words, but in a quotation the speaker's way of
 * talking, which the outlet only reports.
 */
const attributesVaguely = (term: IndexedTerm): boolean => term.role === 'evaluative' && term.tone?.toLowerCase() === 'vague attribution';
/**
 * A word that judges as good (an evaluative set's polarity "approving"): in a quotation, the
 * speaker's courtesy or praise of their own side ("remains grateful for the invitation", "Nice to
 * see all of you", "a thoughtful dialogue"), which the outlet only reports. On BASIL, 43 such marks
 * in quotations touched one span annotators marked as loaded.
 */
const approves = (term: IndexedTerm): boolean => term.role === 'evaluative' && term.polarity === 'approving';
const howPeopleTalk = (term: IndexedTerm): boolean => degreeOnly(term) || isStance(term) || attributesVaguely(term) || approves(term);

/** Whether a paragraph is written in title case: most of its words longer than three letters start with a capital. */
function titleCase(tokens: readonly PlacedToken[]): boolean {
  const words = tokens.filter((token) => !token.isNumber && token.norm.length > 3);
  return words.length >= 2 && words.filter((token) => token.isCapitalized).length >= words.length * 0.6;
}

/** Whether the word at `start` opens a sentence (or a paragraph, or a quotation), after a dash too. */
function opensSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[\s“"‘'(«—–-]/.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

/** Who speaks of themselves, and what they are or feel: "I", "we", "me", "us" and the verbs after them. */
const FIRST_PERSON = new Set(['i', 'we', "i'm", 'i’m', "we're", 'we’re', "i've", 'i’ve', "we've", 'we’ve']);
const FEELING_VERBS = new Set(['am', 'are', 'was', 'were', 'feel', 'feels', 'felt', 'be', 'been', 'get', 'got', 'became', 'remain', 'remained']);
const MAKES_ME = new Set(['makes', 'made', 'make', 'making']);
const OBJECT_PRONOUNS = new Set(['me', 'us']);
const DEGREE_WORDS = new Set(['so', 'very', 'really', 'just', 'deeply', 'truly', 'quite', 'too', 'extremely', 'incredibly', 'absolutely', 'also', 'still', 'not']);

/** Whether the quotation whose words start at `from` follows "the word", "the term", "the phrase"…: a word mentioned, not used. */
function mentioned(text: string, from: number): boolean {
  return /\b(word|words|term|terms|phrase|phrases|expression|slogan|hashtag)\s*["“‘']?$/i.test(text.slice(Math.max(0, from - 24), from));
}

/** Words that open a clause said in someone's words right after the verb of saying ("said he would", "says the plan is"). */
const OPENS_A_CLAUSE: ReadonlySet<string> = new Set([...DETERMINERS, ...'he she they it we i you there a an some many most all no'.split(' ')]);
/**
 * Whether what stands between two words of one sentence ends a clause: a comma, a semicolon or a
 * colon, a dash (also typed "--" or " - "), a bracket or a quotation mark. Unlike `CLAUSE_EDGE`
 * (cues.ts), not a full stop: inside a sentence it closes an abbreviation ("Mr. Rhodes had
 * emphasized", "Peoria, Ill., said").
 */
const endsClause = (gap: string): boolean => /[,;:!?()[\]"“”–—]|--|\s-\s/.test(gap);
/** The verb that names what someone says a thing is: "calls that evidence unreliable". */
const CALLS: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling']);
/** Words that may stand between two coordinated words ("amnesty or a path to citizenship", "reform, or an overhaul"). */
const COORDINATING = new Set(['or', 'and', 'nor']);
const BETWEEN_COORDINATED = new Set(['or', 'and', 'nor', 'a', 'an', 'the', 'either', 'neither', 'even']);

/**
 * Whether a word of a set of alternatives (a `charged` set: one meaning, told in words of different
 * tones) stands joined by "or", "and" or "nor" to another word of its set ("he still opposes
 * amnesty or a path to citizenship"): the sentence names both ways of telling the thing, and
 * neither is the outlet's choice. Linear in the member's matches for each match.
 */
function besideItsAlternative(tokens: readonly PlacedToken[], match: TermMatch, matches: readonly TermMatch[]): boolean {
  if (match.term.role !== 'charged') return false;
  return matches.some((other) => {
    if (other === match || other.term.setId !== match.term.setId || other.term.term === match.term.term) return false;
    const [first, second] = other.from < match.from ? [other, match] : [match, other];
    if (second.from < first.to || second.from - first.to > 3 || tokens[first.from]!.paragraph !== tokens[second.from]!.paragraph) return false;
    const between = tokens.slice(first.to, second.from);
    return between.some((token) => COORDINATING.has(token.norm)) && between.every((token) => BETWEEN_COORDINATED.has(token.norm));
  });
}

/** Words before "call" that leave no one calling: a determiner, a preposition, the passive. */
const NO_CALLER_BEFORE: ReadonlySet<string> = new Set('the a an of to for be is are was were been being'.split(' '));
/** Words after "call" that make it a demand, a visit or a name given, not a word for something. */
const NOT_NAMING_AFTER: ReadonlySet<string> = new Set('for on off up out in back to it'.split(' '));

/**
 * Whether the form of "call" at tokens[verb] names what a caller says something is: someone
 * before it, and after it neither a name ("a coalition called Strengthen Social Security", a name
 * given) nor "for", "on", "off" (a demand, a visit).
 */
function callsSomethingSo(tokens: readonly PlacedToken[], verb: number): boolean {
  const before = tokens[verb - 1];
  const after = tokens[verb + 1];
  if (!before || !after || after.isCapitalized || NOT_NAMING_AFTER.has(after.norm)) return false;
  return !NO_CALLER_BEFORE.has(before.norm);
}

/** Verbs of saying that take what was said after "of" or "for" ("accused the administration of presiding over …"). */
const CHARGES_OF = /^(accus|blam|condemn|critici|prais|hail|credit)/;

/**
 * Whether the word at tokens[at] stands in someone's reported speech: after a verb of saying in
 * its sentence, with someone saying it (a word before the verb), inside the clause the verb opens:
 * after "that" a few words on ("said in a homily that …", "told reporters on Tuesday that …"),
 * after "of" or "for" for a charge ("accused the administration of …"), or right after the verb
 * where a clause starts there ("he has said he does not …", "says the plan is …"). Not a verb after
 * a quotation ("…,” said Smith, a fierce critic"), whose words after it are the outlet's, and not a
 * verb used as a noun or in the passive (`sayingVerbAsNoun`). Linear in the words between the
 * sentence's start and `at`.
 */
function reportedAt(source: string, tokens: readonly PlacedToken[], keys: readonly string[], saying: ReadonlySet<string>, sentence: TextSpan, at: number): boolean {
  const paragraph = tokens[at]!.paragraph;
  // What stands between a word and the one before it (spaces, punctuation, quotation marks).
  const gap = (i: number): string => source.slice(tokens[i - 1]!.end, tokens[i]!.start);
  const inSentence = (i: number): boolean => i >= 0 && i < tokens.length && tokens[i]!.paragraph === paragraph && tokens[i]!.start >= sentence.start && tokens[i]!.end <= sentence.end;
  for (let verb = at - 1; inSentence(verb); verb--) {
    // The clause ends at a comma, a dash, a bracket or a quotation mark, or at a word that opens
    // another clause ("…, a surprisingly downbeat assessment", "said it needs time, but it
    // commended", "insisted he had done nothing wrong and marveled"): what follows is the outlet's.
    if (endsClause(gap(verb + 1)) || CLAUSE_OPENERS.has(tokens[verb]!.norm)) return false;
    // "Call" names what someone said a thing is ("Wal-Mart calls that evidence unreliable", "what
    // he called an inconsistency"), where someone calls (see `callsSomethingSo`): what follows is
    // the speaker's word for it.
    const naming = CALLS.has(tokens[verb]!.norm) && callsSomethingSo(tokens, verb);
    if ((!naming && !saying.has(keys[verb]!)) || !inSentence(verb - 1) || sayingVerbAsNoun(tokens, verb)) continue;
    let opens: number | undefined;
    const charge = CHARGES_OF.test(tokens[verb]!.norm);
    for (let j = verb + 1; j <= at && j <= verb + 8; j++) {
      if (endsClause(gap(j))) break;
      const norm = tokens[j]!.norm;
      if (norm === 'that' || (charge && (norm === 'of' || norm === 'for'))) {
        opens = j + 1;
        break;
      }
    }
    const next = tokens[verb + 1];
    if (opens === undefined && next !== undefined && verb + 1 <= at && /^\s+$/.test(gap(verb + 1)) && (OPENS_A_CLAUSE.has(next.norm) || next.isCapitalized || next.isNumber)) opens = verb + 1;
    if (opens !== undefined && opens <= at) return true;
  }
  return false;
}

/**
 * Whether the word at tokens[at] tells how the speaker feels, in their own words: "I feel
 * terrible", "I'm so proud", "we were saddened", "it makes me sad", "I was thrilled and excited".
 * Someone's feeling, reported in a quotation, is no judgement of anyone. Looks back over words of
 * degree to a verb of being or feeling after "I" or "we", a contracted "I'm" or "we're", or "makes
 * me": a few words, O(1).
 */
function speakersOwnFeeling(tokens: readonly PlacedToken[], at: number): boolean {
  let k = at - 1;
  const paragraph = tokens[at]!.paragraph;
  const word = (i: number): string | undefined => (i >= 0 && tokens[i]!.paragraph === paragraph ? tokens[i]!.norm : undefined);
  while (word(k) !== undefined && DEGREE_WORDS.has(word(k)!)) k--;
  // The second of two feelings ("I was thrilled and excited").
  if (word(k) === 'and' && k - 1 >= 0 && k - 1 < at) return speakersOwnFeeling(tokens, k - 1);
  if (word(k) !== undefined && FEELING_VERBS.has(word(k)!)) return word(k - 1) !== undefined && FIRST_PERSON.has(word(k - 1)!);
  if (word(k) !== undefined && FIRST_PERSON.has(word(k)!) && /^i['’]m|^we['’]re|^i['’]ve|^we['’]ve/.test(word(k)!)) return true;
  return word(k) !== undefined && OBJECT_PRONOUNS.has(word(k)!) && word(k - 1) !== undefined && MAKES_ME.has(word(k - 1)!);
}

/** Words of denial: "not", "no", "never", "nothing", and any verb with "n't" ("isn't", "shouldn’t"). */
const NEGATIONS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none']);
const isNegation = (norm: string): boolean => NEGATIONS.has(norm) || /n['’]t$/.test(norm);
/** Words that may stand between a denial and what it denies: "not an excuse", "no such impropriety", "never been any", "shouldn't be". */
const DENIAL_BRIDGE = new Set(['a', 'an', 'the', 'any', 'such', 'be', 'been', 'being', 'so', 'very', 'too', 'quite', 'at', 'all', 'really', 'truly']);
/**
 * Whether the word at tokens[at] is denied right where it stands: "that's no excuse", "there was
 * no such impropriety", "it is not insignificant", "there had never been any inappropriate
 * exchanges", "you shouldn't be demonized". Looks back over up to three words of `DENIAL_BRIDGE`
 * in the same paragraph: O(1). ("We can't respond to a stunning loss" denies the responding.)
 */
function deniedWhereItStands(tokens: readonly PlacedToken[], at: number): boolean {
  const paragraph = tokens[at]!.paragraph;
  for (let k = at - 1; k >= 0 && k >= at - 4 && tokens[k]!.paragraph === paragraph; k--) {
    const norm = tokens[k]!.norm;
    if (isNegation(norm)) return true;
    if (!DENIAL_BRIDGE.has(norm)) return false;
  }
  return false;
}

/** The loaded words and scare quotes of one member. */
function findLoaded(documents: readonly SourceDocument[], member: PreparedMember, { index: charged, saying }: ChargedLexicon): Found[] {
  const { document, tokens, sentences, quoted: quotes } = member;
  const text = document.text;
  const found: Found[] = [];
  const sentenceAt = (offset: number): TextSpan | undefined => sentences.find((s) => s.start <= offset && offset < s.end);
  const quoteAt = (start: number, end: number): readonly [number, number] | undefined => quotes.find(([a, b]) => a <= start && end <= b);

  // Names: a capital inside a sentence (termTextOf), or at its start when the articles write it with
  // a capital inside a sentence or another capital follows; in a title-case headline, a word the
  // articles write with a capital inside a sentence.
  const termText = member.termText;
  const titled = new Set(member.paragraphs.filter((index) => document.paragraphs[index]!.kind === 'title' && titleCase(tokens.filter((token) => token.paragraph === index))));
  const isName = tokens.map((token, i) => {
    if (!token.isCapitalized) return false;
    if (titled.has(token.paragraph)) return documents.some((d) => namesIn(d).has(nameKey(token.norm)));
    if (termText.isName[i]) return true;
    if (!opensSentence(text, token.start)) return false;
    // After a title's or an initial's full stop ("Rep. Slaughter", "Louise M. Slaughter") it is a
    // name, not a sentence's start.
    const before = tokens[i - 1];
    const initial = before !== undefined && before.isCapitalized && before.end - before.start === 1;
    if (before && before.paragraph === token.paragraph && (isTitle(before.norm) || initial) && /^\.\s*$/.test(text.slice(before.end, token.start))) return true;
    // At a sentence's start, a capital says nothing: a name there is one the articles write with a
    // capital inside a sentence too ("Brat received …" where another says "Dave Brat"), or one
    // followed by another capital.
    if (documents.some((d) => namesIn(d).has(nameKey(token.norm)))) return true;
    const next = tokens[i + 1];
    return next !== undefined && next.paragraph === token.paragraph && next.isCapitalized && !STOP_WORDS.has(token.norm) && !opensSentence(text, next.start);
  });

  // A word of stance beside a verb of saying tells how something was said ("stated clearly",
  // "clearly says"), not what the writer thinks of it.
  const besideSaying = (from: number, to: number): boolean =>
    [from - 1, to].some((i) => i >= 0 && i < tokens.length && tokens[i]!.paragraph === tokens[from]!.paragraph && saying.has(termText.keys[i]!));
  // Words that a longer term of another set holds ("claimed" in "claimed over 46,500 lives", a way
  // of reporting deaths): that term's words, not a verb of saying of their own (see `withoutHeldVerbs`).
  const held = heldByLongerTerms(member.terms);
  const matches = findTerms(charged, { ...termText, isName });
  for (const match of matches) {
    if (isName.slice(match.from, match.to).some(Boolean)) continue;
    if (besideItsAlternative(tokens, match, matches)) continue;
    if (acrossQuotationMark(text, tokens, match) || endsOnADate(tokens, match)) continue;
    if (heldVerb(match, held)) continue;
    if (isStance(match.term) && besideSaying(match.from, match.to)) continue;
    // A verb of saying used as a noun or in the passive reports no one: "the claims", "the warning sirens".
    if (match.term.role === 'saying' && sayingVerbAsNoun(tokens, match.from)) continue;
    // What a court filing says is told with the law's own verbs ("the lawsuit alleges", "the
    // indictment asserted"): the word for its contents, not a doubt the outlet casts.
    if (judgesAlone(match.term) && saidByAFiling(tokens, match.from)) continue;
    // A word that judges, set before a colour, tells a shade ("a stark blue background").
    if (match.term.role === 'evaluative' && tellsAShade(tokens, match.to)) continue;
    const start = tokens[match.from]!.start;
    const end = tokens[match.to - 1]!.end;
    // One word in two sets (a form of "pledged" and of "pledging") is one loaded word.
    if (found.some((item) => item.start === start && item.end === end)) continue;
    const sentence = sentenceAt(start);
    if (!sentence) continue;
    const quote = quoteAt(start, end);
    // A word the outlet mentions rather than uses ("he doesn't use the word “cuts”"): no one's word for anything.
    if (quote && mentioned(text, quote[0])) continue;
    // A short quotation in capitals is a title ("“Rage”", "“Talking Points Memo”"): a name.
    const quotedWords = quote ? tokens.filter((token) => token.start >= quote[0] && token.end <= quote[1] && !STOP_WORDS.has(token.norm)) : [];
    if (quote && quotedWords.length <= 6 && quotedWords.every((token) => token.isCapitalized) && !titled.has(tokens[match.from]!.paragraph)) continue;
    // A word of degree alone ("very", "really", "deeply": tone "intensifier"), of stance
    // ("clearly", "of course"), a crowd credited with a claim ("some people are saying") or praise
    // ("grateful", "wonderful") is how people talk: in a quotation it is neither the outlet's choice
    // nor a judgement the outlet makes.
    if (quote && howPeopleTalk(match.term)) continue;
    // …nor is the speaker's own feeling ("I feel terrible for her", "we're thrilled", "it makes me
    // sad"): someone telling how they feel judges no one.
    if (quote && speakersOwnFeeling(tokens, match.from)) continue;
    // …nor a judgement the speaker denies ("that's no excuse", "there was no such impropriety"):
    // the speaker turns a word away, which the outlet only reports. (On BASIL, ten such differences,
    // none on a span annotators marked as loaded; in an outlet's own words "has not been shy" still
    // frames, and is marked.)
    if (quote && deniedWhereItStands(tokens, match.from)) continue;
    // "Very" after a determiner is an adjective that says which, not how much: "at the very least",
    // "the very heart of", "this very room" ("the hugely successful film" is a word of degree).
    const previous = tokens[match.from - 1];
    if (degreeOnly(match.term) && tokens[match.from]!.norm === 'very' && previous !== undefined && previous.paragraph === tokens[match.from]!.paragraph && DETERMINERS.has(previous.norm)) continue;
    const reported = quote === undefined && reportedAt(text, tokens, termText.keys, saying, sentence, match.from);
    found.push({ doc: member.doc, start, end, keys: termText.keys.slice(match.from, match.to), term: match.term, scare: false, quoted: quote !== undefined, sentence, ...(reported ? { reported } : {}) });
  }

  /** Whether a verb of saying is among the last words before a "that" ("said that", "told reporters on Tuesday that"). */
  const saidBefore = (head: string): boolean => {
    const words = (head.match(/[\p{L}'’-]+/gu) ?? []).slice(-6, -1);
    return words.some((word) => saying.has(inflectionKey(word.toLowerCase())));
  };

  // Scare quotes: one to three words in quotation marks inside a sentence, not a name, not a
  // quotation of what someone said ("Today", a title, is a name; “That is false.” is a statement).
  for (const [from, to] of quotes) {
    const inner = text.slice(from, to).replace(/[\s.,;:!?]+$/u, '');
    const words = tokens.filter((token) => token.start >= from && token.end <= from + inner.length);
    // (A label holds no comma: “nastiness, divisiveness, ugliness” is a list someone said.)
    if (words.length === 0 || words.length > SCARE_MAX_WORDS || /[.!?;:,]/.test(inner) || /^\s/.test(inner)) continue;
    if (!/^\p{Ll}/u.test(inner) || words.some((token) => token.isCapitalized) || words.every((token) => STOP_WORDS.has(token.norm) || token.isNumber)) continue;
    // A label is a name for something, never one that opens on a function word or a negated verb:
    // “is definitely suspicious” after "the warehouse fire", or "the fire “didn't start”", is a
    // fragment of what someone said.
    if (STOP_WORDS.has(words[0]!.norm) || /n['’]t$/.test(words[0]!.norm)) continue;
    // Inside a longer quotation, quotation marks are the speaker's, not scare quotes.
    if (quotes.some(([a, b]) => a < from - 1 && to + 1 <= b)) continue;
    const sentence = sentenceAt(words[0]!.start);
    if (!sentence || sentence.start >= from - 1) continue;
    // Punctuation before the quotation marks introduces a quotation (the subject line, “conference
    // call”; he said: “fine”): a label held at a distance stands inside its phrase, with no comma
    // or colon before it.
    if (/[,:;]\s*$/.test(text.slice(sentence.start, from - 1))) continue;
    // Nor is a word quoted as a word ("used the word “theology”", "the term “amnesty”"): the outlet
    // mentions it, holding nothing at a distance.
    if (mentioned(text, from)) continue;
    // Used as a label: after a determiner ("the “cover-up”", "a massive political “cover-up”") or a
    // verb that names ("dubbed “birthers”"), with at most two describing words between.
    const before = (text.slice(sentence.start, from - 1).match(/[\p{L}'’-]+/gu) ?? []).slice(-3).map((word) => word.toLowerCase()).reverse();
    const label = before.findIndex((word) => LABEL_BEFORE.has(word));
    if (label < 0 || before.slice(0, label).some((word) => STOP_WORDS.has(word))) continue;
    // "that" after a verb of saying opens what was said: “excessive subjectivity” in "Justice Kagan
    // said that “excessive subjectivity” may …" or "said on Tuesday that …" is the speaker's words,
    // not a label.
    if (before[label] === 'that' && saidBefore(text.slice(sentence.start, from - 1))) continue;
    const start = words[0]!.start;
    const end = words[words.length - 1]!.end;
    // The scare quotes stand for the words inside them: a lexicon word there is not marked twice
    // (but kept with them, for a sentence no other source tells, where scare quotes set nothing apart).
    const held: Found[] = [];
    for (let i = found.length - 1; i >= 0; i--) if (found[i]!.start >= start && found[i]!.end <= end) held.unshift(...found.splice(i, 1));
    found.push({ doc: member.doc, start, end, keys: words.map((token) => inflectionKey(token.norm)), scare: true, quoted: false, sentence, inner: held });
  }
  return found;
}

const overlaps = (x: TextSpan, y: TextSpan): boolean => x.doc === y.doc && x.start < y.end && y.start < x.end;

/** Where the words of `member` within `span` hold the words `keys` in a row, if they do. */
function findWords(member: PreparedMember, span: TextSpan, keys: readonly string[]): TextSpan | undefined {
  const inside: number[] = [];
  member.tokens.forEach((token, i) => {
    if (token.start >= span.start && token.end <= span.end) inside.push(i);
  });
  const memberKeys = member.termText.keys;
  for (let i = 0; i + keys.length <= inside.length; i++) {
    let k = 0;
    while (k < keys.length && memberKeys[inside[i + k]!] === keys[k]) k++;
    if (k === keys.length) return { doc: member.doc, start: member.tokens[inside[i]!]!.start, end: member.tokens[inside[i + keys.length - 1]!]!.end };
  }
  return undefined;
}

/** One source's use of a loaded word that every source telling the sentence shares. */
interface SharedUse {
  readonly doc: number;
  readonly span: TextSpan;
  readonly term: IndexedTerm;
  readonly quoted: boolean;
}

const spanKey = (span: TextSpan): string => `${span.doc}:${span.start}:${span.end}`;

/**
 * The uses of a loaded word shared by every source whose matching sentences tell the same thing,
 * as one difference (`loaded-word-shared`): one span and one side per source, in the order of the
 * sources. A source that writes it in its own words `has` it; one in which it stands inside a
 * quotation `quotes` it (the speaker's word, which that outlet prints).
 */
function sharedMark(passage: Passage, uses: readonly SharedUse[], set: IndexedTerm): Difference {
  const sorted = [...uses].sort((x, y) => x.doc - y.doc);
  return {
    group: passage.group.id,
    kind: 'loaded-term',
    spans: sorted.map((use) => use.span),
    rule: 'loaded-word-shared',
    sides: sorted.map((use): DifferenceSide => ({ doc: use.doc, part: use.quoted ? 'quotes' : 'has', terms: [termAt(passage.documents[use.doc]!, use.span, use.term)] })),
    set: { id: set.setId, name: set.setName },
  };
}

/**
 * The loaded-term differences of one passage: each loaded word or scare quote of a member that the
 * matching sentences of another member do not use, with the plain counterpart that member uses
 * where the lexicon has one.
 *
 * A loaded word that every such member uses too is marked once, for all of them (`loaded-word-shared`).
 *
 * `alone`: the passage is what no other source tells (a source's paragraphs only it has, prepared
 * as a passage of one member, see loaded-language-alone.ts). Each of its loaded words is marked on
 * its own, as a word in a sentence no other source tells is, under the rule `loaded-word-alone`.
 */
export function loadedLanguageDifferences(passage: Passage, alone = false): Difference[] {
  const { documents, group, members } = passage;
  const charged = chargedLexicon(passage.lexicon);
  const { bySet, loaded } = charged;
  // The rule is the lexicon's: without loaded-language sets (no lexicon, or a person's own without
  // them) nothing is marked, scare quotes included.
  if ((members.length < 2 && !alone) || !loaded) return [];
  const found = new Map(members.map((member) => [member.doc, findLoaded(documents, member, charged)]));
  const links = group.sentences ?? [];
  const out: Difference[] = [];
  // The shared mark that holds each use, by its span (its index in `out` and the uses it holds): a
  // use is in one shared mark.
  const sharedOf = new Map<string, { readonly at: number; readonly uses: SharedUse[] }>();
  // The loaded words set against a source whose matching sentence does without them, by span.
  const contrasted = new Set<string>();
  // The contrast marks made so far, by the word and the sources set against it: a source that uses
  // the same word against the same others joins the mark rather than make one of its own (in a
  // passage of twenty sources, ten quoting the speaker's word against three that do not).
  const contrastMarks = new Map<string, { readonly at: number; writers: number; spans: number }>();
  // The speaker's loaded words of one quotation that the other sources' matching sentences do not
  // use, by the quotation and those sources: one difference, as in a sentence no other source tells.
  const quotationMarks = new Map<string, number>();
  // The difference that holds the speaker's loaded words of a quotation no other source tells, by
  // the quotation (its source and start).
  const speakersWords = new Map<string, { readonly spans: TextSpan[]; readonly terms: DifferenceTerm[] }>();
  /**
   * A loaded word every partner's matching sentences use too, each as a loaded word of its own (not
   * inside a name): `uses`, this member's first. Left unmarked, as elsewhere in this rule where no
   * other source's words set it apart:
   * - scare quotes (the caller never asks: the marks are a choice only beside a source that writes
   *   the words without them);
   * - a verb of saying that judges ("claimed": the caller leaves a sentence another source tells
   *   to the attribution rules, and the same verb in each is the story's telling, not one outlet's
   *   choice of words);
   * - the plain word of a set (`isNeutral`, skipped by the caller): it is not loaded;
   * - a word of degree alone ("very": `degreeOnly`), worth pointing at only beside a source that
   *   says the same without it;
   * - a word inside a quotation in every source: the speaker's word, which every outlet prints as
   *   it was said ("“deeply saddened”"), is no outlet's choice of words, and sets no source apart;
   *   what is quoted is the quote rule's. (On BASIL, marking them too gave lex-span recall 0.425
   *   at lift 4.16, against 0.421 at 4.20 without, and a reading of them found half a speaker's
   *   ordinary words: "ashamed", "profoundly", "coherent".)
   * Where at least one source writes it in its own words, it is marked: that source is a side that
   * `has` it, and one that has it inside a quotation a side that `quotes` it (one outlet writing
   * the speaker's word as its own, where another quotes it).
   * One mark for the sources that share it, not one per source: the first member in order that has
   * the word makes it, and a member whose use it already holds makes no other. Should that member's
   * partners reach a source the mark lacks (the sentence links need not be transitive), that
   * source's use joins the mark.
   */
  const markShared = (uses: readonly SharedUse[], term: IndexedTerm): void => {
    if (degreeOnly(term)) return;
    const held = uses.map((use) => sharedOf.get(spanKey(use.span))).find((mark) => mark !== undefined);
    if (!held && uses.every((use) => use.quoted)) return;
    const mark = held ?? { at: out.length, uses: [] };
    const added = uses.filter((use) => !sharedOf.has(spanKey(use.span)) && !mark.uses.some((u) => u.doc === use.doc));
    if (added.length === 0) return;
    mark.uses.push(...added);
    for (const use of added) sharedOf.set(spanKey(use.span), mark);
    out[mark.at] = sharedMark(passage, mark.uses, term);
  };
  /**
   * Whether a member's sentences hold a verb of saying (any, used as a verb or not): the starts of
   * each member's verbs of saying are listed once, in reading order, and each sentence is looked up
   * by binary search, O(log T) a sentence.
   */
  const sayingStarts = new Map<number, number[]>();
  const saysIn = (doc: number, sentences: readonly TextSpan[]): boolean => {
    let starts = sayingStarts.get(doc);
    if (!starts) {
      const other = passage.memberOf(doc);
      starts = other ? other.terms.filter((term) => term.term.role === 'saying').map((term) => other.tokens[term.from]!.start).sort((x, y) => x - y) : [];
      sayingStarts.set(doc, starts);
    }
    const list = starts;
    return sentences.some((sentence) => {
      let low = 0;
      let high = list.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (list[middle]! < sentence.start) low = middle + 1;
        else high = middle;
      }
      return low < list.length && list[low]! < sentence.end;
    });
  };
  for (const member of members) {
    const { document } = member;
    for (const item of found.get(member.doc)!) {
      if (isNeutral(item.term)) continue;
      // The sentences of each other member that the alignment matched to this one.
      const partners: { doc: number; sentences: TextSpan[] }[] = [];
      for (const other of alone ? [] : members) {
        if (other.doc === member.doc) continue;
        const sentences: TextSpan[] = [];
        for (const link of links) {
          const [x, y] = link.spans;
          if (overlaps(x, item.sentence) && y.doc === other.doc) sentences.push(y);
          else if (overlaps(y, item.sentence) && x.doc === other.doc) sentences.push(x);
        }
        if (sentences.length > 0) partners.push({ doc: other.doc, sentences });
      }
      // A judging word in a sentence no other source tells is still the outlet's choice of words,
      // and a reader should see it: marked on its own, with no other side; so is a phrase in scare
      // quotes, the quotation marks the outlet's choice too.
      // A judging word inside a quotation is the speaker's, and said so; that the outlet chose to
      // quote it ("“unhinged”", "“phony”") is its choice. (A verb of saying inside a quotation is
      // neither: it is how the speaker tells something.)
      // A word of degree alone ("very") is worth pointing at only beside a source that says the
      // same without it.
      if (partners.length === 0) {
        // Scare quotes round no loaded word: the phrase held at a distance, with no other side (a
        // label such as “prank” or the “students”, someone's or the outlet's). Round a loaded word,
        // the word is marked as any other here, with what the lexicon says of it.
        if (item.scare && (item.inner ?? []).length === 0) {
          out.push({
            group: group.id,
            kind: 'loaded-term',
            spans: [{ doc: member.doc, start: item.start, end: item.end }],
            rule: alone ? 'scare-quotes-alone' : 'scare-quotes',
            sides: [{ doc: member.doc, part: 'has', terms: [{ text: document.text.slice(item.start, item.end) }] }],
          });
          continue;
        }
        for (const word of item.scare ? (item.inner ?? []) : [item]) {
          if (isNeutral(word.term) || (word.quoted && judgesAlone(word.term)) || (word.term && degreeOnly(word.term))) continue;
          // The speaker's words in one quotation are one difference ("“nastiness”, “divisiveness”
          // and “ugliness” are in a quotation in Fox"), each word marked: the outlet chose the
          // quotation, not each word of it.
          const quotation = word.quoted ? member.quoted.find(([a, b]) => a <= word.start && word.end <= b) : undefined;
          const quotationKey = quotation ? `${member.doc}:${quotation[0]}` : undefined;
          const span = { doc: member.doc, start: word.start, end: word.end };
          const term = termAt(document, word, word.term!);
          const same = quotationKey === undefined ? undefined : speakersWords.get(quotationKey);
          if (same) {
            same.spans.push(span);
            same.terms.push(term);
            continue;
          }
          // The difference holds these arrays, which later words of the same quotation join.
          const words = { spans: [span], terms: [term] };
          if (quotationKey !== undefined) speakersWords.set(quotationKey, words);
          out.push({
            group: group.id,
            kind: 'loaded-term',
            spans: words.spans,
            rule: alone ? 'loaded-word-alone' : word.quoted ? 'loaded-word-quoted' : 'loaded-word',
            sides: [{ doc: member.doc, part: 'has', terms: words.terms }],
            set: { id: word.term!.setId, name: word.term!.setName },
            ...(alone && word.quoted ? { evidence: { quoted: true } } : word.reported ? { evidence: { reported: true } } : {}),
          });
        }
        continue;
      }
      // A verb of saying in a sentence another source tells is verb-contrast's, where that source's
      // matching sentence has a verb of saying to set beside it; where it has none ("a committee
      // that has vowed to use videos" / "which conducts research"), the judging verb is this
      // source's alone and is marked as a loaded word. (Inside a quotation it is the speaker's way
      // of telling something, never marked.)
      if (judgesAlone(item.term) && (item.quoted || partners.some((partner) => saysIn(partner.doc, partner.sentences)))) continue;
      const contrast: { doc: number; counterparts: Counterpart[]; plain: boolean }[] = [];
      // The partners whose matching sentences use the same word as a loaded word of their own.
      const shared: SharedUse[] = [];
      for (const partner of partners) {
        const other = passage.memberOf(partner.doc)!;
        // A speaker's word that the other source quotes too, anywhere in its report (in a sentence
        // the alignment did not match to this one), is the speaker's in both: no contrast with it.
        // (Not so for scare quotes: the same words quoted elsewhere do not make these marks the
        // other's; on BASIL, treating them alike lost lex-span recall, 0.525 to 0.517.)
        if (item.quoted && !item.scare && item.keys.every((key) => quotedKeys(documents[partner.doc]!).has(key))) continue;
        if (item.scare) {
          // Scare quotes are set apart by the marks: the same words in quotation marks there too
          // (as a label or inside a longer quotation) is no contrast.
          const used = partner.sentences.map((s) => findWords(other, s, item.keys)).find((span) => span !== undefined);
          if (used && other.quoted.some(([a, b]) => a <= used.start && used.end <= b)) continue;
          contrast.push({ doc: partner.doc, counterparts: [], plain: used !== undefined });
          continue;
        }
        const used = partner.sentences.map((s) => findWords(other, s, item.keys)).find((span) => span !== undefined);
        if (used) {
          // Shared only where it is a loaded word of their own there too: not a name ("Brilliant
          // Harbour Trust"), and not inside scare quotes (the scare-quotes mark sets those apart
          // from this source's plain word).
          const theirs = found.get(partner.doc)!.find((f) => !f.scare && f.start === used.start && f.end === used.end);
          if (theirs?.term) shared.push({ doc: partner.doc, span: used, term: theirs.term, quoted: theirs.quoted });
          continue;
        }
        // The other words of the same set of one meaning that the matching sentences use, plain ones first.
        const counterparts: Counterpart[] = [];
        if (item.term?.role === 'charged') {
          const candidates = (bySet.get(item.term.setId) ?? []).filter((t) => !t.keys.includes(GAP) && t.keys.join(' ') !== item.keys.join(' '));
          candidates.sort((x, y) => Number(isNeutral(y)) - Number(isNeutral(x)) || y.keys.length - x.keys.length);
          for (const candidate of candidates) {
            const span = partner.sentences.map((sentence) => findWords(other, sentence, candidate.keys)).find((found) => found !== undefined);
            if (span) {
              counterparts.push({ span, term: candidate });
              break;
            }
          }
        }
        contrast.push({ doc: partner.doc, counterparts, plain: false });
      }
      if (contrast.length === 0) {
        // Every partner uses it too: no contrast, but a loaded word all the same.
        if (!item.scare && shared.length === partners.length) {
          const own: SharedUse = { doc: member.doc, span: { doc: member.doc, start: item.start, end: item.end }, term: item.term!, quoted: item.quoted };
          markShared([own, ...shared], item.term!);
        }
        continue;
      }
      const spans = [{ doc: member.doc, start: item.start, end: item.end }, ...contrast.flatMap((c) => c.counterparts.map((counterpart) => counterpart.span))];
      // A source that uses the same word (or scare quotes round the same words) against the same
      // others joins the mark made for the first, rather than make one of its own.
      const against = contrast.map((c) => `${c.doc}:${c.plain ? 'plain' : (c.counterparts[0]?.term.keys.join(' ') ?? '')}`).join('|');
      const markKey = `${item.scare ? 'scare' : item.quoted ? 'quoted' : 'written'}|${item.term?.setId ?? ''}|${item.keys.join(' ')}|${against}`;
      // A second use of the word by a source the mark holds adds its span to the mark.
      const earlier = contrastMarks.get(markKey);
      if (earlier) {
        const mark = out[earlier.at]!;
        const sides = mark.sides ?? [];
        const known = sides.some((side) => side.doc === member.doc);
        if (!item.scare) contrasted.add(spanKey(spans[0]!));
        const writer: DifferenceSide = { doc: member.doc, part: 'has', terms: [item.scare ? { text: document.text.slice(item.start, item.end) } : termAt(document, item, item.term!)] };
        if (!known) earlier.writers++;
        const at = earlier.spans++;
        // In reported speech only while every use it holds is (see `reportedAt`).
        const { reported, ...kept } = mark.evidence ?? {};
        const evidence = { ...kept, ...(earlier.writers > 1 ? { writers: earlier.writers } : {}), ...(reported === true && item.reported === true ? { reported } : {}) };
        const { evidence: _before, ...rest } = mark;
        out[earlier.at] = {
          ...rest,
          spans: [...mark.spans.slice(0, at), spans[0]!, ...mark.spans.slice(at)],
          sides: known ? sides : [...sides.slice(0, earlier.writers - 1), writer, ...sides.slice(earlier.writers - 1)],
          ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
        };
        continue;
      }
      // The speaker's words in one quotation, set against the same sources that use none of them,
      // are one difference ("“nastiness”, “divisiveness” and “ugliness” are in a quotation in
      // Nyt"): the outlet chose the quotation, not each word of it.
      const quotation = item.quoted && !item.scare && contrast.every((c) => c.counterparts.length === 0 && !c.plain) ? member.quoted.find(([a, b]) => a <= item.start && item.end <= b) : undefined;
      const quotationKey = quotation ? `${member.doc}:${quotation[0]}|${contrast.map((c) => c.doc).join(',')}` : undefined;
      const sameQuotation = quotationKey === undefined ? undefined : quotationMarks.get(quotationKey);
      if (sameQuotation !== undefined) {
        const mark = out[sameQuotation]!;
        const [writer, ...rest] = mark.sides!;
        out[sameQuotation] = { ...mark, spans: [...mark.spans, spans[0]!], sides: [{ ...writer!, terms: [...writer!.terms, termAt(document, item, item.term!)] }, ...rest] };
        contrasted.add(spanKey(spans[0]!));
        continue;
      }
      if (quotationKey !== undefined) quotationMarks.set(quotationKey, out.length);
      contrastMarks.set(markKey, { at: out.length, writers: 1, spans: 1 });
      if (item.scare) {
        // The other sources write the words without the marks, or their matching sentence does not use them.
        out.push({
          group: group.id,
          kind: 'loaded-term',
          spans,
          rule: 'scare-quotes',
          sides: [
            { doc: member.doc, part: 'has', terms: [{ text: document.text.slice(item.start, item.end) }] },
            ...contrast.map((c): DifferenceSide => ({ doc: c.doc, part: c.plain ? 'plain' : 'lacks', terms: [] })),
          ],
        });
        continue;
      }
      // The other sources: the word of the same set their matching sentence uses, or none.
      const term = item.term!;
      contrasted.add(spanKey(spans[0]!));
      out.push({
        group: group.id,
        kind: 'loaded-term',
        spans,
        rule: item.quoted ? 'loaded-word-quoted' : 'loaded-word',
        sides: [
          { doc: member.doc, part: 'has', terms: [termAt(document, item, term)] },
          ...contrast.map((c): DifferenceSide => {
            const counterpart = c.counterparts[0];
            return counterpart ? { doc: c.doc, part: 'has', terms: [termAt(documents[c.doc]!, counterpart.span, counterpart.term)] } : { doc: c.doc, part: 'lacks', terms: [] };
          }),
        ],
        set: { id: term.setId, name: term.setName },
        ...(item.reported ? { evidence: { reported: true } } : {}),
      });
    }
  }
  // A use set against a source that tells its sentence without the word is no shared word: where
  // the sentence links are not transitive (A's sentence is linked to B's and C's, B's only to A's),
  // B may find every partner using the word while A's contrast with C shows it is not every
  // source's. The contrast says it; a shared mark beside it would count A's word twice.
  return out.filter((difference) => difference.rule !== 'loaded-word-shared' || !difference.spans.some((span) => contrasted.has(spanKey(span))));
}

export const loadedLanguage: PassageRule = {
  name: 'loaded-language',
  scope: 'passage',
  produces: ['loaded-word', 'loaded-word-quoted', 'scare-quotes', 'loaded-word-shared'],
  kinds: ['loaded-term'],
  find: (passage) => ({ differences: loadedLanguageDifferences(passage) }),
};
