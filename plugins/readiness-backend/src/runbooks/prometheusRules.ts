import { parseDocument } from 'yaml';

/**
 * The alert names of a Prometheus rules file (`groups[].rules[].alert`; recording rules are skipped).
 * Throws an error naming the path of the first thing that is not a rules file.
 */
export function alertsOfRulesFile(text: string, source: string): string[] {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    throw new Error(
      `${source}: not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
  const data = doc.toJS() as { groups?: unknown } | null;
  if (!data || typeof data !== 'object' || !Array.isArray(data.groups)) {
    throw new Error(`${source}: not a Prometheus rules file (no groups: list)`);
  }
  const alerts: string[] = [];
  data.groups.forEach((group: any, g: number) => {
    if (!group || !Array.isArray(group.rules))
      throw new Error(`${source}: groups[${g}].rules must be a list`);
    group.rules.forEach((rule: any, r: number) => {
      if (rule?.alert === undefined) return;
      if (typeof rule.alert !== 'string' || !rule.alert)
        throw new Error(
          `${source}: groups[${g}].rules[${r}].alert must be a name`,
        );
      alerts.push(rule.alert);
    });
  });
  return [...new Set(alerts)];
}
