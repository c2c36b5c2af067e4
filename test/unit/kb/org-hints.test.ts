// @vitest-environment node
/**
 * The name finder's organisation hints as knowledge-base data (issues 14 and 19): the source file is
 * valid, every organisation says what it is with a source, forms are unique lower-case strings that
 * name no KB entry of another kind, and the engine reads exactly the compiled list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_ORGS } from '../../../lib/engine/vocab';
import { orgHintFileSchema, orgHintsCompiledSchema } from '../../../lib/kb/schema';
import type { KbEntity } from '../../../lib/kb/types';
import { compileOrgHints, hintConflicts } from '../../../tools/kb-build/org-hints';
import { readCompiled, ROOT } from './helpers';

const source: unknown = JSON.parse(readFileSync(`${ROOT}lib/kb/data/hints/organizations.json`, 'utf8'));
const compiled: unknown = JSON.parse(readFileSync(`${ROOT}lib/kb/compiled/org-hints.json`, 'utf8'));
const orgs = orgHintFileSchema.parse(source).organizations;

function entity(id: string, type: KbEntity['type'], name: string): KbEntity {
  return { id, type, name, aliases: [], description: 'x', relations: [], sanctions: [], sources: [] };
}

describe('organisation hints: the source file', () => {
  it('validates: each organisation has a name, a kind, forms and an https source', () => {
    const r = orgHintFileSchema.safeParse(source);
    expect(r.success ? [] : r.error.issues.slice(0, 5)).toEqual([]);
    expect(orgs.length).toBeGreaterThan(100);
  });

  it('rejects a form in capitals and a source that is not https', () => {
    const bad = { about: 'organisations stories cite, for the test', organizations: [{ name: 'Reuters', type: 'news-agency', forms: ['Reuters'], source: 'http://www.reuters.com/' }] };
    const r = orgHintFileSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['organizations.0.forms.0', 'organizations.0.source']);
  });

  it('gives each form to one organisation only, and each organisation one entry', () => {
    expect(compileOrgHints(source).problems).toEqual([]);
    const names = orgs.map((o) => o.name.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const twice = { about: 'organisations stories cite, for the test', organizations: [
      { name: 'Dune', type: 'blockchain-analytics', forms: ['dune', 'dune analytics'], source: 'https://dune.com/' },
      { name: 'Dune Analytics', type: 'blockchain-analytics', forms: ['dune analytics'], source: 'https://dune.com/' },
    ] };
    expect(compileOrgHints(twice).problems).toEqual(['hints: "dune analytics" is a form of both Dune and Dune Analytics']);
  });
});

describe('organisation hints and the KB entries', () => {
  it('name no KB entry of another kind (a coin, a group, malware, a person)', () => {
    const words = compileOrgHints(source).list.words;
    expect(hintConflicts(words, readCompiled().entities)).toEqual([]);
  });

  it('may share a name with an organisation or agency entry, but not with a coin or a threat actor', () => {
    const entities = [entity('chainalysis', 'organization', 'Chainalysis'), entity('interpol', 'agency', 'INTERPOL'), entity('circle-coin', 'cryptocurrency', 'Circle'), entity('talos-group', 'threat-actor', 'Talos')];
    expect(hintConflicts(['chainalysis', 'interpol', 'circle', 'talos', 'reuters'], entities)).toEqual([
      'hint "circle" names KB entry circle-coin (cryptocurrency)',
      'hint "talos" names KB entry talos-group (threat-actor)',
    ]);
  });
});

describe('organisation hints: the compiled list', () => {
  it('is what the source file compiles to (run npm run kb:build)', () => {
    expect(orgHintsCompiledSchema.safeParse(compiled).success).toBe(true);
    expect(compiled).toEqual(compileOrgHints(source).list);
  });

  it('is the list the engine reads: every form of every organisation, nothing else', () => {
    const forms = orgs.flatMap((o) => o.forms);
    expect([...KNOWN_ORGS].sort()).toEqual([...new Set(forms)].sort());
    expect(KNOWN_ORGS.has('associated press')).toBe(true);
  });
});
