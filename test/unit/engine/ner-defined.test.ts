/**
 * Names the article defines by their kind (issue 14, 2026-12-08): malware defined by a dash or an
 * appositive, coins named by their kind, a kind noun after a preposition, local-government units.
 */
import { describe, expect, it } from 'vitest';
import { ner } from './ner-labels';

describe('malware the article defines right after its name', () => {
  it('takes a dash definition or an appositive headed by a malware word', () => {
    expect(ner('WAVESHAPER – C++ backdoor that runs as a background daemon.')).toContain('malware:WAVESHAPER');
    expect(ner('HIDDENCALL – Golang-based backdoor reflectively injected by another loader.')).toContain('malware:HIDDENCALL');
    expect(ner('InfoHook, an information stealer previously identified in these attacks, was used too.')).toContain('malware:InfoHook');
  });

  it('does not fire when the malware word only modifies another head ("a malware analysis firm", "a ransomware gang")', () => {
    expect(ner('Kestrelix, a malware analysis firm, shared the samples.')).not.toContain('malware:Kestrelix');
    expect(ner('Qilin, a ransomware gang that hit Nissan, posted the data.')).not.toContain('malware:Qilin');
    expect(ner('Zorvane – the ransomware attack began on Monday.')).not.toContain('malware:Zorvane');
  });

  it('does not type a plain word at a sentence start ("Later, a backdoor was found")', () => {
    expect(ner('The attack was slow. Later, a backdoor was found on the server.').some((x) => x.startsWith('malware:'))).toBe(false);
  });
});

describe('malware named after its kind', () => {
  it('takes "a ransomware family called X", a quoted name before a malware word and a downloader', () => {
    const out = ner('The group dropped a custom ransomware family called FakePenny, the ‘SIGNBT’ implant and the JADESNOW downloader.');
    expect(out).toEqual(expect.arrayContaining(['malware:FakePenny', 'malware:SIGNBT', 'malware:JADESNOW']));
  });

  it('still types no software paired before "ransomware" ("the VeraCrypt and TrueCrypt ransomware operations")', () => {
    expect(ner('They ran the VeraCrypt and TrueCrypt ransomware operations.').some((x) => x.startsWith('malware:'))).toBe(false);
  });
});

describe('coins named by their kind', () => {
  it('takes "the cryptocurrency X", "the token X", "a coin called X"', () => {
    expect(ner('Late last year the cryptocurrency Squid burst on to the scene.')).toContain('cryptocurrency:Squid');
    expect(ner('Investors accuse them of promoting the token EthereumMax to deceive them.')).toContain('cryptocurrency:EthereumMax');
    expect(ner('He launched a coin called Zorbit in March.')).toContain('cryptocurrency:Zorbit');
  });

  it('does not take an exchange or a firm after "cryptocurrency" ("the cryptocurrency exchange Kraven", "cryptocurrency firm X")', () => {
    expect(ner('Funds went to the cryptocurrency exchange Kraven.')).not.toContain('cryptocurrency:Kraven');
    expect(ner('Cryptocurrency firm Kraven said it lost funds.').some((x) => x.startsWith('cryptocurrency:'))).toBe(false);
  });
});

describe('a kind noun after a preposition', () => {
  it('takes the modifiers up to the preposition ("at government contractor giant Conduent")', () => {
    expect(ner('A data breach at government contractor giant Conduent is growing.')).toContain('organization:Conduent');
  });

  it('still takes nothing when the preposition stands right before the kind noun ("in firm X", "said company X")', () => {
    expect(ner('The money stayed in firm Monday accounts.').some((x) => x.endsWith(':Monday'))).toBe(false);
    expect(ner('The attackers said company Zorvane paid.').some((x) => x.endsWith(':Zorvane'))).toBe(false);
  });
});

describe('local-government units', () => {
  it('types a borough as an agency, like a county', () => {
    expect(ner('After the attack, Alaska’s Matanuska-Susitna Borough restored its phones.')).toContain('agency:Matanuska-Susitna Borough');
  });
});

describe('a state service ("National Health Service")', () => {
  it('takes "<National, Federal or nationality> ... Service": a health service as a provider, the others as agencies', () => {
    const out = ner('Victims included the United Kingdom’s National Health Service. The Russian Foreign Intelligence Service denied it.');
    expect(out).toEqual(expect.arrayContaining(['organization:National Health Service', 'agency:Russian Foreign Intelligence Service']));
  });

  it('does not take product or generic phrases ending in "Service"', () => {
    const out = ner('A Distributed Denial of Service hit the site. The Remote Desktop Service was abused by the National Customer Service team. The Remote Desktop Service was abused.');
    expect(out.some((x) => /Service/.test(x))).toBe(false);
  });
});

describe('kind words that are no names (dev-half traps of the first try)', () => {
  it('takes no malware word as malware ("a remote access trojan, or RAT — essentially malware that ...")', () => {
    expect(ner('It delivered a remote access trojan, or RAT — essentially malware that gives full control.')).not.toContain('malware:RAT');
  });

  it('reads "a cryptocurrency ATM" as a modifier, not a coin', () => {
    expect(ner('Send your money to them through a cryptocurrency ATM.').some((x) => x.startsWith('cryptocurrency:'))).toBe(false);
  });
});

describe('titles before names (2026-12-08)', () => {
  it('reads the person after a capitalised title the candidate finder took off ("Chief Executive Officer Marek Dolinski", "Sheriff Tomas Brandt")', () => {
    expect(ner('The hack was confirmed by Chief Executive Officer Marek Dolinski on Monday.')).toContain('person:Marek Dolinski');
    expect(ner('It was confirmed by Sheriff Tomas Brandt.')).toContain('person:Tomas Brandt');
    expect(ner('The Chief Information Security Officer Lena Maroshi resigned.')).toContain('person:Lena Maroshi');
  });

  it('reports no "Chief <word> Officer" alone and reads no person after an organisation word ("FBI Cyber Division")', () => {
    expect(ner('The Chief Technology Officer said the keys were safe.')).toEqual([]);
    expect(ner('Agents of the FBI Cyber Division seized it.').some((x) => x.startsWith('person:'))).toBe(false);
  });
});

describe('a short acronym among the modifiers of a kind noun', () => {
  it('takes "the IT company SolarWinds"', () => {
    expect(ner('The breach came via software updates from the IT company SolarWinds.')).toContain('organization:SolarWinds');
  });

  it('still needs a modifier: "the company X" alone is not enough', () => {
    expect(ner('Then the company Zorvane paid the ransom.').some((x) => x.endsWith(':Zorvane'))).toBe(false);
  });
});
