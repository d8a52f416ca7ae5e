/** One case: its summary, the step waiting on me with the decision form, and the full timeline. */
import { useEffect } from 'react';
import { Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { DueBadge, StatusTag } from '../components/badges.js';
import { CaseTimeline } from '../components/CaseTimeline.js';
import { DecisionForm } from '../components/DecisionForm.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { InitiatorActions } from '../components/InitiatorActions.js';
import { Loading } from '../components/Loading.js';
import { TaskActions } from '../components/TaskActions.js';
import { useI18n } from '../i18n/index.js';
import type { CaseDetail } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

/** Case facts beyond the title: amounts are fen and shown in yuan; other values as they are. */
function subjectItems(subject: Record<string, unknown>, yuan: (fen: number) => string, labelOf: (key: string) => string) {
  return Object.entries(subject)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && typeof v !== 'object')
    .map(([k, v]) => ({ key: k, label: labelOf(k), children: /Fen$/.test(k) && typeof v === 'number' ? yuan(v) : String(v) }));
}

export default function CasePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t, code, caseType, stepTitle, date, dateTime, yuan } = useI18n();
  const { me, temporalUi, coveringFor } = useSession();
  const { data, error, loading, reload } = useApi<CaseDetail>(`/api/cases/${id}`);
  // A just-started or just-decided case opens its next step within moments, in the worker: look again until it shows.
  const settling = data && (data.status === 'RUNNING' || data.status === 'RETURNED') && data.currentTasks.length === 0;
  useEffect(() => {
    if (!settling) return;
    const timer = setTimeout(reload, 700);
    return () => clearTimeout(timer);
  }, [settling, data, reload]);

  if (!data) return error ? <ErrorAlert error={error} /> : <Loading />;
  const wanted = params.get('task') ?? data.currentTasks.find((c) => c.officials.some((o) => o.id === me.id))?.taskId;
  // A task claimed by or reassigned to someone else is theirs, unless I stand in for them (委托).
  const myTask = data.tasks.find((x) => x.id === wanted && x.state === 'PENDING' && (!x.assigneeId || x.assigneeId === me.id || coveringFor.includes(x.assigneeId)));
  const labelOf = (key: string) => (key === 'description' ? t('description') : /Fen$/.test(key) ? t('amount') : key);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={loading ? null : error} />
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{data.title}</h1>} extra={<StatusTag status={data.status} />}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'type', label: t('caseType'), children: caseType(data.type) },
            { key: 'status', label: t('caseStatus'), children: <span data-testid="case-status">{code('status', data.status)}</span> },
            { key: 'group', label: t('group'), children: data.group?.name ?? t('none') },
            { key: 'school', label: t('school'), children: data.school?.name ?? t('none') },
            { key: 'initiator', label: t('initiator'), children: data.initiator?.displayName ?? t('system') },
            { key: 'created', label: t('createdAt'), children: dateTime(data.createdAt) },
            ...(data.closedAt ? [{ key: 'closed', label: t('closedAt'), children: date(data.closedAt) }] : []),
            ...(data.copies.length ? [{ key: 'copies', label: t('copiedTo'), children: data.copies.map((c) => (c.unit ? code('unit', c.unit.code) : c.official?.displayName)).join('、') }] : []),
            ...subjectItems(data.subject, yuan, labelOf),
            ...data.currentTasks.map((c) => ({
              key: `must-${c.taskId}`,
              label: `${t('mustAct')} · ${stepTitle(c.stepKey)}`,
              children: (
                <Space size={4} wrap>
                  {c.officials.map((o) => o.displayName).join('、')} · {t('dueAt')} {dateTime(c.dueAt)}
                  <DueBadge dueAt={c.dueAt} overdue={c.overdue} provisional={c.dueProvisional} />
                </Space>
              ),
            })),
          ]}
        />
        {me.roles.includes('ADMIN') && temporalUi && (
          <Typography.Link href={`${temporalUi.url}/namespaces/${encodeURIComponent(temporalUi.namespace)}/workflows/${encodeURIComponent(data.workflowId)}`} target="_blank" rel="noreferrer">
            {t('temporalLink')}
          </Typography.Link>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('myStep')}</h2>}>
            {myTask ? (
              <>
                <Typography.Paragraph>
                  <Typography.Text strong data-testid="my-step">
                    {stepTitle(myTask.stepKey)}
                  </Typography.Text>
                  （{code('kind', myTask.stepKind)}） · {t('dueAt')} {dateTime(myTask.dueAt)} <DueBadge dueAt={myTask.dueAt} overdue={myTask.overdue} provisional={myTask.dueProvisional} />
                </Typography.Paragraph>
                <TaskActions task={myTask} onChanged={reload} />
                <DecisionForm key={myTask.id} task={myTask} detail={data} onDecided={reload} />
              </>
            ) : (
              <Typography.Paragraph type="secondary">{t('noStepForMe')}</Typography.Paragraph>
            )}
            {data.initiatorId === me.id && <InitiatorActions detail={data} onChanged={reload} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('timeline')}</h2>}>
            <CaseTimeline detail={data} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
