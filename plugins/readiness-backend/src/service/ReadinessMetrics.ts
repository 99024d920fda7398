import { MetricsService } from '@backstage/backend-plugin-api/alpha';

/**
 * The plugin's metrics, through Backstage's metrics service (OpenTelemetry underneath; exported however the
 * backend's OpenTelemetry SDK is set up — the portal exports them for Prometheus). Names follow OpenTelemetry's
 * conventions; a Prometheus exporter writes `readiness_evaluation_runs_total`, `readiness_evaluation_duration` (seconds) and so on.
 */
export class ReadinessMetrics {
  static create(metrics: MetricsService): ReadinessMetrics {
    return new ReadinessMetrics(metrics);
  }

  private readonly runs;
  private readonly duration;
  private readonly entities;
  private readonly checks;
  private readonly ingested;
  private readonly rejected;
  private readonly escalations;
  private readonly notificationFailures;
  private readonly tracks;
  private readonly ingestionErrors;
  private readonly databaseUnavailable;
  private readonly lastSuccess;
  private lastSuccessAt: number | undefined;

  private constructor(metrics: MetricsService) {
    this.runs = metrics.createCounter<{ result: 'ok' | 'error' }>(
      'readiness.evaluation.runs',
      {
        description:
          'Evaluation runs (a scheduled pass, a refresh, new facts), by result',
      },
    );
    this.duration = metrics.createHistogram('readiness.evaluation.duration', {
      description:
        'How long one evaluation run took, reading facts and writing what changed',
      unit: 's',
      advice: {
        explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30],
      },
    });
    this.entities = metrics.createCounter('readiness.evaluation.entities', {
      description: 'Entities evaluated (one per entity and track)',
    });
    this.checks = metrics.createCounter<{ status: string }>(
      'readiness.evaluation.checks',
      { description: 'Checks evaluated, by the status they got' },
    );
    this.ingested = metrics.createCounter<{
      source: 'evidence' | 'deployments';
    }>('readiness.facts.ingested', {
      description:
        'Evidence and deployment events recorded (repeats of an externalId not counted)',
    });
    this.rejected = metrics.createCounter<{ status: number }>(
      'readiness.requests.rejected',
      {
        description:
          'Requests refused with a 4xx (bad input, no credentials, no permission, conflicts)',
      },
    );
    this.escalations = metrics.createCounter<{
      result: 'sent' | 'failed' | 'rate_limited';
    }>('readiness.escalations', {
      description: 'Escalations to on-call, by result',
    });
    this.notificationFailures = metrics.createCounter(
      'readiness.notifications.failures',
      { description: 'Regression notifications that could not be sent' },
    );
    this.tracks = metrics.createObservableGauge<{ state: 'loaded' | 'failed' }>(
      'readiness.tracks',
      { description: 'Track files loaded, and those that failed to load' },
    );
    this.ingestionErrors = metrics.createCounter<{
      source: 'evidence' | 'deployments';
      status: number;
    }>('readiness.ingestion.errors', {
      description:
        'Evidence and deployment pushes answered with an error (4xx refused, 5xx failed), by status',
    });
    this.databaseUnavailable = metrics.createCounter(
      'readiness.database.unavailable',
      {
        description:
          'Requests answered 503 because the database could not be reached',
      },
    );
    this.lastSuccess = metrics.createObservableGauge(
      'readiness.evaluation.last_success',
      {
        description:
          'When this replica last finished an evaluation run without error, in seconds since the Unix epoch (absent until the first)',
      },
    );
    this.lastSuccess.addCallback(result => {
      if (this.lastSuccessAt !== undefined)
        result.observe(this.lastSuccessAt / 1000);
    });
    // Present from the start at 0, so that a rate over the first failures is not lost (a series that appears with
    // its first increment has no earlier sample to compare with).
    this.runs.add(0, { result: 'ok' });
    this.runs.add(0, { result: 'error' });
    this.databaseUnavailable.add(0);
  }

  /** One evaluation run: how long, how many entities, every check's status. */
  evaluated(run: {
    seconds: number;
    entities: number;
    checkStatuses: Iterable<string>;
  }) {
    this.runs.add(1, { result: 'ok' });
    this.lastSuccessAt = Date.now();
    this.duration.record(run.seconds);
    this.entities.add(run.entities);
    const counts = new Map<string, number>();
    for (const status of run.checkStatuses)
      counts.set(status, (counts.get(status) ?? 0) + 1);
    for (const [status, n] of counts) this.checks.add(n, { status });
  }

  evaluationFailed(seconds: number) {
    this.runs.add(1, { result: 'error' });
    this.duration.record(seconds);
  }

  ingestedFacts(source: 'evidence' | 'deployments', count = 1) {
    if (count > 0) this.ingested.add(count, { source });
  }

  rejectedRequest(status: number) {
    this.rejected.add(1, { status });
  }

  ingestionFailed(source: 'evidence' | 'deployments', status: number) {
    this.ingestionErrors.add(1, { source, status });
  }

  databaseUnreachable() {
    this.databaseUnavailable.add(1);
  }

  escalation(result: 'sent' | 'failed' | 'rate_limited') {
    this.escalations.add(1, { result });
  }

  notificationFailed() {
    this.notificationFailures.add(1);
  }

  /** Reports the tracks loaded and failed whenever metrics are collected. */
  observeTracks(count: () => { loaded: number; failed: number }) {
    this.tracks.addCallback(result => {
      const { loaded, failed } = count();
      result.observe(loaded, { state: 'loaded' });
      result.observe(failed, { state: 'failed' });
    });
  }
}
