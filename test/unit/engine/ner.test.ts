import { describe, expect, it } from 'vitest';
import { findPeopleAndOrgs } from '../../../lib/engine/ner';
import { tokenize } from '../../../lib/engine/text';
import { ner } from './ner-labels';

describe('people and organisations outside the KB', () => {
  it('separates a firm from its CEO', () => {
    const out = ner('The breach was confirmed by Hacken CEO Dyma Budorin, who listed possible causes.');
    expect(out).toContain('person:Dyma Budorin');
    expect(out).toContain('organization:Hacken');
  });

  it('drops leading titles and abbreviations from names', () => {
    expect(ner('"We will find them," added FBI Special Agent in Charge Reid Davis this week.')).toContain('person:Reid Davis');
    expect(ner('According to the U.S. Federal Trade Commission, losses doubled.')).toContain('agency:Federal Trade Commission');
  });

  it('never reads an acronym defined in place, or its plural, as an organisation', () => {
    expect(ner('Work on Intercontinental Ballistic Missiles (IBMs) continued for years, the Security Council said.').some((x) => /IBM/.test(x))).toBe(false);
  });

  it('does not take a Title Case headline for names', () => {
    expect(ner('North Korea Has Raked in $2 Billion Illegally from Crypto Exchange\n\nThe story follows.')).toEqual([]);
  });

  it('types names from the words around them', () => {
    expect(ner('Police dismantled the eXch exchange and seized its servers.')).toContain('exchange:eXch');
    expect(ner('The attackers deployed a new macOS backdoor called WAVESHAPER on the victims.')).toContain('malware:WAVESHAPER');
    expect(ner('Europol said Operation Cronos had disrupted the gang.')).toContain('incident:Operation Cronos');
  });

  it('finds people listed with their ages and links a later surname mention', () => {
    const text = 'Conor Flansburg, 21, of Newport Beach was charged. Prosecutors said Flansburg moved the money.';
    const e = findPeopleAndOrgs(text, tokenize(text), () => false).find((x) => x.name === 'Conor Flansburg');
    expect(e?.type).toBe('person');
    expect(e?.mentions.map((m) => m.text)).toEqual(['Conor Flansburg', 'Flansburg']);
  });
});
