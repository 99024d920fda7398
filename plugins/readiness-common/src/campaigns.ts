import type { RequestOf, Schemas } from './schema/wire';

/** A campaign: a readiness goal over many entities with a start and a target date (`kind: Campaign` file). @public */
export type Campaign = Schemas['Campaign'];

/** Draft, scheduled (before its start date), in progress, or ended (after its target date). @public */
export type CampaignStatus = Schemas['CampaignStatus'];

/** Where one entity stands in a campaign. @public */
export type CampaignEntityState = Schemas['CampaignEntityState'];

/** Entities in scope, by where they stand. @public */
export type CampaignCounts = Schemas['CampaignCounts'];

/** When the campaign's trend reaches every entity, and whether that is by the target date. @public */
export type CampaignForecast = Schemas['CampaignForecast'];

/** A campaign with its progress and forecast (the list). @public */
export type CampaignSummary = Schemas['CampaignSummary'];

/** Every campaign, and the campaign files that could not be loaded. @public */
export type CampaignList = Schemas['CampaignList'];

/** One day of a campaign's burn-up. @public */
export type CampaignDay = Schemas['CampaignDay'];

/** One owning team's progress and forecast in a campaign. @public */
export type CampaignTeam = Schemas['CampaignTeam'];

/** One entity in a campaign's scope, with what it still needs. @public */
export type CampaignEntity = Schemas['CampaignEntity'];

/** A blocker and how many entities of a campaign it holds back. @public */
export type CampaignBlocker = Schemas['CampaignBlocker'];

/** One campaign whole: progress over time, by team, by entity, and its top blockers. @public */
export type CampaignDetail = Schemas['CampaignDetail'];

/** The campaigns an entity is part of. @public */
export type EntityCampaigns = Schemas['EntityCampaigns'];

/** A reminder sent: to whom, about how many entities. @public */
export type CampaignReminder = Schemas['CampaignReminder'];

/** What `POST /campaigns/{campaignId}/exemptions` takes. @public */
export type CampaignExemptionRequest = RequestOf<'RequestCampaignExemption'>;

/** Campaign states in words, for every place that shows them. @public */
export const CAMPAIGN_STATE_WORDS: Record<CampaignEntityState, string> = {
  done: 'Done',
  'not-done': 'Not done',
  'not-measured': 'Not measured yet',
  exempt: 'Exempt',
};

/** Campaign statuses in words. @public */
export const CAMPAIGN_STATUS_WORDS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  ended: 'Ended',
};
