import { Tabs } from '@mantine/core';
import { useNavigate } from 'react-router';
import { workspacePath } from '../../app/layout/navigation-items';

type AlertsTab = 'alerts' | 'rules';

const SEGMENTS: Record<AlertsTab, string> = { alerts: 'alerts', rules: 'alerts/rules' };

/** Between the alerts that fired and the rules that fire them. */
export function AlertsTabs({ workspace, active }: { workspace: string; active: AlertsTab }) {
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(tab) => {
        if (tab === 'alerts' || tab === 'rules') {
          void navigate(workspacePath(workspace, SEGMENTS[tab]));
        }
      }}
    >
      <Tabs.List>
        <Tabs.Tab value="alerts">Alerts</Tabs.Tab>
        <Tabs.Tab value="rules">Rules</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
