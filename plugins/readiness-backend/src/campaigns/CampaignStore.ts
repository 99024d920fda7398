import { CampaignCounts } from '@readiness-io/plugin-readiness-common';

/** A campaign's progress on one day, overall and per owning team. */
export interface CampaignSnapshot {
  campaignId: string;
  day: string;
  progress: CampaignCounts;
  teams: Record<string, CampaignCounts>;
  /** When it was recorded (read back only). */
  recordedAt?: string;
}

/** Progress snapshots (one per campaign and day) and the reminders sent. */
export interface CampaignStore {
  /** Records the day's progress; a later snapshot of the same day replaces it. */
  saveSnapshot(snapshot: CampaignSnapshot): Promise<void>;
  /** The campaign's snapshots, oldest first. */
  history(campaignId: string): Promise<CampaignSnapshot[]>;
  /**
   * Claims a scheduled reminder (kind on a day): true for the one caller that claims it first, across replicas; false
   * when it was already claimed.
   */
  claimReminder(
    campaignId: string,
    kind: string,
    day: string,
    recipients: string[],
  ): Promise<boolean>;
  /**
   * Claims a nudge at `now` unless the last one was less than `intervalMs` ago: true when claimed; otherwise the
   * time of the last nudge.
   */
  claimNudge(
    campaignId: string,
    now: Date,
    intervalMs: number,
    by: string,
  ): Promise<true | { lastAt: Date }>;
}
