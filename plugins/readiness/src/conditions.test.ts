import {
  hasOnCall,
  hasRunbooks,
  isDeployable,
  isReadinessAvailable,
  isSystemEntity,
} from './conditions';
import { ragApi, ragPlatform } from './__testUtils__/render';

describe('entity predicates for EntitySwitch', () => {
  it('say which readiness pieces apply', () => {
    const user = { ...ragApi, kind: 'User', metadata: { name: 'maria' } };
    expect([
      isReadinessAvailable(ragApi),
      isReadinessAvailable(ragPlatform),
      isReadinessAvailable(user),
    ]).toEqual([true, true, false]);
    expect([isSystemEntity(ragPlatform), isSystemEntity(ragApi)]).toEqual([
      true,
      false,
    ]);
    expect([isDeployable(ragApi), isDeployable(ragPlatform)]).toEqual([
      true,
      false,
    ]);
    expect([hasRunbooks(ragApi), hasRunbooks(ragPlatform)]).toEqual([
      true,
      false,
    ]);
    expect([
      hasOnCall(ragApi),
      hasOnCall({
        ...ragPlatform,
        metadata: {
          name: 'x',
          annotations: { 'pagerduty.com/service-id': 'P1' },
        },
      }),
      hasOnCall(ragPlatform),
    ]).toEqual([true, true, false]);
  });
});
