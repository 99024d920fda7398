import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Link,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Table, TableColumn } from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  countEntities,
  describeTrackPreview,
  PreviewEntityChange,
  previewEntityMatches,
  previewStatusWords,
  TrackPreview,
  TrackPreviewImpactWords,
  trackPreviewMarkdown,
} from '@readiness-io/plugin-readiness-common';
import { EntityLink } from '../common/EntityLink';
import { StatusChip } from '../common/StatusChip';
import { useDisplayNames } from '../common/useDisplayNames';

/** The preview's problems, each with its line, for a track that does not validate. */
export function PreviewProblems(props: { preview: TrackPreview }) {
  const { preview } = props;
  const words = describeTrackPreview(preview);
  return (
    <Alert severity="error" data-testid="preview-problems">
      <Typography variant="subtitle2" data-testid="preview-headline">
        {words.headline}
      </Typography>
      <List dense disablePadding>
        {preview.problems.map((p, i) => (
          <ListItem key={i} disableGutters data-testid="preview-problem">
            <ListItemText
              primary={`${p.line ? `Line ${p.line}: ` : ''}${p.message.replace(
                /^[^:]*: /,
                '',
              )}`}
            />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}

function downloadHref(markdown: string) {
  return `data:text/markdown;charset=utf-8,${encodeURIComponent(markdown)}`;
}

/**
 * What a track change does, in words: the headline and one sentence per impact (each shows the entities behind it
 * when clicked), the changed entities in a table, and the result as Markdown to copy or download.
 */
export function PreviewResult(props: { preview: TrackPreview }) {
  const { preview } = props;
  const alertApi = useApi(alertApiRef);
  const ownerName = useDisplayNames(preview.entities.map(e => e.owner));
  const words = useMemo(
    () => describeTrackPreview(preview, { ownerName }),
    [preview, ownerName],
  );
  const markdown = useMemo(
    () => trackPreviewMarkdown(preview, { ownerName }),
    [preview, ownerName],
  );
  const [selected, setSelected] = useState<TrackPreviewImpactWords>();
  const shown = selected
    ? preview.entities.filter(e => previewEntityMatches(e, selected.about))
    : preview.entities;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      alertApi.post({
        message: 'The preview is on the clipboard, as Markdown.',
        severity: 'success',
        display: 'transient',
      });
    } catch {
      alertApi.post({
        message:
          'The browser did not allow copying; download the preview instead.',
        severity: 'warning',
        display: 'transient',
      });
    }
  };

  const change = (before?: string, after?: string) =>
    `${previewStatusWords(before)} → ${previewStatusWords(after)}`;
  const columns: TableColumn<PreviewEntityChange>[] = [
    {
      title: 'Entity',
      field: 'title',
      width: '20%',
      render: e => <EntityLink entityRef={e.entityRef} title={e.title} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      width: '14%',
      render: e => (e.owner ? ownerName(e.owner) : '—'),
    },
    {
      title: 'Readiness',
      field: 'after',
      width: '22%',
      render: e => (
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 4 }}
        >
          <StatusChip status={e.before} />
          <span aria-label="becomes">→</span>
          <StatusChip status={e.after} />
        </Box>
      ),
    },
    {
      title: 'What changes',
      sorting: false,
      width: '42%',
      render: e => (
        <Box>
          {e.gates.map(g => (
            <Typography key={g.gateId} variant="body2">
              {g.title}: {change(g.before, g.after)}
            </Typography>
          ))}
          {e.checks.map(c => (
            <Typography
              key={`${c.gateId}/${c.checkId}`}
              variant="body2"
              color="textSecondary"
            >
              {c.title}: {change(c.before, c.after)}
            </Typography>
          ))}
        </Box>
      ),
    },
  ];

  return (
    <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
      <Card>
        <CardHeader
          title="What this change does"
          action={
            <Box display="flex" style={{ gap: 8 }}>
              <Button variant="outlined" size="small" onClick={copy}>
                Copy as Markdown
              </Button>
              <Button
                variant="outlined"
                size="small"
                href={downloadHref(markdown)}
                download={`${preview.trackId || 'track'}-preview.md`}
              >
                Download
              </Button>
            </Box>
          }
        />
        <CardContent>
          <Typography variant="subtitle1" data-testid="preview-headline">
            {words.headline}
          </Typography>
          <List dense>
            {words.impacts.map(impact => (
              <ListItem
                key={impact.text}
                disableGutters
                data-testid="preview-impact"
              >
                <Link
                  component="button"
                  variant="body2"
                  align="left"
                  underline={selected === impact ? 'always' : 'hover'}
                  onClick={() =>
                    setSelected(selected === impact ? undefined : impact)
                  }
                >
                  {impact.text}
                </Link>
              </ListItem>
            ))}
          </List>
          {selected && (
            <Button size="small" onClick={() => setSelected(undefined)}>
              Show every changed entity
            </Button>
          )}
          {preview.entitiesChanged > preview.entities.length && (
            <Typography variant="body2" color="textSecondary">
              The table lists the first {preview.entities.length} of{' '}
              {preview.entitiesChanged}; every count above covers them all.
            </Typography>
          )}
        </CardContent>
      </Card>
      {preview.entities.length > 0 && (
        <Table<PreviewEntityChange>
          title={
            selected
              ? `${countEntities(
                  shown.length,
                  preview.kinds,
                )} behind the chosen sentence`
              : `${countEntities(
                  preview.entitiesChanged,
                  preview.kinds,
                )} change`
          }
          options={{
            paging: shown.length > 20,
            pageSize: 20,
            search: true,
            padding: 'dense',
            tableLayout: 'fixed',
          }}
          columns={columns}
          data={shown.map(e => ({ ...e, id: e.entityRef }))}
        />
      )}
    </Box>
  );
}
