/**
 * Tech-insights module exposing readiness as facts.
 *
 * @packageDocumentation
 */
export { techInsightsModuleReadiness as default } from './module';
export {
  readinessFactRetriever,
  READINESS_FACT_RETRIEVER_ID,
  factsOf,
} from './readinessFactRetriever';
