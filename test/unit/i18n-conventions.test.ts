/**
 * Every UI string goes through i18n (issue 17, "ready for translation"; issue 19's conventions): no .tsx file
 * under components/ holds words as a JSX text node or as a literal in an attribute that is read or shown
 * (aria-label, title, placeholder, alt and the components' own text props); no code under components/, nor the
 * lib/ modules that word what the UI shows (screening, labels, settings, history, the context menu, the popup's
 * reasons), holds prose in a string literal; every message key the code uses exists in
 * public/_locales/en/messages.json, and every message there is used. Parsed with the TypeScript compiler API,
 * not with regular expressions over the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';

const ROOT = join(import.meta.dirname, '../..');
const KEYS = new Set(Object.keys(english));

/** Attributes whose value a reader sees or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'headline']);
/** Words: any letter, in any script. Text of punctuation, digits and symbols only ("×", " · ", ": ") is allowed. */
const LETTER = /\p{L}/u;
/** Message keys as the code names them: a prefix of the page, then a capital ("optTitle", "cardType_agency"). */
const KEY_SHAPE = /^(?:opt|wel|site|delay|card|pop|ui)[A-Z][A-Za-z0-9_]*$/;

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name), ext) : ext.test(d.name) && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : [],
  );
}

const parse = (file: string, code: string): ts.SourceFile =>
  ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

function where(sf: ts.SourceFile, node: ts.Node): string {
  return `${sf.fileName}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
}

/** A string literal, or the literal branches of `a ? 'x' : 'y'`, `a && 'x'`, `a || 'x'` and `(...)`. */
function literalsIn(e: ts.Expression | undefined): (ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression)[] {
  if (!e) return [];
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return [e];
  if (ts.isParenthesizedExpression(e)) return literalsIn(e.expression);
  if (ts.isConditionalExpression(e)) return [...literalsIn(e.whenTrue), ...literalsIn(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind)) {
    return literalsIn(e.right);
  }
  return [];
}

/** The fixed text of a literal (a template's parts without its `${...}`). */
const fixedText = (l: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string =>
  ts.isTemplateExpression(l) ? [l.head.text, ...l.templateSpans.map((s) => s.literal.text)].join(' ') : l.text;

/** Words written into the markup of one .tsx file: JSX text, literals in JSX expressions, text attributes. */
function literalUiText(file: string, code: string): string[] {
  const sf = parse(file, code);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) found.push(`${where(sf, node)} text "${node.text.trim().replace(/\s+/g, ' ')}"`);
    // {'Turned off on '} or {all ? 'Less' : 'More'} as a child
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const l of literalsIn(node.expression)) if (LETTER.test(fixedText(l))) found.push(`${where(sf, l)} text "${fixedText(l)}"`);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const lits = ts.isStringLiteral(init) ? [init] : ts.isJsxExpression(init) ? literalsIn(init.expression) : [];
      for (const l of lits) if (LETTER.test(fixedText(l))) found.push(`${where(sf, l)} ${node.name.getText(sf)}="${fixedText(l)}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Prose: two words in a row (letters, any script), as a sentence or a label has them. */
const PROSE = /\p{L}{2,}\s+\p{L}{2,}/u;
/** lib/background modules that word what the UI shows: the context menu, the popup's reasons, update failures, address cards. */
const UI_WORDING_BACKGROUND = ['menus', 'tab-state', 'kb-fetch', 'kb-updates', 'card-data'].map((m) => `lib/background/${m}.ts`);
/** lib/ modules whose words the UI shows: checked for prose like components/. (lib/engine's output is data, not UI.) */
/** lib/engine modules whose notes the popup shows: they keep them as codes and parameters, never words. */
const UI_CODED_ENGINE = ['lib/engine/detect.ts', 'lib/engine/related.ts', 'lib/engine/disclaimers.ts'];
const UI_WORDING_LIB = ['lib/shared/screening.ts', 'lib/shared/labels.ts', 'lib/shared/reasons.ts', 'lib/shared/update-words.ts', 'lib/shared/analysis-words.ts', 'lib/settings', 'lib/history', ...UI_WORDING_BACKGROUND, ...UI_CODED_ENGINE];
/** Literal prose that is never shown, and why. */
const NOT_SHOWN = new Map([
  ['no migration step', "lib/settings/migrations.ts: the migration report's error, for logs and tests"],
  ['Crypto News Context: could not load the downloaded knowledge', 'lib/background/kb-updates.ts: a note in the console, for developers'],
]);

/**
 * Prose in string literals outside the markup: returned, joined, put into state. Not counted: JSX (literalUiText
 * checks it), imports, literal types, the message of a thrown `new ...Error(...)` (never shown: the UI words
 * failures itself, e.g. storageErrorMessage), and code or style sheets in a string (braces).
 */
function proseLiterals(file: string, code: string): string[] {
  const sf = parse(file, code);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node) || ts.isJsxAttribute(node) || ts.isJsxExpression(node)) return;
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(sf))) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = fixedText(node);
      if (PROSE.test(text) && !/[{}]/.test(text) && !NOT_SHOWN.has(text)) found.push(`${where(sf, node)} "${text.slice(0, 80)}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Message keys a source file names: exact keys (string literals of the key shape) and key prefixes (`cardType_${type}`). */
function keysNamed(file: string, code: string): { keys: string[]; prefixes: string[] } {
  const sf = parse(file, code);
  const keys: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node): void => {
    // (not a type's literal: Pick<Analysis, 'siteName'> names a property)
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && KEY_SHAPE.test(node.text) && !ts.isLiteralTypeNode(node.parent)) keys.push(node.text);
    if (ts.isTemplateExpression(node) && KEY_SHAPE.test(node.head.text) && node.head.text.endsWith('_')) prefixes.push(node.head.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { keys, prefixes };
}

describe('the checks themselves', () => {
  it('find JSX text, text attributes and literal children with letters, and allow punctuation, keys and class names', () => {
    const code = `
      const a = <p class="muted small" title="Why">Hello <b>{n}</b> · {'and more'} {x ? t('cardMore') : 'Less'}</p>;
      const b = <button aria-label={\`Close \${name}\`} placeholder="e.g. APT38">×</button>;
      const c = <img alt="" data-x="words here" />;
      const d = <span>{' · '}{n}:{t('cardSource')}</span>;`;
    const found = literalUiText('x.tsx', code).map((s) => s.replace(/^x\.tsx:\d+ /, ''));
    expect(found).toEqual(['title="Why"', 'text "Hello"', 'text "and more"', 'text "Less"', 'aria-label="Close  "', 'placeholder="e.g. APT38"']);
  });

  it('find prose in literals outside the markup, and allow keys, class names, code, error messages and JSX', () => {
    const code = `
      const a = \`Not on the lists we ship (as of \${d})\`;
      const b = { full: 'Your storage is full', key: 'uiSaveErrorFull', cls: 'muted small', css: '.x{color:red solid}' };
      if (!ok) throw new SettingsValidationError(\`Not a hostname: \${h}\`, []);
      const c = <p title="Why not">{x ? 'Less shown' : t('cardMore')}</p>;
      const d = 'One'; const e = "word's";`;
    const found = proseLiterals('x.tsx', code).map((s) => s.replace(/^x\.tsx:\d+ /, ''));
    expect(found).toEqual(['"Not on the lists we ship (as of  )"', '"Your storage is full"', '"muted small"']);
  });

  it('collect the keys and key prefixes named in code', () => {
    const { keys, prefixes } = keysNamed('x.ts', "t('cardMore'); t(`cardType_${type}`); const M = { label: 'optModeAuto' }; t('x'); 'option'; `optional_${a}`; type P = Pick<A, 'siteName'>;");
    expect(keys).toEqual(['cardMore', 'optModeAuto']);
    expect(prefixes).toEqual(['cardType_']);
  });
});

describe('every UI string goes through i18n', () => {
  const tsx = sources('components', /\.tsx$/);

  it('sees the UI files', () => {
    expect(tsx).toEqual(expect.arrayContaining(['components/popup/Popup.tsx', 'components/card/EntityCard.tsx', 'components/options/Options.tsx', 'components/welcome/Welcome.tsx']));
  });

  it('no .tsx file under components/ writes words into its markup', () => {
    const found = tsx.flatMap((f) => literalUiText(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  const wording = [...sources('components', /\.tsx?$/), ...UI_WORDING_LIB.flatMap((p) => (p.endsWith('.ts') ? [p] : sources(p, /\.ts$/)))];

  it('sees the modules that word the UI', () => {
    expect(wording).toEqual(expect.arrayContaining(['components/card/card-text.ts', 'lib/shared/screening.ts', 'lib/settings/storage-errors.ts', 'lib/settings/labels.ts', 'lib/shared/analysis-words.ts', ...UI_CODED_ENGINE]));
  });

  it('no code under components/, nor a lib/ module that words the UI, holds prose in a string literal', () => {
    expect(wording.flatMap((f) => proseLiterals(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
  });
});

describe('messages.json and the code agree', () => {
  const files = [...sources('components', /\.tsx?$/), ...sources('entrypoints', /\.tsx?$/), 'lib/shared/i18n.ts', 'lib/shared/screening.ts', 'lib/shared/labels.ts', 'lib/shared/reasons.ts', 'lib/shared/update-words.ts', 'lib/shared/analysis-words.ts', ...sources('lib/settings', /\.ts$/), ...UI_WORDING_BACKGROUND];
  const named = files.map((f) => keysNamed(f, readFileSync(join(ROOT, f), 'utf8')));
  const used = new Set(named.flatMap((n) => n.keys));
  const prefixes = [...new Set(named.flatMap((n) => n.prefixes))];

  it('finds the keys', () => {
    expect(used.size).toBeGreaterThan(100);
    expect(prefixes).toEqual(expect.arrayContaining(['cardType_', 'optType_', 'uiMarkType_', 'uiNote_', 'uiRel_']));
    for (const k of ['uiScreeningListed', 'uiSaveErrorFull', 'uiSettingCardDelay', 'uiNoticeReset']) expect(used.has(k), k).toBe(true);
  });

  it('every key the code names exists', () => {
    expect([...used].filter((k) => !KEYS.has(k))).toEqual([]);
    expect(prefixes.filter((p) => ![...KEYS].some((k) => k.startsWith(p)))).toEqual([]);
  });

  it('every message is used', () => {
    expect([...KEYS].filter((k) => !used.has(k) && !prefixes.some((p) => k.startsWith(p)))).toEqual([]);
  });
});
