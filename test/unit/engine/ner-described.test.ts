import { describe, expect, it } from 'vitest';
import { ner } from './ner-labels';

describe('an organisation the article says is one (issue 14: single-word company names)', () => {
  it('takes a kind noun with its modifiers before the name', () => {
    expect(ner('Outside Europe, the pharmaceutical giant Merck reported that its network was hit.')).toContain('organization:Merck');
    expect(ner('In the United States, the shipping firm FedEx was hit by the ransomware.')).toContain('organization:FedEx');
    expect(ner('Prosecutors said Didenko ran a website called Upworksell, which let people work under false names.')).toContain('organization:Upworksell');
  });

  it('takes an appositive headed by a kind noun, at the start of a sentence too', () => {
    expect(ner('Marquis, a technology company used by hundreds of banks, said the data was stolen.')).toContain('organization:Marquis');
    expect(ner('The breach was found when LabCorp, one of the largest clinical labs in the country, took systems offline.')).toContain('organization:LabCorp');
  });

  it('types a company described with DeFi words as a protocol', () => {
    expect(ner('Decentralized finance company Drift says it has suspended deposits.')).toContain('protocol:Drift');
  });

  it('does not fire on a kind noun without modifiers, a clause, a person\'s role or a date', () => {
    expect(ner('Hackers said company Acme paid the ransom.').some((x) => x.endsWith(':Acme'))).toBe(false);
    expect(ner('The breach at Acme, the company said, was small.').some((x) => x.endsWith(':Acme'))).toBe(false);
    expect(ner('Ugoretz, a company spokesperson, declined to comment.').some((x) => x.startsWith('organization:'))).toBe(false);
    expect(ner('The breach hit the payments firm Monday and again in June.').some((x) => /Monday|June/.test(x))).toBe(false);
    expect(ner('Officials in Baltimore, a city of 600,000, said the systems were down.').some((x) => x.endsWith(':Baltimore'))).toBe(false);
  });
});

describe('a hacking group the article describes or names with a cue', () => {
  it('takes "known as the X" and an appositive headed by a group with attack words', () => {
    expect(ner('The code was leaked by a group of hackers known as the Shadow Brokers last year.')).toContain('threat-actor:Shadow Brokers');
    expect(ner('The Shadow Brokers, a hacking group believed to be behind the leak, posted again.')).toContain('threat-actor:Shadow Brokers');
  });

  it('does not take a group of companies or a member of a group for a threat actor', () => {
    expect(ner('Acme Widgets, a group of companies based in Ohio, said it paid.').some((x) => x.startsWith('threat-actor:'))).toBe(false);
    expect(ner('Jane Roe, a member of the hacking group, said it was over.').some((x) => x.startsWith('threat-actor:'))).toBe(false);
  });
});

describe("a unit named after its organisation's possessive", () => {
  it('is not reported alone ("Google\'s Threat Intelligence Group")', () => {
    expect(ner('Jane Roe, the chief analyst for Google’s Threat Intelligence Group, said so.').some((x) => x.includes('Threat Intelligence'))).toBe(false);
  });

  it("keeps a person after an organisation's possessive and a state body after a country's", () => {
    expect(ner("Google's Jane Roe said the funds moved.")).toContain('person:Jane Roe');
    expect(ner("Thailand's Securities and Exchange Commission ordered the exchange to report.")).toContain('agency:Securities and Exchange Commission');
  });
});

describe('a capital "The" inside a sentence', () => {
  it('is part of the organisation\'s name ("according to The Edge Markets")', () => {
    expect(ner('According to The Edge Markets, which broke the news, the hackers struck.')).toContain('organization:The Edge Markets');
  });

  it('is not at the start of a sentence, nor before a person', () => {
    expect(ner('Then it spread. The Edge Markets said so.')).toContain('organization:Edge Markets');
    expect(ner('Investigators said The Jane Roe case was closed.').some((x) => x.includes('The Jane'))).toBe(false);
  });
});

describe('quotation marks around the kind noun', () => {
  it('say nothing: \'a "decentralized autonomous organization" called CityDAO\'', () => {
    expect(ner('A “decentralized autonomous organization” called CityDAO was hoping to build a city.')).toContain('organization:CityDAO');
    expect(ner('The firm said "Acme" was fine.').some((x) => x.endsWith(':Acme'))).toBe(false);
  });
});

describe('one hyphenated word', () => {
  it('is not asked of compromise as a given name and surname ("Mat-Su")', () => {
    expect(ner('The attack on Mat-Su hit 500 computers, officials said.').some((x) => x.startsWith('person:Mat'))).toBe(false);
  });

  it('is still a person with a person cue ("Bankman-Fried told")', () => {
    expect(ner('Roe said Bankman-Fried told investors the funds were safe.')).toContain('person:Bankman-Fried');
  });
});
