import { errorWords } from '../common/format';
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import {
  Escalation,
  EscalationLevel,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useAction } from '../common/hooks';
import { ReasonField } from '../common/ReasonField';

/** Confirms an escalation: a reason (required) and the level (default: the next one after the last escalation). */
export function EscalateDialog(props: {
  entityRef: string;
  levels: EscalationLevel[];
  onClose: () => void;
  onDone: (e: Escalation) => void;
}) {
  const api = useApi(readinessApiRef);
  const [reason, setReason] = useState('');
  const [level, setLevel] = useState<number | ''>('');
  const reasonError = reason.trim()
    ? undefined
    : 'Say what is wrong: the people paged read this first';
  const { run, running, error } = useAction(async () => {
    props.onDone(
      await api.escalate(props.entityRef, {
        reason: reason.trim(),
        ...(level ? { level } : {}),
      }),
    );
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="escalate-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="escalate-title">Escalate</DialogTitle>
      <DialogContent>
        <DialogContentText>
          This pages people now. It is recorded with your name.
        </DialogContentText>
        <ReasonField
          id="escalate-reason"
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <TextField
          select
          id="escalate-level"
          label="Level"
          value={level}
          onChange={e =>
            setLevel(e.target.value === '' ? '' : Number(e.target.value))
          }
          fullWidth
          margin="normal"
        >
          <MenuItem value="">
            The next level (after the last escalation)
          </MenuItem>
          {props.levels.map(l => (
            <MenuItem key={l.level} value={l.level}>
              Level {l.level}: {l.targets.map(t => t.name).join(', ')}
            </MenuItem>
          ))}
        </TextField>
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={running || Boolean(reasonError)}
          onClick={() => run()}
        >
          Escalate
        </Button>
      </DialogActions>
    </Dialog>
  );
}
