/**
 * Which MISP galaxy clusters become KB entries, and how clusters of different galaxies group into one
 * entry. This is our own editorial choice (the KB must stay small and precise); the galaxies only
 * supply names, countries, ids and reference URLs.
 *
 * Galaxy keys: ta = threat-actor, mis = mitre-intrusion-set, mag = microsoft-activity-group,
 * tg = tidal-groups, ia = intelligence-agencies, ra = ransomware, mp = malpedia, mm = mitre-malware.
 */

export type GalaxyKey = 'ta' | 'mis' | 'mag' | 'tg' | 'ia' | 'ra' | 'mp' | 'mm';

export const GALAXY_FILES: Record<GalaxyKey, string> = {
  ta: 'threat-actor',
  mis: 'mitre-intrusion-set',
  mag: 'microsoft-activity-group',
  tg: 'tidal-groups',
  ia: 'intelligence-agencies',
  ra: 'ransomware',
  mp: 'malpedia',
  mm: 'mitre-malware',
};

/** Who names clusters in each galaxy: the cluster's own name is "used by" this party. */
export const GALAXY_OWNER: Partial<Record<GalaxyKey, string>> = {
  mis: 'MITRE',
  mag: 'Microsoft',
  tg: 'Tidal Cyber',
  mm: 'MITRE',
  mp: 'Malpedia',
};

export interface ClusterSpec {
  id: string;
  name: string;
  members: Partial<Record<GalaxyKey, string[]>>;
  /** extra names we know are used (and who uses them) */
  extraAliases?: { name: string; usedBy?: string; ambiguous?: boolean }[];
  /** aliases never to attach here (they belong elsewhere or are noise) */
  dropAliases?: string[];
  /** names of this entry that are also ordinary words: mentions need one of these nearby */
  context?: string[];
  tags?: string[];
  /** an umbrella name loses alias ties to more specific entries */
  umbrella?: boolean;
}

/** North Korean clusters, one KB entry each. Any KP cluster not listed here gets an entry of its own. */
export const DPRK_GROUPS: ClusterSpec[] = [
  {
    id: 'lazarus-group',
    name: 'Lazarus Group',
    members: { ta: ['Lazarus Group'], mis: ['Lazarus Group - G0032'], mag: ['Diamond Sleet'], tg: ['Lazarus Group'] },
    extraAliases: [{ name: 'Lazarus', usedBy: 'press' }],
    umbrella: true,
  },
  {
    id: 'apt38',
    name: 'APT38',
    members: { mis: ['APT38 - G0082'], mag: ['Sapphire Sleet'], tg: ['APT38'], ta: ['STARDUST CHOLLIMA', 'TA444'] },
    extraAliases: [{ name: 'BlueNoroff', usedBy: 'Kaspersky' }],
  },
  {
    id: 'andariel',
    name: 'Andariel',
    members: { ta: ['Silent Chollima', 'APT45'], mis: ['Andariel - G0138'], mag: ['Onyx Sleet'], tg: ['Andariel'] },
  },
  { id: 'kimsuky', name: 'Kimsuky', members: { ta: ['Kimsuky'], mis: ['Kimsuky - G0094'], mag: ['Emerald Sleet'], tg: ['Kimsuky'] } },
  { id: 'apt37', name: 'APT37', members: { ta: ['APT37'], mis: ['APT37 - G0067'], tg: ['APT37'] } },
  { id: 'tradertraitor', name: 'TraderTraitor', members: { ta: ['TraderTraitor'], mag: ['Jade Sleet'] } },
  {
    id: 'citrine-sleet',
    name: 'Citrine Sleet',
    members: { mag: ['Citrine Sleet'], mis: ['AppleJeus - G1049'], ta: ['UNC4736'] },
  },
  { id: 'moonstone-sleet', name: 'Moonstone Sleet', members: { mag: ['Moonstone Sleet'], mis: ['Moonstone Sleet - G1036'], tg: ['Moonstone Sleet'] } },
  {
    id: 'famous-chollima',
    name: 'Famous Chollima',
    members: { ta: ['WageMole', 'Contagious Interview'], mis: ['Contagious Interview - G1052'], tg: ['Famous Chollima'], mag: ['Coral Sleet'] },
  },
  { id: 'jasper-sleet', name: 'Jasper Sleet', members: { mag: ['Jasper Sleet'] } },
  { id: 'opal-sleet', name: 'Opal Sleet', members: { ta: ['Opal Sleet'], mag: ['Opal Sleet'] } },
  { id: 'pearl-sleet', name: 'Pearl Sleet', members: { ta: ['Pearl Sleet'], mag: ['Pearl Sleet'] } },
  { id: 'ruby-sleet', name: 'Ruby Sleet', members: { ta: ['Ruby Sleet'], mag: ['Ruby Sleet'] } },
  { id: 'h0lygh0st', name: 'H0lyGh0st', members: { ta: ['Storm-0530'], mag: ['Storm-0530'] }, tags: ['ransomware-operator'] },
  { id: 'unc1069', name: 'UNC1069', members: { ta: ['UNC1069'] } },
];

/**
 * Non-North-Korean groups that matter in crypto crime (ransomware operators, crypto thieves and
 * phishers, cryptojackers). Listed by threat-actor cluster name.
 */
export const OTHER_GROUPS: ClusterSpec[] = [
  { id: 'evil-corp', name: 'Evil Corp', members: { ta: ['Evil Corp', 'INDRIK SPIDER'] }, tags: ['criminal'] },
  { id: 'wizard-spider', name: 'Wizard Spider', members: { ta: ['WIZARD SPIDER'], mis: ['Wizard Spider - G0102'] }, tags: ['criminal'] },
  { id: 'ta505', name: 'TA505', members: { ta: ['TA505'], mis: ['TA505 - G0092'] }, tags: ['criminal'] },
  { id: 'fin7', name: 'FIN7', members: { ta: ['FIN7'], mis: ['FIN7 - G0046'] }, tags: ['criminal'] },
  { id: 'carbanak', name: 'Carbanak', members: { mis: ['Carbanak - G0008'] }, tags: ['criminal'] },
  { id: 'cobalt-group', name: 'Cobalt Group', members: { ta: ['Cobalt'], mis: ['Cobalt Group - G0080'] }, tags: ['criminal'] },
  { id: 'scattered-spider', name: 'Scattered Spider', members: { ta: ['Scattered Spider'], mis: ['Scattered Spider - G1015'] }, tags: ['criminal'] },
  { id: 'lapsus', name: 'LAPSUS$', members: { ta: ['LAPSUS'], mis: ['LAPSUS$ - G1004'] }, tags: ['criminal'] },
  { id: 'teamtnt', name: 'TeamTNT', members: { ta: ['TeamTNT'], mis: ['TeamTNT - G0139'] }, tags: ['criminal', 'cryptojacking'] },
  { id: '8220-gang', name: '8220 Gang', members: { ta: ['Water Sigbin', 'Returned Libra'] }, tags: ['criminal', 'cryptojacking'] },
  { id: 'rocke', name: 'Rocke', members: { ta: ['Rocke'], mis: ['Rocke - G0106'] }, tags: ['criminal', 'cryptojacking'] },
  { id: 'fin11', name: 'FIN11', members: { ta: ['FIN11'] }, tags: ['criminal'] },
  { id: 'maze-team', name: 'TA2101', members: { ta: ['TA2101'] }, tags: ['criminal'] },
  { id: 'karakurt', name: 'Karakurt', members: { ta: ['Karakurt'] }, tags: ['criminal', 'extortion'] },
  { id: 'daixin-team', name: 'Daixin Team', members: { ta: ['Daixin Team'] }, tags: ['criminal'] },
  { id: 'vice-society', name: 'Vice Society', members: { ta: ['Vanilla Tempest'] }, tags: ['criminal'] },
  { id: 'luna-moth', name: 'Luna Moth', members: { ta: ['Luna Moth'] }, tags: ['criminal'] },
  { id: 'cryptochameleon', name: 'CryptoChameleon', members: { ta: ['CryptoChameleon'] }, tags: ['criminal', 'phishing'] },
  { id: 'poisonseed', name: 'PoisonSeed', members: { ta: ['PoisonSeed'] }, tags: ['criminal', 'phishing'] },
  { id: 'greedybear', name: 'GreedyBear', members: { ta: ['GreedyBear'] }, tags: ['criminal'] },
  { id: 'gold-rebellion', name: 'GOLD REBELLION', members: { ta: ['GOLD REBELLION'] }, tags: ['criminal'] },
  { id: 'unc4393', name: 'UNC4393', members: { ta: ['UNC4393'] }, tags: ['criminal'] },
  { id: 'storm-1567', name: 'Storm-1567', members: { ta: ['Storm-1567'] }, tags: ['criminal'] },
  { id: 'apt41', name: 'APT41', members: { ta: ['APT41'], mis: ['APT41 - G0096'] }, tags: ['state-sponsored'] },
  { id: 'sandworm', name: 'Sandworm', members: { ta: ['Sandworm'], mis: ['Sandworm Team - G0034'] }, tags: ['state-sponsored'] },
  { id: 'silence-group', name: 'Silence', members: { ta: ['Silence group'], mis: ['Silence - G0091'] }, tags: ['criminal'], context: ['group', 'hackers', 'bank', 'banks', 'APT', 'threat actor', 'Group-IB'] },
  { id: 'moneytaker', name: 'MoneyTaker', members: { ta: ['MoneyTaker'] }, tags: ['criminal'] },
  { id: 'shinyhunters', name: 'ShinyHunters', members: { ta: ['ShinyHunters'] }, tags: ['criminal'] },
  { id: 'scattered-lapsus-hunters', name: 'Scattered Lapsus$ Hunters', members: { ta: ['Scattered Lapsus Hunters'] }, tags: ['criminal', 'extortion'] },
  { id: 'bazarcall', name: 'BazarCall', members: { ta: ['BazarCall'] }, tags: ['criminal', 'phishing'] },
];

export const AGENCIES: ClusterSpec[] = [
  {
    id: 'reconnaissance-general-bureau',
    name: 'Reconnaissance General Bureau',
    members: { ia: ['Reconnaissance General Bureau'] },
    extraAliases: [{ name: 'RGB', usedBy: 'US government', ambiguous: true }],
    context: ['North Korea', 'North Korean', 'DPRK', 'Pyongyang', 'Lazarus', 'intelligence', 'Kim Jong'],
  },
  { id: 'ministry-of-state-security-dprk', name: 'Ministry of State Security (North Korea)', members: { ia: ['Ministry of State Security (North Korea)'] } },
];

const RANSOM_CONTEXT = ['ransomware', 'ransom', 'encrypt', 'encrypted', 'extortion', 'leak site', 'affiliate', 'affiliates', 'decryptor'];

/** Ransomware families: [id, name, members, extra names / options]. */
export const RANSOMWARE: ClusterSpec[] = [
  { id: 'revil', name: 'REvil', members: { ra: ['Sodinokibi'], mp: ['REvil (Windows)', 'REvil (ELF)'], mm: ['REvil - S0496'] } },
  { id: 'conti', name: 'Conti', members: { ra: ['Conti'], mp: ['Conti (ELF)', 'Conti (Windows)'], mm: ['Conti - S0575'] } },
  { id: 'darkside', name: 'DarkSide', members: { ra: ['Darkside'], mp: ['DarkSide (ELF)', 'DarkSide (Windows)'] }, dropAliases: ['BlackMatter'] },
  { id: 'blackmatter', name: 'BlackMatter', members: { mp: ['BlackMatter (ELF)', 'BlackMatter (Windows)'] } },
  { id: 'lockbit', name: 'LockBit', members: { ra: ['LockBit'], mp: ['LockBit (ELF)', 'LockBit (OS X)', 'LockBit (Windows)'], mm: ['LockBit 3.0 - S1202', 'LockBit 2.0 - S1199'] }, extraAliases: [{ name: 'LockBit 3.0' }, { name: 'LockBit 2.0' }, { name: 'LockBit Black' }] },
  { id: 'maze', name: 'Maze', members: { ra: ['Maze'], mp: ['Maze'], mm: ['Maze - S0449'] }, context: RANSOM_CONTEXT },
  { id: 'doppelpaymer', name: 'DoppelPaymer', members: { ra: ['DoppelPaymer'], mp: ['DoppelPaymer'] }, dropAliases: ['BitPaymer', 'FriedEx'] },
  { id: 'bitpaymer', name: 'BitPaymer', members: { ra: ['BitPaymer'], mp: ['FriedEx'], mm: ['BitPaymer - S0570'] } },
  { id: 'clop', name: 'Cl0p', members: { ra: ['Clop'], mp: ['Clop (ELF)', 'Clop (Windows)'], mm: ['Clop - S0611'] } },
  { id: 'netwalker', name: 'NetWalker', members: { ra: ['Netwalker'], mp: ['Mailto'], mm: ['Netwalker - S0457'] } },
  { id: 'blackcat', name: 'BlackCat', members: { ra: ['BlackCat'], mp: ['BlackCat (ELF)', 'BlackCat (Windows)'], mm: ['BlackCat - S1068'] }, context: RANSOM_CONTEXT },
  { id: 'ragnar-locker', name: 'Ragnar Locker', members: { ra: ['Ragnar Locker'], mm: ['Ragnar Locker - S0481'] } },
  { id: 'hive-ransomware', name: 'Hive', members: { ra: ['Hive'], mp: ['Hive (ELF)', 'Hive (Windows)'] }, context: RANSOM_CONTEXT },
  { id: 'avaddon', name: 'Avaddon', members: { ra: ['Avaddon'], mp: ['Avaddon'], mm: ['Avaddon - S0640'] } },
  { id: 'ransomexx', name: 'RansomEXX', members: { ra: ['RansomEXX'], mp: ['RansomEXX (ELF)', 'RansomEXX (Windows)'] } },
  { id: 'avoslocker', name: 'AvosLocker', members: { ra: ['AvosLocker'], mp: ['AvosLocker'], mm: ['AvosLocker - S1053'] } },
  { id: 'pysa', name: 'Pysa', members: { ra: ['Mespinoza'], mp: ['Mespinoza'], mm: ['Pysa - S0583'] } },
  { id: 'hellokitty', name: 'HelloKitty', members: { ra: ['HelloKitty'], mp: ['HelloKitty (ELF)', 'HelloKitty (Windows)'], mm: ['HELLOKITTY - S0617'] } },
  { id: 'nefilim', name: 'Nefilim', members: { ra: ['Nefilim'], mp: ['Nefilim'] } },
  { id: 'suncrypt', name: 'SunCrypt', members: { ra: ['SunCrypt'], mp: ['SunCrypt'] } },
  { id: 'prolock', name: 'ProLock', members: { ra: ['ProLock'], mp: ['PwndLocker'], mm: ['ProLock - S0654'] } },
  { id: 'cuba-ransomware', name: 'Cuba', members: { ra: ['Cuba'], mp: ['Cuba'], mm: ['Cuba - S0625'] }, context: RANSOM_CONTEXT },
  { id: 'black-basta', name: 'Black Basta', members: { ra: ['BlackBasta'], mp: ['Black Basta (ELF)', 'Black Basta (Windows)'], mm: ['Black Basta - S1070'] } },
  { id: 'blackbyte', name: 'BlackByte', members: { ra: ['BlackByte'], mp: ['BlackByte'], mm: ['BlackByte Ransomware - S1180', 'BlackByte 2.0 Ransomware - S1181'] } },
  { id: 'robbinhood', name: 'RobbinHood', members: { ra: ['RobinHood'], mp: ['RobinHood'] }, extraAliases: [{ name: 'RobbinHood' }], dropAliases: ['RobinHood', 'HelpYemen'] },
  { id: 'quantum-locker', name: 'Quantum Locker', members: { ra: ['QuantumLocker'], mp: ['Mount Locker'] }, extraAliases: [{ name: 'Quantum', ambiguous: true }, { name: 'Quantum ransomware' }], context: RANSOM_CONTEXT },
  { id: 'bianlian', name: 'BianLian', members: { ra: ['Bianlian'], mp: ['BianLian (ELF)', 'BianLian (Windows)'] }, dropAliases: ['Hydra'] },
  { id: 'dharma', name: 'Dharma', members: { ra: ['Dharma Ransomware'], mp: ['Dharma'] }, extraAliases: [{ name: 'CrySiS' }] },
  { id: 'diavol', name: 'Diavol', members: { ra: ['Diavol'], mp: ['Diavol'], mm: ['Diavol - S0659'] } },
  { id: 'snatch', name: 'Snatch', members: { ra: ['Snatch'], mp: ['Snatch'] }, context: RANSOM_CONTEXT },
  { id: 'gandcrab', name: 'GandCrab', members: { ra: ['GandCrab'], mp: ['Gandcrab'] } },
  { id: 'egregor', name: 'Egregor', members: { ra: ['Egregor'], mp: ['Egregor'], mm: ['Egregor - S0554'] } },
  { id: 'ryuk', name: 'Ryuk', members: { ra: ['Ryuk ransomware'], mp: ['Ryuk'], mm: ['Ryuk - S0446'] } },
  { id: 'wannacry', name: 'WannaCry', members: { ra: ['WannaCry'], mp: ['WannaCryptor'], mm: ['WannaCry - S0366'] }, tags: ['dprk'] },
  { id: 'notpetya', name: 'NotPetya', members: { mp: ['EternalPetya'], mm: ['NotPetya - S0368'] }, tags: ['wiper'] },
  { id: 'petya', name: 'Petya', members: { ra: ['Petya'], mp: ['Petya'] } },
  { id: 'samsam', name: 'SamSam', members: { ra: ['Samas-Samsam'], mp: ['SamSam'], mm: ['SamSam - S0370'] } },
  { id: 'locky', name: 'Locky', members: { ra: ['Locky'], mp: ['Locky'] } },
  { id: 'cryptolocker', name: 'CryptoLocker', members: { ra: ['CryptoLocker'], mp: ['CryptoLocker'] } },
  { id: 'cryptowall', name: 'CryptoWall', members: { ra: ['CryptoWall 3'], mp: ['Cryptowall'] } },
  { id: 'teslacrypt', name: 'TeslaCrypt', members: { ra: ['TeslaCrypt 3.0+'], mp: ['TeslaCrypt'] } },
  { id: 'cerber', name: 'Cerber', members: { ra: ['Cerber'], mp: ['Cerber'] } },
  { id: 'maui-ransomware', name: 'Maui', members: { ra: ['Maui ransomware'], mp: ['Maui Ransomware'] }, context: RANSOM_CONTEXT, tags: ['dprk'] },
  { id: 'royal-ransomware', name: 'Royal', members: { ra: ['Royal'], mm: ['Royal - S1073'] }, context: RANSOM_CONTEXT },
  { id: 'play-ransomware', name: 'Play', members: { ra: ['PLAY Ransomware'], mp: ['PLAY'], mm: ['Playcrypt - S1162'] }, context: RANSOM_CONTEXT },
  { id: 'akira', name: 'Akira', members: { ra: ['Akira'], mp: ['Akira (ELF)', 'Akira (Windows)'], mm: ['Akira - S1129'] }, context: RANSOM_CONTEXT },
  { id: 'rhysida', name: 'Rhysida', members: { ra: ['rhysida'], mp: ['Rhysida (ELF)', 'Rhysida (Windows)'] } },
  { id: 'medusa-ransomware', name: 'Medusa', members: { ra: ['medusa'], mp: ['Medusa (Windows)'], mm: ['Medusa Ransomware - S1244'] }, context: RANSOM_CONTEXT },
  { id: '8base', name: '8Base', members: { ra: ['8base'], mp: ['8Base'] } },
  { id: 'cactus-ransomware', name: 'Cactus', members: { ra: ['cactus'], mp: ['Cactus'] }, context: RANSOM_CONTEXT },
  { id: 'lorenz', name: 'Lorenz', members: { ra: ['Lorenz Ransomware'], mp: ['Lorenz'] }, context: RANSOM_CONTEXT },
  { id: 'babuk', name: 'Babuk', members: { ra: ['Babuk Ransomsware'], mp: ['Babuk (ELF)', 'Babuk (Windows)'], mm: ['Babuk - S0638'] } },
  { id: 'mallox', name: 'Mallox', members: { ra: ['Mallox'], mp: ['TargetCompany'] } },
  { id: 'phobos', name: 'Phobos', members: { ra: ['Phobos'], mp: ['Phobos'] }, context: RANSOM_CONTEXT },
  { id: 'trigona', name: 'Trigona', members: { ra: ['trigona'], mp: ['Trigona'] } },
  { id: 'qilin', name: 'Qilin', members: { ra: ['Qilin'], mp: ['Qilin'], mm: ['Qilin - S1242'] }, extraAliases: [{ name: 'Agenda ransomware' }] },
  { id: 'blacksuit', name: 'BlackSuit', members: { mp: ['BlackSuit (ELF)', 'BlackSuit (Windows)'] } },
  { id: 'hunters-international', name: 'Hunters International', members: { mp: ['Hunters International'] } },
  { id: 'ransomhub', name: 'RansomHub', members: { ra: ['ransomhub'], mp: ['RansomHub'], mm: ['RansomHub - S1212'] } },
  { id: 'dragonforce', name: 'DragonForce', members: { ra: ['dragonforce'], mp: ['DragonForce'] } },
  { id: 'interlock', name: 'Interlock', members: { ra: ['interlock'], mp: ['Interlock (ELF)', 'Interlock (Windows)'] }, context: RANSOM_CONTEXT },
  { id: 'lynx-ransomware', name: 'Lynx', members: { ra: ['lynx'], mp: ['Lynx'] }, context: RANSOM_CONTEXT },
  { id: 'fog-ransomware', name: 'Fog', members: { ra: ['fog'], mp: ['Fog'] }, context: RANSOM_CONTEXT },
  { id: 'cicada3301', name: 'Cicada3301', members: { ra: ['cicada3301'], mp: ['Cicada3301'] } },
  { id: 'magniber', name: 'Magniber', members: { ra: ['Magniber Ransomware'], mp: ['Magniber'] } },
  { id: 'zeppelin', name: 'Zeppelin', members: { ra: ['Zeppelin'], mp: ['Zeppelin'] }, context: RANSOM_CONTEXT },
  { id: 'yanluowang', name: 'Yanluowang', members: { ra: ['Yanluowang'], mp: ['Yanluowang'] } },
  { id: 'nokoyawa', name: 'Nokoyawa', members: { ra: ['Nokoyawa'], mp: ['Nokoyawa Ransomware'] } },
  { id: 'lockergoga', name: 'LockerGoga', members: { ra: ['LockerGoga'], mp: ['LockerGoga'], mm: ['LockerGoga - S0372'] } },
  { id: 'megacortex', name: 'MegaCortex', members: { ra: ['MegaCortex'], mp: ['MegaCortex'], mm: ['MegaCortex - S0576'] } },
  { id: 'wastedlocker', name: 'WastedLocker', members: { ra: ['WastedLocker'], mp: ['WastedLocker'], mm: ['WastedLocker - S0612'] } },
  { id: 'ekans', name: 'EKANS', members: { mp: ['Snake'], mm: ['EKANS - S0605'] }, dropAliases: ['Snake'] },
  { id: 'bad-rabbit', name: 'Bad Rabbit', members: { ra: ['Bad Rabbit'], mm: ['Bad Rabbit - S0606'] } },
  { id: 'pay2key', name: 'Pay2Key', members: { ra: ['Pay2Key'], mp: ['Pay2Key'], mm: ['Pay2Key - S0556'] } },
  { id: 'nemty', name: 'Nemty', members: { ra: ['Nemty'], mp: ['Nemty'] } },
  { id: 'sekhmet', name: 'Sekhmet', members: { ra: ['Sekhmet'], mp: ['Sekhmet'] } },
  { id: 'vhd-ransomware', name: 'VHD Ransomware', members: { ra: ['VHD'], mp: ['VHD Ransomware'] }, tags: ['dprk'] },
  { id: 'everest-ransomware', name: 'Everest', members: { ra: ['Everest'] }, context: RANSOM_CONTEXT },
  { id: 'hades-ransomware', name: 'Hades', members: { ra: ['Hades'], mp: ['Hades'] }, context: RANSOM_CONTEXT },
  { id: 'zeon-ransomware', name: 'Zeon', members: { ra: ['zeon'] }, extraAliases: [{ name: 'ZEON' }, { name: 'Zeon ransomware' }], context: RANSOM_CONTEXT },
];

/** Other malware families that matter to crypto users: stealers, clippers, loaders, RATs, DPRK tooling. */
export const MALWARE: ClusterSpec[] = [
  // North Korean tooling
  { id: 'applejeus', name: 'AppleJeus', members: { mp: ['AppleJeus (OS X)', 'AppleJeus (Windows)'], mm: ['AppleJeus - S0584'] }, tags: ['dprk', 'trojan'] },
  { id: 'manuscrypt', name: 'Manuscrypt', members: { mp: ['Manuscrypt'] }, tags: ['dprk', 'rat'] },
  { id: 'volgmer', name: 'Volgmer', members: { mp: ['Volgmer'] }, tags: ['dprk', 'rat'], dropAliases: ['Manuscrypt'] },
  { id: 'kandykorn', name: 'KandyKorn', members: { mp: ['KANDYKORN'] }, tags: ['dprk', 'rat'] },
  { id: 'rustbucket', name: 'RustBucket', members: { mp: ['RustBucket (OS X)', 'RustBucket (Windows)'] }, tags: ['dprk', 'loader'] },
  { id: 'beavertail', name: 'BeaverTail', members: { mp: ['BeaverTail (Javascript)', 'BeaverTail (OS X)', 'Beavertail'] }, tags: ['dprk', 'stealer'] },
  { id: 'invisibleferret', name: 'InvisibleFerret', members: { mp: ['InvisibleFerret'], mm: ['InvisibleFerret - S1245'] }, tags: ['dprk', 'rat'] },
  { id: 'ottercookie', name: 'OtterCookie', members: { mp: ['OtterCookie'] }, tags: ['dprk', 'stealer'] },
  { id: 'poolrat', name: 'POOLRAT', members: { mp: ['POOLRAT'] }, tags: ['dprk', 'rat'] },
  { id: 'dtrack', name: 'Dtrack', members: { mp: ['Dtrack'] }, tags: ['dprk', 'rat'] },
  { id: 'blindingcan', name: 'BLINDINGCAN', members: { mp: ['BLINDINGCAN'], mm: ['BLINDINGCAN - S0520'] }, tags: ['dprk', 'rat'] },
  { id: 'hoplight', name: 'HOPLIGHT', members: { mp: ['HOPLIGHT'], mm: ['HOPLIGHT - S0376'] }, tags: ['dprk', 'trojan'] },
  { id: 'electricfish', name: 'ELECTRICFISH', members: { mp: ['ELECTRICFISH'] }, tags: ['dprk', 'tunneler'] },
  { id: 'bankshot', name: 'Bankshot', members: { mp: ['Bankshot'], mm: ['Bankshot - S0239'] }, tags: ['dprk', 'rat'] },
  { id: 'magicrat', name: 'MagicRAT', members: { mp: ['MagicRAT'], mm: ['MagicRAT - S1182'] }, tags: ['dprk', 'rat'] },
  { id: 'fastcash', name: 'FASTCash', members: { mp: ['FastCash'] }, tags: ['dprk', 'atm'] },
  { id: 'dratzarus', name: 'DRATzarus', members: { mp: ['DRATzarus'], mm: ['DRATzarus - S0694'] }, tags: ['dprk', 'rat'] },
  { id: 'sugarloader', name: 'SUGARLOADER', members: { mp: ['SUGARLOADER'] }, tags: ['dprk', 'loader'] },
  { id: 'golangghost', name: 'GolangGhost', members: { mp: ['GolangGhost (OS X)', 'GolangGhost (Windows)'] }, tags: ['dprk', 'rat'] },
  { id: 'pebbledash', name: 'PEBBLEDASH', members: { mp: ['PEBBLEDASH'] }, tags: ['dprk', 'rat'] },
  // stealers
  { id: 'redline-stealer', name: 'RedLine Stealer', members: { mp: ['RedLine Stealer'], mm: ['RedLine Stealer - S1240'] }, extraAliases: [{ name: 'RedLine' }], tags: ['stealer'] },
  { id: 'raccoon-stealer', name: 'Raccoon Stealer', members: { mp: ['Raccoon'] }, tags: ['stealer'] },
  { id: 'vidar', name: 'Vidar', members: { mp: ['Vidar'] }, tags: ['stealer'] },
  { id: 'lumma-stealer', name: 'Lumma Stealer', members: { mp: ['Lumma Stealer'], mm: ['Lumma Stealer - S1213'] }, extraAliases: [{ name: 'LummaC2' }, { name: 'Lumma' }], tags: ['stealer'] },
  { id: 'stealc', name: 'StealC', members: { mp: ['Stealc'] }, tags: ['stealer'] },
  { id: 'atomic-stealer', name: 'Atomic macOS Stealer', members: { mp: ['AMOS'] }, extraAliases: [{ name: 'Atomic Stealer' }, { name: 'AMOS stealer' }], dropAliases: ['AMOS'], tags: ['stealer'] },
  { id: 'rhadamanthys', name: 'Rhadamanthys', members: { mp: ['Rhadamanthys'] }, tags: ['stealer'] },
  { id: 'mars-stealer', name: 'Mars Stealer', members: { mp: ['Mars Stealer'] }, tags: ['stealer'] },
  { id: 'aurora-stealer', name: 'Aurora Stealer', members: { mp: ['Aurora Stealer'] }, tags: ['stealer'] },
  { id: 'azorult', name: 'AZORult', members: { mp: ['Azorult'], mm: ['Azorult - S0344'] }, tags: ['stealer'] },
  { id: 'meduza-stealer', name: 'Meduza Stealer', members: { mp: ['Meduza Stealer'] }, tags: ['stealer'] },
  { id: 'risepro', name: 'RisePro', members: { mp: ['RisePro'] }, tags: ['stealer'] },
  { id: 'agent-tesla', name: 'Agent Tesla', members: { mp: ['Agent Tesla'], mm: ['Agent Tesla - S0331'] }, tags: ['stealer', 'rat'] },
  { id: 'formbook', name: 'FormBook', members: { mp: ['Formbook'] }, tags: ['stealer'] },
  { id: 'metastealer', name: 'MetaStealer', members: { mp: ['MetaStealer'] }, tags: ['stealer'] },
  { id: 'banshee-stealer', name: 'Banshee Stealer', members: { mp: ['BANSHEE'] }, tags: ['stealer'] },
  { id: 'poseidon-stealer', name: 'Poseidon Stealer', members: { mp: ['Poseidon Stealer'] }, tags: ['stealer'] },
  { id: 'cuckoo-stealer', name: 'Cuckoo Stealer', members: { mm: ['Cuckoo Stealer - S1153'] }, tags: ['stealer'] },
  { id: 'cryptbot', name: 'CryptBot', members: { mp: ['CryptBot'] }, tags: ['stealer'] },
  // clippers
  { id: 'cryptoshuffler', name: 'CryptoShuffler', members: { mp: ['CryptoShuffler'] }, tags: ['clipper'] },
  { id: 'laplas-clipper', name: 'Laplas Clipper', members: { mp: ['LaplasClipper'] }, tags: ['clipper'] },
  { id: 'eternity-clipper', name: 'Eternity Clipper', members: { mp: ['Eternity Clipper'] }, tags: ['clipper'] },
  // loaders and banking trojans
  { id: 'smokeloader', name: 'SmokeLoader', members: { mp: ['SmokeLoader'] }, tags: ['loader'] },
  { id: 'privateloader', name: 'PrivateLoader', members: { mp: ['PrivateLoader'] }, tags: ['loader'] },
  { id: 'guloader', name: 'GuLoader', members: { mp: ['CloudEyE'], mm: ['GuLoader - S0561'] }, tags: ['loader'] },
  { id: 'emotet', name: 'Emotet', members: { mp: ['Emotet'], mm: ['Emotet - S0367'] }, tags: ['loader'] },
  { id: 'qakbot', name: 'QakBot', members: { mp: ['QakBot'], mm: ['QakBot - S0650'] }, tags: ['loader', 'banking'] },
  { id: 'icedid', name: 'IcedID', members: { mp: ['IcedID'], mm: ['IcedID - S0483'] }, tags: ['loader', 'banking'] },
  { id: 'bumblebee', name: 'Bumblebee', members: { mp: ['BumbleBee'], mm: ['Bumblebee - S1039'] }, tags: ['loader'], context: ['malware', 'loader', 'infection', 'payload', 'phishing'] },
  { id: 'trickbot', name: 'TrickBot', members: { mp: ['TrickBot'], mm: ['TrickBot - S0266'] }, tags: ['banking'] },
  { id: 'dridex', name: 'Dridex', members: { mp: ['Dridex'], mm: ['Dridex - S0384'] }, tags: ['banking'] },
  // RATs
  { id: 'remcos', name: 'Remcos', members: { mp: ['Remcos'] }, tags: ['rat'] },
  { id: 'asyncrat', name: 'AsyncRAT', members: { mp: ['AsyncRAT'] }, tags: ['rat'] },
  { id: 'njrat', name: 'njRAT', members: { mp: ['NjRAT'], mm: ['njRAT - S0385'] }, tags: ['rat'] },
  { id: 'darkgate', name: 'DarkGate', members: { mp: ['DarkGate'], mm: ['DarkGate - S1111'] }, tags: ['loader', 'rat'] },
  { id: 'quasar-rat', name: 'Quasar RAT', members: { mp: ['Quasar RAT'] }, tags: ['rat'] },
  { id: 'netwire', name: 'NetWire', members: { mp: ['NetWire'], mm: ['NETWIRE - S0198'] }, tags: ['rat'] },
  { id: 'purelogs-stealer', name: 'PureLogs Stealer', members: { mp: ['PureLogs Stealer'] }, extraAliases: [{ name: 'PureLogs' }], tags: ['stealer'] },
  // more North Korean tooling named in reports on Lazarus campaigns
  { id: 'comebacker', name: 'ComeBacker', members: { mp: ['ComeBacker'] }, tags: ['dprk', 'backdoor'] },
  { id: 'lpeclient', name: 'LPEClient', members: { mp: ['LPEClient'] }, tags: ['dprk', 'downloader'] },
  { id: 'wagent', name: 'wAgent', members: { mp: ['wAgentTea'] }, tags: ['dprk', 'downloader'] },
  // tools that attackers of every kind use after breaking in
  { id: 'mimikatz', name: 'Mimikatz', members: { mp: ['MimiKatz'] }, tags: ['tool', 'credential-theft'] },
  { id: 'cobalt-strike', name: 'Cobalt Strike', members: { mm: ['Cobalt Strike - S0154'], mp: ['Cobalt Strike'] }, tags: ['tool', 'c2'] },
  { id: 'sliver', name: 'Sliver', members: { mp: ['Sliver'] }, tags: ['tool', 'c2'], context: ['malware', 'beacon', 'beacons', 'implant', 'c2', 'command-and-control', 'backdoor', 'red team', 'framework'] },
];

/**
 * ATT&CK software (the mitre-malware galaxy) beyond the lists above. The rule, applied by
 * `attackSoftwareSpecs` in misp.ts: a family gets an entry when the galaxy itself says that a group
 * we keep uses it (an intrusion-set "uses" link), and that group is North Korean or a criminal
 * (ransomware, theft, cryptojacking) group: the tooling of the actors this product explains. Left out:
 * families another entry already covers, families whose name is an ordinary word (they would light up
 * ordinary text), and tooling of the state groups we keep for other reasons (Sandworm, APT41).
 */
export const ATTACK_SOFTWARE_GROUP_TAGS = ['criminal', 'cryptojacking', 'ransomware-operator'] as const;
