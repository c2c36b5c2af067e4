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
    expect(ner('It complied with the EU’s General Data Protection Regulations.').some((x) => x.startsWith('person:'))).toBe(false);
    expect(ner('It was signed by Attorney General Merrick B. Garland today.')).toContain('person:Merrick B. Garland');
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

describe('a name followed by its plants or people', () => {
  it('takes "Cadbury factories", "TaskUs employees", "Medibank customers"', () => {
    const out = ner('The attack hit Cadbury factories in Tasmania, TaskUs employees and the Medibank customers.');
    expect(out).toEqual(expect.arrayContaining(['organization:Cadbury', 'organization:TaskUs', 'organization:Medibank']));
  });

  it('does not take places, nationalities, pronouns or products ("Atlanta employees", "UK plants", "IT staff", "Privacy Pro subscribers")', () => {
    expect(ner('Many Atlanta employees, UK plants and IT staff were hit; Privacy Pro subscribers and Chrome users too.')).toEqual([]);
  });
});

describe('a description then the name in apposition', () => {
  it('takes "sued its firewall provider, SonicWall, in February" and "Liminal, their custody provider"', () => {
    expect(ner('The fintech company sued its firewall provider, SonicWall, in February.')).toContain('organization:SonicWall');
    expect(ner('Five signers came from WazirX and one from Liminal, their custody provider.')).toContain('organization:Liminal');
  });

  it('does not take a person described by a role after "their" ("Jane Roe, their legal adviser")', () => {
    expect(ner('He met Jane Roe, their legal adviser, on Monday.')).not.toContain('organization:Jane Roe');
  });

  it('does not take the subject after an opening clause ("After hacking the payment processor, Zorvane moved funds")', () => {
    expect(ner('After hacking the payment processor, Zorvane moved funds.').some((x) => x.endsWith(':Zorvane'))).toBe(false);
  });
});

describe('Malaysian legal forms', () => {
  it('ends a company name with "Berhad" or "Bhd" and drops the abbreviation from the name', () => {
    const out = ner('Media Prima Berhad said its systems were locked. Hartalega Holdings Bhd and Top Glove Berhad reported.');
    expect(out).toEqual(expect.arrayContaining(['organization:Media Prima Berhad', 'organization:Hartalega Holdings', 'organization:Top Glove Berhad']));
  });
});

describe('institution names the run of capitals cuts short', () => {
  it('keeps the holder\'s title of an office ("the Mayor’s Office of Information Technology") and types it as an agency', () => {
    expect(ner('Frank Johnson, chief information officer in the Mayor’s Office of Information Technology, said.')).toContain('agency:Mayor’s Office of Information Technology');
    expect(ner('The Attorney General’s Office said it would appeal.')).toContain('agency:Attorney General’s Office');
  });

  it('does not take a company\'s possessive or a qualifier as the holder ("Acme’s Office of Research", "the Former’s Office")', () => {
    expect(ner('Kravex’s Office of Research said.').some((x) => x.includes('Kravex’s'))).toBe(false);
    expect(ner('The case went to the U.S. Attorney\'s Office and the Prosecutor\'s Office.').some((x) => /Office/.test(x))).toBe(false);
  });

  it('keeps a university\'s campus after a comma, not a country or a clause', () => {
    const out = ner('A team including researchers from the University of California, San Diego; Princeton University; and the analysis firm Chainalysis presented a paper.');
    expect(out).toContain('organization:University of California, San Diego');
    expect(out.some((x) => x.endsWith(':San Diego'))).toBe(false);
    expect(ner('A team at the University of Oxford, England, said.')).toContain('organization:University of Oxford');
    expect(ner('Since 2019 the University of Texas, Austin police and others joined.')).toContain('organization:University of Texas');
  });
});

describe('a field and a title', () => {
  it('names no one ("Montenegro’s Defense Minister stated", "The Finance Secretary said")', () => {
    expect(ner('Montenegro’s Defense Minister stated there was evidence. The Finance Secretary said so too.')).toEqual([]);
  });

  it('keeps a given name before a word that is also a title ("Jane Judge said")', () => {
    expect(ner('Jane Judge said the funds were gone.')).toContain('person:Jane Judge');
  });
});

describe('a protocol named by its vaults', () => {
  it('takes "Yearn\'s v1 yDAI vault", "Yearn v2/v3 vaults", "Zoth\'s vaults", at a sentence start too', () => {
    expect(ner('Yearn\'s security team saw an exploit against Yearn\'s v1 yDAI vault.')).toContain('protocol:Yearn');
    expect(ner('Yearn v2/v3 vaults were not affected.')).toContain('protocol:Yearn');
    expect(ner('Then Zoth\'s vaults were drained.')).toContain('protocol:Zoth');
  });

  it('does not take a token\'s or a kind\'s vault ("the DAI vault", "LP vaults", "Maker vault")', () => {
    expect(ner('The DAI vault, the LP vaults, the Maker vault and the TUSD vaults lost funds.').some((x) => x.startsWith('protocol:'))).toBe(false);
  });
});
