import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { TrackPreviewProblem } from '@readiness-io/plugin-readiness-common';

/** `spec.gates[1].checks[0].condition` → `['spec', 'gates', 1, 'checks', 0, 'condition']`. */
export function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return segments;
    if (match[1]) segments.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) {
      segments.push(Number(index[1]));
    }
  }
  return segments;
}

/** The node at a path, or the deepest one on the way there (a missing key: the object that lacks it). */
function deepestNode(
  root: Node | null | undefined,
  segments: Array<string | number>,
): Node | undefined {
  let node: Node | null | undefined = root;
  let found: Node | undefined = root ?? undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        p => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      // A key whose value is empty is still found: point at the key.
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
    } else {
      break;
    }
    if (node?.range) found = node;
  }
  return found;
}

/**
 * Puts each problem of a track file at its line: a validation problem (`spec.gates[1].id: …`) at the node its path
 * names (or the nearest one that exists), a YAML syntax error where the parser found it. `messages` are the problems
 * as the start-up check reports them (prefixed with the file); `raw` the same without the file.
 */
export function locateProblems(
  text: string,
  file: string,
  raw: string[],
): TrackPreviewProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    return doc.errors.map(error => {
      const at = error.linePos?.[0];
      return {
        message: `${file}: YAML error: ${error.message}`,
        ...(at ? { line: at.line, column: at.col } : {}),
      };
    });
  }
  return raw.map(problem => {
    const match =
      /^([A-Za-z_][\w-]*(?:\[\d+\])*(?:\.[A-Za-z_][\w-]*(?:\[\d+\])*)*|\(root\)): /.exec(
        problem,
      );
    const message = `${file}: ${problem}`;
    if (!match) return { message };
    const path = match[1];
    const node =
      path === '(root)'
        ? (doc.contents as Node | null) ?? undefined
        : deepestNode(doc.contents as Node | null, pathSegments(path));
    if (!node?.range) return { message, path };
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { message, path, line, column: col };
  });
}
