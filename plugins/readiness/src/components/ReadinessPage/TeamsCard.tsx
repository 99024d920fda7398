import { Table, TableColumn } from '@backstage/core-components';
import { ReadinessOverview } from '@readiness-io/plugin-readiness-common';
import { EntityLink } from '../common/EntityLink';

type Team = ReadinessOverview['teams'][number];

const columns: TableColumn<Team>[] = [
  {
    title: 'Team',
    field: 'owner',
    highlight: true,
    render: t => <EntityLink entityRef={t.owner} />,
  },
  { title: 'Entities', field: 'total', type: 'numeric' },
  { title: 'Ready', field: 'ready', type: 'numeric' },
  {
    title: 'Not ready',
    field: 'notReady',
    type: 'numeric',
    defaultSort: 'desc',
  },
  { title: 'Not measured', field: 'notMeasured', type: 'numeric' },
];

/** Per team (owner): their entities among those shown, ready / not ready / not measured, sortable. */
export function TeamsCard(props: { teams: Team[] }) {
  return (
    <Table<Team>
      title="By team"
      subtitle="Each entity counted once, across the tracks shown"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.teams.map(t => ({ ...t, id: t.owner }))}
    />
  );
}
