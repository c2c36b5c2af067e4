import { describe, expect, it } from 'vitest';
import { guessHeadline, markdownToText, textInput } from '../../../lib/engine/plain-text';

describe('text inputs', () => {
  it('takes the title from YAML front matter, else the first heading', () => {
    expect(textInput('---\ntitle: "Bridge hacked"\ndate: 2024-01-02\n---\nBody text.', { markdown: true })).toMatchObject({ title: 'Bridge hacked', publishedAt: '2024-01-02' });
    expect(textInput('# Exchange drained\n\nBody text here.', { markdown: true }).title).toBe('Exchange drained');
  });

  it('finds the headline of a plain text, skipping a short site name', () => {
    expect(guessHeadline('Crypto Desk Daily\n\nHackers Drain $40 Million From Lending Protocol\n\nThe story begins here.')).toBe('Hackers Drain $40 Million From Lending Protocol');
    expect(guessHeadline('It was a quiet morning in the harbour.\n\nNothing happened.')).toBeNull();
  });

  it('strips markdown to readable text', () => {
    const t = markdownToText('## Heading\n\n![img](x.png)\n\n**Bold** and [a link](https://x.example) and `code`.\n\n- item one');
    expect(t).toBe('Heading\n\nBold and a link and code.\n\nitem one');
  });
});
