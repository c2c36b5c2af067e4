/** Indicator exports (issue 18): plain text, CSV, JSON and STIX 2.1, made locally and pure. */
export { defang,  groupByKind, indicatorsText,  } from './text';
export { csvCell, csvHeader, csvRows, indicatorsCsv,  } from './csv';
export { indicatorsJson,  } from './json';
export { stixBundle, stixEntityIds, stixParentIds,  type ExportEntity,  } from './stix';
export { uuidv5 } from './uuid';
