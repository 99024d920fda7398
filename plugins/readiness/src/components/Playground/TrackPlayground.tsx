import { useEffect, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { TrackPreviewProblem } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { TrackEditor } from './TrackEditor';
import { PreviewProblems, PreviewResult } from './PreviewResult';

const NO_PROBLEMS: TrackPreviewProblem[] = [];

/** How long the editor must be still before the preview is asked again. */
export const PREVIEW_DELAY_MS = 600;

/** The scaffolder page of the template that proposes a track change, with the edited file filled in. */
export function proposeUrl(
  templateRef: string,
  values: { trackId: string; file: string; content: string },
): string {
  const ref = parseEntityRef(templateRef, {
    defaultKind: 'template',
    defaultNamespace: 'default',
  });
  return `/create/templates/${encodeURIComponent(
    ref.namespace,
  )}/${encodeURIComponent(ref.name)}?formData=${encodeURIComponent(
    JSON.stringify(values),
  )}`;
}

/**
 * The Track playground: pick a track, edit its file, and see — before anything merges — what the change does to
 * every entity the track applies to: validation errors at their line, the impact in words, the entities that
 * change. Nothing is stored; copy or download the result for a pull request, or propose it through a scaffolder
 * template when `readiness.playground.proposeTemplate` names one.
 */
export function TrackPlayground() {
  const api = useApi(readinessApiRef);
  const config = useApi(configApiRef);
  const proposeTemplate = config.getOptionalString(
    'readiness.playground.proposeTemplate',
  );
  const tracks = useAsync(() => api.getTracks(), [api]);
  const [trackId, setTrackId] = useState<string>();
  useEffect(() => {
    if (!trackId && tracks.value?.length) {
      setTrackId(tracks.value[0].metadata.name);
    }
  }, [trackId, tracks.value]);

  const source = useAsync(
    async () => (trackId ? api.getTrackSource(trackId) : undefined),
    [api, trackId],
  );
  const [text, setText] = useState<string>();
  // A new editor (from the loaded text) for each track, and for each "Undo all edits".
  const [editorKey, setEditorKey] = useState(0);
  useEffect(() => {
    setText(source.value?.text);
    setEditorKey(k => k + 1);
  }, [source.value]);

  const [settled, setSettled] = useState<string>();
  useDebounce(() => setSettled(text), PREVIEW_DELAY_MS, [text]);
  const preview = useAsync(async () => {
    if (settled === undefined || !source.value) return undefined;
    return api.previewTrack({ track: settled, source: source.value.file });
  }, [api, settled, source.value]);

  if (tracks.error) return <ResponseErrorPanel error={tracks.error} />;
  if (tracks.loading) return <Progress />;
  if (!tracks.value?.length) {
    return (
      <Typography>
        No track is loaded: add track files under readiness.tracks to edit one
        here.
      </Typography>
    );
  }
  const current = preview.value;
  const edited = text !== undefined && text !== source.value?.text;
  const stale = preview.loading || settled !== text;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body1" color="textSecondary">
          Edit a track and see what the change would do to every entity it
          applies to, from the facts, sign-offs and waivers recorded now.
          Nothing is saved: copy the result into your pull request.
        </Typography>
      </Grid>
      <Grid item xs={12} lg={6}>
        <Card>
          <CardHeader
            title={
              <FormControl fullWidth>
                <InputLabel id="playground-track">Track</InputLabel>
                <Select
                  labelId="playground-track"
                  value={trackId ?? ''}
                  onChange={e => setTrackId(e.target.value as string)}
                  data-testid="playground-track"
                >
                  {tracks.value.map(t => (
                    <MenuItem key={t.metadata.name} value={t.metadata.name}>
                      {t.metadata.title ?? t.metadata.name}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            }
            subheader={source.value ? source.value.file : undefined}
            action={
              <Box display="flex" style={{ gap: 8 }} pt={2}>
                <Button
                  size="small"
                  disabled={!edited}
                  onClick={() => {
                    setText(source.value?.text);
                    setEditorKey(k => k + 1);
                  }}
                >
                  Undo all edits
                </Button>
                {proposeTemplate && source.value && text !== undefined && (
                  <Button
                    size="small"
                    color="primary"
                    variant="contained"
                    disabled={!edited || !current?.valid}
                    href={proposeUrl(proposeTemplate, {
                      trackId: source.value.trackId,
                      file: source.value.file,
                      content: text,
                    })}
                  >
                    Propose this change
                  </Button>
                )}
              </Box>
            }
          />
          <CardContent>
            {source.error && <ResponseErrorPanel error={source.error} />}
            {source.loading && <Progress />}
            {text !== undefined && source.value && (
              <TrackEditor
                key={editorKey}
                label={`${source.value.file} (YAML)`}
                initialValue={source.value.text}
                onChange={setText}
                problems={
                  current && !current.valid ? current.problems : NO_PROBLEMS
                }
              />
            )}
          </CardContent>
        </Card>
      </Grid>
      <Grid item xs={12} lg={6}>
        {preview.error && <ResponseErrorPanel error={preview.error} />}
        {stale && (
          <Box mb={1} data-testid="preview-pending">
            <Progress />
          </Box>
        )}
        {current && !current.valid && <PreviewProblems preview={current} />}
        {current && current.valid && !stale && (
          <Box data-testid="preview-result">
            <PreviewResult preview={current} />
          </Box>
        )}
      </Grid>
    </Grid>
  );
}

export default TrackPlayground;
