/** The nominations of a commendation round (R-AWARD-ANNUAL) as the endorsement and district-list editors show them. */
import { Typography } from 'antd';
import type { Nomination } from '../../lib/types.js';
import { useApi } from '../../lib/use-api.js';

export function useNominations(caseId: string) {
  return useApi<{ items: Nomination[] }>(`/api/cases/${caseId}/nominations`);
}

/** Who is nominated, by which school, and why. */
export function NomineeText({ nomination: n }: { nomination: Nomination }) {
  return (
    <span>
      <Typography.Text strong>{n.name}</Typography.Text>
      {n.teacher ? `（${n.teacher.staffNo}）` : ''} · {n.school?.name ?? ''}
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {n.reason}
      </Typography.Paragraph>
    </span>
  );
}
