import { dayNumber } from './forecast';
import { CampaignDefinition, weekdayOf } from './parseCampaign';

/**
 * The scheduled reminders of a campaign due on a day: the weekly digest on its weekday, and `deadline-N` N days
 * before the target date — only while the campaign is in progress (not a draft, started, target date not passed).
 */
export function dueReminders(def: CampaignDefinition, today: string): string[] {
  if (def.draft || today < def.startDate || today > def.targetDate) return [];
  const due: string[] = [];
  if (def.reminders.digest && weekdayOf(today) === def.reminders.digest)
    due.push('digest');
  const left = dayNumber(def.targetDate) - dayNumber(today);
  if (def.reminders.beforeTarget.includes(left)) due.push(`deadline-${left}`);
  return due;
}
