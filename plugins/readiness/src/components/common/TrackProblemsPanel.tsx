import { Typography } from '@material-ui/core';
import { WarningPanel } from '@backstage/core-components';
import { TrackProblem } from '@readiness-io/plugin-readiness-common';

/**
 * The track files the backend could not load, each with its file and the path of the error inside it, under a
 * title that says what that means where it is shown. Renders nothing when every track loaded.
 */
export function TrackProblemsPanel(props: {
  problems: TrackProblem[];
  title: (count: number) => string;
}) {
  if (props.problems.length === 0) return null;
  return (
    <WarningPanel
      severity="error"
      defaultExpanded
      title={props.title(props.problems.length)}
    >
      {props.problems.map(p => (
        <Typography
          key={p.source}
          variant="body2"
          component="pre"
          data-testid="track-problem"
          style={{ whiteSpace: 'pre-wrap' }}
        >
          {p.message}
        </Typography>
      ))}
    </WarningPanel>
  );
}
