import {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { EntityCatalog } from '../catalog/EntityCatalog';
import {
  AlertRunbooks,
  entityRefKey,
  EntityRunbooks,
  Runbook,
} from '@readiness-io/plugin-readiness-common';
import {
  describeReadError,
  EntityFileReader,
  splitTargets,
} from '../catalog/EntityFileReader';
import { parseRunbook } from './frontMatter';
import { alertsOfRulesFile } from './prometheusRules';

export const RUNBOOKS_ANNOTATION = 'readiness.io/runbooks';
export const ALERTS_ANNOTATION = 'readiness.io/alerts';
export const PROMETHEUS_RULES_ANNOTATION = 'readiness.io/prometheus-rules';

const DAY = 24 * 60 * 60 * 1000;
const INDEX_KEY = 'alert-index';
type AlertIndex = Record<string, AlertRunbooks['items']>;

/** The alert index as cached: when it was built, and from how many entities. */
type StoredAlertIndex = {
  builtAt: string;
  entities: number;
  alerts: AlertIndex;
};

/** How old an index may be before an alert it does not know makes it be read again. */
const INDEX_RECHECK_MS = 30_000;

/**
 * Runbooks of catalog entities: read from where the `readiness.io/runbooks` annotation points, parsed, kept in the
 * cache service (so every replica shares them) and read again on a schedule ({@link RunbookService.refreshAll}).
 * A runbook that cannot be read or parsed is listed with its errors, never dropped.
 */
export class RunbookService {
  static create(deps: {
    files: EntityFileReader;
    cache: CacheService;
    catalog: EntityCatalog;
    logger: LoggerService;
    now?: () => Date;
  }) {
    return new RunbookService(deps, deps.now ?? (() => new Date()));
  }

  private constructor(
    private readonly deps: {
      files: EntityFileReader;
      cache: CacheService;
      catalog: EntityCatalog;
      logger: LoggerService;
    },
    private readonly now: () => Date,
  ) {}

  /** The entity's runbooks, from the cache when there, otherwise read now. */
  async forEntity(entity: Entity): Promise<EntityRunbooks> {
    const key = cacheKey(entity);
    const cached = await this.deps.cache.get<EntityRunbooks>(key);
    return this.withAges(cached ?? (await this.read(entity)));
  }

  /** Reads the entity's runbooks and alerts again and caches them. */
  async read(entity: Entity): Promise<EntityRunbooks> {
    const annotations = entity.metadata.annotations ?? {};
    const runbooks = await Promise.all(
      splitTargets(annotations[RUNBOOKS_ANNOTATION]).map(t =>
        this.readRunbook(entity, t),
      ),
    );
    const alertErrors: string[] = [];
    const alerts = new Set(splitTargets(annotations[ALERTS_ANNOTATION]));
    const rulesTarget = annotations[PROMETHEUS_RULES_ANNOTATION];
    if (rulesTarget) {
      try {
        const { location, text } = await this.deps.files.read(
          entity,
          rulesTarget,
        );
        for (const alert of alertsOfRulesFile(text, location))
          alerts.add(alert);
      } catch (error) {
        alertErrors.push(
          `${PROMETHEUS_RULES_ANNOTATION} ${rulesTarget}: ${describeReadError(
            error,
          )}`,
        );
      }
    }
    const covered = new Set(runbooks.flatMap(r => r.metadata.alerts));
    const result: EntityRunbooks = {
      entityRef: entityRefKey(entity),
      runbooks,
      alerts: [...alerts].sort(),
      uncoveredAlerts: [...alerts].filter(a => !covered.has(a)).sort(),
      alertErrors,
      refreshedAt: this.now().toISOString(),
    };
    await this.deps.cache.set(cacheKey(entity), result as any);
    return result;
  }

  /**
   * Reads the runbooks of every entity with the annotation and rebuilds the alert → runbook index. Runs on a
   * schedule; one entity failing does not stop the others.
   */
  async refreshAll(): Promise<{
    entities: number;
    runbooks: number;
    problems: number;
  }> {
    const credentials = await this.deps.catalog.serviceCredentials();
    const items = await this.deps.catalog.queryEntities(
      {
        [`metadata.annotations.${RUNBOOKS_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
      },
      credentials,
    );
    const index: AlertIndex = {};
    let runbooks = 0;
    let problems = 0;
    for (const entity of items) {
      const read = await this.read(entity);
      runbooks += read.runbooks.length;
      problems += read.runbooks.filter(r => r.status !== 'ok').length;
      for (const runbook of read.runbooks) {
        for (const alert of runbook.metadata.alerts) {
          (index[alert] ??= []).push({
            entityRef: read.entityRef,
            target: runbook.target,
            url: runbook.url,
            ...(runbook.metadata.title
              ? { title: runbook.metadata.title }
              : {}),
            ...(runbook.metadata.severity
              ? { severity: runbook.metadata.severity }
              : {}),
          });
        }
      }
    }
    const stored: StoredAlertIndex = {
      builtAt: this.now().toISOString(),
      entities: items.length,
      alerts: index,
    };
    await this.deps.cache.set(INDEX_KEY, stored as any);
    return { entities: items.length, runbooks, problems };
  }

  /** The runbooks that list this alert, among the entities the caller may see. */
  async byAlert(
    alert: string,
    credentials: BackstageCredentials,
  ): Promise<AlertRunbooks> {
    // Read again when there is no index, when it was built before the catalog had any entity (a fresh start), or
    // when it does not know the alert and is older than half a minute (a runbook added since).
    let stored = await this.deps.cache.get<StoredAlertIndex>(INDEX_KEY);
    const known = (s?: StoredAlertIndex) =>
      Boolean(s && Object.prototype.hasOwnProperty.call(s.alerts, alert));
    if (
      !stored?.alerts ||
      stored.entities === 0 ||
      (!known(stored) &&
        this.now().getTime() - Date.parse(stored.builtAt) > INDEX_RECHECK_MS)
    ) {
      await this.refreshAll();
      stored = await this.deps.cache.get<StoredAlertIndex>(INDEX_KEY);
    }
    const candidates = stored && known(stored) ? stored.alerts[alert] : [];
    if (candidates.length === 0) return { alert, items: [] };
    const refs = [...new Set(candidates.map(c => c.entityRef))];
    const items = await this.deps.catalog.getEntitiesByRefs(refs, credentials, {
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    const visible = new Set(items.map(e => entityRefKey(e)));
    return { alert, items: candidates.filter(c => visible.has(c.entityRef)) };
  }

  private async readRunbook(entity: Entity, target: string): Promise<Runbook> {
    let url = target;
    try {
      const resolved = this.deps.files.resolve(entity, target);
      url = EntityFileReader.locationOf(resolved);
      const { text } = await this.deps.files.readResolved(resolved);
      const parsed = parseRunbook(text);
      return {
        target,
        url,
        status: parsed.errors.length ? 'invalid' : 'ok',
        errors: parsed.errors,
        metadata: parsed.metadata,
        markdown: parsed.markdown,
      };
    } catch (error) {
      this.deps.logger.debug(
        `Runbook ${target} of ${entityRefKey(entity)} cannot be read: ${error}`,
      );
      return {
        target,
        url,
        status: 'unreadable',
        errors: [describeReadError(error)],
        metadata: { alerts: [] },
      };
    }
  }

  private withAges(runbooks: EntityRunbooks): EntityRunbooks {
    const now = this.now().getTime();
    return {
      ...runbooks,
      runbooks: runbooks.runbooks.map(r =>
        r.metadata.lastReviewed
          ? {
              ...r,
              reviewAgeDays: Math.floor(
                (now - Date.parse(`${r.metadata.lastReviewed}T00:00:00Z`)) /
                  DAY,
              ),
            }
          : r,
      ),
    };
  }
}

function cacheKey(entity: Entity) {
  return `entity:${entityRefKey(entity)}`;
}
