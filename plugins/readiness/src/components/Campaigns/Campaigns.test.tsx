import { Route, Routes } from 'react-router-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import { EntityReadinessCard } from '../Scorecard/EntityReadinessCard';
import { CampaignsList } from './CampaignsList';
import { CampaignPage } from './CampaignPage';
import { burnUpSeries, monthTicks } from './burnUp';

jest.setTimeout(20_000);

const OIDC =
  '“OIDC login works end to end” fails, in Backend verified (sprint 2).';
const campaignPage = () => (
  <Routes>
    <Route path="/:campaignId" element={<CampaignPage />} />
  </Routes>
);
const at = { routeEntries: ['/rag-ready-for-production'] };

describe('Campaigns', () => {
  it('lists each campaign with its goal, progress and forecast in words', async () => {
    await render(<CampaignsList />);
    const row = (
      await screen.findByRole('link', {
        name: 'RAG platform ready for production',
      })
    ).closest('tr')!;
    const cells = within(row);
    expect(
      cells.getByText(
        '“Deployment prepared (sprint 7)” passes in RAG production readiness',
      ),
    ).toBeInTheDocument();
    expect(cells.getByText('In progress')).toBeInTheDocument();
    expect(cells.getByText('15 January 2027')).toBeInTheDocument();
    expect(cells.getByText('0 of 4 done')).toBeInTheDocument();
    expect(cells.getByText('At risk')).toBeInTheDocument();
    expect(
      cells.getByText(fixtures.campaigns.items[0].forecast.summary),
    ).toBeInTheDocument();
    // No ids or refs where words belong.
    expect(row.textContent).not.toMatch(
      /group:default|rag-ready-for-production/,
    );
  });

  it('shows a campaign: forecast, the OIDC blocker behind all four, the team at risk, what each service needs', async () => {
    await render(campaignPage(), at);
    expect(
      await screen.findByRole('heading', {
        name: 'RAG platform ready for production',
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('0 of 4 done').length).toBeGreaterThan(0);
    expect(screen.getByTestId('campaign-forecast')).toHaveTextContent(
      /no progress over the last \d+ days: at this rate it will not be done by 15 January 2027/,
    );
    const blockers = screen.getAllByTestId('campaign-blocker');
    expect(blockers[0]).toHaveTextContent(`${OIDC}4 entities`);
    const team = screen.getByText('By team').closest('div[class*="MuiPaper"]')!;
    expect(
      within(team as HTMLElement).getByText('At risk'),
    ).toBeInTheDocument();
    const needs = screen.getAllByTestId('campaign-needs');
    expect(needs).toHaveLength(4);
    expect(needs[0]).toHaveTextContent(OIDC);
    expect(
      screen.getByText('Backend and frontend verified (sprints 2-3)'),
    ).toBeInTheDocument();
    expect(screen.getByText('16 November 2026: 25 % done')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(
      /component:default|group:default|deployment-prepared/,
    );
  });

  it('lets the owner remind the teams behind, and says when it is too soon', async () => {
    let calls = 0;
    const api = fakeApi({
      nudgeCampaign: async id => {
        calls++;
        if (calls > 1)
          throw await ResponseError.fromResponse(
            new Response(
              JSON.stringify({
                error: {
                  name: 'TooManyNudgesError',
                  message:
                    "campaign 'RAG platform ready for production' was nudged at 2026-12-02T10:00:00.000Z; the next nudge is possible in 3540 s",
                },
              }),
              { status: 429, headers: { 'Content-Type': 'application/json' } },
            ) as any,
          );
        return {
          campaignId: id,
          kind: 'nudge',
          recipients: ['group:default/rag-team'],
          entities: 4,
        };
      },
    });
    await render(campaignPage(), {
      ...at,
      api,
      ownership: ['group:default/platform-team'],
    });
    const button = await screen.findByRole('button', {
      name: 'Remind the teams behind',
    });
    await userEvent.click(button);
    expect(
      await screen.findByText('Reminded rag-team about 4 entities not done.'),
    ).toBeInTheDocument();
    await userEvent.click(button);
    expect(
      await screen.findByText(/the next nudge is possible in 3540 s/),
    ).toBeInTheDocument();
    expect(api.calls.filter(([n]) => n === 'nudgeCampaign')).toHaveLength(2);
  });

  it('hides the nudge from those who may not (denied, or not the owner), and keeps exemptions for those who may', async () => {
    await render(campaignPage(), {
      ...at,
      allow: name => name !== 'readiness.campaign.nudge',
      ownership: ['group:default/platform-team'],
    });
    await screen.findByTestId('campaign-forecast');
    expect(screen.getAllByRole('button', { name: 'Exempt…' })).toHaveLength(4);
    expect(
      screen.queryByRole('button', { name: 'Remind the teams behind' }),
    ).not.toBeInTheDocument();
  });

  it('shows the nudge to the owner only', async () => {
    await render(campaignPage(), { ...at });
    await screen.findByTestId('campaign-forecast');
    expect(screen.getAllByRole('button', { name: 'Exempt…' })).toHaveLength(4);
    expect(
      screen.queryByRole('button', { name: 'Remind the teams behind' }),
    ).not.toBeInTheDocument();
  });

  it('asks for an exemption with a reason and an expiry', async () => {
    const api = fakeApi({
      requestCampaignExemption: async () => ({} as any),
    });
    await render(campaignPage(), { ...at, api });
    const row = (await screen.findByRole('link', { name: 'RAG Web' })).closest(
      'tr',
    )!;
    await userEvent.click(within(row).getByRole('button', { name: 'Exempt…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'Exempt RAG Web from “RAG platform ready for production”',
    );
    const submit = within(dialog).getByRole('button', {
      name: 'Request exemption',
    });
    expect(submit).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText(/Reason/),
      'Replaced by the new portal UI in January',
    );
    await userEvent.click(submit);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    const [[, args]] = api.calls.filter(
      ([n]) => n === 'requestCampaignExemption',
    );
    expect(args).toEqual([
      'rag-ready-for-production',
      {
        entityRef: 'component:default/rag-web',
        reason: 'Replaced by the new portal UI in January',
        expiresAt: expect.stringMatching(/T23:59:59\.000Z$/),
      },
    ]);
  });

  it("shows the entity's campaigns on its readiness card", async () => {
    await render(<EntityReadinessCard />);
    const section = await screen.findByTestId('readiness-campaigns');
    expect(
      within(section).getByRole('link', {
        name: 'RAG platform ready for production',
      }),
    ).toHaveAttribute('href', '/readiness/campaigns/rag-ready-for-production');
    expect(section).toHaveTextContent('Not done');
    expect(section).toHaveTextContent('due 15 January 2027');
    expect(section).toHaveTextContent(`Needs: ${OIDC}`);
  });
});

describe('the campaigns on the readiness card, in an app without the Readiness page', () => {
  it('names the campaign without a link, and the card still shows its tracks', async () => {
    await render(<EntityReadinessCard />, { withReadinessPage: false });
    const section = await screen.findByTestId('readiness-campaigns');
    expect(section).toHaveTextContent('RAG platform ready for production');
    expect(within(section).queryByRole('link')).not.toBeInTheDocument();
    expect(
      screen.getByTestId('readiness-track-rag-production-readiness'),
    ).toBeInTheDocument();
  });
});

describe('burnUpSeries', () => {
  const detail = (projectedDate?: string) => ({
    ...fixtures.campaign,
    history: [
      { day: '2026-11-02', total: 4, done: 0, exempt: 0 },
      { day: '2026-11-09', total: 4, done: 1, exempt: 1 },
    ],
    progress: { ...fixtures.campaign.progress, total: 4 },
    forecast: projectedDate
      ? { status: 'on-track', projectedDate, summary: '' }
      : { status: 'at-risk', summary: '' },
  });

  it('counts exempt as done and draws the forecast from the last day to the projected date', () => {
    const { points, from, to } = burnUpSeries(detail('2026-11-23'));
    expect(points).toEqual([
      { at: Date.parse('2026-11-02'), done: 0, total: 4 },
      { at: Date.parse('2026-11-09'), done: 2, total: 4, forecast: 2 },
      { at: Date.parse('2026-11-23'), forecast: 4 },
    ]);
    expect(from).toBe(Date.parse('2026-10-05'));
    expect(to).toBe(Date.parse('2027-01-16'));
  });

  it('has no forecast line without a projected date, and month ticks on the first', () => {
    expect(
      burnUpSeries(detail()).points.some(p => p.forecast !== undefined),
    ).toBe(false);
    expect(
      monthTicks(Date.parse('2026-10-05'), Date.parse('2027-01-16')),
    ).toEqual(
      ['2026-11-01', '2026-12-01', '2027-01-01'].map(d => Date.parse(d)),
    );
  });
});
