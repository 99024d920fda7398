export {
  describeCheckOutcome,
  describeCheckResult,
  describeCheckStatus,
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
