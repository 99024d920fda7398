import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  CheckResponse,
  CheckResult,
} from '@backstage-community/plugin-tech-insights-common';
import { EntityTechInsightsScorecardContent } from './EntityTechInsightsScorecardContent';
import { TechInsightsScorecardApi, techInsightsScorecardApiRef } from './api';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'rag-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'experimental', owner: 'group:rag-team' },
};

const check = (id: string, name: string): CheckResponse => ({
  id,
  name,
  type: 'json-rules-engine',
  description: `${name} description`,
  factIds: ['entityMetadataFactRetriever'],
});

const result = (
  c: CheckResponse,
  passed: boolean,
  fact: string,
): CheckResult => ({
  check: c,
  result: passed,
  facts: {
    [fact]: { id: fact, type: 'boolean', description: '', value: passed },
  },
});

function renderWith(api: Partial<TechInsightsScorecardApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[techInsightsScorecardApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityTechInsightsScorecardContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityTechInsightsScorecardContent', () => {
  const owner = check('groupOwnerCheck', 'Owned by a group');
  const title = check('titleCheck', 'Has a title');
  const tags = check('tagsCheck', 'Has tags');

  it('shows each check with its outcome and what it read in words; checks without facts for the entity are counted, not shown', async () => {
    const runChecks = jest
      .fn()
      .mockResolvedValue([
        result(owner, true, 'hasGroupOwner'),
        result(title, false, 'hasTitle'),
      ]);
    await renderWith({
      getAllChecks: async () => [owner, title, tags],
      runChecks,
    });

    expect(await screen.findByText('1 of 2 checks passed')).toBeInTheDocument();
    expect(runChecks).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'rag-api',
    });
    const row = (name: string) => screen.getByText(name).closest('tr')!;
    expect(row('Owned by a group')).toHaveTextContent('Passed');
    expect(row('Owned by a group')).toHaveTextContent('hasGroupOwner: yes');
    expect(row('Has a title')).toHaveTextContent('Failed');
    expect(row('Has a title')).toHaveTextContent('hasTitle: no');
    expect(screen.queryByText('Has tags')).not.toBeInTheDocument();
    expect(
      screen.getByText(/1 other check has no facts for this entity/),
    ).toBeInTheDocument();
  });

  it('shows the value a condition read at its path, described, never the whole fact as JSON', async () => {
    const gate = {
      ...check('readinessBackendVerified', 'Backend verified'),
      rule: {
        conditions: {
          all: [
            {
              fact: 'gates',
              path: "$['rag-production-readiness']['backend-verified']",
              operator: 'equal',
              value: 'passed',
              factResult: 'failed',
              result: false,
            },
          ],
        },
      },
    } as CheckResponse;
    await renderWith({
      getAllChecks: async () => [gate],
      runChecks: async () => [
        {
          check: gate,
          result: false,
          facts: {
            gates: {
              id: 'gates',
              type: 'object',
              description: 'Gate statuses',
              value: {
                'rag-production-readiness': { 'backend-verified': 'failed' },
              },
            },
          },
        } as unknown as CheckResult,
      ],
    });
    const row = (await screen.findByText('Backend verified')).closest('tr')!;
    expect(row).toHaveTextContent('Gate statuses: failed');
    expect(row.textContent).not.toMatch(/[{}"]/);
  });

  it('says when no check applies to the entity', async () => {
    await renderWith({
      getAllChecks: async () => [owner, tags],
      runChecks: async () => [],
    });
    expect(
      await screen.findByText('No scorecard checks apply to this entity'),
    ).toBeInTheDocument();
  });

  it('runs the checks again on request', async () => {
    const runChecks = jest
      .fn()
      .mockResolvedValueOnce([result(title, false, 'hasTitle')])
      .mockResolvedValueOnce([result(title, true, 'hasTitle')]);
    await renderWith({ getAllChecks: async () => [title], runChecks });

    expect(await screen.findByText('0 of 1 checks passed')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: /run checks again/i }),
    );
    expect(await screen.findByText('1 of 1 checks passed')).toBeInTheDocument();
    expect(runChecks).toHaveBeenCalledTimes(2);
  });

  it('shows the backend error when the checks cannot be run', async () => {
    const response = new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Unauthorized' },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    );
    const error = await ResponseError.fromResponse(response as any);
    await renderWith({
      getAllChecks: async () => [owner],
      runChecks: async () => {
        throw error;
      },
    });
    await waitFor(() =>
      expect(screen.getAllByText(/Unauthorized/)[0]).toBeInTheDocument(),
    );
    expect(screen.queryByText(/checks passed/)).not.toBeInTheDocument();
  });

  it('says how to configure checks when there are none', async () => {
    await renderWith({
      getAllChecks: async () => [],
      runChecks: async () => [],
    });
    expect(
      await screen.findByText('No tech-insights checks are configured'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/techInsights.factChecker.checks/),
    ).toBeInTheDocument();
  });
});
