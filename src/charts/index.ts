/** The chart specifications shared by the workbench and the reports (see `spec.ts`). */
export { actorPositionsChart, type ActorPositionRow } from './actors.ts';
export { commitmentChart } from './commitment.ts';
export { type Bands, forecastChart, type ForecastChartIssue } from './forecast.ts';
export { histogramChart, type HistogramInput } from './histogram.ts';
export { placeLabels, spreadLabels } from './labels.ts';
export { type LeverBar, leversChart } from './levers.ts';
export { filterPressures, type NetworkFilter, networkChart, OFFER_COLORS } from './network.ts';
export { ACTOR_COLORS, type Actor, actorPalette, COLORS, MODEL_COLORS } from './palette.ts';
export { planeChart, type PlaneIssue } from './plane.ts';
export { type ChartContext, type ChartSpec, DEFAULT_WIDTH } from './spec.ts';
export { tornadoChart, type TornadoChartInput } from './tornado.ts';
export { trajectoriesChart } from './trajectories.ts';
