/**
 * Analyses of the temporal signed graph: pair histories, comparisons of two
 * dates, structural balance, camps, balance over time and centrality.
 * Framework-free; see docs/ANALYSIS.md for definitions and bounds.
 */
export { buildAnalysisModel, type AnalysisModel } from './analysisModel';
export { pairHistory, pairStatus } from './pairHistory';
export type { PairHistory, PairRelation, PairSegment, PairStatus } from './pairHistory';
export { compareDates } from './compareDates';
export type {
  ActorChange,
  DateComparison,
  PairFlip,
  PairSide,
  RelationChange,
} from './compareDates';
export { balanceAt, balanceShares } from './balance';
export type { BalanceReport, BalanceShares, TriangleSide, UnbalancedTriangle } from './balance';
export type { TriangleCounts } from './triangles';
export { campsAt } from './camps';
export type { CampComponent, CampsReport, FrustratedPair } from './camps';
export type { SplitOptions, SplitProof } from './splitCamps';
export { balanceOverTime, sampleDays } from './balanceOverTime';
export type { BalanceSample } from './balanceOverTime';
export { betweennessAt, centralitySeries, degreeAt, rankingAt } from './centrality';
export type {
  BetweennessOptions,
  CentralityPoint,
  PolarityDegree,
  RankBy,
  Ranked,
} from './centrality';
export { relationInfo, type RelationInfo } from './relationInfo';
