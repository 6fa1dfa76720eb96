/** KTAB's scenario files (CSV and XML): reading, checking, converting, writing. */
export type { KtabActor, KtabActorPlaces, KtabData, KtabPlace } from './ktab-data.ts';
export { checkKtabActor, KTAB_SCALE } from './check-ktab.ts';
export { parseKtabCsv, dimensionName } from './parse-ktab-csv.ts';
export { parseKtabXml } from './parse-ktab-xml.ts';
export { KTAB_PARAMETERS, readParameter, writeParameter } from './ktab-parameters.ts';
export { ktabToScenario, idFrom, type KtabToScenarioOptions } from './ktab-to-scenario.ts';
export {
  ktabDataToCsv,
  ktabDataToXml,
  scenarioToKtabCsv,
  scenarioToKtabData,
  scenarioToKtabXml,
} from './scenario-to-ktab.ts';
