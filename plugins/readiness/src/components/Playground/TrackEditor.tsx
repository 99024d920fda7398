import { useEffect, useMemo, useRef } from 'react';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { StreamLanguage } from '@codemirror/language';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { useTheme } from '@material-ui/core';
import { TrackPreviewProblem } from '@readiness-io/plugin-readiness-common';

// One object for every render: the editor reconfigures itself (closing its search panel, among others) whenever
// the identity of basicSetup, extensions or onChange changes.
const BASIC_SETUP = { foldGutter: false, highlightActiveLine: true };

/** The problems that have a line, as CodeMirror diagnostics over the rest of that line. */
export function diagnosticsOf(
  text: string,
  problems: TrackPreviewProblem[],
): Diagnostic[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return problems
    .filter(p => p.line !== undefined && p.line >= 1 && p.line <= lines.length)
    .map(p => {
      const index = p.line! - 1;
      const lineText = lines[index];
      const column = Math.min(
        Math.max((p.column ?? 1) - 1, 0),
        lineText.length,
      );
      const from = starts[index] + column;
      const to = Math.max(starts[index] + lineText.length, from);
      return {
        from,
        to,
        severity: 'error' as const,
        // The message without the file name: the editor shows one file.
        message: p.message.replace(/^[^:]*: /, ''),
      };
    });
}

/**
 * A YAML editor for a track file: syntax highlighting, line numbers, and the preview's errors underlined at their
 * line with a marker in the gutter (hover for the message). Uncontrolled: it starts from `initialValue` and reports
 * every change; give it a new `key` to start over (a controlled value would race fast typing).
 */
export function TrackEditor(props: {
  initialValue: string;
  onChange: (value: string) => void;
  problems: TrackPreviewProblem[];
  label: string;
}) {
  const { initialValue, onChange, problems, label } = props;
  const theme = useTheme();
  const view = useRef<EditorView>();
  const extensions = useMemo(
    () => [
      StreamLanguage.define(yaml),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
    ],
    [label],
  );
  useEffect(() => {
    const current = view.current;
    if (!current) return;
    // Problems belong to the text they were found in; once it changed, the next preview brings new ones.
    const text = current.state.doc.toString();
    current.dispatch(
      setDiagnostics(current.state, diagnosticsOf(text, problems)),
    );
  }, [problems]);
  return (
    <CodeMirror
      value={initialValue}
      onChange={onChange}
      onCreateEditor={created => {
        view.current = created;
        created.dispatch(
          setDiagnostics(created.state, diagnosticsOf(initialValue, problems)),
        );
      }}
      extensions={extensions}
      theme={theme.palette.type === 'dark' ? 'dark' : 'light'}
      height="560px"
      basicSetup={BASIC_SETUP}
      data-testid="track-editor"
    />
  );
}
