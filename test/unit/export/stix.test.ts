import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../lib/engine/analyze';
import { loadKb } from '../../../lib/kb';
import { csvCell, defang, indicatorsCsv, indicatorsJson, indicatorsText, stixBundle, stixEntityIds, uuidv5, type ExportEntity } from '../../../lib/export';
import type { Analysis, Indicator } from '../../../lib/shared/contract';

const SCHEMAS = join(__dirname, '../../fixtures/stix/schemas');

function validator(): (data: unknown) => { ok: boolean; errors: string } {
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false }) // the OASIS patterns use escapes (\-) that the u flag rejects;
  addFormats(ajv);
  for (const dir of readdirSync(SCHEMAS)) {
    for (const f of readdirSync(join(SCHEMAS, dir))) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, dir, f), 'utf8')));
  }
  const v = ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json')!;
  return (data) => ({ ok: v(data) as boolean, errors: ajv.errorsText(v.errors) });
}
const validate = validator();

const { kb } = loadKb();
const engine = createEngine(kb);
const byId = new Map(kb.entities.map((e) => [e.id, e]));
const entity = (id: string): ExportEntity | undefined => byId.get(id);

const ARTICLE = [
  'Lazarus Group behind the $600 million Ronin bridge hack, FBI says',
  '',
  'The FBI said North Korea\'s Lazarus Group stole the funds and laundered them through Tornado Cash. The WannaCry ransomware was also attributed to the group.',
  'The attackers sent funds to 0x098B716B8Aaf21512996dC57EB0615e2383E2f96 and to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa in transaction 0x' + 'c0ffee12'.repeat(8) + '.',
  'The phishing site hxxps://ronin-claim[.]xyz/airdrop and the C2 server 45.61.136[.]10 were used, along with vitalik-fake.eth. The loader exploited CVE-2021-44228.',
  'The loader\'s SHA-256 is 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f and its MD5 44d88612fea8a8f36de82e1278abb02f.',
  'A sample named it\'s=evil.example.com in an IOC note: \'quoted\' \\ backslash.',
].join('\n');

function analysis(): Analysis {
  const a = engine.analyze({ text: ARTICLE, title: 'Lazarus behind Ronin hack', url: 'https://news.example/ronin', publishedAt: '2022-04-14T12:00:00Z' }, { budgetMs: Infinity });
  return a;
}

describe('STIX 2.1 export', () => {
  it('the validator accepts the official OASIS example and rejects a broken bundle', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../fixtures/stix/example-indicator-for-c2-ip-address.json'), 'utf8'));
    expect(validate(example).ok).toBe(true);
    expect(validate({ ...example, id: 'bundle--not-a-uuid' }).ok).toBe(false);
    const broken = structuredClone(example);
    delete broken.objects.find((o: { type: string }) => o.type === 'indicator').pattern;
    expect(validate(broken).ok).toBe(false);
  });

  it('an article exports a bundle that validates against the OASIS STIX 2.1 schemas', () => {
    const a = analysis();
    const b = stixBundle(a, { entity, now: new Date('2026-01-02T03:04:05.000Z') });
    const r = validate(b);
    expect(r.errors).toBe('No errors');
    expect(r.ok).toBe(true);
    const types = new Set(b.objects.map((o) => o.type));
    for (const t of ['identity', 'report', 'indicator', 'vulnerability', 'intrusion-set', 'malware', 'relationship']) expect(types).toContain(t);
    // every object each one points to is in the bundle
    const ids = new Set(b.objects.map((o) => o.id));
    const report = b.objects.find((o) => o.type === 'report')!;
    for (const ref of report.object_refs as string[]) expect(ids).toContain(ref);
    for (const rel of b.objects.filter((o) => o.type === 'relationship')) {
      expect(ids).toContain(rel.source_ref);
      expect(ids).toContain(rel.target_ref);
      expect(rel.description).toMatch(/according to /);
    }
    expect(report.external_references).toContainEqual(expect.objectContaining({ url: 'https://news.example/ronin' }));
  });

  it('patterns name the STIX object of each kind, with refanged values', () => {
    const b = stixBundle(analysis(), { entity });
    const patterns = b.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern as string);
    expect(patterns).toContain("[url:value = 'https://ronin-claim.xyz/airdrop']");
    expect(patterns).toContain("[ipv4-addr:value = '45.61.136.10']");
    expect(patterns).toContain("[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f']");
    expect(patterns).toContain("[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']");
    expect(patterns).toContain("[cryptocurrency-wallet:address = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96']");
    expect(patterns.some((p) => p.startsWith('[cryptocurrency-transaction:hash = '))).toBe(true);
    const cve = b.objects.find((o) => o.type === 'vulnerability')!;
    expect(cve.external_references).toEqual([{ source_name: 'cve', external_id: 'CVE-2021-44228' }]);
    // the group comes with its aliases, and who attributes what
    const lazarus = b.objects.find((o) => o.type === 'intrusion-set' && o.name === 'Lazarus Group')!;
    expect((lazarus.aliases as string[]).length).toBeGreaterThan(2);
    const sanctioned = b.objects.find((o) => typeof o.pattern === 'string' && (o.pattern as string).includes('0x098B'))!;
    expect(sanctioned.description).toMatch(/OFAC SDN list/);
  });

  it('ids are deterministic: the same article exports the same ids, at any time', () => {
    const one = stixBundle(analysis(), { entity, now: new Date('2026-01-01T00:00:00Z') });
    const two = stixBundle(analysis(), { entity, now: new Date('2027-06-01T00:00:00Z') });
    expect(two.objects.map((o) => o.id)).toEqual(one.objects.map((o) => o.id));
    expect(two.id).toBe(one.id);
    // RFC 9562 test vector: UUIDv5 of "www.example.com" in the DNS namespace
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('an article with nothing to export still validates (the report points at the producer)', () => {
    const a = engine.analyze({ text: 'Nothing here.', title: null }, { budgetMs: Infinity });
    expect(validate(stixBundle(a, { entity })).ok).toBe(true);
  });

  it('pattern values with quotes and backslashes stay valid literals', () => {
    const base = analysis();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const ind: Indicator = { kind: 'url', value: s, refanged: `https://a.example/${s}`, start: 0, end: s.length, defanged: false };
        const b = stixBundle({ ...base, indicators: [ind] }, { entity });
        const p = b.objects.find((o) => o.type === 'indicator')!.pattern as string;
        // inside the quotes: every quote and backslash is escaped
        const inner = p.slice("[url:value = '".length, -2);
        expect(inner.replace(/\\[\\']/g, '')).not.toMatch(/['\\]/);
        expect(validate(b).ok).toBe(true);
      }),
      { numRuns: 40 },
    );
    // each run builds and validates a whole bundle: on a loaded 2-core machine that is over the 5 s default
  }, 60_000);
});

describe('CSV, JSON and plain-text exports', () => {
  it('no CSV cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), (values) => {
        const ind: Indicator[] = values.map((v, k) => ({ kind: 'domain', value: v, refanged: v, start: k, end: k + v.length }));
        const csv = indicatorsCsv([{ input: values[0] ?? '=x', indicators: ind }]);
        for (const cell of parseCsv(csv).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 200 },
    );
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('the CSV holds every indicator of the article, with its screening', () => {
    const a = analysis();
    const rows = parseCsv(indicatorsCsv([{ input: 'article.html', indicators: a.indicators! }]));
    expect(rows[0]).toEqual(['input', 'kind', 'value', 'refanged', 'defanged', 'chain', 'valid', 'sanctioned', 'screening', 'start', 'end']);
    expect(rows.length - 1).toBe(a.indicators!.length);
    const addr = rows.find((r) => r[2] === '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')!;
    expect(addr[8]).toMatch(/^not on the lists we ship \(as of \d{4}-\d{2}-\d{2}\)$/);
  });

  it('JSON and plain text, defanged or not', () => {
    const a = analysis();
    const j = indicatorsJson(a, new Date('2026-01-01T00:00:00Z'));
    expect(j.indicators).toEqual(a.indicators);
    expect(j.article.url).toBe('https://news.example/ronin');
    const plain = indicatorsText(a.indicators!, { defanged: false });
    const safe = indicatorsText(a.indicators!, { defanged: true });
    expect(plain).toContain('https://ronin-claim.xyz/airdrop');
    expect(safe).toContain('hxxps[://]ronin-claim[.]xyz/airdrop');
    expect(safe).not.toMatch(/https?:\/\//);
    expect(safe).toContain('45[.]61[.]136[.]10');
    expect(defang('ipv6', '2001:db8::1')).toBe('2001[:]db8[:][:]1');
  });

  it('asks the knowledge base only for groups and malware', () => {
    expect(stixEntityIds(analysis()).every((id) => ['threat-actor', 'malware'].includes(byId.get(id)!.type))).toBe(true);
  });
});

/** RFC 4180 parser, for the tests. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
