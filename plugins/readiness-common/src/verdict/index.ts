export {
  describeCheckOutcome,
  describeCheckResult,
  describeExpectation,
  describeMeasurement,
  describeMissingFact,
  joinWords,
} from './describeCheckResult';
export type { VerdictContext } from './describeCheckResult';
export {
  formatDate,
  formatNumber,
  formatValue,
  refDisplayName,
  timeAgo,
  unitOf,
} from './words';
