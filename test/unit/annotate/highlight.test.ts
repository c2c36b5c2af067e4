import { beforeEach, describe, expect, it } from 'vitest';
import { Highlighter, piecesFor, planPieces } from '../../../lib/annotate/highlight';
import { mapOf, mention, structure } from './helpers';

function setup(html: string) {
  document.body.innerHTML = html;
  const before = structure(document.body);
  const beforeHtml = document.body.innerHTML;
  const { text, map } = mapOf(document.body);
  return { before, beforeHtml, text, map, h: new Highlighter(document) };
}

describe('piecesFor', () => {
  it('maps an offset range to pieces of several text nodes and skips whitespace-only pieces', () => {
    const { text, map } = setup('<p>The <em>Lazarus</em> <a href="#">Group</a> struck.</p>');
    const m = mention(text, 'Lazarus Group', 'lazarus');
    const pieces = piecesFor(map, m.start, m.end);
    expect(pieces.map((p) => p.node.data.slice(p.from, p.to))).toEqual(['Lazarus', 'Group']);
  });
});

describe('Highlighter', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps one mention inside a text node in one cncmark and undoes it node for node', () => {
    const { before, beforeHtml, text, map, h } = setup('<p>Analysts blamed the Lazarus Group for the theft.</p>');
    h.sync(map, [mention(text, 'Lazarus Group', 'lazarus')]);
    const marks = document.querySelectorAll('cncmark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.textContent).toBe('Lazarus Group');
    expect(marks[0]!.getAttribute('data-cnc-entity')).toBe('lazarus');
    expect(marks[0]!.getAttribute('role')).toBe('button');
    expect(marks[0]!.getAttribute('tabindex')).toBe('0');
    expect(marks[0]!.getAttribute('aria-haspopup')).toBe('dialog');
    expect(document.body.textContent).toBe('Analysts blamed the Lazarus Group for the theft.');
    h.clear();
    expect(document.body.innerHTML).toBe(beforeHtml);
    expect(structure(document.body)).toBe(before);
  });

  it('marks a mention that crosses <em> and <a> with several marks sharing one mention key', () => {
    const { before, text, map, h } = setup('<p>Funds went to <em>Tornado</em> <a href="/x">Cash</a>, investigators said.</p>');
    h.sync(map, [mention(text, 'Tornado Cash', 'tornado-cash')]);
    const marks = Array.from(document.querySelectorAll('cncmark'));
    expect(marks.map((m) => m.textContent)).toEqual(['Tornado', 'Cash']);
    expect(new Set(marks.map((m) => m.getAttribute('data-cnc-mention'))).size).toBe(1);
    expect(marks[0]!.parentElement!.tagName).toBe('EM');
    expect(marks[1]!.parentElement!.tagName).toBe('A');
    // only the first piece takes the keyboard; the one inside the link leaves that to the link
    expect(marks[0]!.hasAttribute('tabindex')).toBe(true);
    expect(marks[1]!.hasAttribute('tabindex')).toBe(false);
    h.clear();
    expect(structure(document.body)).toBe(before);
  });

  it('wraps several mentions in one text node (split from the end) and restores it', () => {
    const { before, text, map, h } = setup('<p>WannaCry hit the NHS; the FBI named the RGB and Lazarus.</p>');
    h.sync(map, [mention(text, 'WannaCry', 'wannacry'), mention(text, 'FBI', 'fbi'), mention(text, 'Lazarus', 'lazarus'), mention(text, 'RGB', 'rgb')]);
    expect(Array.from(document.querySelectorAll('cncmark')).map((m) => m.textContent)).toEqual(['WannaCry', 'FBI', 'RGB', 'Lazarus']);
    expect(document.body.textContent).toBe('WannaCry hit the NHS; the FBI named the RGB and Lazarus.');
    h.clear();
    expect(structure(document.body)).toBe(before);
  });

  it('never marks inside code, pre, textarea, contenteditable or script', () => {
    const { before, text, map, h } = setup(
      '<p><code>Lazarus</code></p><pre>Lazarus</pre><textarea>Lazarus</textarea><div contenteditable="true">Lazarus</div><p>Lazarus</p>',
    );
    const ms = [0, 1, 2, 3, 4].map((n) => mention(text, 'Lazarus', 'lazarus', n));
    h.sync(map, ms);
    const marks = Array.from(document.querySelectorAll('cncmark'));
    expect(marks).toHaveLength(1);
    expect(marks[0]!.parentElement!.tagName).toBe('P');
    h.clear();
    expect(structure(document.body)).toBe(before);
  });

  it('skips a mention whose text no longer matches the map (stale reading)', () => {
    const { text, map, h } = setup('<p>The Lazarus Group again.</p>');
    const m = mention(text, 'Lazarus Group', 'lazarus');
    (document.querySelector('p')!.firstChild as Text).data = 'Something else entirely here.';
    h.sync(map, [m]);
    expect(document.querySelectorAll('cncmark')).toHaveLength(0);
  });

  it('drops overlapping mentions, keeping the earlier and longer one', () => {
    const { text, map } = setup('<p>The Lazarus Group again.</p>');
    const long = mention(text, 'Lazarus Group', 'lazarus');
    const short = mention(text, 'Group', 'other');
    expect(planPieces(map, [short, long]).map((p) => p.mention.entityId)).toEqual(['lazarus']);
  });

  it('leaves the page’s own adjacent text nodes alone when undoing', () => {
    document.body.innerHTML = '<p></p>';
    const p = document.querySelector('p')!;
    p.appendChild(document.createTextNode('Reports say '));
    p.appendChild(document.createTextNode('Lazarus struck again.'));
    const before = structure(document.body);
    const { text, map } = mapOf(document.body);
    const h = new Highlighter(document);
    h.sync(map, [mention(text, 'Lazarus', 'lazarus')]);
    expect(p.childNodes.length).toBe(3);
    h.clear();
    expect(structure(document.body)).toBe(before);
    expect(p.childNodes.length).toBe(2);
  });

  it('sync is incremental: marks still right stay (same element), stale ones go, new ones come', () => {
    const { before, text, map, h } = setup('<p>Lazarus and the RGB.</p><p>Later the FBI spoke.</p>');
    h.sync(map, [mention(text, 'Lazarus', 'lazarus'), mention(text, 'RGB', 'rgb')]);
    const lazarusMark = document.querySelector('cncmark[data-cnc-entity="lazarus"]');
    const again = mapOf(document.body);
    h.sync(again.map, [mention(again.text, 'Lazarus', 'lazarus'), mention(again.text, 'FBI', 'fbi')]);
    expect(document.querySelector('cncmark[data-cnc-entity="lazarus"]')).toBe(lazarusMark);
    expect(document.querySelector('cncmark[data-cnc-entity="rgb"]')).toBeNull();
    expect(document.querySelector('cncmark[data-cnc-entity="fbi"]')?.textContent).toBe('FBI');
    h.clear();
    expect(structure(document.body)).toBe(before);
  });

  it('marksOf returns an entity’s marks in document order', () => {
    const { text, map, h } = setup('<p>Lazarus first.</p><p>Lazarus second.</p>');
    h.sync(map, [mention(text, 'Lazarus', 'lazarus', 1, 'b'), mention(text, 'Lazarus', 'lazarus', 0, 'a')]);
    expect(h.marksOf('lazarus').map((m) => m.getAttribute('data-cnc-mention'))).toEqual(['a', 'b']);
  });
});

describe('first mention only', () => {
  it('marks the first mention of each entity that can be marked, skipping one inside <code>', () => {
    document.body.innerHTML = '<p><code>Lazarus</code> then Lazarus and Lazarus again, and RGB.</p>';
    const { text, map } = mapOf(document.body);
    const h = new Highlighter(document);
    h.sync(map, [0, 1, 2].map((n) => mention(text, 'Lazarus', 'lazarus', n)).concat(mention(text, 'RGB', 'rgb')), true);
    const marks = Array.from(document.querySelectorAll('cncmark'));
    expect(marks.map((m) => m.getAttribute('data-cnc-mention'))).toEqual(['lazarus~1', 'rgb~0']);
  });

  it('keeps what each mark stands for in its own record: a page that edits the data attributes changes nothing', () => {
    const { text, map, h } = setup('<p>The <em>Lazarus</em> Group and the FBI.</p><p><cncmark data-cnc-entity="fbi" data-cnc-mention="fbi~0">look-alike</cncmark></p>');
    h.sync(map, [mention(text, 'Lazarus Group', 'lazarus'), mention(text, 'FBI', 'fbi')]);
    const [first, second] = h.marksOf('lazarus');
    expect(h.recordOf(first!)).toEqual({ entityId: 'lazarus', key: 'lazarus~0', text: 'Lazarus Group' });
    for (const m of document.querySelectorAll('cncmark')) {
      m.setAttribute('data-cnc-entity', 'fbi');
      m.setAttribute('data-cnc-mention', 'fbi~0');
    }
    expect(h.recordOf(first!)?.entityId).toBe('lazarus');
    expect(h.marksOf('lazarus')).toEqual([first, second]);
    expect(h.piecesOf('lazarus~0')).toEqual([first, second]);
    expect(h.marksOf('fbi')).toHaveLength(1); // the page's look-alike is not ours
    expect(h.recordOf(document.querySelector('p + p cncmark')!)).toBeUndefined();
    // a sync keeps the marks that are still right, by their records (not their edited attributes)
    h.sync(map, [mention(text, 'Lazarus Group', 'lazarus'), mention(text, 'FBI', 'fbi')]);
    expect(h.marksOf('lazarus')).toEqual([first, second]);
    h.clear();
    expect(h.recordOf(first!)).toBeUndefined();
  });
});
