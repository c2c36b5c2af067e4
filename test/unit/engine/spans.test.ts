import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanIndex } from '../../../lib/engine/spans';

const span = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([s, len]) => ({ start: s, end: s + len }));

describe('span index', () => {
  it('answers overlap and containment exactly as a scan of every span would', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(span, { minLength: 1, maxLength: 20 }), (spans, queries) => {
        const idx = spanIndex(spans);
        for (const q of queries) {
          expect(idx.overlaps(q.start, q.end)).toBe(spans.some((p) => q.start < p.end && q.end > p.start));
          expect(idx.contains(q.start, q.end)).toBe(spans.some((p) => p.start <= q.start && p.end >= q.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes [start, end] pairs too, and is empty without spans', () => {
    expect(spanIndex([[3, 5]]).overlaps(4, 9)).toBe(true);
    expect(spanIndex([]).overlaps(0, 1e9)).toBe(false);
    expect(spanIndex([]).contains(0, 0)).toBe(false);
  });
});
