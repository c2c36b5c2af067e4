/** Indicator exports (issue 18): plain text, CSV, JSON and STIX 2.1, made locally and pure. */
export { defang, distinctIndicators, groupByKind, indicatorsText, KIND_LABELS } from './text';
export { csvCell, csvHeader, csvRows, indicatorsCsv, CSV_COLUMNS } from './csv';
export { indicatorsJson, type IndicatorsJson } from './json';
export { stixBundle, stixEntityIds, stixParentIds, stixPattern, type ExportEntity, type StixOptions } from './stix';
export { uuidv5 } from './uuid';
