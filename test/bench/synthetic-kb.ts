/**
 * A plausible synthetic knowledge base for the scale benchmark: the real KB plus generated entities
 * until it is `factor` times larger. Generated names look like the real ones (vendor-style two-word
 * actor names, "APT 51"/"UNC4821"/"TA-612" codes, protocol names ending in Finance/Swap/Bridge, malware
 * family names, people), built from ordinary capitalised words as well as invented ones, so that many
 * article tokens start a trie walk, as real names do. Deterministic (seeded).
 */
import { ENTITY_TYPES, type EntityType } from '../../lib/shared/contract';
import type { CompiledKb, KbAlias, KbEntity } from '../../lib/kb/types';
import { seededRandom } from './stats';

const COMMON = [
  'Silent', 'Crimson', 'Golden', 'Shadow', 'Iron', 'Dark', 'Lunar', 'Quantum', 'Atlas', 'Nova', 'Red', 'Blue', 'Black', 'White',
  'Storm', 'Typhoon', 'Blizzard', 'Sleet', 'Tempest', 'Panda', 'Bear', 'Spider', 'Kitten', 'Tiger', 'Chollima', 'Jackal', 'Falcon',
  'Dragon', 'Phoenix', 'Ghost', 'Cobra', 'Viper', 'North', 'South', 'United', 'National', 'Capital', 'Digital', 'Global', 'First',
  'Bridge', 'Chain', 'Swap', 'Finance', 'Labs', 'Protocol', 'Network', 'Exchange', 'Wallet', 'Group', 'Team', 'Bank', 'Market',
];
const SYLLABLES = ['ka', 'zor', 'vex', 'lin', 'tra', 'mon', 'qui', 'del', 'ryx', 'sha', 'ven', 'ori', 'pax', 'nex', 'lum', 'tor', 'xa', 'bel'];
const PROTOCOL_SUFFIX = ['Finance', 'Swap', 'Bridge', 'Protocol', 'DAO', 'Labs', 'Chain', 'Network', 'Exchange', 'Markets'];
const FIRST = ['Park', 'Kim', 'Li', 'John', 'Maria', 'Alexey', 'Chen', 'Sarah', 'Ivan', 'Omar', 'Lee', 'Anna', 'Pavel', 'Ji'];
const LAST = ['Jin', 'Hyok', 'Smith', 'Ivanov', 'Wang', 'Garcia', 'Novak', 'Choi', 'Petrov', 'Silva', 'Haddad', 'Romero'];

export function syntheticKb(base: CompiledKb, factor: number, seed = 7): CompiledKb {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const invented = (): string => {
    let w = '';
    const n = 2 + Math.floor(rnd() * 2);
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const word = (): string => (rnd() < 0.55 ? pick(COMMON) : invented());
  const types = ENTITY_TYPES.filter((t) => t !== 'address');
  const target = base.entities.length * factor;
  const entities: KbEntity[] = [...base.entities];
  const usedIds = new Set(entities.map((e) => e.id));
  let i = 0;
  while (entities.length < target) {
    i++;
    const type: EntityType = pick(types);
    let name: string;
    const aliases: KbAlias[] = [];
    switch (type) {
      case 'person':
        name = `${pick(FIRST)} ${pick(LAST)} ${invented()}`;
        break;
      case 'protocol':
      case 'exchange':
      case 'mixer':
        name = `${invented()} ${pick(PROTOCOL_SUFFIX)}`;
        if (rnd() < 0.5) aliases.push({ name: name.split(' ')[0]!, ambiguous: rnd() < 0.3 });
        break;
      case 'threat-actor':
        name = `${word()} ${pick(['Storm', 'Typhoon', 'Sleet', 'Blizzard', 'Chollima', 'Panda', 'Spider', 'Kitten'])}`;
        aliases.push({ name: `APT ${10 + Math.floor(rnd() * 900)}` }, { name: `UNC${1000 + Math.floor(rnd() * 9000)}` });
        if (rnd() < 0.5) aliases.push({ name: `TA-${100 + Math.floor(rnd() * 900)}` });
        if (rnd() < 0.5) aliases.push({ name: `${word()} ${word()} Group` });
        break;
      case 'malware':
        name = `${invented()}${rnd() < 0.3 ? 'Stealer' : rnd() < 0.5 ? 'RAT' : ''}`;
        if (rnd() < 0.5) aliases.push({ name: `${name} ${pick(['Loader', 'Backdoor', 'Drainer'])}` });
        break;
      default:
        name = Array.from({ length: 1 + Math.floor(rnd() * 3) }, word).join(' ');
        if (rnd() < 0.5) aliases.push({ name: name.split(' ').map((w) => w[0]).join('').toUpperCase() + invented().slice(0, 2).toUpperCase() });
    }
    const id = `synthetic-${i}`;
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    entities.push({
      id,
      name,
      type,
      aliases,
      description: 'Synthetic entity generated for the scale benchmark.',
      relations: [],
      sanctions: [],
      sources: [{ title: 'synthetic', publisher: 'benchmark', url: 'https://example.invalid/' }],
      origin: 'synthetic',
    });
  }
  return { ...base, version: `${base.version}+synthetic-x${factor}`, entities };
}
