import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { rejectNulCharacters } from '../service/nulCharacters';
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
  // Every input is refused with the NUL character, as the HTTP routes refuse it (PostgreSQL cannot store it).
  const guarded: ActionsRegistryService = {
    register(options) {
      registry.register({
        ...options,
        action: async context => {
          rejectNulCharacters(context.input);
          return options.action(context);
        },
      });
    },
  };
  registerReadActions(guarded, deps);
  registerWriteActions(guarded, deps);
}
