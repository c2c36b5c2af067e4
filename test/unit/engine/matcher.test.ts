import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../lib/engine/matcher';
import { resolveMentions } from '../../../lib/engine/resolve';
import { tokenize } from '../../../lib/engine/text';
import { TEST_KB, scaledKb } from './kb-fixture';

const byId = new Map(TEST_KB.entities.map((e) => [e.id, e]));
const matcher = compileMatcher(TEST_KB);

function found(text: string): { id: string; text: string }[] {
  const tokens = tokenize(text);
  return resolveMentions(text, tokens, matcher.match(text, tokens), (id) => byId.get(id)).map((m) => ({ id: m.entityId, text: m.text }));
}

describe('KB matcher', () => {
  it('finds multi-word names, aliases and acronyms with their exact offsets', () => {
    const text = 'The FBI said the Reconnaissance General Bureau of North Korea ran the WannaCry campaign to evade sanctions.';
    const tokens = tokenize(text);
    const ms = resolveMentions(text, tokens, matcher.match(text, tokens), (id) => byId.get(id));
    expect(ms.map((m) => m.entityId)).toEqual(['fbi', 'reconnaissance-general-bureau', 'north-korea', 'wannacry-attack-2017']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prefers the longest name at a position', () => {
    expect(found('Experts blamed the WannaCry ransomware outbreak on hackers.')).toEqual([{ id: 'wannacry-attack-2017', text: 'WannaCry ransomware outbreak' }]);
  });

  it('does not match an acronym written in lower case or inside a plural acronym', () => {
    expect(found('The rgb values were wrong.')).toEqual([]);
    expect(found('Work on Intercontinental Ballistic Missiles (IBMs) continued.')).toEqual([]);
    expect(found('IBM reported earnings.')).toEqual([{ id: 'ibm', text: 'IBM' }]);
  });

  it('accepts a plural or possessive of a long name but not of an acronym', () => {
    expect(found('Some of North Koreas exports were banned by sanctions.')).toEqual([{ id: 'north-korea', text: 'North Koreas' }]);
    expect(found("North Korea's state-sponsored hackers struck again.")).toEqual([{ id: 'north-korea', text: 'North Korea' }]);
  });

  it('needs context for ambiguous names: RGB as a colour model is not the bureau', () => {
    expect(found('Screens mix light; the RGB model stores three numbers per pixel, from 0 to 255.')).toEqual([]);
    expect(found('Analysts say the RGB, North Korea’s main intelligence agency, runs the hacking units.').map((m) => m.id)).toContain('reconnaissance-general-bureau');
  });

  it('needs context for Lazarus: a novel is not the hacking group', () => {
    expect(found('Lazarus wakes in a morgue three days after his funeral, and his village cannot decide what it means.')).toEqual([]);
    expect(found('Researchers tied the theft to Lazarus, a group of North Korea hackers.').map((m) => m.id)).toContain('lazarus-group');
  });

  it('accepts an ambiguous alias once the entity is named unambiguously elsewhere', () => {
    const ids = found('Hidden Cobra is back. Later in the year Lazarus moved the money.').map((m) => m.id);
    expect(ids.filter((x) => x === 'lazarus-group')).toHaveLength(2);
  });

  it('rejects a weak single-word name glued to another proper name or without topical context', () => {
    expect(found('Petro Rabigh reported a wider loss on refining margins.')).toEqual([]);
    expect(found('The samurai film Ronin opens on Friday with a car chase through Nice.')).toEqual([]);
    expect(found('Fifth Harmony announced a reunion tour.')).toEqual([]);
    expect(found('Attackers drained the Ronin bridge of 173,600 ETH.').map((m) => m.id)).toEqual(['ronin']);
    expect(found('Venezuela launched the Petro coin in 2018 to evade sanctions.').map((m) => m.id)).toEqual(['venezuela', 'petro']);
  });

  it('does not match names across punctuation or line breaks', () => {
    expect(found('They went north. Korea was quiet.')).toEqual([]);
    expect(found('Tornado\nCash')).toEqual([]);
  });

  it('costs about the same with a KB more than ten times larger', () => {
    const text = 'The FBI said the Reconnaissance General Bureau of North Korea ran the WannaCry campaign and hit the Ronin bridge. '.repeat(100);
    const tokens = tokenize(text);
    const small = compileMatcher(scaledKb(2));
    const big = compileMatcher(scaledKb(13));
    expect(big.patternCount).toBeGreaterThan(small.patternCount * 10);
    // deterministic: the trie does the same number of look-ups whatever the KB size
    const ss = { lookups: 0 };
    const sb = { lookups: 0 };
    small.match(text, tokens, ss);
    big.match(text, tokens, sb);
    expect(sb.lookups).toBeLessThan(ss.lookups * 1.1);
    // and in time: best of many interleaved runs, so a busy machine does not decide the result
    const time = (m: typeof small): number => {
      const t0 = performance.now();
      m.match(text, tokens);
      return performance.now() - t0;
    };
    for (let i = 0; i < 5; i++) {
      time(small); // warm up
      time(big);
    }
    let ts = Infinity;
    let tb = Infinity;
    for (let r = 0; r < 25; r++) {
      ts = Math.min(ts, time(small));
      tb = Math.min(tb, time(big));
    }
    expect(tb).toBeLessThan(ts * 2);
    expect(big.match(text, tokens).length).toBe(small.match(text, tokens).length);
  }, 120_000);

  it('takes a country for a sanctioned jurisdiction only with sanctions or state-actor words near it', () => {
    expect(found('The ransomware was first advertised on a forum based in Iran, with a revenue share of 70 percent.')).toEqual([]);
    expect(found('The exchange in Iran was hit weeks after new US sanctions on Iran.').map((m) => m.id)).toEqual(['iran', 'iran']);
  });

  it('does not take a name for the start of a longer institution\'s name ("Federal Bureau" in "Federal Bureau of Prisons")', () => {
    expect(found('He was moved to a Federal Bureau of Prisons facility.')).toEqual([]);
    // the longer name itself, the short name alone, and a qualifier that is a name of its own stay
    expect(found('The Federal Bureau of Investigation said so.').map((m) => m.id)).toEqual(['fbi']);
    expect(found('The Federal Bureau said so.').map((m) => m.id)).toEqual(['fbi']);
    expect(found('The Federal Bureau of Germany said so.').map((m) => m.id)).toEqual(['fbi']);
    expect(found('The Reconnaissance General Bureau of North Korea ran it to evade sanctions.').map((m) => m.id)).toEqual(['reconnaissance-general-bureau', 'north-korea']);
  });

  it('reads an attribution to a state as the same context: "linked to North Korea\'s spy agency", "attributed to North Korean hackers"', () => {
    expect(found("The agency said North Korea's spy agency was behind the attack.").map((m) => m.id)).toEqual(['north-korea']);
    expect(found('Google attributed the attack to a suspected North Korean threat actor.').map((m) => m.id)).toEqual(['north-korea']);
    // a place, still: no attribution, no sanctions
    expect(found('A football team from North Korea played a friendly in Bangkok on Tuesday.')).toEqual([]);
  });
});
