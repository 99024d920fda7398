import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { Typography } from '@material-ui/core';
import {
  CampaignDetail,
  formatDate,
} from '@readiness-io/plugin-readiness-common';
import { burnUpSeries, monthTicks } from './burnUp';

const dayLabel = (t: number) => formatDate(new Date(t).toISOString());
const shortDay = (d: string) =>
  new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
const monthLabel = (t: number) =>
  new Date(t).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * The campaign's burn-up: entities done (or exempt) per recorded day against those in scope, the forecast's line to
 * the projected date, the target date and the milestones. Loaded lazily with the chart library.
 */
export default function BurnUpChart(props: { detail: CampaignDetail }) {
  const { detail } = props;
  const { points, from, to } = burnUpSeries(detail);
  if (points.length === 0)
    return (
      <p>
        No progress recorded yet: the first day is recorded on the next
        scheduled run.
      </p>
    );
  const total = Math.max(
    detail.progress.total,
    ...points.map(p => p.total ?? 0),
  );
  const targetAt = Date.parse(`${detail.campaign.targetDate}T00:00:00Z`);
  return (
    <>
      <Typography variant="caption" color="textSecondary" component="p">
        Entities done (or exempt) of {detail.progress.total} in scope, by day
      </Typography>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart
          data={points}
          margin={{ top: 20, right: 40, bottom: 10, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[from, to]}
            ticks={monthTicks(from, to)}
            tickFormatter={monthLabel}
          />
          <YAxis allowDecimals={false} domain={[0, total]} width={40} />
          <Tooltip
            labelFormatter={(t: number) => dayLabel(t)}
            formatter={(v: number, name: string) => [`${v} of ${total}`, name]}
          />
          <ReferenceLine
            x={targetAt}
            stroke="#b71c1c"
            strokeDasharray="4 4"
            label={{ value: 'Target date', position: 'top', fontSize: 12 }}
          />
          {detail.campaign.milestones
            .filter(m => m.percent !== undefined)
            .map(m => (
              <ReferenceDot
                key={m.date}
                x={Date.parse(`${m.date}T00:00:00Z`)}
                y={Math.round(((m.percent ?? 0) / 100) * total)}
                r={5}
                fill="#0d47a1"
                stroke="none"
                label={{
                  value: `${m.percent} % by ${shortDay(m.date)}`,
                  position: 'left',
                  fontSize: 11,
                }}
              />
            ))}
          <Legend verticalAlign="bottom" height={24} />
          <Line
            name="In scope"
            type="stepAfter"
            dataKey="total"
            stroke="#9e9e9e"
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            name="Done (or exempt)"
            type="linear"
            dataKey="done"
            stroke="#1b5e20"
            strokeWidth={2}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            name="Forecast"
            type="linear"
            dataKey="forecast"
            stroke="#e65100"
            strokeDasharray="6 4"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </>
  );
}
