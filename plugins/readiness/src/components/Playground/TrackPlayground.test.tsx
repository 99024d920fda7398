import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { configApiRef } from '@backstage/core-plugin-api';
import { MockConfigApi, TestApiProvider } from '@backstage/test-utils';
import { fakeApi, fixtures, render } from '../../__testUtils__/render';
import source from '../../__fixtures__/track-source-rag.json';
import coverage80 from '../../__fixtures__/preview-coverage-80.json';
import typo from '../../__fixtures__/preview-typo.json';
import { TrackPlayground, proposeUrl } from './TrackPlayground';
import { diagnosticsOf } from './TrackEditor';
import { EditorView } from '@codemirror/view';
import { forEachDiagnostic } from '@codemirror/lint';

jest.setTimeout(20_000);

function api(preview: any) {
  return fakeApi({
    getTrackSource: async () => source as any,
    previewTrack: async () => preview,
  });
}

describe('TrackPlayground', () => {
  it('loads the first track into the editor and previews it as it is', async () => {
    const readiness = api(coverage80);
    await render(<TrackPlayground />, { api: readiness });
    expect(
      await screen.findByText('rag-production-readiness.yaml'),
    ).toBeInTheDocument();
    // The editor holds the file as written, comments included.
    await waitFor(() =>
      expect(document.querySelector('.cm-content')?.textContent).toContain(
        '# RAG production readiness: the seed report',
      ),
    );
    await waitFor(() =>
      expect(readiness.calls.map(c => c[0])).toContain('previewTrack'),
    );
    const [, [request]] = readiness.calls.find(c => c[0] === 'previewTrack')!;
    expect(request).toEqual({
      track: source.text,
      source: 'rag-production-readiness.yaml',
    });
    expect(readiness.calls.find(c => c[0] === 'getTrackSource')![1]).toEqual([
      fixtures.scorecard.tracks[0].track.metadata.name,
    ]);
  });

  it('says what the change does in words, and lists the entities behind a sentence', async () => {
    await render(<TrackPlayground />, { api: api(coverage80) });
    expect(await screen.findByTestId('preview-headline')).toHaveTextContent(
      'Compared with the current track, RAG production readiness changes the statuses of 4 services of 4: 4 gates newly fail, 8 gates are newly blocked.',
    );
    const impacts = screen
      .getAllByTestId('preview-impact')
      .map(i => i.textContent);
    expect(impacts[0]).toMatch(
      /^4 services newly fail “Backend line coverage at least 80 %” \((RAG Team|rag-team) 4\)\.$/,
    );
    expect(screen.getByText('4 services change')).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'RAG API' }).closest('tr')!;
    expect(
      within(row).getByText('Backend verified (sprint 2): passes → fails'),
    ).toBeInTheDocument();
    expect(
      within(row).getByText('Backend line coverage at least 80 %: pass → fail'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: impacts[1]! }));
    expect(
      screen.getByText('4 services behind the chosen sentence'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show every changed entity' }),
    );
    expect(screen.getByText('4 services change')).toBeInTheDocument();
    // Downloadable as Markdown for the pull request.
    const download = screen.getByRole('link', { name: 'Download' });
    expect(download).toHaveAttribute(
      'download',
      'rag-production-readiness-preview.md',
    );
    expect(decodeURIComponent(download.getAttribute('href')!)).toContain(
      '### Readiness preview: RAG production readiness',
    );
    // Words only: no refs, fact ids or JSON.
    const text = document.body.textContent!.replace(
      document.querySelector('.cm-editor')!.textContent!,
      '',
    );
    expect(text).not.toMatch(/component:default|group:default|evidence\.|\{"/);
  });

  it('shows the errors of a track with a typo, each at its line, and marks the line in the editor', async () => {
    await render(<TrackPlayground />, { api: api(typo) });
    const problems = await screen.findAllByTestId('preview-problem');
    expect(problems.map(p => p.textContent)).toEqual([
      "Line 51: spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'",
    ]);
    expect(screen.getByTestId('preview-headline')).toHaveTextContent(
      'RAG production readiness has 1 error; fix it to see what the change does.',
    );
    // In the editor: the error is a diagnostic on line 51 (jsdom draws only the first lines, so the state is read).
    await waitFor(() => {
      const view = EditorView.findFromDOM(
        document.querySelector('.cm-editor') as HTMLElement,
      )!;
      const found: Array<{ line: number; message: string }> = [];
      forEachDiagnostic(view.state, (d, from) =>
        found.push({
          line: view.state.doc.lineAt(from).number,
          message: d.message,
        }),
      );
      expect(found).toEqual([
        {
          line: 51,
          message: "spec.gates[1].dependsOn[0]: unknown gate 'backend-verifed'",
        },
      ]);
    });
  });

  it('offers to propose the change through a scaffolder template when one is configured', async () => {
    await render(
      <TestApiProvider
        apis={[
          [
            configApiRef,
            new MockConfigApi({
              readiness: {
                playground: {
                  proposeTemplate: 'template:default/propose-track-change',
                },
              },
            }),
          ],
        ]}
      >
        <TrackPlayground />
      </TestApiProvider>,
      { api: api(coverage80) },
    );
    const propose = await screen.findByRole('link', {
      name: 'Propose this change',
    });
    // Nothing edited yet: nothing to propose.
    expect(propose).toHaveAttribute('aria-disabled', 'true');
    expect(
      proposeUrl('template:default/propose-track-change', {
        trackId: 'rag-production-readiness',
        file: 'rag-production-readiness.yaml',
        content: 'a: b',
      }),
    ).toBe(
      `/create/templates/default/propose-track-change?formData=${encodeURIComponent(
        '{"trackId":"rag-production-readiness","file":"rag-production-readiness.yaml","content":"a: b"}',
      )}`,
    );
  });
});

describe('diagnosticsOf', () => {
  it('underlines from the column to the end of the line, without the file name', () => {
    const text = 'a: 1\nspec:\n  gates: [x]\n';
    expect(
      diagnosticsOf(text, [
        { message: 'f.yaml: spec.gates[0]: bad', line: 3, column: 11 },
        { message: 'f.yaml: no line' },
        { message: 'f.yaml: past the end', line: 40 },
      ]),
    ).toEqual([
      { from: 21, to: 23, severity: 'error', message: 'spec.gates[0]: bad' },
    ]);
  });
});
