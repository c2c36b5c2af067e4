import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { TEST_KB } from './kb-fixture';

const engine = createEngine(TEST_KB);
const names = (text: string): string[] => engine.analyze({ text, title: null }).entities.filter((e) => !e.inferred).map((e) => `${e.type}:${e.name}:${e.mentions.length}`);

describe('context rules on whole words, once per article (issue 14)', () => {
  it('does not take "hack" inside "hackers" as context for an ambiguous name', () => {
    // "Lazarus" needs one of its context words ("hacking", "crypto"...): "hackingteam" is not "hacking"
    const text = 'The hackingteam forum discussed Lazarus and the resurrection story of the painting, a theme of the cryptographers guild exhibition.';
    expect(names(text).some((n) => n.startsWith('threat-actor:Lazarus Group'))).toBe(false);
  });

  const STORY = 'North Korean hackers stole $100 million in crypto from an exchange; the stolen funds were laundered through Tornado Cash, and the FBI said the theft was the work of state hackers. ';

  const FILLER = 'The weather was mild and the town held its annual fair, with music and food stalls along the river. '.repeat(8);

  it('accepts every mention of a name once one mention is accepted: one entity, no second one', () => {
    const text = [
      `${STORY}Lazarus was blamed for the theft.`,
      FILLER,
      'Later in the week, Lazarus gave a speech.',
    ].join('\n\n');
    const laz = names(text).filter((n) => n.includes('Lazarus'));
    expect(laz).toEqual(['threat-actor:Lazarus Group:2']);
  });

  it('still rejects a mention glued to another capitalised name ("Fifth Harmony")', () => {
    const text = `${STORY}Harmony bridge was drained too. That evening the band Fifth Harmony played a concert.\n\n${FILLER}`;
    const h = engine.analyze({ text, title: null }).entities.find((e) => e.id === 'harmony');
    expect(h?.mentions.map((m) => text.slice(m.start - 6, m.end))).toEqual(['kers. Harmony']);
  });
});

describe('"<attack noun> of/on <victim>" names the incident whose victim that is', () => {
  it('reads "a robbery of the Bangladesh Bank" as the Bangladesh Bank heist', () => {
    const kb = { ...TEST_KB, entities: [...TEST_KB.entities, { ...TEST_KB.entities.find((e) => e.id === 'ibm')!, id: 'bangladesh-bank', name: 'Bangladesh Bank', aliases: [] }] };
    const a = createEngine(kb).analyze({ text: 'North Korean hackers were blamed for a robbery of the Bangladesh Bank in 2016, officials said.', title: null });
    const heist = a.entities.find((e) => e.id === 'bangladesh-bank-heist-2016');
    expect(heist?.mentions.map((m) => m.text)).toEqual(['robbery of the Bangladesh Bank']);
    // must not fire without the attack noun: the bank itself is named
    const b = createEngine(kb).analyze({ text: 'North Korean hackers were discussed by the Bangladesh Bank governor in 2016, officials said.', title: null });
    expect(b.entities.some((e) => e.id === 'bangladesh-bank-heist-2016' && !e.inferred)).toBe(false);
    expect(b.entities.some((e) => e.id === 'bangladesh-bank')).toBe(true);
  });
});
