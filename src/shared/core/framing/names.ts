/**
 * Name variants: two ways of writing one name are not a difference of wording. "Wis." and
 * "Wisconsin", "U.S." and "United States", "G.O.P." and "GOP", "Mr. Trump", "President Trump" and
 * "Trump", "the Bureau of Alcohol, Tobacco, Firearms and Explosives" and "ATF".
 */

/** Titles and honorifics that come before a name and do not change who it is. */
const TITLES = new Set(
  'mr mrs ms miss dr prof president vice sen senator rep representative gov governor mayor judge justice chief gen general col lt sgt capt adm secretary minister prime chancellor king queen prince princess pope sir dame lord lady rev father sister brother former late the'.split(' '),
);

/** Abbreviations news styles use for the same name. Keys and values folded (lower case, no full stops). */
const SAME_NAME: readonly (readonly string[])[] = [
  ['us', 'united states', 'america', 'usa'],
  ['uk', 'united kingdom', 'britain', 'great britain'],
  ['un', 'united nations'],
  ['eu', 'european union'],
  ['gop', 'republican', 'republicans', 'republican party'],
  ['dems', 'democrats', 'democratic party'],
  ['nyc', 'new york city'],
  ['dc', 'washington'],
  ...'al alabama|ala alabama|ak alaska|az arizona|ariz arizona|ar arkansas|ark arkansas|ca california|calif california|co colorado|colo colorado|ct connecticut|conn connecticut|de delaware|del delaware|fl florida|fla florida|ga georgia|hi hawaii|id idaho|il illinois|ill illinois|in indiana|ind indiana|ia iowa|ks kansas|kan kansas|ky kentucky|la louisiana|me maine|md maryland|ma massachusetts|mass massachusetts|mi michigan|mich michigan|mn minnesota|minn minnesota|ms mississippi|miss mississippi|mo missouri|mt montana|mont montana|ne nebraska|neb nebraska|nv nevada|nev nevada|nh new hampshire|nj new jersey|nm new mexico|ny new york|nc north carolina|nd north dakota|oh ohio|ok oklahoma|okla oklahoma|or oregon|ore oregon|pa pennsylvania|penn pennsylvania|ri rhode island|sc south carolina|sd south dakota|tn tennessee|tenn tennessee|tx texas|tex texas|ut utah|vt vermont|va virginia|wa washington|wash washington|wv west virginia|wi wisconsin|wis wisconsin|wy wyoming|wyo wyoming'
    .split('|')
    .map((pair) => {
      const space = pair.indexOf(' ');
      return [pair.slice(0, space), pair.slice(space + 1)];
    }),
];
/** Whether a word (folded, no full stop) is a title or honorific that comes before a name ("sen", "president"). */
export const isTitle = (word: string): boolean => TITLES.has(word.toLowerCase().replace(/[.’']/g, '')) && word.toLowerCase() !== 'the';

const CANONICAL = new Map<string, string>();
for (const names of SAME_NAME) for (const name of names) if (!CANONICAL.has(name)) CANONICAL.set(name, names[names.length - 1]!);

/** A name folded for comparison: lower case, no full stops or possessive, titles dropped, abbreviations resolved. */
function fold(words: readonly string[]): string[] {
  // Only capitalised words are names to resolve ("in" is not Indiana, "me" not Maine).
  const kept = words.filter((word) => {
    const bare = word.toLowerCase().replace(/[.’']/g, '');
    return bare.length > 0 && !TITLES.has(bare) && bare !== 'of' && bare !== 'and';
  });
  const folded = kept.map((word) => word.toLowerCase().replace(/[.]/g, '').replace(/['’]s$/, '').replace(/['’]/g, ''));
  const capitalised = kept.every((word) => /^\p{Lu}/u.test(word));
  if (!capitalised) return folded;
  const whole = CANONICAL.get(folded.join(' '));
  if (whole) return [whole];
  return folded.map((word) => CANONICAL.get(word) ?? word);
}

/** Whether every word is capitalised or an abbreviation: a name, not a description. */
function isName(words: readonly string[]): boolean {
  return words.length > 0 && words.every((word) => /^[\p{Lu}]/u.test(word) || ['of', 'and', 'the'].includes(word.toLowerCase()));
}

/** The initials of a name's words ("Alcohol Tobacco Firearms Explosives" → "atfe"). */
const initials = (words: readonly string[]): string => words.map((word) => word[0]).join('');

/**
 * Whether two runs of words are variants of one name: the same name once titles, full stops and
 * standard abbreviations are set aside, one the other's surname ("President Trump" / "Trump"), or
 * one the other's initials ("ATF" / "Alcohol, Tobacco, Firearms and Explosives").
 */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 && b.length === 0) return false;
  const [x, y] = [fold(a), fold(b)];
  if (x.join(' ') === y.join(' ')) return x.length > 0 || isName(a) || isName(b);
  if (!isName(a) || !isName(b)) return false;
  if (x.length === 0 || y.length === 0) return true;
  // A title added or dropped, or a first name: "Trump" against "Donald Trump".
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.every((word) => long.includes(word))) return true;
  // Initials: "atf" against "alcohol tobacco firearms explosives" (the last letters may be dropped).
  const letters = initials(long);
  return short.length === 1 && short[0]!.length >= 2 && (letters === short[0] || letters.startsWith(short[0]!));
}
