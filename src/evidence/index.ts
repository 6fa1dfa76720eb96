/** Article text → draft evidence and scenario (see docs/evidence.md). Re-exports only. */
export { prepareArticle, type PreparedArticle } from './article.ts';
export { MAX_ARTICLE_BYTES, checkArticleSize, decodeArticle } from './decode.ts';
export { analyseArticle, type Analysis, type ActorFound, type Statement } from './analyse.ts';
export { buildDraft, type Draft } from './draft.ts';
export { mergeIntoScenario, type MergeResult } from './merge.ts';
export { propose, type Proposal } from './propose.ts';
export { describeChain } from './attribution.ts';
export { listNumberEvidence, type NumberEvidence } from './number-evidence.ts';
export { defaultGazetteer, extendGazetteer } from './gazetteer/gazetteer.ts';
