/**
 * The house rules of the code base, checked on every test run (in the spirit of refined-github's
 * features.test.ts): which folder may import which, no import cycles, pure engine code, thin entrypoints,
 * small files (tests too). The layout and its reasons: docs/adr/0008-layout.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'components', 'entrypoints', 'tools'];
const EXTENSIONS = ['.ts', '.tsx'];
const MAX_ENTRYPOINT_LINES = 100;
/** No source file is longer: a longer one is split into parts with clear names. */
const MAX_LINES = 400;
/** Data, not code (knowledge-base data and compiled output, `*.data.ts`): exempt from the size rule. */
const DATA_FILE = /(?:^|\/)(?:data|compiled)\/|\.data\.tsx?$/;
/** Tests are source too and keep the size rule; their fixtures (pages, JSON, schemas) are data. */
const TEST_DIR = 'test';
const TEST_DATA = /^test\/fixtures\//;

/** Lines of a file as `wc -l` counts them (a final newline ends the last line, it does not start another). */
function lineCount(file: string): number {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...walk(rel));
    else if (EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const files = SOURCE_DIRS.flatMap(walk);
const fileSet = new Set(files);
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"?]+)(?:\?[^'"]*)?['"]|import\(\s*['"](\.{1,2}\/[^'"?]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string): string | undefined {
  const base = normalize(join(dirname(from), spec));
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, 'index' + e))]) {
    if (fileSet.has(candidate)) return candidate;
  }
  return undefined;
}

/** Relative imports of each source file, resolved to repository paths (type-only imports included). */
const imports = new Map<string, string[]>(
  files.map((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(f, (m[1] ?? m[2])!);
      if (target) targets.push(target);
    }
    return [f, targets];
  }),
);

/** Which folders each folder may import from (its own folder is always allowed). */
const ALLOWED: [prefix: string, may: string[]][] = [
  ['lib/shared/', []],
  ['lib/engine/', ['lib/shared/', 'lib/kb/']],
  ['lib/kb/', ['lib/shared/']],
  ['lib/export/', ['lib/shared/', 'lib/kb/']],
  ['lib/gate/', ['lib/shared/', 'lib/page/']],
  ['lib/page/', ['lib/shared/']],
  ['lib/annotate/', ['lib/shared/', 'lib/page/', 'lib/gate/']],
  ['lib/settings/', ['lib/shared/']],
  ['lib/history/', ['lib/shared/', 'lib/settings/']],
  ['lib/background/', ['lib/shared/', 'lib/engine/', 'lib/kb/', 'lib/settings/', 'lib/history/', 'lib/page/']],
  ['components/shared/', ['lib/shared/', 'lib/settings/', 'lib/history/']],
  ['components/card/', ['lib/shared/', 'lib/annotate/', 'lib/settings/', 'components/shared/']],
  ['components/popup/', ['lib/shared/', 'lib/settings/', 'lib/history/', 'lib/export/', 'components/shared/', 'components/card/']],
  ['components/options/', ['lib/shared/', 'lib/settings/', 'lib/history/', 'components/shared/']],
  ['components/welcome/', ['lib/shared/', 'lib/settings/', 'components/shared/', 'components/options/']],
  ['entrypoints/', ['lib/', 'components/']],
  ['tools/', ['lib/', 'tools/']],
];

function folderOf(file: string): string | undefined {
  return ALLOWED.map(([p]) => p).find((p) => file.startsWith(p));
}

describe('conventions', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('lib/engine/analyze.ts');
  });

  it('each folder imports only from the folders that its context allows', () => {
    const bad: string[] = [];
    for (const [file, targets] of imports) {
      const own = folderOf(file);
      if (!own) {
        bad.push(`${file}: in no known folder`);
        continue;
      }
      const may = ALLOWED.find(([p]) => p === own)![1];
      for (const t of targets) {
        if (t.startsWith(own) || may.some((p) => t.startsWith(p))) continue;
        bad.push(`${file} -> ${t}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of imports.get(f) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].map((p) => relative('.', p)).join(' -> '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('the engine and the knowledge base are pure: no DOM, no extension APIs', () => {
    const bad: string[] = [];
    const impure = /\b(?:document|window|localStorage|chrome)\s*\.|from\s+['"]wxt\/|\bbrowser\s*\./;
    for (const f of files.filter((f) => f.startsWith('lib/engine/') || f.startsWith('lib/kb/'))) {
      const code = readFileSync(join(ROOT, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      if (impure.test(code)) bad.push(f);
    }
    expect(bad).toEqual([]);
  });

  it('entrypoints only wire: short files', () => {
    const long = files
      .filter((f) => f.startsWith('entrypoints/'))
      .map((f) => [f, readFileSync(join(ROOT, f), 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > MAX_ENTRYPOINT_LINES);
    expect(long).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines (data excepted)`, () => {
    const testFiles = walk(TEST_DIR).filter((f) => !TEST_DATA.test(f));
    expect(testFiles).toContain('test/unit/conventions.test.ts');
    const long = [...files, ...testFiles]
      .filter((f) => !DATA_FILE.test(f))
      .map((f) => [f, lineCount(f)] as const)
      .filter(([, n]) => n > MAX_LINES);
    expect(long).toEqual([]);
  });
});
