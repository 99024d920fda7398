import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { Track, TrackEvaluation } from '@internal/plugin-readiness-common';
import { statusColors } from '../common/StatusChip';

type GateNode = {
  title: string;
  status: string;
  rootCause: boolean;
  selected: boolean;
  passed: string;
  scope?: string;
};

const useStyles = makeStyles({
  node: { cursor: 'pointer' },
  title: { fontSize: 12, fontWeight: 600, fill: '#fff' },
  sub: { fontSize: 11, fill: '#fff' },
});

const WIDTH = 236;

/** Yellow around a gate holding a root cause, blue around the selected one. */
function outline(node: GateNode) {
  if (node.rootCause) return '#ffeb3b';
  return node.selected ? '#2196f3' : 'none';
}
const HEIGHT = 46;

/**
 * The gates of a track as a dependency graph (core-components' DependencyGraph), coloured by status. Gates holding a
 * root cause get a thick outline; clicking a gate selects it.
 */
export function GateGraph(props: {
  track: Track;
  evaluation: TrackEvaluation;
  selected?: string;
  onSelect: (gateId: string) => void;
}) {
  const classes = useStyles();
  const { track, evaluation } = props;
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
        passed: `${passed}/${gate.checks.length} checks`,
        ...(gate.environment ? { scope: gate.environment } : {}),
      };
    });
  const edges = track.spec.gates.flatMap(gate =>
    gate.dependsOn.map(from => ({ from, to: gate.id })),
  );
  const renderNode = ({
    node,
  }: DependencyGraphTypes.RenderNodeProps<GateNode>) => {
    const color = statusColors[node.status]?.background ?? '#9e9e9e';
    const title =
      node.title.length > 30 ? `${node.title.slice(0, 29)}…` : node.title;
    return (
      <g
        className={classes.node}
        onClick={() => props.onSelect(node.id)}
        data-testid={`gate-node-${node.id}`}
        data-status={node.status}
        role="button"
        aria-label={`${node.title}: ${
          statusColors[node.status]?.label ?? node.status
        }`}
      >
        <title>{`${node.title}: ${
          statusColors[node.status]?.label ?? node.status
        }${node.rootCause ? ' (root cause here)' : ''}`}</title>
        <rect
          width={WIDTH}
          height={HEIGHT}
          rx={8}
          fill={color}
          stroke={outline(node)}
          strokeWidth={node.rootCause || node.selected ? 4 : 0}
        />
        <text x={10} y={19} className={classes.title}>
          {title}
        </text>
        <text x={10} y={36} className={classes.sub}>
          {node.status === 'not-applicable'
            ? `Not applicable · needs ${node.scope}`
            : `${statusColors[node.status]?.label ?? node.status} · ${
                node.passed
              }${node.rootCause ? ' · root cause' : ''}${
                node.scope ? ` · ${node.scope}` : ''
              }`}
        </text>
      </g>
    );
  };
  return (
    <DependencyGraph
      nodes={nodes}
      edges={edges}
      renderNode={renderNode}
      direction={DependencyGraphTypes.Direction.TOP_BOTTOM}
      rankMargin={50}
      nodeMargin={24}
      paddingX={60}
      curve="curveMonotoneX"
      paddingY={20}
      zoom="enable-on-click"
      style={{ width: '100%' }}
    />
  );
}
