import { EvaluationEnvironment } from './compiledTrack';

/**
 * What evaluation needs to know of environments: the active ones recorded for each System (names and tiers), so
 * that gates scoped to an environment apply. The environments room implements it; scorecards never see its store.
 */
export interface EnvironmentLookup {
  activeEnvironmentsOf(
    systemRefs: string[],
  ): Promise<Map<string, EvaluationEnvironment[]>>;
}
