import { useState, type ReactElement } from 'react';
import { useApi } from '../../api/useApi';
import { ApiView } from '../states';
import { TeamsTable, WhatLasted } from './WhatLasted';

/**
 * The "what lasted" section as each page loads it: its own call (so the page's first figures never wait for it),
 * and a campaign the user picked, asked for by its id.
 */

const queryOf = (campaignId: string | undefined): { campaignId?: string } => (campaignId === undefined ? {} : { campaignId });

export function TeamLasting({ teamId }: { readonly teamId: string }): ReactElement {
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const state = useApi('lasting.team.get', { params: { teamId }, query: queryOf(campaignId) });
  return <ApiView state={state}>{(data) => <WhatLasted data={data} onCampaign={setCampaignId} />}</ApiView>;
}

export function OrgLasting(): ReactElement {
  const [campaignId, setCampaignId] = useState<string | undefined>(undefined);
  const state = useApi('lasting.org.get', { query: queryOf(campaignId) });
  return <ApiView state={state}>{(data) => <WhatLasted data={data} onCampaign={setCampaignId} />}</ApiView>;
}

/** The report's section: the organisation, and each team's overall share per wave. */
export function ReportLasting({ campaignId }: { readonly campaignId?: string }): ReactElement {
  const [picked, setPicked] = useState<string | undefined>(campaignId);
  const state = useApi('lasting.report.get', { query: queryOf(picked) });
  return (
    <ApiView state={state}>
      {(data) => (
        <WhatLasted data={data} onCampaign={setPicked}>
          <TeamsTable report={data} />
        </WhatLasted>
      )}
    </ApiView>
  );
}
