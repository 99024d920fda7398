import type { ResponseOf, Schemas } from './schema/wire';
import { refDisplayName } from './verdict';

/** What `POST /tracks/preview` takes: the proposed track's YAML, and optionally the one it replaces. @public */
export type TrackPreviewRequest = Schemas['TrackPreviewRequest'];

/** What a proposed track change does to the catalog: see `POST /tracks/preview`. @public */
export type TrackPreview = Schemas['TrackPreview'];

/** A loaded track's file as written, for the playground. @public */
export type TrackSource = ResponseOf<'GetTrackSource', 200>;

/** An error of a proposed track, with its file, path and line. @public */
export type TrackPreviewProblem = Schemas['TrackPreviewProblem'];

/** Entities that changed one way, by owner. @public */
export type PreviewCount = Schemas['PreviewCount'];

/** The four ways a gate or check can change for an entity, each counted. @public */
export type PreviewImpact = Schemas['PreviewImpact'];

/** One gate of a {@link TrackPreview}. @public */
export type PreviewGateImpact = Schemas['PreviewGateImpact'];

/** One check of a {@link TrackPreview}. @public */
export type PreviewCheckImpact = Schemas['PreviewCheckImpact'];

/** One changed entity of a {@link TrackPreview}. @public */
export type PreviewEntityChange = Schemas['PreviewEntityChange'];

/** How {@link describeTrackPreview} names things; by default an owner by the name in its ref. @public */
export interface TrackPreviewWordsOptions {
  /** The display name of an owner (a group ref); defaults to the name in the ref. */
  ownerName?: (ownerRef: string) => string;
}

/**
 * One sentence of a {@link TrackPreviewWords}, with what it is about, so a page can list the entities behind it:
 * the whole track's readiness, a gate, or a check of a gate.
 *
 * @public
 */
export interface TrackPreviewImpactWords {
  text: string;
  about:
    | { readiness: 'newly-not-ready' | 'newly-ready' }
    | { gateId: string; checkId?: string };
}

/** The words of a {@link TrackPreview}: a headline, then one sentence per impact, most important first. @public */
export interface TrackPreviewWords {
  headline: string;
  lines: string[];
  impacts: TrackPreviewImpactWords[];
}

/** Whether a changed entity is one a sentence of {@link describeTrackPreview} is about. @public */
export function previewEntityMatches(
  entity: PreviewEntityChange,
  about: TrackPreviewImpactWords['about'],
): boolean {
  if ('readiness' in about) {
    const held = ['failed', 'blocked', 'unknown'];
    const quiet = ['passed', 'not-applicable'];
    return about.readiness === 'newly-not-ready'
      ? quiet.includes(entity.before) && held.includes(entity.after)
      : entity.after === 'passed' && held.includes(entity.before);
  }
  if (about.checkId) {
    return entity.checks.some(
      c => c.gateId === about.gateId && c.checkId === about.checkId,
    );
  }
  return entity.gates.some(g => g.gateId === about.gateId);
}

const ENTITY_NOUNS: Record<string, [string, string]> = {
  component: ['service', 'services'],
  system: ['system', 'systems'],
  api: ['API', 'APIs'],
  resource: ['resource', 'resources'],
};

/** "1 service", "12 services"; "entities" when the kinds are mixed. @public */
export function countEntities(count: number, kinds: string[]): string {
  const distinct = [...new Set(kinds.map(k => k.toLocaleLowerCase('en-US')))];
  const nouns = (distinct.length === 1 && ENTITY_NOUNS[distinct[0]]) || [
    'entity',
    'entities',
  ];
  return `${count} ${count === 1 ? nouns[0] : nouns[1]}`;
}

function byOwnerWords(
  count: PreviewCount,
  ownerName: (ref: string) => string,
): string {
  if (count.byOwner.length === 0) return '';
  const shown = count.byOwner.slice(0, 5).map(o => {
    const name = o.owner ? ownerName(o.owner) : 'no owner';
    return `${name} ${o.count}`;
  });
  const rest = count.byOwner.length - shown.length;
  return ` (${shown.join(', ')}${rest > 0 ? `, ${rest} more teams` : ''})`;
}

/**
 * A track preview in words, the one wording for the playground page, the `readiness-gate preview` CLI and
 * assistants: "12 services newly fail “Coverage at least 80 %” (rag-team 4, payments-team 8)".
 *
 * @public
 */
export function describeTrackPreview(
  preview: TrackPreview,
  options: TrackPreviewWordsOptions = {},
): TrackPreviewWords {
  const ownerName = options.ownerName ?? refDisplayName;
  const title = preview.title || preview.trackId || 'The proposed track';
  if (!preview.valid) {
    const n = preview.problems.length;
    return {
      headline: `${title} has ${n} ${n === 1 ? 'error' : 'errors'}; fix ${
        n === 1 ? 'it' : 'them'
      } to see what the change does.`,
      lines: preview.problems.map(p => p.message),
      impacts: [],
    };
  }
  const count = (n: number) => countEntities(n, preview.kinds);
  const compared =
    preview.comparedWith === 'none'
      ? 'As a new track'
      : 'Compared with the current track';
  if (preview.entitiesChanged === 0) {
    return {
      headline: `${compared}, ${title} changes no status of the ${count(
        preview.entitiesEvaluated,
      )} it applies to.`,
      lines: [],
      impacts: [],
    };
  }
  const impacts: TrackPreviewImpactWords[] = [];
  const say = (text: string, about: TrackPreviewImpactWords['about']) =>
    impacts.push({ text, about });
  const { newlyNotReady, newlyReady } = preview.readiness;
  if (newlyNotReady.total > 0) {
    say(
      `${count(newlyNotReady.total)} no longer ${
        newlyNotReady.total === 1 ? 'passes' : 'pass'
      } the whole track${byOwnerWords(newlyNotReady, ownerName)}.`,
      { readiness: 'newly-not-ready' },
    );
  }
  if (newlyReady.total > 0) {
    say(
      `${count(newlyReady.total)} newly ${
        newlyReady.total === 1 ? 'passes' : 'pass'
      } the whole track${byOwnerWords(newlyReady, ownerName)}.`,
      { readiness: 'newly-ready' },
    );
  }
  for (const check of preview.checks) {
    const name = `“${check.title}”`;
    const sayHere = (text: string) =>
      say(text, { gateId: check.gateId, checkId: check.checkId });
    const { newlyFailing, newlyNotMeasured, newlyPassing } = check.impact;
    if (newlyFailing.total > 0) {
      sayHere(
        `${count(newlyFailing.total)} newly ${
          newlyFailing.total === 1 ? 'fails' : 'fail'
        } ${name}${byOwnerWords(newlyFailing, ownerName)}.`,
      );
    }
    if (newlyNotMeasured.total > 0) {
      sayHere(
        `${name} cannot be measured yet for ${count(
          newlyNotMeasured.total,
        )}${byOwnerWords(newlyNotMeasured, ownerName)}.`,
      );
    }
    if (newlyPassing.total > 0) {
      sayHere(
        `${count(newlyPassing.total)} newly ${
          newlyPassing.total === 1 ? 'passes' : 'pass'
        } ${name}${byOwnerWords(newlyPassing, ownerName)}.`,
      );
    }
    if (check.definition === 'removed') {
      sayHere(`${name} is removed from “${check.gateTitle}”.`);
    }
  }
  for (const gate of preview.gates) {
    const name = `“${gate.title}”`;
    const sayHere = (text: string) => say(text, { gateId: gate.gateId });
    const { newlyBlocked, newlyFailing } = gate.impact;
    if (newlyBlocked.total > 0) {
      sayHere(
        `${name} is newly blocked for ${count(
          newlyBlocked.total,
        )}${byOwnerWords(newlyBlocked, ownerName)}.`,
      );
    }
    if (gate.definition === 'added' && newlyFailing.total > 0) {
      sayHere(
        `The new gate ${name} fails for ${count(
          newlyFailing.total,
        )}${byOwnerWords(newlyFailing, ownerName)}.`,
      );
    }
    if (gate.definition === 'removed') {
      sayHere(
        gate.heldBack
          ? `${name} is removed; it held back ${count(gate.heldBack)}.`
          : `${name} is removed.`,
      );
    }
  }
  const gatesNewlyBlocked = preview.gates.reduce(
    (n, g) => n + g.impact.newlyBlocked.total,
    0,
  );
  const gatesNewlyFailing = preview.gates.reduce(
    (n, g) => n + g.impact.newlyFailing.total,
    0,
  );
  const parts = [
    gatesNewlyFailing > 0
      ? `${gatesNewlyFailing} ${
          gatesNewlyFailing === 1 ? 'gate newly fails' : 'gates newly fail'
        }`
      : '',
    gatesNewlyBlocked > 0
      ? `${gatesNewlyBlocked} ${
          gatesNewlyBlocked === 1
            ? 'gate is newly blocked'
            : 'gates are newly blocked'
        }`
      : '',
  ].filter(Boolean);
  return {
    headline: `${compared}, ${title} changes the statuses of ${count(
      preview.entitiesChanged,
    )} of ${preview.entitiesEvaluated}${
      parts.length ? `: ${parts.join(', ')}` : ''
    }.`,
    lines: impacts.map(i => i.text),
    impacts,
  };
}

const STATUS_WORDS: Record<string, string> = {
  passed: 'passes',
  failed: 'fails',
  blocked: 'blocked',
  unknown: 'not measured',
  'not-applicable': 'does not apply',
};

/** A gate or entity status in words, for tables ("fails", "blocked", "not measured"); "—" when absent. @public */
export function previewStatusWords(status: string | undefined): string {
  return status ? STATUS_WORDS[status] ?? status : '—';
}

const escapeCell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * A track preview as Markdown fit for a pull-request comment: the words of {@link describeTrackPreview}, then the
 * changed entities in a table (at most `maxEntities`, default 50), titles only.
 *
 * @public
 */
export function trackPreviewMarkdown(
  preview: TrackPreview,
  options: TrackPreviewWordsOptions & { maxEntities?: number } = {},
): string {
  const words = describeTrackPreview(preview, options);
  const ownerName = options.ownerName ?? refDisplayName;
  const title = preview.title || preview.trackId || 'proposed track';
  const out = [`### Readiness preview: ${escapeCell(title)}`, ''];
  out.push(words.headline, '');
  if (!preview.valid) {
    for (const p of preview.problems)
      out.push(`- \`${escapeCell(p.message)}\``);
    return `${out.join('\n')}\n`;
  }
  for (const line of words.lines) out.push(`- ${line}`);
  if (words.lines.length) out.push('');
  const max = options.maxEntities ?? 50;
  if (preview.entities.length > 0) {
    out.push(
      '| Entity | Owner | Before | After | Gates that change | New root causes |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const e of preview.entities.slice(0, max)) {
      const gates = e.gates
        .map(
          g =>
            `${g.title}: ${previewStatusWords(g.before)} → ${previewStatusWords(
              g.after,
            )}`,
        )
        .join('; ');
      const causes = e.newRootCauses.map(c => c.title).join('; ');
      out.push(
        `| ${[
          e.title ?? refDisplayName(e.entityRef),
          e.owner ? ownerName(e.owner) : '—',
          previewStatusWords(e.before),
          previewStatusWords(e.after),
          gates || '—',
          causes || '—',
        ]
          .map(escapeCell)
          .join(' | ')} |`,
      );
    }
    const more =
      preview.entitiesChanged - Math.min(max, preview.entities.length);
    if (more > 0) out.push('', `…and ${more} more.`);
  }
  return `${out.join('\n')}\n`;
}
