import { describe, expect, it } from 'vitest';
import { creditItems, cueListItems, eastAsianName } from '../../../lib/engine/ner-cues';
import { ner } from './ner-labels';

// Fixtures are invented sentences written for these tests; names are made up or generic.

describe('East Asian name shapes', () => {
  it('reads Korean surname-first names and Chinese names in Western order as people', () => {
    expect(eastAsianName(['Ri', 'Chol', 'Nam'])).toBe(true);
    expect(eastAsianName(['Pak', 'Jin', 'Hyok'])).toBe(true);
    expect(eastAsianName(['Weiran', 'Zhao'])).toBe(true);
    expect(eastAsianName(['Chaofan', 'Liu'])).toBe(true);
  });

  it('does not fire on places, ordinary names or words of other shapes', () => {
    expect(eastAsianName(['Hong', 'Kong'])).toBe(false);
    expect(eastAsianName(['Han', 'River'])).toBe(false);
    expect(eastAsianName(['Park', 'Avenue'])).toBe(false);
    expect(eastAsianName(['Lee', 'County'])).toBe(false);
    expect(eastAsianName(['Kim'])).toBe(false);
    expect(eastAsianName(['Dong', 'Chen'])).toBe(false); // two surnames: no given name
  });

  it('finds such names in a sentence, and not a city', () => {
    const out = ner('Treasury also designated Ri Chol Nam and Pak Song Il, who moved funds through Hong Kong.');
    expect(out).toContain('person:Ri Chol Nam');
    expect(out).toContain('person:Pak Song Il');
    expect(out.some((x) => /Hong Kong/.test(x) && x.startsWith('person'))).toBe(false);
  });
});

describe('credit lines', () => {
  it('splits a credit line into its names', () => {
    const text = 'The exploit drained the pool.\nCredit: lowbat99, Quillfeather Labs, Mira Okonkwo and Tessel\nMore text.';
    expect(creditItems(text).map((i) => i.text)).toEqual(['lowbat99', 'Quillfeather Labs', 'Mira Okonkwo', 'Tessel']);
  });

  it('types handles and two-word names as people, firms as organisations', () => {
    const out = ner('The exploit drained the pool.\nCredit: lowbat99, Quillfeather Labs, Mira Okonkwo\n');
    expect(out).toContain('person:lowbat99');
    expect(out).toContain('person:Mira Okonkwo');
    expect(out).toContain('organization:Quillfeather Labs');
  });

  it('reads credited accounts made of ordinary words as organisations, not people', () => {
    const out = ner('The exploit drained the pool.\nCredit: Chain Sentry, Whale Alerts, Mira Okonkwo\n');
    expect(out).toContain('organization:Chain Sentry');
    expect(out).toContain('organization:Whale Alerts');
    expect(out).toContain('person:Mira Okonkwo');
  });

  it('ignores "credit" in running text and long lines', () => {
    expect(creditItems('Banks tightened credit: lending fell, and rates rose.')).toEqual([]);
    expect(creditItems(`Credit: ${'word, '.repeat(100)}`)).toEqual([]);
    expect(ner('Card issuers offer credit to people with thin files, and banks watch them.')).toEqual([]);
  });
});

describe('typed lists', () => {
  it('gives every item of "companies including ..." the list type', () => {
    const text = 'Treasury sanctioned four companies in Latvia and Estonia, including Norvane Bank, Kelt, Q9 and Q9 Trade, for moving funds.';
    expect(cueListItems(text).map((i) => `${i.type}:${i.text}`)).toEqual(['organization:Norvane Bank', 'organization:Kelt', 'organization:Q9', 'organization:Q9 Trade']);
    const out = ner(text);
    expect(out).toEqual(expect.arrayContaining(['organization:Norvane Bank', 'organization:Kelt', 'organization:Q9', 'organization:Q9 Trade']));
  });

  it('types gangs and exchanges by their head noun', () => {
    expect(cueListItems('It worked with ransomware gangs such as Grimvale, Tallow and Brinefox.').map((i) => `${i.type}:${i.text}`)).toEqual([
      'threat-actor:Grimvale',
      'threat-actor:Tallow',
      'threat-actor:Brinefox',
    ]);
    expect(cueListItems('Funds went to exchanges like Quidra and Solvane in the weeks after.').map((i) => i.type)).toEqual(['exchange', 'exchange']);
  });

  it('takes no phrases from a list, and no list without a typed head noun', () => {
    expect(ner('The firm hired staff, including engineers, analysts and lawyers.')).toEqual([]);
    expect(ner('Victims lost savings, including retirement funds and homes.')).toEqual([]);
    expect(cueListItems('Colours such as Red, Green and Blue were used.')).toEqual([]);
  });
});

describe('indictment lists', () => {
  it('finds defendants listed with their ages on Title Case lines', () => {
    const text = 'The indictment charges:\nTobin Marsh, 20 (Fresno, California)\nElla Varga, 22 (Reno, Nevada)\nThe case continues.';
    const out = ner(text);
    expect(out).toContain('person:Tobin Marsh');
    expect(out).toContain('person:Ella Varga');
    expect(out.some((x) => /Fresno|Reno/.test(x) && x.startsWith('person'))).toBe(false);
  });

  it('cuts "of <place>" from a person named with an age', () => {
    const out = ner('Prosecutors named 31-year-old Dorian Pell Vance of Tulsa, Oklahoma, as the organiser.');
    expect(out).toContain('person:Dorian Pell Vance');
    expect(out.some((x) => /of Tulsa/.test(x))).toBe(false);
  });

  it('keeps institutions written "<head> of <place>"', () => {
    expect(ner('The Bank of Lesotho said it saw no losses.')).toContain('organization:Bank of Lesotho');
  });
});

describe('attackers named by the words before them', () => {
  it('types a name after "group known as", "calling itself" or "the threat actor," as a threat actor', () => {
    expect(ner('The operation is run by a cybercrime group known as Glassmoth since 2023.')).toContain('threat-actor:Glassmoth');
    expect(ner('A ransomware gang calling itself Orrin breached a nursery chain in London.')).toContain('threat-actor:Orrin');
    expect(ner('As first spotted by the threat actor, Quell, the archive holds a database dump.')).toContain('threat-actor:Quell');
  });

  it('does not fire on a group named by its role or at a sentence start', () => {
    expect(ner('The group known as the board met on Monday.').some((x) => x.startsWith('threat-actor'))).toBe(false);
    expect(ner('Researchers called it a setback. Nobody was hurt.').some((x) => x.startsWith('threat-actor'))).toBe(false);
  });
});

describe('victim lists', () => {
  it('takes the names out of descriptive items', () => {
    const out = ner('Earlier victims include cloud hosting firm Stratavault, the Dutch city of Emmerloo, and Hollin Care Center.');
    expect(out).toEqual(expect.arrayContaining(['organization:Stratavault', 'organization:Emmerloo', 'organization:Hollin Care Center']));
  });

  it('drops a parenthesis after a name and skips items with no name', () => {
    const items = cueListItems('Victims included the cities of Marrowby (Ohio), Tenfield (Utah), and several schools.').map((i) => i.text);
    expect(items).toEqual(['Marrowby', 'Tenfield']);
  });
});

describe('people named with a role after the name', () => {
  it('reads "Name, Senior Director of X at Y" as a person', () => {
    expect(ner('We asked Wren Castellane, Senior Director of Research at a lab, for comment.')).toContain('person:Wren Castellane');
  });

  it('reads a line that introduces a quote as text, not a headline', () => {
    expect(ner('The Lab’s Weiran Zhao explains:')).toContain('person:Weiran Zhao');
  });

  it('keeps "of New York" inside an institution name', () => {
    expect(ner('Money moved out of the Federal Reserve Bank of New York via SWIFT.')).toContain('organization:Federal Reserve Bank of New York');
  });
});

describe('promotion lines', () => {
  it('still reads names on a line that says "state-sponsored" or "browser cookies"', () => {
    expect(ner('The alarm was raised by Cyvers, and the theft was blamed on state-sponsored hackers.')).toContain('organization:Cyvers');
    expect(ner('The stealer sent browser cookies to a server run by Jane Brennick, police said.')).toContain('person:Jane Brennick');
  });

  it('reads no names on promotion and cookie-banner lines', () => {
    expect(ner('Sponsored: trade with the Quillmark Exchange today and earn a bonus.')).toEqual([]);
    expect(ner('Trade with the Quillmark Exchange today and earn a bonus.')).not.toEqual([]); // the same line without the promotion word
    expect(ner('We use cookies to improve Verity Media Group services.')).toEqual([]);
  });
});


describe('overlapping cue lists', () => {
  it('give each item once when lists of one type overlap', () => {
    const items = cueListItems('The report named firms including Alpha, firms including Beta and Gamma.');
    expect(items.map((i) => `${i.type}:${i.text}`)).toEqual(['organization:Alpha', 'organization:Beta', 'organization:Gamma']);
  });
});
