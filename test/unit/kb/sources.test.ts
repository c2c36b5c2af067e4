// @vitest-environment node
/**
 * The source files (curated and derived) are valid and the committed compiled KB is what they build to.
 */
import { describe, expect, it } from 'vitest';
import { buildFromSources, readSources } from '../../../tools/cli/kb-build';
import { kbEntitySchema } from '../../../lib/kb/schema';
import { readCompiled } from './helpers';

/** A full merge reads every source file: allow for a busy machine. */
const TIMEOUT_MS = 30_000;

describe('source files', () => {
  it('curated entries validate and merge without problems', () => {
    const { curatedProblems } = buildFromSources();
    expect(curatedProblems).toEqual([]);
  }, TIMEOUT_MS);

  it('derived entries validate', () => {
    const { derived } = readSources();
    const bad = derived.filter((e) => !kbEntitySchema.safeParse(e).success).map((e) => e.id);
    expect(bad).toEqual([]);
  }, TIMEOUT_MS);

  it('the committed lib/kb/compiled/kb.json is up to date (run npm run kb:build)', () => {
    const { kb } = buildFromSources();
    const committed = readCompiled();
    expect(committed.version).toBe(kb.version);
  }, TIMEOUT_MS);
});
