import { describe, expect, it } from 'vitest';
import { detect, features } from '../../../lib/engine/detect';

/** Neutral sentences to bring a story to article length without topic words. */
const FILLER = [
  'The officials spoke to reporters on Wednesday afternoon in the capital.',
  'Several people gathered outside the building as the meeting went on.',
  'The statement was published on the website later in the day.',
  'Local newspapers covered the story on their front pages the next morning.',
  'A spokesperson declined to give further details about the timeline.',
];
const story = (lines: string[], filler = 12): string => [...lines, ...Array.from({ length: filler }, (_, i) => FILLER[i % FILLER.length]!)].join('\n');

describe('crypto vocabulary', () => {
  it('counts coin tickers written in capitals and cashtags', () => {
    expect(features({ text: 'The thief moved the LTC and the AVAX to another address, then bought $SOL.' }).crypto).toBe(3);
  });

  it('does not count tickers that are English words, or a ticker in lower case, without a cashtag', () => {
    expect(features({ text: 'The sol rose over the Near East; a DOT matrix printer; the LINK between them; the sui generis case; ltc.' }).crypto).toBe(0);
    expect(features({ text: 'DOGE, the Department of Government Efficiency, and the ICO, the UK data regulator, issued statements.' }).crypto).toBe(0);
  });

  it("counts the wording of older stories: bitcoins, digital and virtual currency, cryptocoins", () => {
    const f = features({ text: 'Thieves took 850,000 bitcoins from the exchange; the digital currency fell, and other virtual currencies and cryptocoins too.' });
    expect(f.crypto).toBe(4);
    expect(f.cryptoDistinct).toBe(4);
  });

  it('does not take cryptography for cryptocurrency', () => {
    expect(features({ text: 'The cryptographer explained the cryptographic protocol and its cryptography.' }).crypto).toBe(0);
  });
});

describe('North Korea', () => {
  const missile = story([
    'North Korea launched a ballistic missile on Sunday, the latest in a series of tests that Pyongyang says are needed for its defence.',
    'The missile carried a payload that could reach Japan, and officials called the launch an attack on regional peace and a breach of sanctions.',
    'South Korea said North Korea would not compromise on its nuclear programme, and Kim Jong Un oversaw the test.',
    'The United States said North Korea was trying to exploit divisions among its neighbours, and called for new sanctions on the North Korean regime.',
  ]);

  it('is not in scope for a missile or nuclear story without a cyber or crypto angle', () => {
    const d = detect({ text: missile, title: 'North Korea fires missile toward Japan' });
    expect(d.detected).toBe(false);
    expect(d.features.cyber).toBe(0);
  });

  it('is in scope when the same country is named with its hackers', () => {
    const text = story([
      'North Korean hackers stole data from defence firms in a cyber espionage campaign, researchers said.',
      'The hackers used malware hidden in job offers, a phishing technique that North Korea has used for years.',
      'Pyongyang denies that its hackers carry out cyberattacks abroad.',
    ]);
    expect(detect({ text, title: 'North Korean hackers target defence firms' }).detected).toBe(true);
  });

  it('takes an IT-worker scheme with North Korea for a cyber story, but not IT workers alone', () => {
    const scheme = story([
      'North Korean IT workers used stolen identities to get remote jobs at American companies, prosecutors said.',
      'A woman in Arizona ran a laptop farm for the North Korean workers, and the IT workers sent their pay to North Korea.',
      'The scheme used fake identities of more than 60 Americans, the Justice Department said.',
    ]);
    expect(detect({ text: scheme, title: 'Woman sentenced for helping North Korean IT workers' }).detected).toBe(true);
    const strike = story([
      'IT workers at the bank went on strike on Monday over pay and remote jobs, the union said.',
      'The IT workers want the same conditions as other staff, and the bank said talks would continue.',
      'About 300 IT workers joined the strike in the capital.',
    ]);
    expect(detect({ text: strike, title: 'Bank IT workers strike' }).detected).toBe(false);
  });

  it('does not take a game character named like a hacking group for North Korea', () => {
    const text = story([
      'Andariel, the Maiden of Anguish, returns as a boss in the new season, and players who defeat Andariel earn a new attack skill.',
      'The update also adds a new class, and the developers said the expansion stole the show at the event.',
    ]);
    expect(detect({ text, title: 'Diablo season preview' }).detected).toBe(false);
  });
});

describe('ransomware', () => {
  it('finds a ransomware story that describes the attack more than it names it', () => {
    const text = story([
      'A hospital in Indiana paid a ransom of $50,000 to hackers who locked staff out of the computer systems, officials said.',
      'The ransomware attack encrypted patient files and the hackers demanded payment to unlock the data.',
      'The hospital said it paid the ransom to restore its systems quickly, and received the decryption key within hours.',
    ]);
    expect(detect({ text, title: 'Hospital pays hackers $50,000 ransom' }).detected).toBe(true);
  });

  it('does not take a kidnapping held for ransom for ransomware', () => {
    const text = story([
      'Kidnappers held the businessman hostage for ten days and demanded a ransom of $2 million from his family.',
      'The family paid the ransom, police said, and the man was released unharmed on Friday.',
      'Police arrested three people and said the ransom payment had been traced.',
    ]);
    const d = detect({ text, title: 'Businessman freed after family pays ransom' });
    expect(d.features.cyber).toBe(0);
    expect(d.detected).toBe(false);
  });

  it('does not count the bare word "ransom" of a glossary as a sign of an attack', () => {
    expect(features({ text: 'A ransom (in German: Lösegeld) is money demanded for a release.' }).ransomSigns).toBe(0);
    expect(features({ text: 'The company paid the ransom and the files stayed encrypted.' }).ransomSigns).toBe(1);
  });
});

describe('the notes', () => {
  it('are codes with their counts and names, never words (worded where shown: lib/shared/reasons.ts)', () => {
    const text = story([
      'North Korean hackers of the Lazarus Group stole $100 million in bitcoin and ether from the crypto exchange in a hack.',
      'The stolen crypto was laundered through a mixer, and the attack drained the hot wallet of the exchange.',
    ]);
    const d = detect({ text, title: 'Hackers steal $100 million from crypto exchange', kbNames: ['Lazarus Group', 'A', 'B', 'C', 'D', 'E'], stolenAmounts: 1 });
    expect(d.detected).toBe(true);
    const codes = d.notes.map((n) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['cryptoSecurity', 'dprk', 'knownNames', 'stolenAmounts', 'titleAttack']));
    expect(codes).not.toContain('noTopic');
    expect(d.notes.find((n) => n.code === 'cryptoSecurity')!.params).toEqual([d.features.crypto, d.features.security]);
    // at most five names
    expect(d.notes.find((n) => n.code === 'knownNames')!.params).toEqual(['Lazarus Group', 'A', 'B', 'C', 'D']);
    expect(d.notes.find((n) => n.code === 'stolenAmounts')!.params).toEqual([1]);
  });

  it('a text with no topic says so, and only that', () => {
    expect(detect({ text: story([], 20), title: 'A quiet day' }).notes).toEqual([{ code: 'noTopic' }]);
  });
});
