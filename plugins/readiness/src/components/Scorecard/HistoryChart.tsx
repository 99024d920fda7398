import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Typography } from '@material-ui/core';
import { Transition } from '@readiness-io/plugin-readiness-common';
import { timeAxis } from './timeAxis';

/**
 * Checks passing over time, replayed from the stored transitions of one track (oldest first). Loaded lazily: the
 * chart library is only fetched when the tab is opened.
 */
export function historySeries(transitions: Transition[], trackId: string) {
  const status = new Map<string, string>();
  const points: Array<{ at: number; passing: number }> = [];
  const ordered = transitions
    .filter(t => t.trackId === trackId && t.checkId !== '')
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const t of ordered) {
    status.set(`${t.gateId}/${t.checkId}`, t.to);
    const passing = [...status.values()].filter(
      s => s === 'pass' || s === 'waived',
    ).length;
    const at = Date.parse(t.at);
    if (points.length && points[points.length - 1].at === at)
      points[points.length - 1].passing = passing;
    else points.push({ at, passing });
  }
  return points;
}

export default function HistoryChart(props: {
  transitions: Transition[];
  trackId: string;
  total: number;
}) {
  const data = historySeries(props.transitions, props.trackId);
  if (data.length === 0)
    return <p>No history yet: it starts with the first evaluation.</p>;
  // Extend the last value to now, so a flat stretch shows as one.
  const series = [
    ...data,
    { at: Date.now(), passing: data[data.length - 1].passing },
  ];
  const axis = timeAxis(series[0].at, series[series.length - 1].at);
  return (
    <>
      <Typography variant="caption" color="textSecondary" component="p">
        Checks passing, of {props.total}
      </Typography>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart
          data={series}
          margin={{ top: 10, right: 30, bottom: 10, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            ticks={axis.ticks}
            tickFormatter={axis.label}
          />
          <YAxis allowDecimals={false} domain={[0, props.total]} width={40} />
          <Tooltip
            labelFormatter={(at: number) => new Date(at).toLocaleString()}
            formatter={(v: number) => [`${v} of ${props.total}`, 'passing']}
          />
          <Line
            type="stepAfter"
            dataKey="passing"
            stroke="#1b5e20"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}
