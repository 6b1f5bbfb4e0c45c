import { useSyncExternalStore, type ReactNode } from 'react';
import { DIFFERENCE_KIND_NAMES, type Comparison } from '../../../shared/contract/comparison';
import { type ContrastCategory, type GlanceHeadline, type GlancePosition, type GlanceSpeaker, type GlanceVerb } from '../../../shared/core/glance';
import type { ParagraphRef } from '../lib/comparisonIndex';
import { useSourceLabel } from '../lib/sourceLabel';
import { useGlance } from '../hooks/useGlance';

export interface GlanceViewProps {
  readonly comparison: Comparison;
  /** Bring a paragraph into view in the columns. */
  readonly onGoTo: (ref: ParagraphRef) => void;
  /** Ring a difference (an index into `differences`) and bring it into view in the columns. */
  readonly onChooseDifference: (index: number) => void;
  /** Whether newly opened comparisons start here, and changing it. */
  readonly openAtGlance: boolean;
  readonly onOpenAtGlance: (on: boolean) => void;
}

/** How many of each list the screen shows before "and N more": it must fit 1280×720 with five sources. */
const SHOWN_SHORT = { speakers: 2, verbs: 4, passages: 3, uniquePerSource: 1, figures: 2 } as const;
/** On a taller window (a 1080p projector), more of each. */
const SHOWN_TALL = { speakers: 2, verbs: 4, passages: 5, uniquePerSource: 2, figures: 3 } as const;
const TALL = '(min-height: 860px)';

/** Whether the window is tall enough for SHOWN_TALL, following it as it changes. */
function useTallWindow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const query = window.matchMedia(TALL);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(TALL).matches,
  );
}

/** What each rank of contrast is called, before the difference in words. */
const CATEGORY_NAMES: Record<ContrastCategory, string> = {
  loaded: 'Loaded term',
  attribution: 'Attribution',
  figures: 'Figures conflict',
  quote: 'Quote or paraphrase',
  hedge: 'Hedge',
  other: 'Other',
};

/** "lede", "¶8": where a passage stands in a source (0: in its headline only). */
const placeName = (position: number): string => (position === 0 ? 'headline' : position === 1 ? 'lede' : `¶${position}`);
const placeWords = (position: number): string => (position === 0 ? 'in the headline' : position === 1 ? 'the lede' : `paragraph ${position}`);

/** A headline with the words only it uses marked. */
function markedHeadline(headline: GlanceHeadline): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  headline.marks.forEach((mark, i) => {
    if (mark.start > at) parts.push(headline.text.slice(at, mark.start));
    parts.push(
      <mark key={i} className="glance__word">
        {headline.text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  });
  if (at < headline.text.length) parts.push(headline.text.slice(at));
  return parts;
}

/** How a speaker is let speak: "quoted ×2", "paraphrased", "quoted, paraphrased ×2". */
function howSpoken(speaker: GlanceSpeaker): string {
  const times = (n: number): string => (n > 1 ? ` ×${n}` : '');
  return [speaker.direct > 0 ? `quoted${times(speaker.direct)}` : '', speaker.paraphrased > 0 ? `paraphrased${times(speaker.paraphrased)}` : ''].filter(Boolean).join(', ');
}

/**
 * Reporting verbs in the order that shows a source's choices: its most used verb, then the verbs
 * that signal something (doubt, emphasis…), then the plain ones, then sourcing phrases ("according
 * to"), which signal nothing by themselves.
 */
function verbsInOrder(verbs: readonly GlanceVerb[]): GlanceVerb[] {
  const rank = (verb: GlanceVerb): number => (verb.tone === undefined ? 2 : verb.tone === 'neutral' ? 1 : 0);
  const [top, ...rest] = [...verbs].sort((a, b) => b.count - a.count);
  if (!top) return [];
  return [top, ...rest.sort((a, b) => rank(a) - rank(b) || b.count - a.count)];
}

/**
 * The story at a glance: the first view of a comparison, one screen built from what the core found
 * (shared/core/glance.ts). The headlines with the words that set each apart, who gets to speak in
 * each source, what leads each story and what one source buries, the strongest contrasts, what only
 * one source reports and the figures that conflict. Every item leads back to its passage in the
 * columns; every source is named as the page names it (blind mode included), and every difference
 * is put into words through the same describer.
 */
export function GlanceView(props: GlanceViewProps) {
  const { comparison, onGoTo, onChooseDifference } = props;
  const labels = useSourceLabel();
  const glance = useGlance(comparison);
  const limits = useTallWindow() ? SHOWN_TALL : SHOWN_SHORT;
  if (!glance) {
    return (
      <p className="glance-pending" role="status">
        Working out the story at a glance…
      </p>
    );
  }
  const name = (doc: number): string => labels.label(doc);
  const go = (doc: number, paragraph: number) => () => onGoTo({ doc, paragraph });

  const headlineOf = new Map(glance.headlines.map((headline) => [headline.doc, headline]));
  const leadOf = new Map(glance.leads.map((lead) => [lead.doc, lead]));
  /** Names, most heard first, each leading to where the source first lets them speak. */
  const speakerList = (doc: number, speakers: readonly GlanceSpeaker[]): ReactNode =>
    speakers.length === 0 ? (
      <span className="glance__none">no one</span>
    ) : (
      <span className="glance__names">
        {speakers.length > limits.speakers && (
          <span className="glance__count" title={`${speakers.length} in all`}>
            <span aria-hidden="true">{speakers.length}</span>
            <span className="visually-hidden">{speakers.length} in all, among them</span>
          </span>
        )}
        {speakers.slice(0, limits.speakers).map((speaker, i, shown) => (
          <span key={speaker.name} className={i === 0 ? 'glance__name glance__name--first' : 'glance__name'}>
            <button type="button" className="glance__speaker" onClick={go(doc, speaker.paragraph)} title={`${speaker.name}: ${howSpoken(speaker)}${speaker.sources === 1 ? '; no other source lets them speak' : ''}`}>
              <span className="glance__article">{speaker.name}</span>
              {speaker.direct + speaker.paraphrased > 1 && <span className="glance__how"> ×{speaker.direct + speaker.paraphrased}</span>}
            </button>
            {i < shown.length - 1 ? <span className="glance__comma">,</span> : null}
          </span>
        ))}
      </span>
    );
  const speaking = glance.voices.some((voice) => voice.speakers.length > 0 || voice.unnamed > 0 || voice.verbs.length > 0);
  const passages = glance.passages.slice(0, limits.passages);

  return (
    <div className="glance" data-sources={comparison.documents.length}>
      <h2 className="visually-hidden">The story at a glance</h2>
      <section className="glance__card glance__headlines" aria-labelledby="glance-headlines">
        <div className="glance__top">
          <h3 id="glance-headlines" className="glance__heading">
            Headlines and ledes
          </h3>
          <span className="glance__hint">words no other headline uses are marked</span>
          <p className="glance__intro">Choose anything to read it in its column.</p>
          <label className="glance__start">
            <input type="checkbox" checked={props.openAtGlance} onChange={(event) => props.onOpenAtGlance(event.target.checked)} />
            Open comparisons here
          </label>
        </div>
        <table className="glance__table">
          <thead>
            <tr>
              <th scope="col" className="glance__col-source">
                Source
              </th>
              <th scope="col" className="glance__col-headline">
                Headline
              </th>
              <th scope="col">The story opens with</th>
            </tr>
          </thead>
          <tbody>
            {comparison.documents.map((_, doc) => {
              const headline = headlineOf.get(doc);
              const lead = leadOf.get(doc);
              return (
                <tr key={doc}>
                  <th scope="row" className="glance__source">
                    {name(doc)}
                  </th>
                  <td>
                    {headline ? (
                      <button type="button" className="glance__item glance__article glance__headline glance__clamp glance__clamp--2" onClick={go(doc, headline.paragraph)}>
                        {markedHeadline(headline)}
                      </button>
                    ) : (
                      <span className="glance__none">No headline</span>
                    )}
                  </td>
                  <td>
                    {lead ? (
                      <button type="button" className="glance__item glance__article glance__lede glance__clamp" onClick={go(doc, lead.paragraph)}>
                        {lead.text}
                      </button>
                    ) : (
                      <span className="glance__none">No article text</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="glance__card glance__voices" aria-labelledby="glance-voices">
        <div className="glance__top">
          <h3 id="glance-voices" className="glance__heading">
            Who gets to speak
          </h3>
          <span className="glance__hint">people and organisations each source credits, and its reporting verbs</span>
        </div>
        {!speaking ? (
          <p className="glance__empty">No source credits anyone with what it reports.</p>
        ) : (
          <table className="glance__table">
            <thead>
              <tr>
                <th scope="col" className="glance__col-source">
                  Source
                </th>
                <th scope="col" className="glance__col-names">
                  Quoted directly
                </th>
                <th scope="col" className="glance__col-names">
                  Paraphrased only
                </th>
                <th scope="col" className="glance__col-unnamed">
                  Unnamed
                </th>
                <th scope="col">Reporting verbs</th>
              </tr>
            </thead>
            <tbody>
              {glance.voices.map((voice) => {
                const quoted = voice.speakers.filter((speaker) => speaker.direct > 0);
                const paraphrased = voice.speakers.filter((speaker) => speaker.direct === 0);
                return (
                  <tr key={voice.doc}>
                    <th scope="row" className="glance__source">
                      {name(voice.doc)}
                    </th>
                    <td className="glance__cell">{speakerList(voice.doc, quoted)}</td>
                    <td className="glance__cell">{speakerList(voice.doc, paraphrased)}</td>
                    <td className="glance__cell">
                      {voice.unnamed > 0 && voice.unnamedParagraph !== undefined ? (
                        <button
                          type="button"
                          className="glance__link"
                          onClick={go(voice.doc, voice.unnamedParagraph)}
                          aria-label={`${voice.unnamed} ${voice.unnamed === 1 ? 'statement' : 'statements'} from sources ${name(voice.doc)} does not name`}
                        >
                          {voice.unnamed}
                        </button>
                      ) : (
                        <span className="glance__none">0</span>
                      )}
                    </td>
                    <td className="glance__cell">
                      {voice.verbs.length === 0 ? (
                        <span className="glance__none">none</span>
                      ) : (
                        verbsInOrder(voice.verbs).slice(0, limits.verbs).map((verb, i) => (
                          <span key={verb.term}>
                            {i > 0 ? <span className="glance__sep"> · </span> : null}
                            <button
                              type="button"
                              className={verb.tone && verb.tone !== 'neutral' ? 'glance__verb glance__verb--toned' : 'glance__verb'}
                              disabled={verb.paragraph === undefined}
                              onClick={verb.paragraph === undefined ? undefined : go(voice.doc, verb.paragraph)}
                              title={verb.tone ? `“${verb.term}” signals ${verb.tone}` : undefined}
                            >
                              {verb.term}
                              {verb.count > 1 ? ` ×${verb.count}` : ''}
                              {verb.tone && verb.tone !== 'neutral' ? <span className="glance__tone"> ({verb.tone})</span> : null}
                            </button>
                          </span>
                        ))
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {glance.soleVoices.length > 0 && (
          <p className="glance__sole">
            <span className="glance__label">Only one source lets speak ({glance.soleVoices.length}):</span>{' '}
            {glance.soleVoices.map((voice, i) => (
              <span key={`${voice.doc}:${voice.name}`}>
                {i > 0 ? ' · ' : ''}
                <button type="button" className="glance__link" onClick={go(voice.doc, voice.paragraph)}>
                  <span className="glance__article">{voice.name}</span> <span className="glance__in">({name(voice.doc)})</span>
                </button>
              </span>
            ))}
          </p>
        )}
      </section>

      <section className="glance__card glance__placement" aria-labelledby="glance-placement">
        <div className="glance__top">
          <h3 id="glance-placement" className="glance__heading">
            What leads, what is buried
          </h3>
          <span className="glance__hint">¶ paragraph · ↓ buried</span>
        </div>
        {passages.length === 0 ? (
          <p className="glance__empty">No passage is reported by two or more sources.</p>
        ) : (
          <ul className="glance__list">
            {passages.map((passage) => (
              <li key={passage.group} className="glance__passage" data-group={passage.number}>
                <span className="glance__passage-text">
                  <span className="group-badge" aria-label={`Passage ${passage.number}`}>
                    {passage.number}
                  </span>{' '}
                  <span className="glance__article">{passage.text}</span>
                </span>
                <span className="glance__places">
                  {[...passage.positions]
                    .sort((a, b) => a.position - b.position || a.doc - b.doc)
                    .map((position: GlancePosition, i) => {
                      const leads = passage.leads.includes(position.doc);
                      const buried = passage.buried.includes(position.doc);
                      return (
                        <span key={position.doc}>
                          {i > 0 ? <span className="glance__sep">· </span> : null}
                          <button
                            type="button"
                            className={`glance__place${leads ? ' glance__place--lead' : ''}${buried ? ' glance__place--buried' : ''}`}
                            onClick={go(position.doc, position.paragraph)}
                            aria-label={`${name(position.doc)}: ${placeWords(position.position)}${leads ? ', leads its story' : ''}${buried ? ', buried' : ''}`}
                          >
                            {name(position.doc)} <strong>{placeName(position.position)}</strong>
                            {buried && <span aria-hidden="true"> ↓</span>}
                          </button>
                        </span>
                      );
                    })}
                  {comparison.documents.length - passage.positions.length > 0 && (
                    <span className="glance__none">not in {comparison.documents.length - passage.positions.length}</span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {glance.passages.length > passages.length && <p className="glance__more">and {glance.passages.length - passages.length} more passages, placed alike or less apart</p>}
      </section>

      <section className="glance__card glance__contrasts" aria-labelledby="glance-contrasts">
        <h3 id="glance-contrasts" className="glance__heading">
          The strongest contrasts
        </h3>
        {glance.contrasts.length === 0 ? (
          <p className="glance__empty">The sources differ in wording only.</p>
        ) : (
          <ol className="glance__list glance__ranked">
            {glance.contrasts.map((contrast) => {
              const difference = comparison.differences[contrast.difference]!;
              return (
                <li key={contrast.difference}>
                  <button type="button" className="glance__item glance__contrast" data-kind={contrast.kind} onClick={() => onChooseDifference(contrast.difference)}>
                    <span className="glance__clamp glance__clamp--2">
                      <span className="glance__kind">{contrast.category === 'other' ? DIFFERENCE_KIND_NAMES[contrast.kind] : CATEGORY_NAMES[contrast.category]}</span>
                      <span className="glance__in"> · passage {contrast.number} · </span>
                      {labels.describe(difference)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="glance__card glance__only" aria-labelledby="glance-only">
        <h3 id="glance-only" className="glance__heading">
          Only one source reports
        </h3>
        {glance.unique.length === 0 ? (
          <p className="glance__empty">Every passage is reported by two or more sources.</p>
        ) : (
          <ul className="glance__list">
            {glance.unique.map((item) => {
              const others = item.more + Math.max(0, item.lines.length - limits.uniquePerSource);
              return (
                <li key={item.doc} className="glance__unique">
                  <span className="glance__source">{name(item.doc)}</span>
                  <span className="glance__unique-lines">
                    {item.lines.slice(0, limits.uniquePerSource).map((line) => (
                      <button key={line.paragraph} type="button" className="glance__item glance__article glance__line" onClick={go(item.doc, line.paragraph)}>
                        {line.text}
                      </button>
                    ))}
                  </span>
                  {others > 0 ? <span className="glance__more">and {others} more</span> : <span />}
                </li>
              );
            })}
          </ul>
        )}
        <h4 className="glance__subheading">Figures that conflict</h4>
        {glance.figures.length === 0 ? (
          <p className="glance__empty">No figures conflict.</p>
        ) : (
          <ul className="glance__list">
            {glance.figures.slice(0, limits.figures).map((conflict) => (
              <li key={conflict.difference} className="glance__figures">
                <button type="button" className="glance__link glance__counted" onClick={() => onChooseDifference(conflict.difference)}>
                  {conflict.counted === 'killed' ? 'Deaths' : conflict.counted.charAt(0).toUpperCase() + conflict.counted.slice(1)} · passage {conflict.number}
                </button>
                {conflict.figures.map((figure) => (
                  <button
                    key={figure.doc}
                    type="button"
                    className={figure.outlier ? 'glance__figure glance__figure--outlier' : 'glance__figure'}
                    onClick={go(figure.doc, figure.paragraph)}
                    aria-label={`${name(figure.doc)}: ${figure.text}${figure.outlier ? ', far out of line with the others' : ''}`}
                  >
                    {name(figure.doc)} <strong className="glance__article">{figure.text}</strong>
                    {figure.outlier && <span className="glance__outlier"> out of line</span>}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        )}
        {glance.figures.length > limits.figures && <p className="glance__more">and {glance.figures.length - limits.figures} more in the Claims view</p>}
      </section>
    </div>
  );
}
