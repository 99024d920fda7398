export { EntityTechInsightsScorecardContent } from './EntityTechInsightsScorecardContent';
export {
  TechInsightsScorecardClient,
  techInsightsScorecardApiRef,
} from './api';
export type { TechInsightsScorecardApi } from './api';
