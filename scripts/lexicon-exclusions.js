// The exclusion lists of the derived lexicons: words that report rather than judge, by kind, chosen
// from the lexicons' own word lists, never from any annotated news; but the first line of "what
// people were reported to feel or do", and in stop 34 "unhappy", "conspire" and the sense of "stun"
// before "grenades", came from a teacher's reading of Parallax's own output on news of the eval
// folder (see resources/lexicon/README.md). scripts/make-loaded-lexicon.js
// leaves them out of evaluative.json; scripts/make-induced-lexicon.js leaves them out of
// induced.json and learns from them what a word that reports looks like.

/** The exclusion list: words that report rather than judge, by kind. A trailing * takes every word that starts so. */
export const EXCLUDED = {
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
    charges arrest* crime criminal criminals detain detained detention imprisoned jailed prison prisoner prisoners interrogated
    prosecute* prosecution penalty perjury felony felonies offender* offending offenses perpetrator sedition treason
    illegal infringement violate violated violates violating violation* violator* smuggl* thief thieve thieves thievery
    fraud frauds fraudulence fraudulent guilty guiltier guiltiest guiltiness innocence justice exonerate* absolved
    absolving pardoning conspiracy conspire conspired conspires conspiring libelous harass* punish punished punishes punishing punishment* punishable punitive ban
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
    anger angered angry angrily unhappy unhappily unhappiness frustration frustrations frustrated disappointment disappointments disappointed controversy controversies
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

/**
 * Hu and Liu's words reviewed in the same way (their list was built from product reviews, so it also
 * holds words that describe things: "portable", "leaky", "noise"). Applied to their words only.
 */
export const EXCLUDED_HULIU = {
  'events and harm': `
    abort aground ailment altercation ambush amputate assassinate atrophy avalanche battered besiege bleed bleeding
    bombard bombardment breakdown breakthrough breakup breathlessness bruise burn cancerous capsize castrated
    celebration celebratory clash crumble cure deadly delirium deluge demise demolish deteriorate deterioration
    disintegrate disintegration disrupt drought dying efficacious effusion emaciated endanger engulf epidemic eruptions
    explode extinguish fall fallout famine fever flare flee fracture handily hang headway heal hung infection
    inflammation inflict inoperable intrusion inundate jolt knife lead led lethal lifeless lull malignant mangle mishap
    ordeal orphan outbreak outdo outdone overpower overrun overtake overtaken overtook paralyzed patient plot plotters
    punch raked reclaim recover relapse remission repel resurgent retreated revival rupture scarred setback shipwreck
    sickness siege sink skeletons smash smoke standstill starvation succumb suffocate sunk sunken survival swamped
    symptom syndrome toll unaffected undamaged unresponsive uproot victorious victory virus wound`,
  'crime and justice': `
    abscond affirm allegation appeal assassin blackmail blasphemy bribery compliant confession conspirator contravene
    corruption covenant credible defamation defrauding delinquency disorderly enjoin entrapment evade evasion expunge
    extort extortion felon felonious forfeit forged fugitive graft harboring illegally illicit impartial impartiality
    impartially implicate imprisonment indecency infraction infringe intoxicate invalid invalidate invalidity
    involuntarily involuntary lawful lawfully liable loot mobster negligence negligent obscenity overturn penalize
    permissible plea premeditated quash reasonable recant remedy reprimand revoke stole subpoena sue sued tamper
    unconstitutional unlawful unlawfully unlicensed upheld uphold wrongful`,
  'economic results': `
    affluence affluent afford affordable balanced bearish boom bullish cannibalize cashback cheap cheaper cheapest
    costlier destitute destitution diversified downgrade downturn dwindling economical exceed exceeded expensive
    flourish fortune fulfillment gainful gainfully glut imbalance indebted indigent inequalities inexpensive
    inflationary insolvent irrecoverable jitters jittery jobless layoff leverage lucrative outperform outstrip plentiful
    pricey pricier prohibitive prohibitively prosper prosperity recovery redundancy redundant refund regressive
    remunerate restructure revitalize sag sagged saver savings scarce scarcity slump soundness stability stabilize
    stagnant stagnate stagnation steep steeply subsidize surpass tender thrift thrive undercut undercutting unemployed
    uninsured unprofitable unskilled volatile volatility windfall`,
  'political acts and positions': `
    abolish acclamation advocate affirmative anarchism autonomous censure civility concession conciliatory conscientious
    conservative constructive defy desertion deter deterrent diplomatic disapproval disapprove disarm discriminate
    discrimination disobedience disobey dissension dissent dissenter dissidence dissident dissolution effigy empower
    empowerment equitable exile expropriate expropriation fairness fruitful hardliner hawkish heckle impasse impeach
    interfere interference liberation militancy object objection obstruct obstruction opponent oppose opposition orderly
    outlaw oversight overthrow overture partisan picket premier productive productively progressive prohibit reaffirm
    recommendation reconcile reconciliation refusal renounce renunciation repudiate repudiation retaliate retaliatory
    retract revolt revolutionary stalemate staunch staunchly stump substantive surrender sustainable thwart topple
    transparent ultimatum unconditional unity whips`,
  'what people were reported to feel or do': `
    afraid amicability amicable amicably apprehensive aspiration aspire aver averse awed awestruck balk cajole
    commiserate congratulatory disbelief displeasure drunken empathize entice entranced eulogize fidget fret gasp
    grapple hearten hoard homage irk irked leery marvelled misgivings mispronounce mistrust mistrustful ovation qualm
    receptive relent salute shrug slur solace striving tempt truant unwilling unwillingly unwillingness vouch vouchsafe
    warily wariness wary`,
  'things and physical descriptions': `
    gem gems abrade accessible acrid adaptable adaptive adjustable adulterate adulteration agile agilely agility allergies
    amenity audible audibly backache bait barren bent blockage bloom blossom blotchy blow blur blurred boil break breeze
    brittle buckle bug bugging buggy bulkier bulkiness bulky bump bumpy buzzing cave chaff chill chilly choppy chronic
    chunky cleanest cleanliness cleanly clog clogged cloud cloudy cold colorful comfy commodious compact compactly
    compatible congested congestion contaminate contamination convenience convenient corrode corrosion crack cramped
    creak crisp crisper crumple dark darken darker deaf deform delicacy dense dent deplete desert desiccate detachable
    dim dimmer din ding dislocated dripped drips drones droop durable dust dusty electrify enrichment erase erode
    erosion fast faster fastest fat fatty fertile finely firmer fissures fist flicker flutter fragrant fresher freshest
    fried frigid frost froze frozen futuristic garbage glare glisten glitch glitter glow gold golden grainy greasy grind
    gush hallucinate hallucination handier handy hazard hazardous haze healthful hogs hot hotcake hothouse hottest hum
    humid humming impedance impurity inaudible inclement incompatibility incompatible inhospitable intermittent
    intuitive invasive itch jagged jam jerky junk junkyard knotted lanky latency leakage leaky lemon lighter limp loud
    louder lumpy lush luxuriant luxury malodorous maneuverable mashed matte mist morbidly motionless muddy mushy musty
    navigable nimble noise noiseless noisier nourish nourishment noxious oasis obese occlude odor overbalance overheat
    oversize pale pan panoramic peach peeled personalized pest pig pimple plush portable proprietary pure purify quicker
    quiet quieter rail rapid reachable readable refine refresh replaceable retractable rip ripped roadblocks roomier
    roomy rumbling rumple rust rusty scaly scenic scorching scratch scratchy screech scuff sedentary shallow shark
    shimmer shimmy shine shiny shiver shortness silent skinny sleek slug smell smelly smelt smolder smooth smoother
    smoothest smoulder smudge soapy soft softer soreness spacious spade speedy spilling splatter spoilage sporty squash
    squeak squeaky stain stainless static stew sticky stiff stiffness stormy straighten streaky streamlined sturdier
    sturdy sty supple sweaty swelled swiftness swollen tank taut thicker thinner thirst throb throbbed throttle tidy
    tingled torrent trophy undersized uneven unsteadily unsteadiness unsteady unusable upgraded upscale usable useable
    vent vibrate vibration vomit warp weed wilt wrinkle zippy`,
  'not a judgement in news': `
    abnormal abound abrupt abruptly absence abundance abundant accurate accurately achievement affinity affirmation
    ameliorate amenable ample amply angel anomalous anomaly appreciable appropriate articulate attune authentic
    authoritative available ax backbone beckon benefactor beware bolster brotherly bust capability cautionary chatter
    classic clearer cohere commonplace complement complementary complex complicated complication concern confined cons
    consistent consistently contention continuity contribution cooperative cooperatively cornerstone correct correctly
    credence creep crept damper dawn decent deference defunct denial deviate deviation devout diligence disallow
    discontinued discontinuity discontinuous dissuade distinction distinctive divergent dragging dropout educated
    elevate elimination embolden eminence enhance enhancement enlightenment enough enrich entrust err eschew estranged
    evenly exacerbate expansive expeditiously expire facilitate faint fairly feasible feasibly feint fiction fictional
    fidelity finer fleeting fluent foremost fortunately fragile fragmented friction genuine glimmer goodly goodwill
    guidance hale hallmark hamper harden hedge hinder holy idle idol illuminate illuminati illumine imaginary immaterial
    imminence imminently impair impede impediment impending implication inactive incomplete indeterminate
    indistinguishable individualized indulgence ineligible instability instantly instrumental insufficiency insufficient
    insufficiently integral integrated intimacy intimate intrigue invisible irregular irregularity issue jeopardize
    knock knowledgeable lapse lean lengthy limit logical loophole magic majesty manageable marginal marginally master
    maturity miscellaneous misunderstandings modern modest moot morality mysterious mysteriously mystery narrower negate
    negation notably novelty obscure obscurity obtainable omission omit openly outsider overdue overlook paramount
    parody patience patiently pep pepped personages pinch pluses plusses poorly precipitate precise precisely prefer
    preferable preferably preferring preoccupy proficient proficiently profuse profusion prominence prompt promptly
    proper properly pros protracted proven proves providence punctual qualified queer randomly rational readily
    realistic realizable reasonably rectification rectify redemption refinement refutation regard regress regression
    reliable reliably renewed reputation respite responsibly revelation revert right rival rivalry rough runaway sack
    sacrificed saint sane satirical satirize scarcely scramble scrap seasoned selective sensation sensitive severity
    sharp sharper sharpest sharply simpler simplest simplified skill slack slave slow slower slowest slowly smallish
    smoothly snag snagged sober solicitude speedily spiritual split splitting spontaneous sporadic stalls steadiest
    steady straggle straggler straightforward stranger strenuous strict strictly stringent stringently stylized subdued
    subjected subordinate subtract suffice sufficient sufficiently suitable susceptible tentative tentatively tickle
    timely tolerable traction trump twist unable unaccustomed unavailable unavoidably unbound uncomplicated undefined
    underdog undetermined undid undone uneventful unexpected unexpectedly unexplained unfamiliar unfavorable unfettered
    unfinished unforeseen unknown unlikely unlimited unnoticed unobserved unpopular unproved unproven unreachable
    unresolved unrestricted unspecified untested untouched unusual unusually unwell variety verifiable vestiges vice
    vigilance wane waning wedge wild willing willingly wonder work workable wrestle`,
};

/**
 * Words around a word that judges which take its sense away, by the word's senses in a dictionary:
 * the offence "false" names after a verb of handing in ("filing false tax returns", "gave false
 * testimony"), the charge "animal cruelty", "sincerely held", the courts' test of a belief, and
 * terms of medicine and conservation ("paranoid schizophrenia", "imperiled species").
 * Written into the term as `notAfter` / `notBefore` (see resources/lexicon/README.md).
 */
export const SENSES = {
  false: {
    notAfter: 'file files filed filing make makes made making submit submits submitted submitting give gives gave giving provide provides provided providing'.split(' '),
  },
  cruelty: { notAfter: ['animal', 'child', 'children'] },
  sincerely: { notBefore: ['held'] },
  // Terms of medicine and of conservation, not judgements: "paranoid schizophrenia", a
  // "paranoid personality disorder"; "imperiled species" (those at risk of dying out).
  paranoid: { notBefore: ['schizophrenia', 'schizophrenic', 'schizophrenics', 'personality', 'psychosis', 'delusions'] },
  imperil: { notBefore: ['species', 'wildlife', 'plants', 'animals', 'birds', 'fish'] },
  // A fixed compound that names an obstacle, not a judgement of anyone: "a stumbling block".
  stumble: { notBefore: ['block', 'blocks'] },
  // The preposition "in spite of" (as "despite"), not someone's spite.
  spite: { notAfter: ['in'] },
  // Let off a duty ("asked to be excused from testifying", "excused from jury service"), not an
  // excuse made for a fault.
  excuses: { notBefore: ['from'] },
  // Weapons named for what they do, not a judgement: "stun grenades", "a stun gun".
  stun: { notBefore: ['grenade', 'grenades', 'gun', 'guns', 'device', 'devices'] },
};
