import plugin from './alpha';

describe('the plugin for the new frontend system', () => {
  it('provides the API, the Readiness page, five entity cards, four entity contents, the catalog filter and two form fields', () => {
    expect(plugin.pluginId).toBe('readiness');
    const ids = [
      'api:readiness',
      'page:readiness',
      'entity-card:readiness/readiness',
      'entity-card:readiness/oncall',
      'entity-card:readiness/deployments',
      'entity-content:readiness/readiness',
      'entity-content:readiness/system-readiness',
      'entity-content:readiness/deployments',
      'entity-content:readiness/runbooks',
      'entity-card:readiness/system-readiness',
      'entity-card:readiness/environments',
      'catalog-filter:readiness/readiness',
      'scaffolder-form-field:readiness/environment-name',
      'scaffolder-form-field:readiness/environment-tier',
    ] as const;
    for (const id of ids) {
      expect([
        id,
        (plugin.getExtension(id) as unknown as { kind: string }).kind,
      ]).toEqual([id, id.split(':')[0]]);
    }
  });
});
