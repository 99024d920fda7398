import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';

/**
 * A notification service that keeps what would be sent. The real notifications backend is exercised in the
 * whole-backend test (packages/backend); plugin tests only check what the readiness backend sends.
 */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (options: NotificationSendOptions) => void sent.push(options),
    }),
  });
  return { sent, factory };
}
