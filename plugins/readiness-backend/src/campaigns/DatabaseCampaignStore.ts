import { Knex } from 'knex';
import { CampaignCounts } from '@readiness-io/plugin-readiness-common';
import { toIsoString } from '../database/dates';
import { CampaignSnapshot, CampaignStore } from './CampaignStore';

type SnapshotRow = {
  campaign_id: string;
  day: string;
  total: number;
  done: number;
  exempt: number;
  not_measured: number;
  teams: string;
  recorded_at: unknown;
};

type Packed = [number, number, number, number];
const pack = (c: CampaignCounts): Packed => [
  c.total,
  c.done,
  c.exempt,
  c.notMeasured,
];
const unpack = ([
  total,
  done,
  exempt,
  notMeasured,
]: Packed): CampaignCounts => ({
  total,
  done,
  exempt,
  notMeasured,
  notDone: total - done - exempt - notMeasured,
});

/** {@link CampaignStore} in the plugin's database. */
export class DatabaseCampaignStore implements CampaignStore {
  static create(knex: Knex) {
    return new DatabaseCampaignStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  async saveSnapshot(snapshot: CampaignSnapshot): Promise<void> {
    const { progress } = snapshot;
    await this.knex('readiness_campaign_snapshots')
      .insert({
        campaign_id: snapshot.campaignId,
        day: snapshot.day,
        total: progress.total,
        done: progress.done,
        exempt: progress.exempt,
        not_measured: progress.notMeasured,
        teams: JSON.stringify(
          Object.fromEntries(
            Object.entries(snapshot.teams).map(([k, v]) => [k, pack(v)]),
          ),
        ),
        recorded_at: new Date(),
      })
      .onConflict(['campaign_id', 'day'])
      .merge();
  }

  async history(campaignId: string): Promise<CampaignSnapshot[]> {
    const rows = await this.knex<SnapshotRow>('readiness_campaign_snapshots')
      .where({ campaign_id: campaignId })
      .orderBy('day', 'asc');
    return rows.map(r => ({
      campaignId: r.campaign_id,
      day: r.day,
      progress: unpack([r.total, r.done, r.exempt, r.not_measured]),
      teams: Object.fromEntries(
        Object.entries(JSON.parse(r.teams) as Record<string, Packed>).map(
          ([k, v]) => [k, unpack(v)],
        ),
      ),
      recordedAt: toIsoString(r.recorded_at),
    }));
  }

  async claimReminder(
    campaignId: string,
    kind: string,
    day: string,
    recipients: string[],
  ): Promise<boolean> {
    const inserted = await this.knex('readiness_campaign_reminders')
      .insert({
        campaign_id: campaignId,
        kind,
        day,
        sent_at: new Date(),
        recipients: JSON.stringify(recipients),
      })
      .onConflict(['campaign_id', 'kind', 'day'])
      .ignore()
      .returning('campaign_id');
    return inserted.length === 1;
  }

  async claimNudge(
    campaignId: string,
    now: Date,
    intervalMs: number,
    by: string,
  ): Promise<true | { lastAt: Date }> {
    const key = { campaign_id: campaignId, kind: 'nudge', day: '' };
    // One row per campaign holds the last nudge: created by the first, then moved forward only when the last one is
    // older than the interval (a conditional update, so two replicas cannot both claim it).
    const created = await this.knex('readiness_campaign_reminders')
      .insert({ ...key, sent_at: now, sent_by: by })
      .onConflict(['campaign_id', 'kind', 'day'])
      .ignore()
      .returning('campaign_id');
    if (created.length === 1) return true;
    const moved = await this.knex('readiness_campaign_reminders')
      .where(key)
      .where('sent_at', '<=', new Date(now.getTime() - intervalMs))
      .update({ sent_at: now, sent_by: by });
    if (moved === 1) return true;
    const row = await this.knex('readiness_campaign_reminders')
      .where(key)
      .first('sent_at');
    return { lastAt: new Date(toIsoString(row.sent_at)) };
  }
}
