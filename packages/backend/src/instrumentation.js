/*
 * Loaded before the backend (`node --require ./instrumentation.js packages/backend …`): the OpenTelemetry metrics
 * SDK with a Prometheus exporter, so every plugin's metrics (Backstage's metrics service: readiness, catalog,
 * scheduler, …) are served for scraping at http://<host>:<METRICS_PORT>/metrics (default port 9464, all
 * interfaces; METRICS_HOST narrows it). METRICS_PORT=off leaves metrics unexported.
 */
'use strict';

const { metrics } = require('@opentelemetry/api');
const { MeterProvider } = require('@opentelemetry/sdk-metrics');
const { PrometheusExporter } = require('@opentelemetry/exporter-prometheus');

const setting = process.env.METRICS_PORT ?? '9464';
if (setting !== 'off') {
  const port = Number(setting);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `instrumentation.js: METRICS_PORT must be a port number or 'off', not '${setting}'`,
    );
  }
  const exporter = new PrometheusExporter({
    port,
    ...(process.env.METRICS_HOST ? { host: process.env.METRICS_HOST } : {}),
  });
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter] }));
  module.exports = { exporter };
}
