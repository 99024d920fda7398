#!/usr/bin/env node
// Checks the portal's own alert rules with the real promtool (Debian's `prometheus` package; .ci/run installs it):
//
//   node deploy/monitoring/check.mjs
//
// `promtool check rules`, the rule unit tests beside them (`promtool test rules`), a broken copy of the rules that
// the unit tests must catch, and that every alert's runbook_url names a runbook in docs/runbooks/ whose front matter
// lists the alert (what the portal's own runbooks check reads from the same files).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { stepRunner } from '../../e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const rules = join(here, 'readiness-portal-alerts.yaml');
const unitTests = join(here, 'readiness-portal-alerts.test.yaml');
const RUNBOOK_URL_PREFIX =
  'https://github.com/readiness-io/readiness/blob/main/docs/runbooks/';
const { step, summary } = stepRunner();

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function promtool(...args) {
  const out = spawnSync('promtool', args, { encoding: 'utf8' });
  if (out.error) {
    throw new Error(
      `promtool cannot run (${out.error.message}): install Debian's prometheus package`,
    );
  }
  return { status: out.status, output: `${out.stdout}${out.stderr}` };
}

async function main() {
  await step('promtool check rules', async () => {
    const { status, output } = promtool('check', 'rules', rules);
    expect(status === 0, output);
    expect(/SUCCESS: 5 rules found/.test(output), output);
  });

  await step('promtool test rules (the rule unit tests)', async () => {
    const { status, output } = promtool('test', 'rules', unitTests);
    expect(status === 0, output);
  });

  await step('the unit tests catch a broken rule', async () => {
    // The same rules with the backend-down alert firing at once instead of after 3 minutes, and the database alert
    // reading a metric the plugin does not export.
    const dir = mkdtempSync(join(tmpdir(), 'readiness-rules-'));
    const text = readFileSync(rules, 'utf8');
    const broken = text
      .replace(/for: 3m/, 'for: 0m')
      .replace(/readiness_database_unavailable_total/, 'readiness_db_down');
    expect(broken !== text, 'the mutation did not apply');
    writeFileSync(join(dir, basename(rules)), broken);
    copyFileSync(unitTests, join(dir, basename(unitTests)));
    const { status, output } = promtool(
      'test',
      'rules',
      join(dir, basename(unitTests)),
    );
    expect(status !== 0, 'the unit tests passed on broken rules');
    expect(/name: backend down/.test(output), output);
    expect(/name: database unreachable/.test(output), output);
  });

  await step(
    'every alert has a runbook in docs/runbooks that lists it',
    async () => {
      const alerts = parse(readFileSync(rules, 'utf8')).groups.flatMap(g =>
        g.rules.filter(r => r.alert),
      );
      expect(alerts.length === 5, `${alerts.length} alerts`);
      for (const rule of alerts) {
        const url = rule.annotations?.runbook_url ?? '';
        expect(
          url.startsWith(RUNBOOK_URL_PREFIX),
          `${rule.alert}: runbook_url ${url} is not under ${RUNBOOK_URL_PREFIX}`,
        );
        const file = join(
          root,
          'docs/runbooks',
          url.slice(RUNBOOK_URL_PREFIX.length),
        );
        expect(existsSync(file), `${rule.alert}: ${file} does not exist`);
        const front = /^---\n([\s\S]*?)\n---\n/.exec(
          readFileSync(file, 'utf8'),
        );
        expect(front, `${file}: no front matter`);
        const listed = parse(front[1]).alerts ?? [];
        expect(
          listed.includes(rule.alert),
          `${file} does not list ${rule.alert} in its front matter (alerts: ${listed})`,
        );
      }
    },
  );
}

main()
  .catch(error => console.log(`  ✗ ${error.message}`))
  .finally(() => {
    if (!summary('alert rules')) process.exitCode = 1;
  });
