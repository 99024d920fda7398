// A Backstage backend of another team, outside the Readiness repository: it installs the Readiness packages from
// their tarballs and adds them with the lines the package READMEs give (nothing else).
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@readiness-io/plugin-readiness-backend'));
backend.start();
