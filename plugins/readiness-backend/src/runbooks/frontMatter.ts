import { parseDocument } from 'yaml';
import {
  RunbookMetadata,
  RunbookSeverity,
} from '@readiness-io/plugin-readiness-common';

const SEVERITIES: RunbookSeverity[] = ['critical', 'high', 'medium', 'low'];
const KNOWN = new Set(['title', 'alerts', 'owner', 'lastReviewed', 'severity']);

/** A runbook's Markdown split into metadata and body, with every problem of its front matter named. */
export interface ParsedRunbook {
  metadata: RunbookMetadata;
  markdown: string;
  errors: string[];
}

/**
 * Parses Markdown with YAML front matter (`---` on the first line, `---` closing it). Every field is checked;
 * a bad field is reported and left out, the rest is kept, so a runbook with a typo still shows up.
 */
export function parseRunbook(text: string): ParsedRunbook {
  const source = text.replace(/^\uFEFF/, '');
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(
    source,
  );
  if (!match) {
    const opened = /^---[ \t]*\r?\n/.test(source);
    return {
      metadata: { alerts: [] },
      markdown: source,
      errors: [
        opened
          ? 'front matter is not closed: no second --- line'
          : 'no front matter: start the file with a --- block (title, alerts, owner, lastReviewed, severity)',
      ],
    };
  }
  const markdown = source.slice(match[0].length);
  const doc = parseDocument(match[1], { prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      metadata: { alerts: [] },
      markdown,
      errors: doc.errors.map(
        e => `front matter is not valid YAML: ${e.message.split('\n')[0]}`,
      ),
    };
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      metadata: { alerts: [] },
      markdown,
      errors: ['front matter must be a YAML mapping (title: …, alerts: […])'],
    };
  }
  return { ...checkFields(data as Record<string, unknown>), markdown };
}

function checkFields(data: Record<string, unknown>): {
  metadata: RunbookMetadata;
  errors: string[];
} {
  const errors: string[] = [];
  const metadata: RunbookMetadata = { alerts: [] };
  for (const key of Object.keys(data)) {
    if (!KNOWN.has(key))
      errors.push(
        `unknown front matter field '${key}' (known: ${[...KNOWN].join(', ')})`,
      );
  }
  const { title, alerts, owner, lastReviewed, severity } = data;
  if (title !== undefined) {
    if (typeof title === 'string' && title.trim())
      metadata.title = title.trim();
    else errors.push('title must be a non-empty string');
  }
  if (alerts !== undefined) {
    if (
      Array.isArray(alerts) &&
      alerts.every(a => typeof a === 'string' && a.trim())
    ) {
      metadata.alerts = alerts.map(a => (a as string).trim());
    } else {
      errors.push(
        'alerts must be a list of alert names, e.g. [OidcLoginFailures]',
      );
    }
  }
  if (owner !== undefined) {
    if (
      typeof owner === 'string' &&
      /^(?:[\w-]+:)?(?:[\w.-]+\/)?[\w.-]+$/.test(owner.trim())
    )
      metadata.owner = owner.trim();
    else
      errors.push(
        `owner must be an entity ref such as group:default/rag-team, got ${JSON.stringify(
          owner,
        )}`,
      );
  }
  if (lastReviewed !== undefined) {
    // YAML turns an unquoted 2026-11-02 into a Date; both forms are accepted.
    const date =
      lastReviewed instanceof Date
        ? lastReviewed.toISOString().slice(0, 10)
        : lastReviewed;
    if (typeof date === 'string' && isCalendarDate(date))
      metadata.lastReviewed = date;
    else
      errors.push(
        `lastReviewed must be a date like 2026-11-02, got ${JSON.stringify(
          lastReviewed,
        )}`,
      );
  }
  if (severity !== undefined) {
    if (SEVERITIES.includes(severity as RunbookSeverity))
      metadata.severity = severity as RunbookSeverity;
    else
      errors.push(
        `severity must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(
          severity,
        )}`,
      );
  }
  return { metadata, errors };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
