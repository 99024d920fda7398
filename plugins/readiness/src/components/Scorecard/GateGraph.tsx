import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { Track, TrackEvaluation } from '@readiness-io/plugin-readiness-common';
import { statusColors } from '../common/StatusChip';
import { blockingPath, reducedEdges } from './gateGraphModel';

type GateNode = {
  title: string;
  status: string;
  rootCause: boolean;
  selected: boolean;
  onPath: boolean;
  passed: string;
  scope?: string;
};
type GateEdge = { onPath: boolean };

const useStyles = makeStyles(theme => ({
  node: { cursor: 'pointer' },
  title: { fontSize: 13, fontWeight: 600, fill: '#fff' },
  sub: { fontSize: 12, fill: '#fff' },
  edge: {
    fill: 'none',
    stroke: theme.palette.text.secondary,
    strokeWidth: 1.3,
  },
  pathEdge: { fill: 'none', stroke: theme.palette.error.main, strokeWidth: 3 },
  arrow: { fill: theme.palette.text.secondary },
  pathArrow: { fill: theme.palette.error.main },
}));

const WIDTH = 250;
const HEIGHT = 62;
const LINE = 30;

/** A title in at most two lines of about {@link LINE} characters, split between words. */
export function titleLines(title: string): string[] {
  if (title.length <= LINE) return [title];
  const words = title.split(' ');
  let first = '';
  while (words.length && `${first} ${words[0]}`.trim().length <= LINE)
    first = `${first} ${words.shift()}`.trim();
  const rest = words.join(' ');
  return [first, rest.length > LINE ? `${rest.slice(0, LINE - 1)}…` : rest];
}

/** Yellow around a gate holding a root cause, blue around the selected one. */
function outline(node: GateNode) {
  if (node.rootCause) return '#ffeb3b';
  return node.selected ? '#2196f3' : 'none';
}

/**
 * The gates of a track as a dependency graph (core-components' DependencyGraph, laid out by dagre), top down from
 * the first gate, with arrows, only the edges no other path implies, and the path from the root cause to the gate
 * asked about drawn thick. Clicking a gate selects it.
 */
export function GateGraph(props: {
  track: Track;
  evaluation: TrackEvaluation;
  selected?: string;
  /** The gate asked about: the path from its root causes to it is highlighted. */
  target?: string;
  onSelect: (gateId: string) => void;
}) {
  const classes = useStyles();
  const { track, evaluation } = props;
  const path = blockingPath(track, evaluation, props.target);
  const causes = new Set(
    evaluation.gates.flatMap(g => g.rootCauses.map(c => c.gateId)),
  );
  const nodes: DependencyGraphTypes.DependencyNode<GateNode>[] =
    track.spec.gates.map(gate => {
      const result = evaluation.gates.find(g => g.gateId === gate.id);
      const passed = result
        ? result.checks.filter(
            c => c.status === 'pass' || c.status === 'waived',
          ).length
        : 0;
      return {
        id: gate.id,
        title: gate.title,
        status: result?.status ?? 'unknown',
        rootCause: causes.has(gate.id),
        selected: props.selected === gate.id,
        onPath: path.gates.has(gate.id),
        passed: `${passed} of ${gate.checks.length} checks`,
        ...(gate.environment ? { scope: gate.environment } : {}),
      };
    });
  const edges: DependencyGraphTypes.DependencyEdge<GateEdge>[] = reducedEdges(
    track.spec.gates,
  ).map(e => ({ ...e, onPath: path.edges.has(`${e.from}->${e.to}`) }));

  const renderEdge = ({
    edge,
  }: DependencyGraphTypes.RenderEdgeProps<GateEdge>) => {
    const points = (edge.points ?? []).filter(
      p => Number.isFinite(p.x) && Number.isFinite(p.y),
    );
    if (points.length < 2) return null;
    const d = points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
      .join(' ');
    // DependencyGraph lists what renderEdge returns as it is: the key is ours to give.
    return (
      <path
        key={`${edge.from}-${edge.to}`}
        d={d}
        className={edge.onPath ? classes.pathEdge : classes.edge}
        markerEnd={`url(#${edge.onPath ? 'gate-arrow-path' : 'gate-arrow'})`}
        data-testid={`gate-edge-${edge.from}-${edge.to}`}
        data-on-path={edge.onPath ? 'true' : 'false'}
      />
    );
  };

  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<GateNode>) => {
    const color = statusColors[node.status]?.background ?? '#9e9e9e';
    const label = statusColors[node.status]?.label ?? node.status;
    const lines = titleLines(node.title);
    return (
      <g
        className={classes.node}
        onClick={() => props.onSelect(node.id)}
        data-testid={`gate-node-${node.id}`}
        data-status={node.status}
        data-on-path={node.onPath ? 'true' : 'false'}
        role="button"
        aria-label={`${node.title}: ${label}`}
      >
        <title>{`${node.title}: ${label}${
          node.rootCause ? ' (root cause here)' : ''
        }`}</title>
        <rect
          width={WIDTH}
          height={HEIGHT}
          rx={8}
          fill={color}
          stroke={outline(node)}
          strokeWidth={node.rootCause || node.selected ? 4 : 0}
        />
        {lines.map((line, i) => (
          <text key={i} x={10} y={18 + i * 16} className={classes.title}>
            {line}
          </text>
        ))}
        <text x={10} y={lines.length === 1 ? 38 : 53} className={classes.sub}>
          {node.status === 'not-applicable'
            ? `Not applicable · needs ${node.scope}`
            : `${label} · ${node.passed}${
                node.scope ? ` · ${node.scope}` : ''
              }`}
        </text>
      </g>
    );
  };
  const arrow = (id: string, className: string) => (
    <marker
      key={id}
      id={id}
      viewBox="0 0 10 10"
      refX="10"
      refY="5"
      markerWidth="7"
      markerHeight="7"
      orient="auto-start-reverse"
    >
      <path d="M 0 0 L 10 5 L 0 10 z" className={className} />
    </marker>
  );
  return (
    <DependencyGraph
      nodes={nodes}
      edges={edges}
      renderNode={renderNode}
      renderEdge={renderEdge}
      defs={
        <>
          {arrow('gate-arrow', classes.arrow)}
          {arrow('gate-arrow-path', classes.pathArrow)}
        </>
      }
      direction={DependencyGraphTypes.Direction.TOP_BOTTOM}
      rankMargin={40}
      nodeMargin={24}
      paddingX={20}
      paddingY={20}
      zoom="enable-on-click"
      style={{ width: '100%' }}
    />
  );
}
