/** What a view is computed from, known before computing it (so a change of inputs can clear it meanwhile). */
export interface ScorecardViewScope {
  entityRef: string;
  systemRef?: string;
  /** The tracks that apply to the entity. */
  trackIds: string[];
}

/** A computed scorecard, as stored. */
export interface ScorecardView {
  entityRef: string;
  /** The generation read before its inputs were gathered. */
  generation: number;
  tracksKey: string;
  entityEtag?: string;
  computedAt: string;
  /** The scorecard as `GET /scorecards/...` answers it, as JSON. */
  body: string;
  /** The body, gzip-compressed: sent as stored to clients that accept gzip. */
  bodyGzip: Buffer;
}

/** Which form of a view's body to read: the JSON, or the JSON gzip-compressed. */
export type ViewForm = 'json' | 'gzip';

/** The view of an entity as the reader finds it: absent, cleared (no body) or computed. */
export interface StoredView {
  generation: number;
  tracksKey?: string;
  entityEtag?: string;
  computedAt?: string;
  /** The body in the form read (one of the two). */
  body?: string;
  bodyGzip?: Buffer;
}

/**
 * Each entity's scorecard as last evaluated in full. Every change of an entity's inputs bumps its generation and
 * clears the body; a computed view is saved only if the generation is still the one read before its inputs were
 * gathered, so a view computed from inputs that changed meanwhile is never kept.
 */
export interface ScorecardViewStore {
  /** The stored view of one entity, with its body in one form (JSON unless told). */
  get(entityRef: string, form?: ViewForm): Promise<StoredView | undefined>;
  /** Many at once (without bodies): what the scheduled pass needs to decide what to compute again. */
  getMany(entityRefs: string[]): Promise<Map<string, StoredView>>;
  /** Records the scopes (a row for each, kept if there) and returns their current generations. */
  begin(scopes: ScorecardViewScope[]): Promise<Map<string, number>>;
  /** Saves views whose generation did not move since begin; returns how many were saved. */
  save(views: ScorecardView[]): Promise<number>;
  /** Clears the views of these entities. */
  invalidateEntities(entityRefs: string[]): Promise<void>;
  /** Clears the views of every entity of these tracks. */
  invalidateTracks(trackIds: string[]): Promise<void>;
  /** Clears the views of every entity of a System. */
  invalidateSystem(systemRef: string): Promise<void>;
}
