import { describe, expect, it } from 'vitest';
import { foldName, namedStaff, namingTexts } from './complaints.ts';

const STAFF = [
  { id: 'zoe', username: 'zbrandt', display_name: 'Zoë Brandt' },
  { id: 'jan', username: 'j.novak', display_name: 'Jan Novák' },
  { id: 'ann', username: 'ann', display_name: 'Ann-Marie Ōta' },
  { id: 'bo', username: 'bo_li', display_name: 'Bo' },
];

describe('namedStaff', () => {
  it('matches a display name when all its words appear, in any order, ignoring case and accents', () => {
    expect(namedStaff(['Officer BRANDT, first name zoe, stopped me.'], STAFF)).toEqual(['zoe']);
    expect(namedStaff(['novak jan was there'], STAFF)).toEqual(['jan']);
    expect(namedStaff(['ann marie ota'], STAFF)).toEqual(['ann']);
  });

  it('needs every word of the display name, each as a whole word', () => {
    expect(namedStaff(['Someone called Brandt'], STAFF)).toEqual([]);
    expect(namedStaff(['Zoey Brandtner'], STAFF)).toEqual([]);
    expect(namedStaff(['Bob and Bonnie'], STAFF)).toEqual([]);
  });

  it('matches a username as a whole word, even next to punctuation or at the end of a sentence', () => {
    expect(namedStaff(['It was ZBRANDT.'], STAFF)).toEqual(['zoe']);
    expect(namedStaff(['(j.novak) signed it'], STAFF)).toEqual(['jan']);
    expect(namedStaff(['user bo_li, again'], STAFF)).toEqual(['bo']);
    expect(namedStaff(['x.j.novak, j.novaks, j.novak.org, bolie, ann-x'], STAFF)).toEqual([]);
  });

  it('names several people, in the order of the staff list, and nobody for no text', () => {
    expect(namedStaff(['Bo', 'and also Jan Novak'], STAFF)).toEqual(['jan', 'bo']);
    expect(namedStaff([], STAFF)).toEqual([]);
  });
});

describe('namingTexts', () => {
  it('takes the answers of the fields marked namesStaff that were given', () => {
    const category = {
      fields: [
        { id: 'what', type: 'long_text' as const, label: 'What?', required: true },
        { id: 'who', type: 'long_text' as const, label: 'Who?', required: false, namesStaff: true },
        { id: 'where', type: 'short_text' as const, label: 'Where?', required: false, namesStaff: true },
      ],
    };
    expect(namingTexts(category, { what: 'Zoë Brandt', who: 'Jan Novák', where: '  ' })).toEqual(['Jan Novák']);
  });
});

describe('foldName', () => {
  it('removes accents and case', () => {
    expect(foldName('Ōta Ĳsselmeer ÅSA ﬁne')).toBe('ota ijsselmeer asa fine');
  });
});
