import { Chip } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';

/** Colours of gate and check statuses, shared by chips, the graph and the matrix. */
export const statusColors: Record<
  string,
  { background: string; color: string; label: string }
> = {
  passed: { background: '#1b5e20', color: '#fff', label: 'Passed' },
  pass: { background: '#1b5e20', color: '#fff', label: 'Pass' },
  failed: { background: '#b71c1c', color: '#fff', label: 'Failed' },
  fail: { background: '#b71c1c', color: '#fff', label: 'Fail' },
  blocked: { background: '#616161', color: '#fff', label: 'Blocked' },
  unknown: { background: '#e65100', color: '#fff', label: 'Not measured' },
  waived: { background: '#4a148c', color: '#fff', label: 'Waived' },
  succeeded: { background: '#1b5e20', color: '#fff', label: 'Succeeded' },
  in_progress: { background: '#0d47a1', color: '#fff', label: 'In progress' },
  rolled_back: { background: '#4a148c', color: '#fff', label: 'Rolled back' },
  'not-evaluated': {
    background: '#9e9e9e',
    color: '#fff',
    label: 'Not evaluated',
  },
  // A gate scoped to an environment the system does not have yet.
  'not-applicable': {
    background: '#78909c',
    color: '#fff',
    label: 'Not applicable',
  },
  // Campaigns: forecasts and where an entity stands.
  'on-track': { background: '#1b5e20', color: '#fff', label: 'On track' },
  'at-risk': { background: '#b71c1c', color: '#fff', label: 'At risk' },
  done: { background: '#1b5e20', color: '#fff', label: 'Done' },
  'no-data': { background: '#9e9e9e', color: '#fff', label: 'No forecast yet' },
  'not-done': { background: '#b71c1c', color: '#fff', label: 'Not done' },
  'not-measured': {
    background: '#e65100',
    color: '#fff',
    label: 'Not measured yet',
  },
  exempt: { background: '#4a148c', color: '#fff', label: 'Exempt' },
  // Environments recorded with readiness.
  active: { background: '#1b5e20', color: '#fff', label: 'Active' },
  decommissioned: {
    background: '#78909c',
    color: '#fff',
    label: 'Decommissioned',
  },
};

const useStyles = makeStyles({ chip: { fontWeight: 600, height: 22 } });

/** A status as a coloured chip, with a readable label. */
export function StatusChip(props: {
  status: string;
  label?: string;
  title?: string;
}) {
  const classes = useStyles();
  const color = statusColors[props.status] ?? {
    background: '#9e9e9e',
    color: '#fff',
    label: props.status,
  };
  return (
    // A span, so the chip may sit inside a paragraph (a card's subheader) without invalid nesting.
    <Chip
      component="span"
      size="small"
      className={classes.chip}
      style={{ background: color.background, color: color.color }}
      label={props.label ?? color.label}
      title={props.title}
      data-status={props.status}
    />
  );
}
