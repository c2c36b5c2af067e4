import { describe, expect, it } from 'vitest';
import { guessHeadline, markdownToText, splitFieldLines, textInput } from '../../../lib/engine/plain-text';

describe('text inputs', () => {
  it('takes the title from YAML front matter, else the first heading', () => {
    expect(textInput('---\ntitle: "Bridge hacked"\ndate: 2024-01-02\n---\nBody text.', { markdown: true })).toMatchObject({ title: 'Bridge hacked', publishedAt: '2024-01-02' });
    expect(textInput('# Exchange drained\n\nBody text here.', { markdown: true }).title).toBe('Exchange drained');
  });

  it('reads the publication date as feeds and site generators name it, and TOML front matter', () => {
    expect(textInput('---\ntitle: "Breach grows"\nurl: "https://news.example/2026/02/24/breach/"\npublished: "2026-02-24T14:09:11.000Z"\n---\nBody text.', { markdown: true })).toMatchObject({
      title: 'Breach grows',
      url: 'https://news.example/2026/02/24/breach/',
      publishedAt: '2026-02-24T14:09:11.000Z',
    });
    const toml = '+++\npath = "2025/09/24/malicious-crates"\ntitle = "Malicious crates: what happened"\n\n[extra]\nteam = "the registry team"\n+++\n\nBody text.';
    expect(textInput(toml, { markdown: true })).toMatchObject({ title: 'Malicious crates: what happened', publishedAt: '2025-09-24' });
    expect(textInput(toml, { markdown: true }).text).not.toMatch(/\+\+\+|registry team/);
  });

  it('takes no date from a nested key, a path without a day, or a date key of another name', () => {
    expect(textInput('---\ntitle: Hack\nseo:\n  date: 2020-01-01\n---\nBody text.', { markdown: true }).publishedAt).toBeNull();
    expect(textInput('+++\npath = "2025/09/malicious-crates"\ntitle = "Hack"\n+++\nBody text.', { markdown: true }).publishedAt).toBeNull();
    expect(textInput('---\ntitle: Hack\nupdated: 2024-05-05\n---\nBody text.', { markdown: true }).publishedAt).toBeNull();
  });

  it('finds the headline of a plain text, skipping a short site name', () => {
    expect(guessHeadline('Crypto Desk Daily\n\nHackers Drain $40 Million From Lending Protocol\n\nThe story begins here.')).toBe('Hackers Drain $40 Million From Lending Protocol');
    expect(guessHeadline('It was a quiet morning in the harbour.\n\nNothing happened.')).toBeNull();
  });

  it('strips markdown to readable text', () => {
    const t = markdownToText('## Heading\n\n![img](x.png)\n\n**Bold** and [a link](https://x.example) and `code`.\n\n- item one');
    expect(t).toBe('Heading\n\nBold and a link and code.\n\nitem one');
  });

  it('reads a text exported as XML-like fields: title, address and date, then the body', () => {
    const line = 'The hospital paid the ransom in bitcoin to the hackers who had locked its computer systems, officials said.';
    const src = `<title>Hospital pays ransom</title>\n<source> https://news.example/a </source>\n<date> 2018_02_18 </date>\n<text>\n${line}\n${line}\n</text>\n`;
    const input = textInput(src, { markdown: false });
    expect(input).toMatchObject({ title: 'Hospital pays ransom', url: 'https://news.example/a', publishedAt: '2018-02-18' });
    expect(input.text).toBe(`${line}\n${line}`);
    expect(input.structure?.paragraphs).toBe(2);
  });

  it('leaves a text without field lines as it is, tags in its body included', () => {
    const src = 'A story about <b> tags.\n<text>\nMore text.';
    expect(splitFieldLines(src)).toEqual({ front: {}, body: src });
  });

  it('counts prose lines as paragraphs in a plain text, but not a list of short lines', () => {
    const line = 'The attackers demanded a payment in bitcoin and the city refused to pay it, the mayor told reporters.';
    expect(textInput(`${line}\n${line}\n${line}`, { markdown: false }).structure?.paragraphs).toBe(3);
    expect(textInput('Home\nMarkets\nBitcoin price\nEther price\nHacks\nNewsletters\nAbout us and the team\nContact', { markdown: false }).structure?.paragraphs).toBe(0);
  });
});
