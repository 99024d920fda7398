import { CampaignDefinition } from './parseCampaign';
import { dueReminders } from './reminders';

const def: CampaignDefinition = {
  id: 'c',
  title: 'C',
  owner: 'group:default/platform-team',
  draft: false,
  include: [{ kind: 'Component' }],
  exclude: [],
  target: { trackId: 't', gateId: 'g' },
  startDate: '2026-11-02',
  targetDate: '2026-12-31',
  milestones: [],
  reminders: { digest: 'monday', beforeTarget: [14, 7, 1] },
  source: 'c.yaml',
};

describe('dueReminders', () => {
  it('sends the digest on its weekday and the deadline reminders, over a controllable calendar', () => {
    const due: Record<string, string[]> = {};
    for (
      let d = new Date('2026-10-26T00:00:00Z');
      d <= new Date('2027-01-05T00:00:00Z');

    ) {
      const day = d.toISOString().slice(0, 10);
      const kinds = dueReminders(def, day);
      if (kinds.length) due[day] = kinds;
      d = new Date(d.getTime() + 86_400_000);
    }
    expect(due).toEqual({
      // Mondays from the start date on; none before it or after the target date.
      '2026-11-02': ['digest'],
      '2026-11-09': ['digest'],
      '2026-11-16': ['digest'],
      '2026-11-23': ['digest'],
      '2026-11-30': ['digest'],
      '2026-12-07': ['digest'],
      '2026-12-14': ['digest'],
      '2026-12-17': ['deadline-14'],
      '2026-12-21': ['digest'],
      '2026-12-24': ['deadline-7'],
      '2026-12-28': ['digest'],
      '2026-12-30': ['deadline-1'],
    });
  });

  it('sends nothing for a draft, and no digest when there is none', () => {
    expect(dueReminders({ ...def, draft: true }, '2026-11-09')).toEqual([]);
    expect(
      dueReminders({ ...def, reminders: { beforeTarget: [7] } }, '2026-12-21'),
    ).toEqual([]);
    expect(
      dueReminders({ ...def, reminders: { beforeTarget: [7] } }, '2026-12-24'),
    ).toEqual(['deadline-7']);
  });
});
