import { entityRefKey } from './refs';

describe('entityRefKey', () => {
  it('writes a ref in lower case with its kind and namespace', () => {
    expect(entityRefKey('Component:Default/RAG-Api')).toBe(
      'component:default/rag-api',
    );
    expect(
      entityRefKey({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Svc-1' },
      }),
    ).toBe('component:default/svc-1');
    expect(entityRefKey('rag-api', { defaultKind: 'component' })).toBe(
      'component:default/rag-api',
    );
    expect(() => entityRefKey('')).toThrow('must not be empty');
  });

  it('lowers letters beyond ASCII as the en-US locale does', () => {
    for (const name of ['ÇAĞRI', 'Straße', 'İstanbul', 'ΣΟΦΙΑ', 'Ünïcödé-𝔸']) {
      expect(entityRefKey(`Component:default/${name}`)).toBe(
        `component:default/${name.toLocaleLowerCase('en-US')}`,
      );
    }
  });
});
