import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ReadActionDeps, registerReadActions } from './readActions';
import { registerWriteActions, WriteActionDeps } from './writeActions';

/**
 * Registers the readiness capabilities as Backstage actions (`actionsRegistryServiceRef`), for AI assistants over
 * MCP (`@backstage/plugin-mcp-actions-backend`) and any other actions client. Each calls the same service as its
 * HTTP route, as the caller, with the same permission.
 */
export function registerReadinessActions(
  registry: ActionsRegistryService,
  deps: ReadActionDeps & WriteActionDeps,
) {
  registerReadActions(registry, deps);
  registerWriteActions(registry, deps);
}
