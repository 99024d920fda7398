import {
  Track,
  TrackCheck,
  TrackEntityFilter,
  TrackGate,
} from '@readiness-io/plugin-readiness-common';
import { ENVIRONMENT_PLACEHOLDER } from '../evaluation/compiledTrack';
import {
  ENVIRONMENT_SCOPE,
  ID_PATTERN,
  isObject,
  parseCheck,
  parseFilter,
  parseReadinessDocument,
  Problems,
  str,
  unknownKeys,
} from './trackParts';

/** Raised when a track file is invalid; the message lists every problem, each with the file and path. */
export class TrackValidationError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(
      `Invalid readiness track ${file}:\n${problems
        .map(p => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'TrackValidationError';
    this.problems = problems.map(p => `${file}: ${p}`);
  }
}

/** Finds one cycle in the gate graph and returns it as a path that ends where it starts. */
export function findCycle(
  gates: Array<{ id: string; dependsOn: string[] }>,
): string[] | undefined {
  const edges = new Map(gates.map(g => [g.id, g.dependsOn]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting')
      return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of edges.get(id) ?? []) {
      if (!edges.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const gate of gates) {
    const cycle = visit(gate.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Parses and validates one track file. Every problem is collected and reported at once, each with the
 * path inside the file (e.g. `spec.gates[2].dependsOn[0]`); nothing invalid is returned.
 */
export function parseTrack(
  text: string,
  file: string,
  knownFactTypes: string[],
): Track {
  const problems: Problems = [];
  const header = parseReadinessDocument(text, 'Track', problems);
  if ('fatal' in header) throw new TrackValidationError(file, header.fatal);
  const raw = header.raw;

  const metadata = isObject(raw.metadata) ? raw.metadata : undefined;
  if (!metadata) problems.push('metadata: is required');
  const name = metadata
    ? str(metadata, 'name', 'metadata', problems)
    : undefined;
  if (name !== undefined && !ID_PATTERN.test(name)) {
    problems.push(
      `metadata.name: '${name}' must be lower-case letters, digits and - _ . separators`,
    );
  }
  const title = metadata
    ? str(metadata, 'title', 'metadata', problems, false)
    : undefined;
  const description = metadata
    ? str(metadata, 'description', 'metadata', problems, false)
    : undefined;

  const spec = isObject(raw.spec) ? raw.spec : undefined;
  if (!spec) {
    problems.push('spec: is required');
    throw new TrackValidationError(file, problems);
  }
  unknownKeys(spec, ['appliesTo', 'gates'], 'spec', problems);

  const appliesTo: TrackEntityFilter[] = [];
  if (!Array.isArray(spec.appliesTo) || spec.appliesTo.length === 0) {
    problems.push('spec.appliesTo: must be a non-empty list of entity filters');
  } else {
    spec.appliesTo.forEach((f, i) => {
      const filter = parseFilter(f, `spec.appliesTo[${i}]`, problems);
      if (filter) appliesTo.push(filter);
    });
  }

  const gates: TrackGate[] = [];
  if (!Array.isArray(spec.gates) || spec.gates.length === 0) {
    problems.push('spec.gates: must be a non-empty list of gates');
  } else {
    spec.gates.forEach((g, i) => {
      const at = `spec.gates[${i}]`;
      if (!isObject(g)) {
        problems.push(`${at}: must be an object`);
        return;
      }
      unknownKeys(
        g,
        ['id', 'title', 'description', 'dependsOn', 'environment', 'checks'],
        at,
        problems,
      );
      const id = str(g, 'id', at, problems) ?? '';
      if (id && !ID_PATTERN.test(id)) {
        problems.push(
          `${at}.id: '${id}' must be lower-case letters, digits and - _ . separators`,
        );
      }
      const dependsOn = g.dependsOn ?? [];
      if (
        !Array.isArray(dependsOn) ||
        !dependsOn.every(d => typeof d === 'string')
      ) {
        problems.push(`${at}.dependsOn: must be a list of gate ids`);
      }
      const checks: TrackCheck[] = [];
      if (!Array.isArray(g.checks) || g.checks.length === 0) {
        problems.push(`${at}.checks: must be a non-empty list of checks`);
      } else {
        const seen = new Set<string>();
        g.checks.forEach((c, j) => {
          const check = parseCheck(
            c,
            `${at}.checks[${j}]`,
            knownFactTypes,
            problems,
          );
          if (!check) return;
          if (check.id && seen.has(check.id)) {
            problems.push(
              `${at}.checks[${j}].id: duplicate check id '${check.id}' in gate '${id}'`,
            );
          }
          seen.add(check.id);
          checks.push(check);
        });
      }
      const environment = str(g, 'environment', at, problems, false);
      if (environment !== undefined && !ENVIRONMENT_SCOPE.test(environment)) {
        problems.push(
          `${at}.environment: '${environment}' must be an environment tier or name (lower-case letters, digits and -)`,
        );
      }
      checks.forEach((check, j) => {
        if (check.fact?.includes(ENVIRONMENT_PLACEHOLDER) && !environment) {
          problems.push(
            `${at}.checks[${j}].fact: '${check.fact}' names {environment}, which only a gate with an environment has`,
          );
        }
      });
      gates.push({
        id,
        title: str(g, 'title', at, problems, false) ?? id,
        dependsOn: Array.isArray(dependsOn) ? (dependsOn as string[]) : [],
        checks,
        ...(str(g, 'description', at, [], false)
          ? { description: g.description as string }
          : {}),
        ...(environment ? { environment } : {}),
      });
    });

    const ids = new Map<string, number>();
    gates.forEach((gate, i) => {
      if (gate.id && ids.has(gate.id)) {
        problems.push(
          `spec.gates[${i}].id: duplicate gate id '${
            gate.id
          }' (also spec.gates[${ids.get(gate.id)}])`,
        );
      }
      ids.set(gate.id, i);
    });
    gates.forEach((gate, i) => {
      gate.dependsOn.forEach((dep, j) => {
        if (!ids.has(dep)) {
          problems.push(
            `spec.gates[${i}].dependsOn[${j}]: unknown gate '${dep}'`,
          );
        } else if (dep === gate.id) {
          problems.push(
            `spec.gates[${i}].dependsOn[${j}]: gate '${dep}' depends on itself`,
          );
        }
      });
    });
    const cycle = findCycle(
      gates.map(g => ({
        id: g.id,
        dependsOn: g.dependsOn.filter(d => d !== g.id),
      })),
    );
    if (cycle) {
      problems.push(`spec.gates: dependency cycle ${cycle.join(' → ')}`);
    }
  }

  if (problems.length > 0) {
    throw new TrackValidationError(file, problems);
  }
  return {
    apiVersion: 'readiness.io/v1',
    kind: 'Track',
    metadata: {
      name: name!,
      title: title ?? name!,
      ...(description ? { description } : {}),
    },
    spec: { appliesTo, gates },
  };
}
