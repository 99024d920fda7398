/*
 * The Readiness portal's backend: catalog, scaffolder, tech-insights, auth (guest in development),
 * notifications and signals, and the permission framework with our policy.
 */
import { createBackend } from '@backstage/backend-defaults';
import { backendFeatures } from './features';

const backend = createBackend();
for (const feature of backendFeatures) {
  backend.add(feature);
}
backend.start();
