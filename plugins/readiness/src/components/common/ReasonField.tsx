import { useState } from 'react';
import { TextField } from '@material-ui/core';

/** A required multi-line reason; its problem shows once the person has left the field. */
export function ReasonField(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const [touched, setTouched] = useState(false);
  return (
    <TextField
      id={props.id}
      label="Reason"
      required
      fullWidth
      multiline
      minRows={2}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      onBlur={() => setTouched(true)}
      error={touched && Boolean(props.error)}
      helperText={touched && props.error ? props.error : ' '}
      inputProps={{ maxLength: 2000 }}
      margin="normal"
    />
  );
}
