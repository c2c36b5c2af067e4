import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/page/read-page';
import { readGateInput } from '../../../lib/gate/read-gate-input';
import { gate } from '../../../lib/gate/gate';

function makeDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const para = (s: string) => `<p>${s} ${'The investigators traced the stolen funds through several wallets and exchanges over many weeks of work.'.repeat(2)}</p>`;

const ARTICLE = `<!doctype html><html><head>
<title>Bridge hacked | Example News</title>
<link rel="canonical" href="https://news.example/2024/bridge-hack">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
<meta name="description" content="Hackers drained a crypto bridge of $100 million.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge hacked"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>Bridge hacked</h1>
${para('Hackers linked to <b>North Korea</b> drained   the bridge of $100 million on Friday.')}
${para('The attackers used stolen keys, said <a href="/p/jane">Jane Doe</a>, an analyst.')}
${para('Police in several countries are now working with the exchanges.')}
${para('The project said it would repay users from its treasury.')}
</article><footer>Copyright</footer></body></html>`;

describe('readPage', () => {
  it('reads metadata and the article text', () => {
    const doc = makeDoc(ARTICLE);
    const r = readPage(doc);
    expect(r.input.url).toBe('https://news.example/2024/bridge-hack');
    expect(r.input.siteName).toBe('Example News');
    expect(r.input.publishedAt).toBe('2024-03-01T10:00:00Z');
    expect(r.input.pageType).toBe('NewsArticle');
    expect(r.input.structure?.readabilityOk).toBe(true);
    expect(r.input.structure?.paragraphs).toBeGreaterThanOrEqual(4);
    expect(r.input.text).toContain('Hackers linked to North Korea drained the bridge of $100 million');
    expect(r.input.text).not.toContain('Copyright');
    // blocks are separated by blank lines, whitespace is collapsed
    expect(r.input.text).toMatch(/Friday\.[^\n]*\n\nThe attackers/);
    expect(r.input.text).not.toMatch(/ {2}/);
  });

  it('maps every segment to a live text node of the page, never a clone', () => {
    const doc = makeDoc(ARTICLE);
    const r = readPage(doc);
    expect(r.map).not.toBeNull();
    const segs = r.map!.segments;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      expect(s.node.ownerDocument).toBe(doc);
      expect(doc.body.contains(s.node)).toBe(true);
      expect(r.input.text.slice(s.start, s.start + s.length)).toBe(s.node.data.slice(s.nodeOffset, s.nodeOffset + s.length));
      if (i) expect(s.start).toBeGreaterThanOrEqual(segs[i - 1]!.start + segs[i - 1]!.length);
    }
    // an entity mention maps back to the bold element the reader sees
    const at = r.input.text.indexOf('North Korea');
    const seg = segs.find((s) => s.start <= at && at < s.start + s.length)!;
    expect(seg.node.parentElement?.tagName).toBe('B');
  });

  it('does not modify the live page', () => {
    const doc = makeDoc(ARTICLE);
    const before = doc.body.textContent;
    const count = doc.getElementsByTagName('*').length;
    readPage(doc);
    expect(doc.body.textContent).toBe(before);
    expect(doc.getElementsByTagName('*').length).toBe(count);
  });

  it('falls back to the body text on a page that is not readerable', () => {
    const doc = makeDoc('<html><head><title>Search</title></head><body><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul><script>var x = 1;</script></body></html>');
    const r = readPage(doc);
    expect(r.input.structure?.readabilityOk).toBe(false);
    expect(r.note).toBeTruthy();
    expect(r.input.text).toBe('One\n\nTwo');
    expect(r.map?.segments.every((s) => doc.body.contains(s.node))).toBe(true);
  });
});

describe('readGateInput + gate', () => {
  it('feeds the gate from cheap page signals', () => {
    const g = readGateInput(makeDoc(ARTICLE));
    expect(g.title).toBe('Bridge hacked | Example News'); // the document's title (JSON-LD is the annotator's to read)
    expect(g.description).toMatch(/drained a crypto bridge/);
    expect(g.lead).toContain('Hackers linked to North Korea');
    expect(gate(g).pass).toBe(true);
  });
});
