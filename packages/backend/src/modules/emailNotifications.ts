import {
  coreServices,
  createBackendFeatureLoader,
} from '@backstage/backend-plugin-api';
import notificationsModuleEmail from '@backstage/plugin-notifications-backend-module-email';

/**
 * Notifications by email (campaign reminders and digests, regressions, escalations) once
 * `notifications.processors.email` is configured: Backstage's email processor, which sends each notification to
 * the catalog email of every user it reaches (a group's members). Without that config the portal starts without
 * it, and notifications stay in the portal.
 */
export const emailNotifications = createBackendFeatureLoader({
  deps: { config: coreServices.rootConfig },
  *loader({ config }) {
    if (config.has('notifications.processors.email'))
      yield notificationsModuleEmail;
  },
});
