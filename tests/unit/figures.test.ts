import { describe, expect, it } from 'vitest';
import { makeSourceDocument } from '../../src/shared/core/document.js';
import { figuresIn } from '../../src/shared/core/framing/figures.js';

// What is a figure (a count a source gives) and what is not: ordinals, years, ages and numbers
// fused to a word are not claims (issue 12: "Th: 14" from "14th", "Years: 85"). Sentences written
// for this test.
function figures(text: string) {
  const document = makeSourceDocument({ path: '/t/figures.txt', text: `Headline\n\n${text}\n` });
  return figuresIn(document, 0, document.paragraphs.map((_p, i) => i)).map((figure) => `${figure.counted}: ${figure.value}`);
}

describe('figuresIn', () => {
  it('finds counts with what they count', () => {
    expect(figures('The storm damaged 1,200 homes and left 3 million people without power.')).toEqual(['homes: 1200', 'people: 3000000']);
  });

  it('counts people in general as people, whichever word a source writes, but not a kind of people', () => {
    expect(figures('About 3,200 residents left, 40 villagers stayed, 12 persons were hurt and 15 children were moved.')).toEqual([
      'people: 3200',
      'people: 40',
      'people: 12',
      'children: 15',
    ]);
  });

  it('counts the plural that names what is counted, not a word that describes it before', () => {
    expect(figures('Up to 1,000 fellow parishioners came, 40 volunteer firefighters arrived and 3 new cases were found.')).toEqual([
      'parishioners: 1000',
      'firefighters: 40',
      'cases: 3',
    ]);
    // …but not a verb after a count of people, nor anything after a plural already.
    expect(figures('Some 200 people marches were held, 12 police stations shut and 5 children sings.')).toEqual(['people: 200', 'stations: 12', 'children: 5']);
  });

  it('counts a word that names something objects have ("constructors", "prototype") as any other', () => {
    expect(figures('The yard hired 5 constructors and kept 2 prototype hulls; 1 constructor quit.')).toEqual(['constructors: 5', 'hulls: 2', 'constructor: 1']);
  });

  it('does not take ordinals or numbers fused to a word for counts', () => {
    expect(figures('The 14th amendment was debated for the 3rd time since the 1990s, and an F-16 flew over.')).toEqual([]);
  });

  it('does not take ages for counts', () => {
    expect(figures('Aldo Kessler, 52, was jailed. His mother, aged 85, wept; a 40-year-old neighbour said he is 30 years old.')).toEqual([]);
    expect(figures('The victims, 68- and 48-years-old, lived on Elm Row; a 9‐year‐old saw it.')).toEqual([]);
  });

  it('does not take a time of day on the 24-hour clock for a count, but keeps hours that are a count', () => {
    expect(figures('The alarm went off at 1630 GMT and crews left at 0900 hrs.')).toEqual([]);
    expect(figures('Crews worked 2500 hours and 40 volunteers helped.')).toEqual(['hours: 2500', 'volunteers: 40']);
  });

  it('does not take numbers that name something for counts', () => {
    expect(figures('The memorial to Flight 93 on Route 66 was named in H.R. 1062, bill No. 10, which 40 senators backed.')).toEqual(['senators: 40']);
  });

  it('does not take a numbered part of a text or a numbered place for a count, written small too', () => {
    expect(figures('Under section 3 of the act, and articles 4 and 5 of the treaty, 12 families were moved to district 9.')).toEqual(['families: 12']);
    // A count may follow other nouns with no comma between them: those stay counts.
    expect(figures('In the past week 40 people were hurt.')).toEqual(['people: 40']);
  });

  it('tells a margin from a count: "led by 18 points" is a gap, compared only with other gaps', () => {
    const document = makeSourceDocument({ path: '/t/figures.txt', text: 'Headline\n\nThe Hawks led by 18 points at half-time, and Okonkwo scored 24 points. Labour won by 312 votes.\n' });
    expect(figuresIn(document, 0, [1]).map((figure) => `${figure.quantity}: ${figure.value}`)).toEqual(['point margin: 18', 'point: 24', 'vot margin: 312']);
  });

  it('tells an amount added from a whole: "another 50 officers", "$2 million more" are compared only with other amounts added', () => {
    const document = makeSourceDocument({
      path: '/t/figures.txt',
      text: 'Headline\n\nThe city will hire another 50 officers and 12 extra clerks, has 900 officers now, wants $2 million more and $6.5 million in additional money, and more than 30 officers retire each year.\n',
    });
    expect(figuresIn(document, 0, [1]).map((figure) => `${figure.quantity}: ${figure.value}`)).toEqual([
      'officer more: 50',
      'clerk more: 12',
      'officer: 900',
      'dollar more: 2000000',
      'dollar more: 6500000',
      'officer: 30',
    ]);
  });

  it('takes neither number of odds for a count, nor a word after the end of a sentence for what is counted', () => {
    expect(figures('There is a 2 in 3 chance of rain, and 1 in 5 residents own a boat; 40 boats sank.')).toEqual(['boats: 40']);
    expect(figures('He gave it a 1-in-3 chance; 12 people agreed.')).toEqual(['people: 12']);
    expect(figures('The law allows it for adults over 21. The complaint names 12 growers.')).toEqual(['growers: 12']);
  });

  it('does not take numbers joined by a slash (a date, a name) for counts', () => {
    expect(figures('The 9/11 health fund, open 24/7, helped 700 responders.')).toEqual(['responders: 700']);
    expect(figures('The class of ’08 has become 40 graduates.')).toEqual(['graduates: 40']);
    expect(figures('They fled in a 4×4 car and a 4x4 van with 3 bags.')).toEqual(['bags: 3']);
    expect(figures('He went 535-466 (.535) in Portland, a record of 12 seasons.')).not.toContainEqual(expect.stringMatching(/: 535$/));
    expect(figures('Police found a .45-caliber pistol.')).toEqual(['caliber: 45']);
  });

  it('still counts a duration that is not an age', () => {
    expect(figures('He was jailed for 6 years for defrauding 40 pensioners.')).toEqual(['years: 6', 'pensioners: 40']);
  });

  it('does not take an ordinal written apart from its ending, or an age "of age", for a count', () => {
    expect(figures('It was the 14 th flood since records began. He died at 85 years of age, at the age of 85.')).toEqual([]);
  });

  it('counts a measure in its kind’s unit, to the precision it was written with, and keeps the unit written', () => {
    expect(figures('About 2.4 million cubic metres of water escaped, some 2.4 billion litres, across 5 square miles.')).toEqual([
      'cubic metre: 2400000',
      'cubic metre: 2400000',
      'square metre: 13000000',
    ]);
    expect(figures('The gap was nearly 200 feet wide, 60 metres by the council’s count, 2.5 km from the town; 2,412 feet of wall stood.')).toEqual([
      'metre: 61',
      'metre: 60',
      'metre: 2500',
      'metre: 735.2',
    ]);
    // A rate is not a measure: "60 miles an hour" is no distance.
    expect(figures('The wind reached 60 miles an hour, and the pumps moved 3 tonnes per day.')).toEqual(['mile per hour: 60', 'tonne per day: 3']);
    const document = makeSourceDocument({ path: '/t/units.txt', text: 'Headline\n\nSome 2.4 billion litres and 60 metres.\n' });
    expect(figuresIn(document, 0, [1]).map((figure) => [figure.text, figure.unit])).toEqual([
      ['2.4 billion litres', 'litre'],
      ['60 metres', undefined],
    ]);
  });

  it('counts money by its currency and a share as percent', () => {
    expect(figures('The fund raised $43,000 for the family, £1.5 million in all, from 52% of the town.')).toEqual(['dollar: 43000', 'pound: 1500000', 'percent: 52']);
  });

  it('does not take an amount told again in brackets, in another currency or unit, for a figure of its own', () => {
    expect(figures('Repairs were put at $US2 million ($3.04 million) by the council.')).toEqual([]);
    expect(figures('The bridge cost €40 million ($44 million) and spans 300 feet (91 metres).')).toEqual(['euro: 40000000', 'metre: 91']);
    expect(figures('The grant was £2 million (£1.5 million in cash) and the fund ($9 million) grew (up from $3 million).')).toEqual([
      'pound: 2000000',
      'pound: 1500000',
      'dollar: 9000000',
      'dollar: 3000000',
    ]);
  });

  it('keeps the words that bound a figure', () => {
    const document = makeSourceDocument({ path: '/t/bounds.txt', text: 'Headline\n\nMore than 5,000 troops, nearly 300 trucks and about 40 boats, with 12 planes.\n' });
    expect(figuresIn(document, 0, [1]).map((figure) => [figure.text, figure.bound, figure.boundText])).toEqual([
      ['5,000 troops', 'at-least', 'More than'],
      ['300 trucks', 'at-most', 'nearly'],
      ['40 boats', 'about', 'about'],
      ['12 planes', undefined, undefined],
    ]);
  });
});
