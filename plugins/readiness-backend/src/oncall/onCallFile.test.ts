import fs from 'node:fs';
import path from 'node:path';
import { targetPaths } from '@backstage/cli-common';
import { parseOnCallFile } from './onCallFile';

const demo = path.join(targetPaths.rootDir, 'examples/oncall/rag-team.yaml');

describe('parseOnCallFile', () => {
  it('reads the demo rota', () => {
    const file = parseOnCallFile(fs.readFileSync(demo, 'utf8'), demo);
    expect(file.name).toBe('rag-team');
    expect(file.layers).toEqual([
      {
        name: 'business hours',
        members: [
          'user:default/sam.okafor',
          'user:default/li.wei',
          'user:default/priya.nair',
        ],
        timeZone: 'Europe/Berlin',
        start: '2026-11-02',
        handoff: '09:00',
        rotationDays: 7,
        activeHours: { from: '08:00', to: '20:00' },
      },
    ]);
    expect(file.overrides).toEqual([
      {
        user: 'user:default/maria.garcia',
        start: '2026-11-26T07:00:00.000Z',
        end: '2026-11-26T19:00:00.000Z',
      },
    ]);
    expect(file.escalation.map(e => e.timeoutMinutes)).toEqual([15, 30, 60]);
  });

  it('names the file and every problem with its path', () => {
    const text = [
      'apiVersion: readiness.io/v1alpha1',
      'kind: OnCall',
      'spec:',
      '  timeZone: Mars/Olympus',
      '  layers:',
      '    - members: [maria]',
      '      start: 2026-13-01',
      '      handoff: "9am"',
      '      rotationDays: 0',
      '      activeHours: { from: "08:00", to: "08:00" }',
      '  overrides:',
      '    - { user: user:default/a, start: "2026-11-26T09:00:00", end: "2026-11-25T09:00:00+01:00" }',
      '  escalation:',
      '    - { targets: [team], timeoutMinutes: -1 }',
    ].join('\n');
    let message = '';
    try {
      parseOnCallFile(text, 'oncall/bad.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^oncall\/bad\.yaml: /);
    for (const expected of [
      'spec.timeZone: unknown time zone "Mars/Olympus"',
      'spec.layers[0].members[0]: must be a user ref',
      'spec.layers[0].start: must be a date',
      'spec.layers[0].handoff: must be a local time',
      'spec.layers[0].rotationDays: must be a whole number of days',
      'spec.layers[0].activeHours: from and to are equal',
      'spec.overrides[0].start: must be a date-time with offset',
      'spec.escalation[0].targets[0]: must be oncall or a user/group ref',
      'spec.escalation[0].timeoutMinutes: must be a whole number',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('rejects what is not an on-call file', () => {
    expect(() => parseOnCallFile('a: [', 'x.yaml')).toThrow(
      /x\.yaml: not valid YAML/,
    );
    expect(() =>
      parseOnCallFile('apiVersion: v1\nkind: Pod\nspec: {}', 'x.yaml'),
    ).toThrow(
      /apiVersion: must be readiness.io\/v1alpha1.*kind: must be OnCall.*spec.layers: must list at least one/,
    );
  });
});
